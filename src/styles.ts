import { css } from 'lit';

/**
 * Inherits the page's font and colour so the widget looks at home anywhere; every colour is derived
 * from `currentColor` unless a custom property says otherwise, so it works on light and dark pages alike.
 */
export const styles = css`
  :host {
    display: block;
    --helpful-accent-color: currentColor;
    --helpful-radius: 0.375em;
    --helpful-gap: 0.5em;
    --helpful-button-padding: 0.25em 0.9em;
    --helpful-focus-color: currentColor;
  }
  :host([hidden]) {
    display: none;
  }
  .prompt {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: var(--helpful-gap);
  }
  .buttons {
    display: inline-flex;
    gap: var(--helpful-gap);
  }
  button {
    font: inherit;
    color: inherit;
    background: transparent;
    border: 1px solid currentColor;
    border-radius: var(--helpful-radius);
    padding: var(--helpful-button-padding);
    min-width: 24px;
    min-height: 24px;
    cursor: pointer;
  }
  button:focus-visible {
    outline: 2px solid var(--helpful-focus-color);
    outline-offset: 2px;
  }
  button[aria-pressed='true'] {
    border-color: var(--helpful-accent-color);
    box-shadow: inset 0 0 0 1px var(--helpful-accent-color);
    font-weight: bold;
  }
  button[aria-pressed='true']::before {
    content: '✓ ';
  }
  p {
    margin: var(--helpful-gap) 0 0;
  }
  :host([summary-only]) p {
    margin: 0;
  }
`;
