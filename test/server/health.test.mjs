import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import pg from 'pg';
import { createVotesHandler } from '../../dist/node/server/index.js';
import { SqliteStore } from '../../dist/node/server/stores/sqlite-store.js';
import { startServer, tempDb } from './support/server-process.mjs';

const postgresUrl = process.env.WTH_TEST_DATABASE_URL;

/** Runs `sql` on PostgreSQL's own database, beside the one under test. */
async function asAdmin(sql) {
  const admin = new pg.Client(postgresUrl);
  await admin.connect();
  try {
    return (await admin.query(sql)).rows;
  } finally {
    await admin.end();
  }
}

describe('/healthz', () => {
  it("answers 503 once the SQLite store's connection is closed", async () => {
    const store = new SqliteStore(tempDb());
    const handler = createVotesHandler({ store, rateLimit: 0 });
    const health = async () => (await handler(new Request('http://votes.example/healthz'))).status;
    assert.equal(await health(), 200);
    await store.close();
    assert.equal(await health(), 503);
  });

  it(
    'answers 503 while the PostgreSQL database refuses connections, and 200 again once it takes them',
    { skip: postgresUrl ? false : 'no PostgreSQL for this run' },
    async () => {
      const database = `wth_health_${process.pid}_${Date.now()}`;
      await asAdmin(`CREATE DATABASE ${database}`);
      const server = await startServer(['--rate-limit', '0'], {
        env: { DATABASE_URL: postgresUrl.replace(/\/[^/]*$/, `/${database}`) },
      });
      const health = async () => (await fetch(`${server.url}/healthz`)).status;
      try {
        assert.equal(await health(), 200);
        await asAdmin(`ALTER DATABASE ${database} ALLOW_CONNECTIONS false`);
        await asAdmin(`SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = '${database}'`);
        assert.equal(await health(), 503);
        const refused = await (await fetch(`${server.url}/healthz`)).json();
        assert.equal(typeof refused.error, 'string');
        await asAdmin(`ALTER DATABASE ${database} ALLOW_CONNECTIONS true`);
        assert.equal(await health(), 200);
      } finally {
        await server.stop();
      }
    },
  );
});
