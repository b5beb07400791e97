import { LRUCache } from 'lru-cache';

/**
 * GET answers already serialised, by the query that asked for them. A page's widgets ask for the same items
 * in the same order for every reader, so most GETs repeat a recent query; answering one again skips parsing
 * and checking up to 100 ids, reading their counts and serialising them (with 20 ids, most of a GET's time).
 *
 * An answer is good only while the store's `countsRevision` stays the same: every answer is dropped as soon
 * as it moves, so a vote shows in the next read exactly as it does without this cache.
 */
export class CountsAnswerCache {
  // Bounded in characters as well as entries: anyone may send long queries of made-up ids.
  private readonly answers = new LRUCache<string, string>({
    max: 1000,
    maxSize: 4_000_000, // UTF-16 units, 8 MB
    sizeCalculation: (answer, query) => answer.length + query.length,
  });
  private revision: number | undefined;

  constructor(private readonly currentRevision: () => number) {}

  /** The answer to `query`: the one kept, if the counts have not changed since, or else `compute()`'s. */
  async answer(query: string, compute: () => Promise<string>): Promise<string> {
    const revision = this.currentRevision();
    if (revision !== this.revision) {
      this.answers.clear();
      this.revision = revision;
    }
    const kept = this.answers.get(query);
    if (kept !== undefined) return kept;
    const answer = await compute();
    // Not kept if, while it was computed, another request found the revision moved and started anew: this
    // answer may predate the move. (If the revision moved unnoticed, the next request drops it with the rest.)
    if (this.revision === revision) this.answers.set(query, answer);
    return answer;
  }

  /** How many characters of answers and queries are kept (for tests of the bound). */
  get size(): number {
    return this.answers.calculatedSize;
  }
}
