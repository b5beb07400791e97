import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { PostgresStore } from '../../dist/node/server/stores/postgres-store.js';
import { counts, runCli, startServer, vote, voter } from './support/server-process.mjs';
import { storesUnderTest } from './support/stores.mjs';

/** The schema of 0.1.0, which recorded no version: what an existing database of that release holds. */
const SCHEMA_OF_0_1_0 = {
  SQLite: `
    CREATE TABLE votes (item TEXT NOT NULL, voter TEXT NOT NULL, vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
      updated_at INTEGER NOT NULL, PRIMARY KEY (item, voter)) WITHOUT ROWID;
    CREATE TABLE tallies (item TEXT PRIMARY KEY, yes INTEGER NOT NULL DEFAULT 0 CHECK (yes >= 0),
      no INTEGER NOT NULL DEFAULT 0 CHECK (no >= 0)) WITHOUT ROWID;
    INSERT INTO votes VALUES ('kept', '${voter(1)}', 'yes', 0), ('kept', '${voter(2)}', 'no', 0);
    INSERT INTO tallies VALUES ('kept', 1, 1);`,
  PostgreSQL: `
    CREATE TABLE was_this_helpful_votes (item TEXT NOT NULL, voter TEXT NOT NULL,
      vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')), updated_at TIMESTAMPTZ NOT NULL DEFAULT now(), PRIMARY KEY (item, voter));
    CREATE TABLE was_this_helpful_tallies (item TEXT PRIMARY KEY, yes BIGINT NOT NULL DEFAULT 0 CHECK (yes >= 0),
      no BIGINT NOT NULL DEFAULT 0 CHECK (no >= 0));
    INSERT INTO was_this_helpful_votes (item, voter, vote) VALUES ('kept', '${voter(1)}', 'yes'), ('kept', '${voter(2)}', 'no');
    INSERT INTO was_this_helpful_tallies VALUES ('kept', 1, 1);`,
};

/** A database of schema version 1 (0.1.0 after versions were recorded): votes and tallies, no follow-ups. */
const VERSION_1 = {
  SQLite: `${SCHEMA_OF_0_1_0.SQLite} PRAGMA user_version = 1;`,
  PostgreSQL: `${SCHEMA_OF_0_1_0.PostgreSQL}
    CREATE TABLE was_this_helpful_schema (version INTEGER NOT NULL); INSERT INTO was_this_helpful_schema VALUES (1);`,
};

/** A database of schema version 2 (follow-ups, no index on the votes' time): version 1 and the follow-ups' table. */
const VERSION_2 = {
  SQLite: `${SCHEMA_OF_0_1_0.SQLite}
    CREATE TABLE follow_ups (item TEXT NOT NULL, voter TEXT NOT NULL, vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
      reason TEXT, comment TEXT, received_at INTEGER NOT NULL, PRIMARY KEY (item, voter),
      CHECK (reason IS NOT NULL OR comment IS NOT NULL));
    CREATE INDEX follow_ups_by_received ON follow_ups (received_at);
    CREATE INDEX follow_ups_by_item ON follow_ups (item, received_at);
    INSERT INTO follow_ups VALUES ('kept', '${voter(2)}', 'no', 'missing', 'No example', 0);
    PRAGMA user_version = 2;`,
  PostgreSQL: `${SCHEMA_OF_0_1_0.PostgreSQL}
    CREATE TABLE was_this_helpful_follow_ups (item TEXT NOT NULL, voter TEXT NOT NULL,
      vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')), reason TEXT, comment TEXT, received_at TIMESTAMPTZ NOT NULL,
      PRIMARY KEY (item, voter), CHECK (reason IS NOT NULL OR comment IS NOT NULL));
    CREATE INDEX was_this_helpful_follow_ups_by_received ON was_this_helpful_follow_ups (received_at);
    CREATE INDEX was_this_helpful_follow_ups_by_item ON was_this_helpful_follow_ups (item COLLATE "C", received_at);
    INSERT INTO was_this_helpful_follow_ups VALUES ('kept', '${voter(2)}', 'no', 'missing', 'No example', now());
    CREATE TABLE was_this_helpful_schema (version INTEGER NOT NULL); INSERT INTO was_this_helpful_schema VALUES (2);`,
};

/** The index the report's windows are read from, which version 3 adds. */
const REPORT_INDEX = { SQLite: 'votes_by_item_time', PostgreSQL: 'was_this_helpful_votes_by_time' };

/** The schema version this release creates. */
const CURRENT_VERSION = 3;

/** What a newer release could leave: a version this one does not know. */
const NEWER_VERSION = {
  SQLite: 'PRAGMA user_version = 7',
  PostgreSQL:
    'CREATE TABLE was_this_helpful_schema (version INTEGER NOT NULL); INSERT INTO was_this_helpful_schema VALUES (7);',
};

for (const store of storesUnderTest) {
  describe(`the ${store.name} schema, created or migrated on start`, () => {
    it('records its version in a new database, and a second start changes nothing', { skip: store.skip }, async () => {
      const opened = await store.fresh();
      for (let start = 0; start < 2; start++) {
        const server = await startServer(opened.args);
        assert.equal((await vote(server.url, { id: `item-${start}`, vote: 'yes', voter: voter(start) })).status, 200);
        await server.stop();
        assert.equal(await opened.schemaVersion(), CURRENT_VERSION);
      }
      assert.deepEqual((await opened.tallies()).map(({ item, yes }) => [item, yes]).sort(), [
        ['item-0', 1],
        ['item-1', 1],
      ]);
    });

    it('adopts a database of 0.1.0, which recorded no version, with its votes', { skip: store.skip }, async () => {
      const opened = await store.fresh();
      await opened.exec(SCHEMA_OF_0_1_0[store.name]);
      assert.equal(await opened.schemaVersion(), 0);
      const server = await startServer(opened.args);
      try {
        assert.deepEqual((await counts(server.url, 'kept')).body.items, [{ id: 'kept', yes: 1, no: 1 }]);
        // The old voter's vote is still theirs: changing it moves the tally, not adds to it.
        assert.deepEqual((await vote(server.url, { id: 'kept', vote: 'yes', voter: voter(2) })).body, {
          id: 'kept',
          yes: 2,
          no: 0,
        });
      } finally {
        await server.stop();
      }
      assert.equal(await opened.schemaVersion(), CURRENT_VERSION);
    });

    it(
      'migrates a database of version 1 with its votes, and keeps follow-ups from then on',
      { skip: store.skip },
      async () => {
        const opened = await store.fresh();
        await opened.exec(VERSION_1[store.name]);
        assert.equal(await opened.schemaVersion(), 1);
        assert.ok(!(await opened.tables()).some((table) => table.includes('follow_ups')));
        const server = await startServer(opened.args);
        try {
          assert.deepEqual((await counts(server.url, 'kept')).body.items, [{ id: 'kept', yes: 1, no: 1 }]);
          // An old vote takes a follow-up; changing it counts as a change, not a new vote, and takes the follow-up away.
          const explained = { id: 'kept', vote: 'no', voter: voter(2), reason: 'outdated', comment: 'Old screenshots' };
          assert.deepEqual((await vote(server.url, explained)).body, { id: 'kept', yes: 1, no: 1 });
          assert.deepEqual(
            (await opened.followUps()).map(({ item, voter: who, vote: choice, reason, comment }) => [
              item,
              who,
              choice,
              reason,
              comment,
            ]),
            [['kept', voter(2), 'no', 'outdated', 'Old screenshots']],
          );
          assert.deepEqual((await vote(server.url, { id: 'kept', vote: 'yes', voter: voter(2) })).body, {
            id: 'kept',
            yes: 2,
            no: 0,
          });
          assert.deepEqual(await opened.followUps(), []);
        } finally {
          await server.stop();
        }
        assert.equal(await opened.schemaVersion(), CURRENT_VERSION);
      },
    );

    it(
      'migrates a database of version 2 with its votes and follow-ups, adding the index the report reads',
      { skip: store.skip },
      async () => {
        const opened = await store.fresh();
        await opened.exec(VERSION_2[store.name]);
        assert.equal(await opened.schemaVersion(), 2);
        assert.ok(!(await opened.indexes()).includes(REPORT_INDEX[store.name]));
        const { code, stdout, stderr } = await runCli([
          'report',
          '--since',
          'all',
          '--until',
          '2099-12-31',
          '--format',
          'json',
          ...opened.args,
        ]);
        assert.equal(stderr, '');
        assert.equal(code, 0);
        const [row, ...others] = JSON.parse(stdout).items;
        assert.deepEqual(others, []);
        assert.deepEqual([row.item, row.yes, row.no, row.comments, row.top_reason], ['kept', 1, 1, 1, 'missing']);
        assert.equal(await opened.schemaVersion(), CURRENT_VERSION);
        assert.ok((await opened.indexes()).includes(REPORT_INDEX[store.name]));
      },
    );

    it(
      'refuses to start on a database a newer release migrated, and leaves it as it is',
      { skip: store.skip },
      async () => {
        const opened = await store.fresh();
        await opened.exec(NEWER_VERSION[store.name]);
        const tablesBefore = await opened.tables();
        const { code, stderr } = await runCli(['serve', '--port', '0', ...opened.args]);
        assert.equal(code, 1);
        assert.match(stderr, /schema is version 7, and this was-this-helpful knows versions up to 3/);
        assert.match(stderr, /Upgrade was-this-helpful/);
        assert.doesNotMatch(stderr, /\n\s+at /, 'a clear message, not a stack trace');
        assert.equal(await opened.schemaVersion(), 7);
        assert.deepEqual(await opened.tables(), tablesBefore);
      },
    );
  });
}

describe('the PostgreSQL store with a role that may read and write but not create tables', () => {
  const skip = storesUnderTest.find((store) => store.name === 'PostgreSQL').skip;

  it(
    'starts on an up-to-date database, serves votes, and commits synchronously even when the role says otherwise',
    { skip },
    async () => {
      const opened = await storesUnderTest.find((store) => store.name === 'PostgreSQL').fresh();
      const ownerUrl = opened.args[1];
      const migrating = await startServer(opened.args); // the owner sets the schema up
      await migrating.stop();
      const role = `wth_limited_${process.pid}`;
      await opened.exec(`
      CREATE ROLE ${role} LOGIN;
      REVOKE CREATE ON SCHEMA public FROM PUBLIC;
      GRANT USAGE ON SCHEMA public TO ${role};
      GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${role};
      ALTER ROLE ${role} SET synchronous_commit = off;`);
      const limitedUrl = Object.assign(new URL(ownerUrl), { username: role }).href;
      const refused = new pg.Client(limitedUrl);
      await refused.connect();
      await assert.rejects(refused.query('CREATE TABLE not_allowed (x int)'), /permission denied/);
      assert.equal((await refused.query('SHOW synchronous_commit')).rows[0].synchronous_commit, 'off');
      await refused.end();

      const server = await startServer(['--database-url', limitedUrl]);
      try {
        assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
        assert.deepEqual((await vote(server.url, { id: 'limited', vote: 'no', voter: voter(9) })).body, {
          id: 'limited',
          yes: 0,
          no: 1,
        });
      } finally {
        await server.stop();
      }
      const store = new PostgresStore(limitedUrl);
      try {
        await store.init();
        const pool = store['pool']; // private: the setting of its connections is what this test is about
        assert.equal((await pool.query('SHOW synchronous_commit')).rows[0].synchronous_commit, 'on');
      } finally {
        await store.close();
      }
    },
  );
});
