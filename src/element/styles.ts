import { css } from 'lit';

/**
 * Inherits the page's font and colour so the widget looks at home anywhere; every colour derives from
 * `currentColor` unless a custom property says otherwise, so it works on light and dark pages alike.
 * Custom properties are read with fallbacks (not declared on :host) so a page can set them on any ancestor.
 */
export const styles = css`
  :host {
    display: block;
  }
  :host([hidden]) {
    display: none;
  }
  .prompt,
  .buttons {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--helpful-gap, 0.5em);
  }
  button {
    font: inherit;
    color: inherit;
    background: var(--helpful-button-background, none);
    border: var(--helpful-border-width, 1px) solid;
    border-radius: var(--helpful-radius, 0.375em);
    padding: var(--helpful-button-padding, 0.25em 0.9em);
    min-width: 24px;
    min-height: 24px;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--helpful-focus-color, currentColor);
    outline-offset: 2px;
  }
  [aria-pressed='true'] {
    background: var(--helpful-pressed-background, var(--helpful-button-background, none));
    border-color: var(--helpful-accent-color, currentColor);
    box-shadow: inset 0 0 0 1px var(--helpful-accent-color, currentColor);
    font-weight: bold;
  }
  /* The tick says "pressed" without colour: for colour-blind readers and in forced-colors mode. */
  [aria-pressed='true']::before {
    content: '✓ ';
  }
  p {
    margin: var(--helpful-gap, 0.5em) 0 0;
  }
  :host([summary-only]) p {
    margin: 0;
  }
  .reserved {
    visibility: hidden;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    [aria-pressed='true'] {
      border-width: 3px;
    }
  }
`;
