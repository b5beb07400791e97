// `was-this-helpful-widget`: registers `<was-this-helpful>` and exports its class and types.
import './define.js';

export * from './element/index.js';
