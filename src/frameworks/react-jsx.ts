/**
 * `<was-this-helpful>` in React's JSX (React 18 and 19): its attributes and, for React 19, which attaches
 * `on` + name props to a custom element as listeners, its events (`onhelpful-vote`). Types only: add
 * `import type {} from 'was-this-helpful-widget/react-jsx';` once, or use the `was-this-helpful-widget/react`
 * wrapper, which also sets properties and works on React 18.
 */
import type { DetailedHTMLProps, HTMLAttributes } from 'react';
import type { WasThisHelpfulElement } from '../element/was-this-helpful-element.js';
import type { WasThisHelpfulAttributes, WasThisHelpfulEventListeners } from './attributes.js';

/** The props of `<was-this-helpful>` in React's JSX. */
export type WasThisHelpfulJsxProps = Omit<
  DetailedHTMLProps<HTMLAttributes<WasThisHelpfulElement>, WasThisHelpfulElement>,
  keyof WasThisHelpfulAttributes
> &
  WasThisHelpfulAttributes &
  WasThisHelpfulEventListeners;

declare module 'react' {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace JSX {
    interface IntrinsicElements {
      'was-this-helpful': WasThisHelpfulJsxProps;
    }
  }
}
