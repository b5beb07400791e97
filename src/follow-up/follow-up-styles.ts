import { css } from 'lit';

/**
 * The form's own rules, added to the element's shadow root with the form (so pages nobody votes on never
 * load them). Colours come from `currentColor`, as for the vote: light and dark pages and forced colours
 * alike. Targets are at least 24 px, and nothing has a fixed width, so the form reflows at 320 px.
 */
export const followUpStyles = css`
  form {
    display: grid;
    gap: var(--helpful-gap, 0.5em);
    margin-top: var(--helpful-gap, 0.5em);
    max-width: 40em;
  }
  fieldset {
    border: 0;
    padding: 0;
    margin: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
    font-weight: bold;
  }
  label {
    display: flex;
    align-items: center;
    gap: 0.4em;
    min-height: 24px;
  }
  input,
  textarea {
    accent-color: var(--helpful-accent-color, auto);
  }
  [type='radio'] {
    margin: 0;
    width: 1.1em;
    height: 1.1em;
    flex: none;
  }
  textarea {
    font: inherit;
    color: inherit;
    background: none;
    border: var(--helpful-border-width, 1px) solid;
    border-radius: var(--helpful-radius, 0.375em);
    padding: 0.4em;
    box-sizing: border-box;
    width: 100%;
    min-height: 5em;
    resize: vertical;
  }
  [aria-invalid='true'] {
    border-width: 3px;
  }
  form p {
    margin: 0;
  }
  [part~='follow-up-error'] {
    font-weight: bold;
  }
  [part~='follow-up-error']::before {
    content: '⚠ ';
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: var(--helpful-gap, 0.5em);
  }
`;
