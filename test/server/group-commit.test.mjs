import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { SqliteStore } from '../../dist/node/server/stores/sqlite-store.js';
import { counts, startServer, tempDb, vote, voter } from './support/server-process.mjs';

/** Makes a vote on `item` by `who` fail inside SQLite: the vote is there, its item's tally is not, so withdrawing it takes the tally below zero. */
function breakTally(file, item, who) {
  const db = new Database(file);
  try {
    db.prepare("INSERT INTO votes (item, voter, vote, updated_at) VALUES (?, ?, 'yes', 0)").run(item, who);
  } finally {
    db.close();
  }
}

describe('votes committed together in one SQLite transaction', () => {
  it('are each answered with the counts right after them, in order, whether the tally was cached or not', async () => {
    const store = new SqliteStore(tempDb());
    try {
      await store.counts(['cached']);
      // Cast in one turn of the event loop: one transaction.
      const answers = await Promise.all([
        store.vote({ id: 'cached', vote: 'yes', voter: voter(1) }),
        store.vote({ id: 'uncached', vote: 'no', voter: voter(1) }),
        store.vote({ id: 'cached', vote: 'yes', voter: voter(2) }),
        store.vote({ id: 'cached', vote: 'no', voter: voter(1) }),
        store.vote({ id: 'uncached', vote: 'no', voter: voter(2) }),
        store.vote({ id: 'cached', vote: 'no', voter: voter(1) }),
        store.vote({ id: 'cached', vote: null, voter: voter(2) }),
      ]);
      assert.deepEqual(answers, [
        { id: 'cached', yes: 1, no: 0 },
        { id: 'uncached', yes: 0, no: 1 },
        { id: 'cached', yes: 2, no: 0 },
        { id: 'cached', yes: 1, no: 1 },
        { id: 'uncached', yes: 0, no: 2 },
        { id: 'cached', yes: 1, no: 1 },
        { id: 'cached', yes: 0, no: 1 },
      ]);
      assert.deepEqual(await store.counts(['cached', 'uncached']), [
        { id: 'cached', yes: 0, no: 1 },
        { id: 'uncached', yes: 0, no: 2 },
      ]);
    } finally {
      await store.close();
    }
  });

  it('do not fail with one of them that SQLite refuses', async () => {
    const file = tempDb();
    const store = new SqliteStore(file);
    try {
      breakTally(file, 'broken', voter(9));
      // Cached, so that the batch moves the cached tallies, which its rollback must take back.
      await store.counts(['good', 'broken']);
      const results = await Promise.allSettled([
        store.vote({ id: 'good', vote: 'yes', voter: voter(1) }),
        store.vote({ id: 'broken', vote: null, voter: voter(9) }),
        store.vote({ id: 'good', vote: 'yes', voter: voter(2) }),
      ]);
      assert.deepEqual(
        results.map((result) => result.status),
        ['fulfilled', 'rejected', 'fulfilled'],
      );
      const [first, refused, third] =
        /** @type {[PromiseFulfilledResult<unknown>, PromiseRejectedResult, PromiseFulfilledResult<unknown>]} */ (
          results
        );
      assert.match(String(refused.reason), /CHECK constraint failed/);
      assert.deepEqual(
        [first.value, third.value],
        [
          { id: 'good', yes: 1, no: 0 },
          { id: 'good', yes: 2, no: 0 },
        ],
      );
      assert.deepEqual(await store.counts(['good', 'broken']), [
        { id: 'good', yes: 2, no: 0 },
        { id: 'broken', yes: 0, no: 0 },
      ]);
    } finally {
      await store.close();
    }
    const db = new Database(file, { readonly: true });
    try {
      assert.deepEqual(
        db
          .prepare("SELECT voter FROM votes WHERE item = 'good' ORDER BY voter")
          .all()
          .map((row) => /** @type {{ voter: string }} */ (row).voter),
        [voter(1), voter(2)],
      );
    } finally {
      db.close();
    }
  });
});

describe('votes arriving at once at the real server', () => {
  it('are each answered with the counts after their own vote', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '0']);
    try {
      await counts(server.url, 'together');
      const answers = await Promise.all(
        Array.from({ length: 30 }, (_, n) => vote(server.url, { id: 'together', vote: 'yes', voter: voter(n) })),
      );
      assert.deepEqual(
        answers.map((answer) => answer.status),
        answers.map(() => 200),
      );
      assert.deepEqual(
        answers.map((answer) => answer.body.yes).sort((a, b) => a - b),
        Array.from({ length: 30 }, (_, n) => n + 1),
      );
      assert.deepEqual((await counts(server.url, 'together')).body.items, [{ id: 'together', yes: 30, no: 0 }]);
    } finally {
      await server.stop();
    }
  });

  it('are taken even when one of them fails inside SQLite', async () => {
    const file = tempDb();
    const server = await startServer(['--db', file, '--rate-limit', '0']);
    try {
      breakTally(file, 'broken', voter(99));
      const requests = Array.from({ length: 30 }, (_, n) => ({ id: 'fine', vote: 'no', voter: voter(n) }));
      requests.splice(15, 0, { id: 'broken', vote: null, voter: voter(99) });
      const answers = await Promise.all(requests.map((request) => vote(server.url, request)));
      assert.deepEqual(
        answers.map((answer) => answer.status),
        requests.map((request) => (request.id === 'broken' ? 500 : 200)),
      );
      assert.deepEqual((await counts(server.url, 'fine')).body.items, [{ id: 'fine', yes: 0, no: 30 }]);
    } finally {
      await server.stop();
    }
  });
});
