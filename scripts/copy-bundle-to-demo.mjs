import { copyFileSync } from 'node:fs';

// The demo loads the bundle the way an article page would: one file beside the page, no build step.
copyFileSync('dist/was-this-helpful.bundle.js', 'demo/was-this-helpful.bundle.js');
