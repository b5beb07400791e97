import { css } from 'lit';

/**
 * The page's look: system colours and the owner's light or dark preference (`color-scheme`), a focus ring
 * on everything that takes focus, and the chart's colours as classes (blue for Yes, orange for No: told
 * apart with any colour vision, and labelled in text besides). Adopted as a constructed stylesheet, so the
 * page needs no inline style under `default-src 'self'`.
 */
export const reportStyles = css`
  :host {
    display: block;
    color-scheme: light dark;
    /* Stated, not left transparent: the page's canvas follows the same preference (its color-scheme meta). */
    background: Canvas;
    color: CanvasText;
    --yes-color: #1f6fb4;
    --no-color: #b3560b;
    --muted-color: #595959;
    --link-color: #0645ad;
    font:
      1rem/1.5 system-ui,
      sans-serif;
    max-width: 72rem;
    margin: 0 auto;
    padding: 1rem;
  }
  @media (prefers-color-scheme: dark) {
    :host {
      --yes-color: #7cb8f0;
      --no-color: #f0a060;
      --muted-color: #b8b8b8;
      --link-color: #8ab4f8;
    }
  }
  h1 {
    font-size: 1.5rem;
    margin: 0 0 1rem;
  }
  h2 {
    font-size: 1.25rem;
    margin: 1.5rem 0 0.5rem;
    overflow-wrap: anywhere;
  }
  h3 {
    font-size: 1.1rem;
    margin: 1.25rem 0 0.5rem;
  }
  form,
  .actions {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.75rem;
    margin: 0.5rem 0;
  }
  label {
    display: flex;
    flex-direction: column;
    gap: 0.25rem;
  }
  input,
  select,
  button {
    font: inherit;
    min-height: 2rem;
  }
  button {
    cursor: pointer;
  }
  :focus-visible {
    outline: 3px solid Highlight;
    outline-offset: 2px;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .message {
    border-left: 4px solid var(--no-color);
    padding: 0.25rem 0.75rem;
  }
  .scroll {
    overflow: auto;
    max-width: 100%;
  }
  table {
    border-collapse: collapse;
  }
  th,
  td {
    padding: 0.25rem 0.5rem;
    border-bottom: 1px solid var(--muted-color);
    text-align: end;
  }
  th:first-child,
  td:first-child {
    text-align: start;
  }
  th button {
    border: none;
    background: none;
    color: inherit;
    font-weight: bold;
    padding: 0.125rem 0.25rem;
  }
  .item-button {
    border: none;
    background: none;
    color: var(--link-color);
    text-decoration: underline;
    text-align: start;
    padding: 0;
    max-width: 28rem;
    overflow-wrap: anywhere;
  }
  .item-view {
    display: grid;
    grid-template-columns: minmax(0, 2fr) minmax(12rem, 1fr);
    gap: 1rem;
    align-items: start;
  }
  @media (max-width: 48rem) {
    .item-view {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  figure {
    margin: 0;
  }
  .chart {
    width: 100%;
    height: auto;
  }
  .days {
    max-height: 20rem;
  }
  .yes {
    fill: var(--yes-color);
  }
  .no {
    fill: var(--no-color);
  }
  .axis {
    stroke: CanvasText;
  }
  .label {
    fill: CanvasText;
    font-size: 12px;
  }
  .reasons {
    list-style: none;
    padding: 0;
    display: grid;
    grid-template-columns: max-content minmax(6rem, 1fr) max-content;
    gap: 0.25rem 0.75rem;
    align-items: center;
  }
  .reasons li {
    display: contents;
  }
  .bar {
    width: 100%;
    height: 0.9rem;
  }
  .after,
  .comment-meta,
  .no-comment {
    color: var(--muted-color);
  }
  .comments {
    padding-left: 1.5rem;
  }
  .comments li {
    margin-bottom: 0.75rem;
  }
  .comments p {
    margin: 0;
  }
  .comment {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
    unicode-bidi: isolate;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
