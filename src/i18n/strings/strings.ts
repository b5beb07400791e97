/** The built-in texts of one language. Attributes of the element override each of them. */
export interface Strings {
  /** The prompt. */
  question: string;
  /** The positive button. */
  yes: string;
  /** The negative button. */
  no: string;
  /** The running-percentage line; placeholders `{percent}`, `{yes}`, `{no}`, `{total}`. */
  summary: string;
  /** Shown and announced after the reader votes. */
  thanks: string;
  /** Shown and announced when the server refused a vote for good. */
  rejected: string;
  /** Shown and announced beside the thanks when a vote could not be sent yet and is kept for later. */
  queued: string;
  /** The follow-up form's texts; English's travel in the form's own module, so English pages load them late. */
  followUp?: FollowUpStrings;
}

/** The follow-up form's built-in texts (contract section 5). */
export interface FollowUpStrings {
  /** The reasons after No, as `code=Label|…` (the codes are the protocol's: keep them). */
  noReasons: string;
  /** The reasons after Yes, as `code=Label|…`. */
  yesReasons: string;
  /** The question naming the reasons after No. */
  noQuestion: string;
  /** The question naming the reasons after Yes. */
  yesQuestion: string;
  /** The comment box's label. */
  comment: string;
  /** Tied to the comment box. */
  hint: string;
  /** What is left of the comment box, shown once fewer than 100 code points remain; `{n}` is the number. */
  left: string;
  send: string;
  noThanks: string;
  /** Reopens the form after "No thanks". */
  tellUsMore: string;
  /** Reopens the form with what was sent. */
  edit: string;
  /** The confirmation after Send. */
  sent: string;
  /** Error at the reasons: neither a reason nor a comment. */
  empty: string;
  /** Error at the comment box: the reason `other` without a comment. */
  other: string;
  /** Error at the comment box: longer than 1,000 characters. */
  length: string;
  /** Error at the comment box: it holds control characters (or broken ones) that cannot be sent. */
  characters: string;
}
