import { html, LitElement, nothing } from 'lit';
import { ItemController } from './item-controller.js';
import { DEFAULT_TIMEOUT_MS } from '../state/item-state.js';
import { isRightToLeft, languageStrings, resolveLanguage, stringsFor } from '../i18n/language.js';
import type { Strings } from '../i18n/strings/strings.js';
import { styles } from './styles.js';
import { formatSummary } from '../i18n/format-summary.js';
import { wantsFollowUp } from '../follow-up/follow-up-mode.js';
import type FollowUpForm from '../follow-up/follow-up-form.js';

/** What the summary line's reserved room is measured with: the widest percentage and two-digit counts. */
const TYPICAL_COUNTS = { yes: 88, no: 0 } as const;

/**
 * "Was this helpful? Yes / No" with the running percentage of readers who said yes.
 *
 * @fires helpful-vote - `{ itemId, vote, previous }` when the reader casts, changes or withdraws a vote.
 * @fires helpful-counts - `{ itemId, yes, no }` when the counts this element shows change.
 * @fires helpful-error - `{ itemId, error, queued }` when a request for the item fails; `queued`: the vote is kept for retry.
 * @fires helpful-feedback - `{ itemId, vote, reason, comment }` once per Send of the follow-up form (delivered or queued).
 * @attr {string} follow-up - After which vote the follow-up form appears: `no` (default), `yes`, `both` or `off`; never in local-only mode.
 * @attr {string} no-reasons - The reasons offered after No, as `code=Label|code=Label`, replacing the built-in list.
 * @attr {string} yes-reasons - The reasons offered after Yes, as `code=Label|code=Label`, replacing the built-in list.
 * @attr {string} comment-label - Label of the follow-up's comment box; defaults to "Anything else? (optional)".
 * @csspart question - The prompt text.
 * @csspart button - Both buttons.
 * @csspart yes-button - The positive button.
 * @csspart no-button - The negative button.
 * @csspart summary - The running-percentage line.
 * @csspart status - The visually hidden live region that announces a vote's outcome.
 * @csspart thanks - The thanks message (and the note when a vote is kept for later).
 * @csspart error - The message shown when the server refused a vote.
 * @csspart follow-up - The follow-up form (reasons, comment box, Send and "No thanks").
 * @csspart follow-up-error - A follow-up form's error, next to its field.
 * @csspart follow-up-thanks - The confirmation after the follow-up was sent.
 * @cssprop --helpful-accent-color - Border of the pressed button (default: the text colour).
 * @cssprop --helpful-radius - Corner radius of the buttons (default: 0.375em).
 * @cssprop --helpful-gap - Space between the question, the buttons and the lines below (default: 0.5em).
 * @cssprop --helpful-button-padding - Padding inside the buttons (default: 0.25em 0.9em).
 * @cssprop --helpful-focus-color - Colour of the keyboard focus ring (default: the text colour).
 * @cssprop --helpful-button-background - Background of the buttons (default: none, the page shows through).
 * @cssprop --helpful-pressed-background - Background of the pressed button (default: as the other button).
 * @cssprop --helpful-border-width - Border width of the buttons (default: 1px).
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
  /**
   * Read out after the thanks: the summary at the moment of the vote, then the follow-up form's question.
   * `undefined` while the form's module loads, so that the announcement is made once, whole.
   */
  #announced?: string = '';
  /** The follow-up form of this element's latest vote, once its module is loaded. */
  #form?: FollowUpForm;

  constructor() {
    super();
    this.minVotes = 1;
    this.hideSummary = false;
    this.summaryOnly = false;
    this.loading = 'lazy';
    this.timeout = DEFAULT_TIMEOUT_MS;
  }

  /** Waits for the strings of a language other than English the first time, so no English flashes first. */
  protected override async scheduleUpdate(): Promise<void> {
    const strings = languageStrings(resolveLanguage(this));
    if (strings instanceof Promise) await strings;
    super.scheduleUpdate();
  }

  protected override render() {
    const language = resolveLanguage(this);
    const strings = stringsFor(language);
    const summary = this.hideSummary ? nothing : this.summaryLine(strings, language);
    const dir = isRightToLeft(language) ? 'rtl' : nothing;
    if (this.summaryOnly) return html`<div dir=${dir}>${summary}</div>`;
    const { vote, rejected, votedThisPageView, undelivered } = this.item.state;
    const thanks =
      votedThisPageView && vote ? `${this.thanks ?? strings.thanks}${undelivered ? ` ${strings.queued}` : ''}` : '';
    const message = rejected ? strings.rejected : thanks;
    // Silent while the form's module loads, so that the announcement is made once, whole.
    const announcement =
      !this.item.votedWithThisElement || this.#announced === undefined
        ? ''
        : rejected
          ? message
          : `${message} ${this.#announced}`.trim();
    return html`
      <div dir=${dir}>
        <div class="prompt" role="group" aria-labelledby="question">
          <span id="question" part="question">${this.question ?? strings.question}</span>
          <span class="buttons">
            <button
              type="button"
              part="button yes-button"
              aria-pressed=${vote === 'yes'}
              @click=${() => this.vote('yes', strings, language)}
            >
              ${this.yesLabel ?? strings.yes}
            </button>
            <button
              type="button"
              part="button no-button"
              aria-pressed=${vote === 'no'}
              @click=${() => this.vote('no', strings, language)}
            >
              ${this.noLabel ?? strings.no}
            </button>
          </span>
        </div>
        ${summary}
        ${rejected ? html`<p part="error">${message}</p>` : thanks ? html`<p part="thanks">${message}</p>` : nothing}
        ${this.#form?.render(strings)}
        <p part="status" role="status" class="visually-hidden">${announcement}</p>
      </div>
    `;
  }

  /**
   * Only the element the reader used speaks, and the summary it reads out is the one at the moment of
   * the vote: a polite announcement, made once, of what just changed.
   */
  private vote(choice: 'yes' | 'no', strings: Strings, language: string): void {
    this.item.toggle(choice);
    const { state } = this.item;
    const { votedAt } = state;
    // Only for the latest vote: an answer for an earlier one (the form's module arriving late) is dropped.
    const announce = (form?: FollowUpForm) => {
      if (votedAt === state.votedAt) {
        this.#form = form;
        this.#announced = `${state.vote ? this.summaryText(strings, language) : ''} ${form?.question(strings) ?? ''}`;
      }
      this.requestUpdate();
    };
    this.#announced = undefined;
    // The form's module is fetched the first time a vote asks for it; if it cannot be, the vote stands alone.
    if (state.endpoint && wantsFollowUp(this.getAttribute('follow-up'), state.vote))
      import('../follow-up/follow-up-form.js').then(
        (module) => announce(new module.default(this, state)),
        () => announce(),
      );
    else announce();
  }

  /** The filled summary, or '' while it has nothing to say (no votes, or fewer than `min-votes`). */
  private summaryText(strings: Strings, language: string): string {
    const counts = this.item.state.shownCounts;
    const total = counts ? counts.yes + counts.no : 0;
    // A NaN min-votes (an unparsable attribute) compares false: it hides nothing.
    return counts && total && !(total < this.minVotes)
      ? formatSummary(this.summary ?? strings.summary, counts, language)
      : '';
  }

  /**
   * The running-percentage line. Until it has something to say, it holds the same template filled with
   * typical figures, invisible and hidden from assistive technology: it takes the room (and the line
   * breaks) the real text will take, so counts arriving later move nothing on the page.
   */
  private summaryLine(strings: Strings, language: string) {
    const text = this.summaryText(strings, language);
    if (text) return html`<p part="summary">${text}</p>`;
    const reserved = formatSummary(this.summary ?? strings.summary, TYPICAL_COUNTS, language);
    return html`<p part="summary" class="reserved" aria-hidden="true">${reserved}</p>`;
  }
}
