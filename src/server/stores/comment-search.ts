/**
 * `--search`: a case-insensitive substring of a comment. Matched here rather than in SQL, so that both stores
 * fold case alike for every script (SQLite's `lower()` knows ASCII only, and PostgreSQL's depends on the
 * database's locale) and a composed `é` finds a decomposed one.
 */
const folded = (text: string): string => text.normalize('NFC').toLowerCase();

/** Whether `comment` holds `search`, ignoring case; an empty search matches every comment. */
export function commentMatches(comment: string, search: string): boolean {
  return folded(comment).includes(folded(search));
}
