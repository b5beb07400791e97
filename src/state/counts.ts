import type { Counts, Vote } from '../protocol/types.js';

/**
 * Counts as the reader should see them: the server's figure with the vote it already holds for this
 * reader replaced by the reader's current (possibly undelivered) vote.
 */
export function applyOwnVote(counts: Counts, counted: Vote, current: Vote): Counts {
  const adjusted = { ...counts };
  if (counted) adjusted[counted] = Math.max(0, adjusted[counted] - 1);
  if (current) adjusted[current] += 1;
  return adjusted;
}

/** True when both are absent or hold the same numbers. */
export const sameCounts = (a: Counts | null, b: Counts | null): boolean =>
  a === b || (a !== null && b !== null && a.yes === b.yes && a.no === b.no);
