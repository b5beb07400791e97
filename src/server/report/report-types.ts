/**
 * What `was-this-helpful report` and `GET /api/report` answer (CONTRACT.md section 6): the shapes the command
 * line, the HTTP API and the report page share. Percentages are from 0 to 100 with one decimal.
 */

/** The days an answer covers, as JSON states them: `since` is `null` for `all`; both days are included. */
export interface WindowJson {
  since: string | null;
  until: string;
}

/** One item's row in the report. */
export interface ReportItem {
  item: string;
  /** Votes "yes" last cast or changed in the window. */
  yes: number;
  /** Votes "no" last cast or changed in the window. */
  no: number;
  /** `yes + no`. */
  votes: number;
  /** `yes ÷ votes`, as a percentage. */
  helpful: number;
  /** The lower bound of the 95% Wilson score interval of `helpful`, as a percentage. */
  low: number;
  /** The upper bound of the 95% Wilson score interval of `helpful`, as a percentage. */
  high: number;
  /** `helpful` in the window of the same length just before, or `null` without votes there (or for `all`). */
  previous: number | null;
  /** Follow-ups with a comment on the item's votes in the window. */
  comments: number;
  /** The most frequent reason given after No in the window (ties by code), or `null`. */
  top_reason: string | null;
  /** With `--item` only: the daily Yes and No over the window, one entry per UTC day, oldest first. */
  days?: DailyCounts[];
  /** With `--item` only: each reason given in the window with its count, most frequent first. */
  reasons?: ReasonCount[];
}

/** The votes of one UTC day (`YYYY-MM-DD`). */
export interface DailyCounts {
  day: string;
  yes: number;
  no: number;
}

/** A reason code, after which vote, and how many follow-ups gave it. */
export interface ReasonCount {
  reason: string;
  vote: 'yes' | 'no';
  count: number;
}

/** The report's answer: its window and one row per item with a vote in it. */
export interface ReportAnswer {
  window: WindowJson;
  items: ReportItem[];
}

/** One follow-up as `comments` and `GET /api/comments` answer it (`received` is ISO 8601). */
export interface CommentRow {
  received: string;
  item: string;
  vote: 'yes' | 'no';
  reason: string | null;
  comment: string;
}

/** The comments' answer: its window and the follow-ups, newest first. */
export interface CommentsAnswer {
  window: WindowJson;
  comments: CommentRow[];
}
