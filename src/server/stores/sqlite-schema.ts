/**
 * The SQLite store's tables. Migration `n` brings the schema from version `n` to `n + 1` (kept in
 * `PRAGMA user_version`); the store applies those a database has not had yet, in one transaction.
 */
export const SQLITE_MIGRATIONS = [
  // 1. Votes and tallies. Written with IF NOT EXISTS: files created by 0.1.0, before versions were recorded,
  // read as version 0 and are adopted as they are.
  `
  CREATE TABLE IF NOT EXISTS votes (
    item TEXT NOT NULL,
    voter TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
    updated_at INTEGER NOT NULL,
    PRIMARY KEY (item, voter)
  ) WITHOUT ROWID;
  CREATE TABLE IF NOT EXISTS tallies (
    item TEXT PRIMARY KEY,
    yes INTEGER NOT NULL DEFAULT 0 CHECK (yes >= 0),
    no INTEGER NOT NULL DEFAULT 0 CHECK (no >= 0)
  ) WITHOUT ROWID;
`,
  // 2. Follow-ups (protocol v1.1): one per voter per item, beside the vote it explains, whose value it repeats
  // (the store deletes it when the vote changes) so that the owner's commands filter and count by vote
  // without a join. `received_at` is milliseconds since the epoch, like `votes.updated_at`. A rowid table,
  // not WITHOUT ROWID: a comment may take 4 KB. The indexes serve the owner's reads: a window of received
  // times, newest first, over all items or over one item or a range of ids.
  `
  CREATE TABLE follow_ups (
    item TEXT NOT NULL,
    voter TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
    reason TEXT,
    comment TEXT,
    received_at INTEGER NOT NULL,
    PRIMARY KEY (item, voter),
    CHECK (reason IS NOT NULL OR comment IS NOT NULL)
  );
  CREATE INDEX follow_ups_by_received ON follow_ups (received_at);
  CREATE INDEX follow_ups_by_item ON follow_ups (item, received_at);
`,
  // 3. The owner's report: each item's votes last cast or changed in a window, counted from ranges of this
  // index (covering: no lookup of the rows), never by reading every vote of every item.
  `
  CREATE INDEX votes_by_item_time ON votes (item, vote, updated_at);
`,
];
