import { html, LitElement, nothing } from 'lit';
import { ItemController } from './item-controller.js';
import { resolveLanguage, stringsFor } from './language.js';
import type { Counts } from './protocol.js';
import type { Strings } from './strings/strings.js';
import { styles } from './styles.js';
import { formatSummary } from './summary.js';

const DEFAULT_TIMEOUT_MS = 8000;

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
  };

  static override get observedAttributes(): string[] {
    return [...super.observedAttributes, 'lang'];
  }

  /** URL of the votes API, resolved against the page; absent (or not http/https): local-only mode. */
  declare endpoint: string | null;
  /** What is being rated; defaults to the canonical URL, else the page's origin and path. */
  declare itemId: string | null;
  /** The prompt; defaults to "Was this helpful?" in the element's language. */
  declare question: string | null;
  /** Label of the positive button; defaults to "Yes". */
  declare yesLabel: string | null;
  /** Label of the negative button; defaults to "No". */
  declare noLabel: string | null;
  /** The running-percentage line, with `{percent}`, `{yes}`, `{no}`, `{total}` placeholders. */
  declare summary: string | null;
  /** The summary stays hidden until yes + no reaches this number. */
  declare minVotes: number;
  /** Never show the summary line. */
  declare hideSummary: boolean;
  /** Show only the summary line, without the question and buttons. */
  declare summaryOnly: boolean;
  /** Shown and announced after a vote; defaults to "Thanks for your feedback!". */
  declare thanks: string | null;
  /** `lazy`: fetch counts when the element comes near the viewport; `eager`: at once. */
  declare loading: 'lazy' | 'eager' | string;
  /** Milliseconds before a request counts as failed. */
  declare timeout: number;

  private readonly item = new ItemController(this);

  constructor() {
    super();
    this.endpoint = null;
    this.itemId = null;
    this.question = null;
    this.yesLabel = null;
    this.noLabel = null;
    this.summary = null;
    this.minVotes = 1;
    this.hideSummary = false;
    this.summaryOnly = false;
    this.thanks = null;
    this.loading = 'lazy';
    this.timeout = DEFAULT_TIMEOUT_MS;
  }

  override attributeChangedCallback(name: string, old: string | null, value: string | null): void {
    super.attributeChangedCallback(name, old, value);
    if (name === 'lang') this.requestUpdate();
  }

  /** The timeout in use: the attribute when it is a positive number, else the default. */
  get effectiveTimeout(): number {
    return this.timeout > 0 && Number.isFinite(this.timeout) ? this.timeout : DEFAULT_TIMEOUT_MS;
  }

  protected override render() {
    const language = resolveLanguage(this);
    const strings = stringsFor(language);
    const summary = this.hideSummary
      ? nothing
      : html`<p part="summary">${this.summaryText(this.item.state.counts, strings, language) || '\u00a0'}</p>`;
    if (this.summaryOnly) return summary;
    const { vote } = this.item.state;
    const question = this.question ?? strings.question;
    return html`
      <div class="prompt" role="group" aria-labelledby="question">
        <span id="question" part="question">${question}</span>
        <span class="buttons">
          <button type="button" part="button yes-button" aria-pressed=${vote === 'yes'} @click=${() => this.onVote('yes')}>
            ${this.yesLabel ?? strings.yes}
          </button>
          <button type="button" part="button no-button" aria-pressed=${vote === 'no'} @click=${() => this.onVote('no')}>
            ${this.noLabel ?? strings.no}
          </button>
        </span>
      </div>
      ${summary}
      <p part="status" role="status">${this.statusMessage(strings)}</p>
    `;
  }

  private summaryText(counts: Counts | null, strings: Strings, language: string): string {
    const total = counts ? counts.yes + counts.no : 0;
    const minVotes = Number.isFinite(this.minVotes) ? this.minVotes : 1;
    if (!counts || total === 0 || total < minVotes) return '';
    return formatSummary(this.summary ?? strings.summary, counts, language);
  }

  private statusMessage(strings: Strings) {
    const { rejected, votedThisView, vote, undelivered } = this.item.state;
    if (rejected) return html`<span part="error">${strings.rejected}</span>`;
    if (!votedThisView || vote === null) return nothing;
    const queued = undelivered ? ` ${strings.queued}` : '';
    return html`<span part="thanks">${this.thanks ?? strings.thanks}${queued}</span>`;
  }

  private onVote(choice: 'yes' | 'no'): void {
    const [vote, previous] = this.item.toggle(choice);
    this.dispatchEvent(
      new CustomEvent('helpful-vote', {
        detail: { itemId: this.item.itemId, vote, previous },
        bubbles: true,
        composed: true,
      }),
    );
  }
}
