import assert from 'node:assert/strict';
import { statSync } from 'node:fs';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../dist/node/server/stores/sqlite-store.js';
import { protocolSuite } from './support/protocol-suite.mjs';
import { counts, startServer, tempDb, vote, voter } from './support/server-process.mjs';

protocolSuite('SQLite', () => ['--db', tempDb()]);

describe("the SQLite store's tally cache", () => {
  it('holds no more than about 20 MB of ids, however many long made-up ids are read', async () => {
    const store = new SqliteStore(tempDb());
    try {
      // 25,000 ids of 512 UTF-16 units, 12.8 M in all: past the bound of 10 M, so the cache was emptied on the way.
      for (let n = 0; n < 250; n++) {
        const ids = Array.from({ length: 100 }, (_, k) => `${n}-${k}-`.padEnd(512, 'x'));
        assert.deepEqual(
          await store.counts(ids),
          ids.map((id) => ({ id, yes: 0, no: 0 })),
        );
      }
      const cache = store['cache']; // private: memory is what this test is about, and nothing else shows it
      assert.ok(cache.size > 0 && cache.size * 512 <= 10_000_000, `${cache.size} ids cached`);
    } finally {
      await store.close();
    }
  });
});

describe("the SQLite store's write-ahead log", () => {
  it(
    'is copied back into the database before it passes about 16 MB, however many votes come',
    { timeout: 60_000 },
    async () => {
      const file = tempDb();
      const store = new SqliteStore(file);
      try {
        let largest = 0;
        for (let n = 0; n < 60_000; n += 6) {
          await Promise.all(
            Array.from({ length: 6 }, (_, k) =>
              store.vote({ id: `wal-${(n + k) % 20}`, vote: 'yes', voter: voter(n + k) }),
            ),
          );
          if (n % 600 === 0) largest = Math.max(largest, statSync(`${file}-wal`).size);
        }
        // Up to 4,000 pages of 4 KiB and their frame headers, and the commit that passed them; well past
        // SQLite's default of 1,000 pages.
        assert.ok(largest > 8 * 2 ** 20 && largest < 4100 * (4096 + 24), `the WAL reached ${largest} bytes`);
      } finally {
        await store.close();
      }
    },
  );
});

describe('a SQLite file whose write lock another process holds', () => {
  it(
    'answers a vote 503 with Retry-After after waiting 5 s, then takes it once the lock is free',
    { timeout: 30_000 },
    async () => {
      const file = tempDb();
      const server = await startServer(['--db', file, '--rate-limit', '0']);
      const other = new Database(file);
      try {
        other.exec('BEGIN IMMEDIATE');
        const busy = await vote(server.url, { id: 'locked', vote: 'yes', voter: voter(1) });
        assert.equal(busy.status, 503);
        assert.equal(busy.headers.get('retry-after'), '1');
        assert.match(busy.body.error, /busy/);
        other.exec('ROLLBACK');
        assert.equal((await vote(server.url, { id: 'locked', vote: 'yes', voter: voter(1) })).status, 200);
        assert.deepEqual((await counts(server.url, 'locked')).body.items, [{ id: 'locked', yes: 1, no: 0 }]);
        assert.equal(server.stderr(), '', 'a busy store is not an internal error');
      } finally {
        other.close();
        await server.stop();
      }
    },
  );
});
