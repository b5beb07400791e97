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
  div,
  span {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--helpful-gap, 0.5em);
  }
  button {
    font: inherit;
    color: inherit;
    background: none;
    border: 1px solid;
    border-radius: var(--helpful-radius, 0.375em);
    padding: var(--helpful-button-padding, 0.25em 0.9em);
    min-height: 24px;
    cursor: pointer;
  }
  :focus-visible {
    outline: 2px solid var(--helpful-focus-color, currentColor);
    outline-offset: 2px;
  }
  [aria-pressed='true'] {
    border-color: var(--helpful-accent-color, currentColor);
    box-shadow: inset 0 0 0 1px var(--helpful-accent-color, currentColor);
    font-weight: bold;
  }
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
`;
