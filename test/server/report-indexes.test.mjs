/**
 * The report's queries run on indexes (issue 16: "not scans of every vote per item"): each store's SQL, as the
 * store builds it, EXPLAINed by the database on a year of votes (20,000 on 200 items, with follow-ups) after
 * the statistics are gathered (ANALYZE), which is when a planner is most tempted to read everything.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import {
  itemDaysQuery as postgresItemDays,
  reportFollowUpsQuery as postgresFollowUps,
  windowVotesQuery as postgresWindowVotes,
} from '../../dist/node/server/stores/postgres-report-queries.js';
import {
  itemDaysQuery as sqliteItemDays,
  reportFollowUpsQuery as sqliteFollowUps,
  windowVotesQuery as sqliteWindowVotes,
} from '../../dist/node/server/stores/sqlite-report-queries.js';
import { storesUnderTest } from './support/stores.mjs';

const DAY_MS = 86_400_000;
const TO = new Date('2026-04-01T00:00:00Z');
const FROM = new Date(TO.getTime() - 30 * DAY_MS);
const WINDOW = { from: FROM, to: TO };

/** A year of votes up to TO, one every ~26 minutes, on 200 items, a follow-up on every tenth. */
const SEED = {
  SQLite: `
    WITH RECURSIVE n(i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19999)
    INSERT INTO votes SELECT 'https://example.org/page-' || (i % 200), 'voter-' || i, CASE WHEN i % 3 THEN 'yes' ELSE 'no' END,
      ${TO.getTime()} - i * 1576800 FROM n;
    INSERT INTO follow_ups SELECT item, voter, vote, 'missing', 'A comment', updated_at FROM votes WHERE voter LIKE '%0';
    ANALYZE;`,
  PostgreSQL: `
    INSERT INTO was_this_helpful_votes SELECT 'https://example.org/page-' || (i % 200), 'voter-' || i,
      CASE WHEN i % 3 <> 0 THEN 'yes' ELSE 'no' END, timestamptz '${TO.toISOString()}' - i * interval '1576.8 seconds'
      FROM generate_series(0, 19999) AS i;
    INSERT INTO was_this_helpful_follow_ups SELECT item, voter, vote, 'missing', 'A comment', updated_at
      FROM was_this_helpful_votes WHERE voter LIKE '%0';`,
};

for (const store of storesUnderTest) {
  describe(`the report's plans on ${store.name}`, () => {
    let opened;
    before(async () => {
      if (store.skip) return;
      opened = await store.fresh();
      const created = opened.open(); // the store creates its tables and indexes
      await /** @type {{ init?: () => Promise<void> }} */ (created).init?.();
      await created.close();
      await opened.exec(SEED[store.name]);
      if (store.name === 'PostgreSQL') await opened.exec('VACUUM ANALYZE'); // alone: not in a transaction
    });

    if (store.name === 'SQLite') {
      /** SQLite's plan of `{ sql, parameters }`, its steps joined by " | ". */
      const plan = async ({ sql, parameters }) =>
        (await opened.all(`EXPLAIN QUERY PLAN ${sql}`, parameters)).map((step) => step.detail).join(' | ');

      it(
        "counts each item's votes in a window from ranges of the index on (item, vote, updated_at)",
        { skip: store.skip },
        async () => {
          for (const query of [
            { ...WINDOW, previousFrom: new Date(FROM.getTime() - 30 * DAY_MS) },
            { ...WINDOW, prefix: 'https://example.org/page-1' },
            { to: TO },
          ]) {
            const steps = (await plan(sqliteWindowVotes(query))).split(' | ');
            // One pass over the items (a row each in tallies, or a range of them for a prefix), then index ranges.
            assert.match(steps[0], /^(SCAN t|SEARCH t USING PRIMARY KEY \(item>\? AND item<\?\))$/);
            const counts = steps.filter((step) => step.startsWith('SEARCH v'));
            assert.ok(counts.length >= 4, steps.join(' | '));
            for (const step of counts)
              assert.match(
                step,
                /^SEARCH v USING COVERING INDEX votes_by_item_time \(item=\? AND vote=\? AND updated_at/,
              );
            assert.deepEqual(
              steps.filter((step) => !/^(SCAN t|SEARCH t |SEARCH v |CORRELATED SCALAR SUBQUERY)/.test(step)),
              [],
            );
          }
        },
      );

      it('reads the follow-ups from their received time, and each vote by its key', { skip: store.skip }, async () => {
        // Either side may lead (SQLite weighs them by its statistics); neither is read whole.
        const steps = await plan(sqliteFollowUps(WINDOW));
        assert.match(
          steps,
          /SEARCH f USING INDEX follow_ups_by_received \(received_at>\?\)|SEARCH v USING COVERING INDEX votes_by_item_time/,
        );
        assert.match(
          steps,
          /SEARCH (v|f) USING (PRIMARY KEY|INDEX sqlite_autoindex_follow_ups_1) \(item=\? AND voter=\?\)/,
        );
        assert.doesNotMatch(steps, /\bSCAN\b/);
      });

      it("reads one item's days from its votes alone", { skip: store.skip }, async () => {
        const query = { ...WINDOW, item: 'https://example.org/page-7' };
        assert.match(
          await plan(sqliteItemDays(query)),
          /SEARCH votes USING (PRIMARY KEY|COVERING INDEX votes_by_item_time) \(item=\?/,
        );
        assert.doesNotMatch(await plan(sqliteItemDays(query)), /\bSCAN\b/);
        assert.doesNotMatch(await plan(sqliteFollowUps(query)), /\bSCAN\b/);
      });
    } else {
      /** PostgreSQL's plan of `{ sql, parameters }` as text. */
      const plan = async ({ sql, parameters }) =>
        (await opened.all(`EXPLAIN ${sql}`, parameters)).map((row) => row['QUERY PLAN']).join('\n');

      it('reads a window of votes from a range of the index on their time', { skip: store.skip }, async () => {
        const steps = await plan(postgresWindowVotes(WINDOW));
        assert.match(steps, /Index Only Scan using was_this_helpful_votes_by_time/);
        assert.doesNotMatch(steps, /Seq Scan/);
        assert.match(
          await plan(postgresWindowVotes({ ...WINDOW, prefix: 'https://example.org/page-1' })),
          /Index Only Scan using was_this_helpful_votes_by_time/,
        );
      });

      it('reads the follow-ups from their received time, and each vote by its key', { skip: store.skip }, async () => {
        const steps = await plan(postgresFollowUps(WINDOW));
        // The votes by their key, or (PostgreSQL's choice on this data) the window's range joined by hash.
        assert.match(steps, /Index Scan using was_this_helpful_follow_ups_by_received/);
        assert.match(steps, /was_this_helpful_votes_pkey|Index Scan on was_this_helpful_votes_by_time/);
        assert.doesNotMatch(steps, /Seq Scan/);
      });

      it("reads one item's days from its votes alone", { skip: store.skip }, async () => {
        const steps = await plan(postgresItemDays({ ...WINDOW, item: 'https://example.org/page-7' }));
        assert.match(steps, /was_this_helpful_votes_pkey|was_this_helpful_votes_by_time/);
        assert.doesNotMatch(steps, /Seq Scan/);
      });
    }
  });
}
