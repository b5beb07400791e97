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
}
