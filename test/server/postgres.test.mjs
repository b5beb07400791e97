import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { protocolSuite } from './support/protocol-suite.mjs';
import { counts, startServer, vote, voter } from './support/server-process.mjs';

// The test script starts a throw-away PostgreSQL and passes its URL; without one these tests are skipped
// locally (and the test script fails under CI).
const url = process.env.WTH_TEST_DATABASE_URL;

if (!url) {
  describe('PostgreSQL store', () => {
    it(
      'needs WTH_TEST_DATABASE_URL (npm test starts PostgreSQL when it is installed)',
      { skip: 'no PostgreSQL for this run' },
      () => {},
    );
  });
} else {
  // Each run gets its own database, so that counts start from zero.
  const database = `wth_${process.pid}_${Date.now()}`;
  const databaseUrl = url.replace(/\/[^/]*$/, `/${database}`);
  before(async () => {
    const admin = new pg.Client(url);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
  });

  protocolSuite('PostgreSQL', () => ['--database-url', databaseUrl]);

  describe('several instances on one PostgreSQL', () => {
    let servers = [];
    before(async () => {
      servers = await Promise.all(
        [0, 1, 2].map(() => startServer(['--rate-limit', '0'], { env: { DATABASE_URL: databaseUrl } })),
      );
    });
    after(() => Promise.all(servers.map((server) => server.stop())));

    it('take DATABASE_URL from the environment', async () => {
      for (const server of servers) assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    });

    it('keep exact counts with 150 voters spread over three instances at once', async () => {
      const id = 'shared-by-instances';
      const results = await Promise.all(
        Array.from({ length: 150 }, (_, n) =>
          vote(servers[n % 3].url, { id, vote: n % 3 === 0 ? 'no' : 'yes', voter: voter(5000 + n) }),
        ),
      );
      assert.ok(results.every((result) => result.status === 200));
      await Promise.all(
        Array.from({ length: 30 }, (_, n) =>
          vote(servers[(n + 1) % 3].url, { id, vote: null, voter: voter(5000 + n) }),
        ),
      );
      for (const server of servers) {
        assert.deepEqual((await counts(server.url, id)).body.items[0], { id, yes: 80, no: 40 });
      }
    });

    it('keep every acknowledged vote when an instance is killed with SIGKILL', async () => {
      const id = 'pg-durable';
      const victim = await startServer(['--rate-limit', '0'], { env: { DATABASE_URL: databaseUrl } });
      try {
        const acknowledged = await Promise.all(
          Array.from({ length: 20 }, (_, n) => vote(victim.url, { id, vote: 'yes', voter: voter(7000 + n) })),
        );
        assert.ok(acknowledged.every((result) => result.status === 200));
      } finally {
        await victim.kill(); // also when a vote failed: a server left running keeps the test process from ending
      }
      assert.deepEqual((await counts(servers[0].url, id)).body.items[0], { id, yes: 20, no: 0 });
    });
  });
}
