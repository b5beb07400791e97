/**
 * `--prefix`: ids that start with a text are the ids from the text up to (not including) its successor, the
 * text with its last code point moved one up, in code point order. Both stores compare ids in that order (SQLite
 * by their UTF-8 bytes; PostgreSQL under `COLLATE "C"`), so the filter is a range their indexes on the item
 * answer, instead of a test of every row.
 */

const LAST_CODE_POINT = 0x10ffff;

/** The least string greater than every string that starts with `prefix`, or `undefined` when there is none. */
export function prefixEnd(prefix: string): string | undefined {
  const codePoints = [...prefix].map((character) => character.codePointAt(0)!);
  while (codePoints.length > 0) {
    const last = codePoints.pop()!;
    if (last === LAST_CODE_POINT) continue; // nothing comes after it: move the one before up instead
    // Surrogate code points cannot be stored as UTF-8: after U+D7FF comes U+E000.
    const next = last === 0xd7ff ? 0xe000 : last + 1;
    return String.fromCodePoint(...codePoints, next);
  }
  return undefined;
}
