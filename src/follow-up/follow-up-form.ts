import { html, nothing, type ReactiveControllerHost } from 'lit';
import { enFollowUp } from '../i18n/strings/en-follow-up.js';
import type { FollowUpStrings, Strings } from '../i18n/strings/strings.js';
import { MAX_COMMENT_CODE_POINTS } from '../protocol/follow-up-rules.js';
import { castVote } from '../state/outbox.js';
import type { ItemState } from '../state/item-state.js';
import { followUpStyles } from './follow-up-styles.js';
import { parseReasons } from './reason-list.js';
import { sendProblem, type SendProblem } from './send-rule.js';

/** The element the form is rendered by (it reads `no-reasons`, `yes-reasons` and `comment-label` from it). */
export type FollowUpHost = ReactiveControllerHost & HTMLElement;

/** A language's texts for the form: English's come with this module. */
const followUpStrings = (language: Strings): FollowUpStrings => language.followUp ?? enFollowUp;

/** The count of what is left appears once fewer than this many code points remain. */
const SHOW_LEFT_BELOW = 100;

/**
 * The follow-up form of one vote (contract section 5), rendered by the element the reader voted with, under
 * the thanks: reasons, comment, Send and "No thanks", then the way back ("Tell us more", "Edit your comment").
 * It lives while its vote does: a vote changed or withdrawn anywhere, or refused, closes it, and the item state
 * drops the follow-up waiting with the old vote.
 */
export default class FollowUpForm {
  readonly vote: 'yes' | 'no';
  #stage: 'open' | 'declined' | 'sent' = 'open';
  #reason: string | null = null;
  #comment = '';
  /** Shown since the last Send, and updated as the reader fixes it. */
  #problem?: SendProblem;
  /** The item's `votedAt` this form explains: any later vote is another one. */
  #votedAt: number;

  constructor(
    private readonly host: FollowUpHost,
    private readonly state: ItemState,
  ) {
    this.vote = state.vote!;
    this.#votedAt = state.votedAt;
    const root = host.shadowRoot!;
    const sheet = followUpStyles.styleSheet;
    if (sheet && !root.adoptedStyleSheets.includes(sheet))
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
  }

  /** The question naming the reasons, in the element's language, which the vote's announcement ends with. */
  question(language: Strings): string {
    return followUpStrings(language)[`${this.vote}Question`];
  }

  /** The form in the element's language (`language`: its strings), or nothing once its vote is not the latest. */
  render(language: Strings) {
    const { state } = this;
    if (state.votedAt !== this.#votedAt || state.rejected) return nothing;
    const strings = followUpStrings(language);
    const again = (label: string) =>
      html`<p><button type="button" part="button" @click=${this.#reopen}>${label}</button></p>`;
    if (this.#stage === 'declined') return again(strings.tellUsMore);
    if (this.#stage === 'sent')
      return html`<p part="follow-up-thanks" tabindex="-1">${strings.sent}</p>
        ${again(strings.edit)}`;
    const reasons = parseReasons(this.host.getAttribute(`${this.vote}-reasons`), strings[`${this.vote}Reasons`]);
    const problem = this.#problem;
    const reasonError = problem === 'empty';
    const commentError = problem && !reasonError;
    const left = MAX_COMMENT_CODE_POINTS - [...this.#comment].length;
    const describedBy = [
      'follow-up-hint',
      left < SHOW_LEFT_BELOW && 'follow-up-left',
      commentError && 'follow-up-error',
    ];
    return html`
      <form part="follow-up" novalidate @submit=${this.#send} @keydown=${this.#escape}>
        <fieldset aria-describedby=${reasonError ? 'follow-up-error' : nothing}>
          <legend>${strings[`${this.vote}Question`]}</legend>
          ${reasons.map(
            ([code, label]) =>
              html`<label
                ><input
                  type="radio"
                  name="reason"
                  .value=${code}
                  .checked=${this.#reason === code}
                  aria-invalid=${reasonError}
                  @change=${() => this.#edit(code, this.#comment)}
                />${label}</label
              >`,
          )}
          ${reasonError ? this.#error(strings.empty) : nothing}
        </fieldset>
        <label for="follow-up-comment">${this.host.getAttribute('comment-label') ?? strings.comment}</label>
        <textarea
          id="follow-up-comment"
          dir="auto"
          rows="4"
          .value=${this.#comment}
          aria-invalid=${!!commentError}
          aria-describedby=${describedBy.filter(Boolean).join(' ')}
          @input=${(event: InputEvent) => this.#edit(this.#reason, (event.target as HTMLTextAreaElement).value)}
        ></textarea>
        ${commentError ? this.#error(strings[problem === 'other' || problem === 'length' ? problem : 'characters']) : nothing}
        <p id="follow-up-hint">${strings.hint}</p>
        ${left < SHOW_LEFT_BELOW ? html`<p id="follow-up-left">${strings.left.replace('{n}', `${Math.max(0, left)}`)}</p>` : nothing}
        <input name="website" class="visually-hidden" aria-hidden="true" tabindex="-1" autocomplete="off" />
        <p class="actions">
          <button type="submit" part="button">${strings.send}</button>
          <button type="button" part="button" @click=${this.#decline}>${strings.noThanks}</button>
        </p>
      </form>
    `;
  }

  /** Next to its field, tied to it with `aria-describedby`, and announced (an alert: the reader just pressed Send). */
  #error(message: string) {
    return html`<p id="follow-up-error" part="follow-up-error" role="alert">${message}</p>`;
  }

  /** Keeps what the reader chose and typed; an error shown goes away once it no longer applies. */
  #edit(reason: string | null, comment: string): void {
    this.#reason = reason;
    this.#comment = comment;
    if (this.#problem) this.#problem = sendProblem(reason, comment);
    this.host.requestUpdate();
  }

  #send = (event: SubmitEvent): void => {
    event.preventDefault();
    this.#problem = sendProblem(this.#reason, this.#comment);
    if (!this.#problem) {
      const comment = (this.#comment = this.#comment.trim());
      const honeypot = (event.target as HTMLFormElement).querySelector('[name="website"]') as HTMLInputElement;
      // A filled honeypot is a robot's: it sees the same success and nothing is sent or told.
      if (!honeypot.value) {
        const followUp = { reason: this.#reason, comment };
        castVote(this.state, this.vote, followUp);
        this.#votedAt = this.state.votedAt;
        const detail = { itemId: this.state.id, vote: this.vote, ...followUp };
        this.host.dispatchEvent(new CustomEvent('helpful-feedback', { detail, bubbles: true, composed: true }));
      }
      this.#stage = 'sent';
      this.#focus('[part~="follow-up-thanks"]');
    }
    this.host.requestUpdate();
  };

  /** "No thanks", and Escape anywhere in the form: closed, and focus back on the vote the form was about. */
  #decline = (): void => {
    this.#stage = 'declined';
    this.#problem = undefined;
    this.#focus(`[part~="${this.vote}-button"]`);
  };

  #escape = (event: KeyboardEvent): void => {
    if (event.key === 'Escape') this.#decline();
  };

  /** "Tell us more" and "Edit your comment": the form again, with what was chosen and typed (or sent). */
  #reopen = (): void => {
    this.#stage = 'open';
    this.#focus('[name="reason"]:checked');
  };

  /** Focus moves once the new markup is there: to `selector`, else (the form reopened) the first reason. */
  #focus(selector: string): void {
    this.host.requestUpdate();
    void this.host.updateComplete.then(() => {
      const root = this.host.shadowRoot!;
      (root.querySelector<HTMLElement>(selector) ?? root.querySelector<HTMLElement>('[name="reason"]'))?.focus();
    });
  }
}
