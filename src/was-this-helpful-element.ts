import { html, LitElement, nothing } from 'lit';
import { ItemController } from './item-controller.js';
import { resolveLanguage, stringsFor } from './language.js';
import type { Strings } from './strings/strings.js';
import { styles } from './styles.js';
import { formatSummary } from './summary.js';

/** What the summary line's reserved room is measured with: the widest percentage and two-digit counts. */
const TYPICAL_COUNTS = { yes: 88, no: 0 } as const;

/**
 * "Was this helpful? Yes / No" with the running percentage of readers who said yes.
 *
 * @fires helpful-vote - `{ itemId, vote, previous }` when the reader casts, changes or withdraws a vote.
 * @fires helpful-counts - `{ itemId, yes, no }` when the counts this element shows change.
 * @fires helpful-error - `{ itemId, error, queued }` when a request for the item fails; `queued`: the vote is kept for retry.
 * @csspart question - The prompt text.
 * @csspart button - Both buttons.
 * @csspart yes-button - The positive button.
 * @csspart no-button - The negative button.
 * @csspart summary - The running-percentage line.
 * @csspart status - The live region holding the thanks or error message.
 * @csspart thanks - The thanks message (and the note when a vote is kept for later).
 * @csspart error - The message shown when the server refused a vote.
 * @cssprop --helpful-accent-color - Border of the pressed button (default: the text colour).
 * @cssprop --helpful-radius - Corner radius of the buttons (default: 0.375em).
 * @cssprop --helpful-gap - Space between the question, the buttons and the lines below (default: 0.5em).
 * @cssprop --helpful-button-padding - Padding inside the buttons (default: 0.25em 0.9em).
 * @cssprop --helpful-focus-color - Colour of the keyboard focus ring (default: the text colour).
 */
export class WasThisHelpfulElement extends LitElement {
  static override styles = styles;

  static override properties = {
    endpoint: {},
    itemId: { attribute: 'item-id' },
    question: {},
    yesLabel: { attribute: 'yes-label' },
    noLabel: { attribute: 'no-label' },
    summary: {},
    minVotes: { attribute: 'min-votes', type: Number },
    hideSummary: { attribute: 'hide-summary', type: Boolean, reflect: true },
    summaryOnly: { attribute: 'summary-only', type: Boolean, reflect: true },
    thanks: {},
    loading: {},
    timeout: { type: Number },
    // Declared so that a change re-renders; reflected so that it stays the element's real lang attribute.
    lang: { reflect: true },
  };

  /** URL of the votes API, resolved against the page; absent (or not http/https): local-only mode. */
  declare endpoint?: string | null;
  /** What is being rated; defaults to the canonical URL, else the page's origin and path. */
  declare itemId?: string | null;
  /** The prompt; defaults to "Was this helpful?" in the element's language. */
  declare question?: string | null;
  /** Label of the positive button; defaults to "Yes". */
  declare yesLabel?: string | null;
  /** Label of the negative button; defaults to "No". */
  declare noLabel?: string | null;
  /** The running-percentage line, with `{percent}`, `{yes}`, `{no}`, `{total}` placeholders. */
  declare summary?: string | null;
  /** The summary stays hidden until yes + no reaches this number. */
  declare minVotes: number;
  /** Never show the summary line. */
  declare hideSummary: boolean;
  /** Show only the summary line, without the question and buttons. */
  declare summaryOnly: boolean;
  /** Shown and announced after a vote; defaults to "Thanks for your feedback!". */
  declare thanks?: string | null;
  /** `lazy`: fetch counts when the element comes near the viewport; `eager`: at once. */
  declare loading: 'lazy' | 'eager' | string;
  /** Milliseconds before a request counts as failed. */
  declare timeout: number;
  /** Language of the built-in strings and number formats; defaults to the nearest ancestor's `lang`. */
  declare lang: string;

  private readonly item = new ItemController(this);

  constructor() {
    super();
    this.minVotes = 1;
    this.hideSummary = false;
    this.summaryOnly = false;
    this.loading = 'lazy';
    this.timeout = 8000;
  }

  protected override render() {
    const language = resolveLanguage(this);
    const strings = stringsFor(language);
    const summary = this.hideSummary ? nothing : this.summaryLine(strings, language);
    if (this.summaryOnly) return summary;
    const { vote } = this.item.state;
    const question = this.question ?? strings.question;
    return html`
      <div role="group" aria-labelledby="question">
        <span id="question" part="question">${question}</span>
        <span>
          <button type="button" part="button yes-button" aria-pressed=${vote === 'yes'} @click=${() => this.item.toggle('yes')}>
            ${this.yesLabel ?? strings.yes}
          </button>
          <button type="button" part="button no-button" aria-pressed=${vote === 'no'} @click=${() => this.item.toggle('no')}>
            ${this.noLabel ?? strings.no}
          </button>
        </span>
      </div>
      ${summary}
      <p part="status" role="status">${this.statusMessage(strings)}</p>
    `;
  }

  /**
   * The running-percentage line. Until it has something to say, it holds the same template filled with
   * typical figures, invisible and hidden from assistive technology: it takes the room (and the line
   * breaks) the real text will take, so counts arriving later move nothing on the page.
   */
  private summaryLine(strings: Strings, language: string) {
    const template = this.summary ?? strings.summary;
    const counts = this.item.state.shownCounts;
    const total = counts ? counts.yes + counts.no : 0;
    // A NaN min-votes (an unparsable attribute) compares false: it hides nothing.
    if (counts && total && !(total < this.minVotes)) return html`<p part="summary">${formatSummary(template, counts, language)}</p>`;
    return html`<p part="summary" class="reserved" aria-hidden="true">${formatSummary(template, TYPICAL_COUNTS, language)}</p>`;
  }

  private statusMessage(strings: Strings) {
    const { rejected, votedThisView, vote, undelivered } = this.item.state;
    if (rejected) return html`<span part="error">${strings.rejected}</span>`;
    if (!votedThisView || !vote) return nothing;
    return html`<span part="thanks">${this.thanks ?? strings.thanks}${undelivered ? ` ${strings.queued}` : ''}</span>`;
  }

}
