/** The messages of the endpoint protocol, shared by the element and the reference server. */

/** A reader's vote; `null` is "no vote" (withdrawn or never cast). */
export type Vote = 'yes' | 'no' | null;

/** Tallies of current votes for one item. */
export interface Counts {
  yes: number;
  no: number;
}

/** Counts of one item, as the endpoint returns them. */
export interface ItemCounts extends Counts {
  id: string;
}

/** The body of a vote request. */
export interface VoteRequest {
  id: string;
  vote: Vote;
  voter: string;
  /**
   * Why the reader voted so (protocol v1.1, optional): a reason code. `null` or absent: none. With a reason or
   * a comment, `vote` is `"yes"` or `"no"`.
   */
  reason?: string | null;
  /** What the reader wrote (protocol v1.1, optional): `''` or absent: none. */
  comment?: string;
}
