/**
 * `<was-this-helpful>` in Preact's JSX: its attributes and its events (`onhelpful-vote`, which Preact attaches
 * as a listener for `helpful-vote`). Types only: add `import type {} from 'was-this-helpful-widget/preact-jsx';`
 * once.
 */
import type { HTMLAttributes } from 'preact';
import type { WasThisHelpfulElement } from '../element/was-this-helpful-element.js';
import type { WasThisHelpfulAttributes, WasThisHelpfulEventListeners } from './attributes.js';

/** The props of `<was-this-helpful>` in Preact's JSX. */
export type WasThisHelpfulPreactProps = Omit<HTMLAttributes<WasThisHelpfulElement>, keyof WasThisHelpfulAttributes> &
  WasThisHelpfulAttributes &
  WasThisHelpfulEventListeners;

declare module 'preact' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'was-this-helpful': WasThisHelpfulPreactProps;
    }
  }
}
