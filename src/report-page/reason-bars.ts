/** An item's reasons as bars: each code, after which vote, and how many gave it, longest bar first. */
import { html, svg, type TemplateResult } from 'lit';
import type { ReasonCount } from '../server/report/report-types.js';

/** The bars of `reasons` as a list (the counts are text; the bars only show them). */
export function reasonBars(reasons: readonly ReasonCount[]): TemplateResult {
  if (reasons.length === 0) return html`<p>No reasons were given in this window.</p>`;
  const largest = Math.max(...reasons.map((reason) => reason.count));
  return html`<ul class="reasons">
    ${reasons.map(
      ({ reason, vote, count }) =>
        html`<li>
          <span class="reason-name"><bdi>${reason}</bdi> <span class="after">(after ${vote})</span></span>
          <svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
            ${svg`<rect class=${vote} x="0" y="0" height="10" width=${(count / largest) * 100}></rect>`}
          </svg>
          <span class="count">${count}</span>
        </li>`,
    )}
  </ul>`;
}
