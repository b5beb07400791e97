/** Where the PostgreSQL store records its schema's version: one row. */
export const POSTGRES_VERSION_TABLE = 'CREATE TABLE IF NOT EXISTS was_this_helpful_schema (version INTEGER NOT NULL)';

/**
 * The PostgreSQL store's tables. Migration `n` brings the schema from version `n` to `n + 1`; the store applies
 * those a database has not had yet, in one transaction.
 */
export const POSTGRES_MIGRATIONS = [
  // 1. Votes and tallies. Written with IF NOT EXISTS: databases set up by 0.1.0, before versions were recorded,
  // read as version 0 and are adopted as they are.
  `
  CREATE TABLE IF NOT EXISTS was_this_helpful_votes (
    item TEXT NOT NULL,
    voter TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (item, voter)
  );
  CREATE TABLE IF NOT EXISTS was_this_helpful_tallies (
    item TEXT PRIMARY KEY,
    yes BIGINT NOT NULL DEFAULT 0 CHECK (yes >= 0),
    no BIGINT NOT NULL DEFAULT 0 CHECK (no >= 0)
  );
`,
  // 2. Follow-ups (protocol v1.1): one per voter per item, beside the vote it explains, whose value it repeats
  // (the store deletes it when the vote changes) so that the owner's commands filter and count by vote
  // without a join. The indexes serve the owner's reads: a window of received times, newest first, over all
  // items or over one item or a range of ids (in code point order: COLLATE "C", as the store queries it).
  `
  CREATE TABLE was_this_helpful_follow_ups (
    item TEXT NOT NULL,
    voter TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
    reason TEXT,
    comment TEXT,
    received_at TIMESTAMPTZ NOT NULL,
    PRIMARY KEY (item, voter),
    CHECK (reason IS NOT NULL OR comment IS NOT NULL)
  );
  CREATE INDEX was_this_helpful_follow_ups_by_received ON was_this_helpful_follow_ups (received_at);
  CREATE INDEX was_this_helpful_follow_ups_by_item ON was_this_helpful_follow_ups (item COLLATE "C", received_at);
`,
  // 3. The owner's report: each item's votes last cast or changed in a window, read from one index range
  // (covering, for index-only scans) rather than from every vote of every item. An item's own votes are read
  // from the primary key.
  `
  CREATE INDEX was_this_helpful_votes_by_time ON was_this_helpful_votes (updated_at, item COLLATE "C", vote);
`,
];
