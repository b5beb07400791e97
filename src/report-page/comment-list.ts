/**
 * Follow-ups, newest first. A comment is whatever a reader typed: it is only ever a text binding (Lit sets it
 * as text, so markup in it stays visible characters), and it is isolated with `dir="auto"`, so that a
 * right-to-left comment reads right and cannot reorder what is around it.
 */
import { html, nothing, type TemplateResult } from 'lit';
import type { CommentRow } from '../server/report/report-types.js';

/** Between the parts of a follow-up's line; bound as text, since the template's own spaces are minified away. */
const SEPARATOR = ' · ';

/** "2026-12-02 14:05 UTC". */
const minute = (received: string) => `${received.slice(0, 16).replace('T', ' ')} UTC`;

export function commentList(comments: readonly CommentRow[]): TemplateResult {
  if (comments.length === 0) return html`<p>No follow-ups match.</p>`;
  return html`<ol class="comments">
    ${comments.map(
      (row) =>
        html`<li>
          <p class="comment-meta">
            <time datetime=${row.received}>${minute(row.received)}</time
            >${SEPARATOR}${row.vote === 'yes' ? 'Yes' : 'No'}${
              row.reason ? html`${SEPARATOR}<bdi>${row.reason}</bdi>` : nothing
            }
          </p>
          ${
            row.comment === ''
              ? html`<p class="no-comment">(no comment)</p>`
              : html`<p class="comment" dir="auto">${row.comment}</p>`
          }
        </li>`,
    )}
  </ol>`;
}
