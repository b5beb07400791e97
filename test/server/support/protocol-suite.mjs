import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { counts, startServer, vote, voter } from './server-process.mjs';

/** The protocol's behaviour, for a server started with `storeArgs()` (SQLite here, PostgreSQL in postgres.test.mjs). */
export function protocolSuite(storeName, storeArgs) {
  describe(`the endpoint protocol on ${storeName}`, () => {
    let server;
    before(async () => {
      server = await startServer([...storeArgs(), '--rate-limit', '0']);
    });
    after(() => server.stop());

    it('prints the URL it listens on as its first line', () => {
      assert.match(server.firstLine, /^listening on http:\/\/127\.0\.0\.1:\d+$/);
    });

    it('answers /healthz with 200 while the store is reachable', async () => {
      const response = await fetch(`${server.url}/healthz`);
      assert.equal(response.status, 200);
    });

    it('counts zero for an item nobody voted on, and answers a repeated item once', async () => {
      const { status, body } = await counts(server.url, 'fresh', 'other', 'fresh');
      assert.equal(status, 200);
      assert.deepEqual(body, {
        items: [
          { id: 'fresh', yes: 0, no: 0 },
          { id: 'other', yes: 0, no: 0 },
        ],
      });
    });

    it('casts, changes and withdraws a vote, answering the counts after each', async () => {
      const id = 'cast-change-withdraw';
      assert.deepEqual((await vote(server.url, { id, vote: 'yes', voter: voter(1) })).body, { id, yes: 1, no: 0 });
      assert.deepEqual((await vote(server.url, { id, vote: 'no', voter: voter(2) })).body, { id, yes: 1, no: 1 });
      assert.deepEqual((await vote(server.url, { id, vote: 'no', voter: voter(1) })).body, { id, yes: 0, no: 2 });
      assert.deepEqual((await vote(server.url, { id, vote: null, voter: voter(1) })).body, { id, yes: 0, no: 1 });
      assert.deepEqual((await counts(server.url, id)).body, { items: [{ id, yes: 0, no: 1 }] });
    });

    it('counts the same POST twice only once', async () => {
      const id = 'idempotent';
      const body = { id, vote: 'yes', voter: voter(3) };
      assert.deepEqual((await vote(server.url, body)).body, { id, yes: 1, no: 0 });
      assert.deepEqual((await vote(server.url, body)).body, { id, yes: 1, no: 0 });
      assert.deepEqual((await vote(server.url, { id, vote: null, voter: voter(4) })).body, { id, yes: 1, no: 0 });
    });

    it('gives exact counts for 100 concurrent voters on one item', async () => {
      const id = 'concurrent';
      const results = await Promise.all(
        Array.from({ length: 100 }, (_, n) =>
          vote(server.url, { id, vote: n % 4 === 0 ? 'no' : 'yes', voter: voter(1000 + n) }),
        ),
      );
      assert.ok(results.every((result) => result.status === 200));
      assert.deepEqual((await counts(server.url, id)).body.items[0], { id, yes: 75, no: 25 });
    });

    it('keeps counts exact when the same voters change their votes concurrently', async () => {
      const id = 'concurrent-changes';
      await Promise.all(
        Array.from({ length: 50 }, (_, n) => vote(server.url, { id, vote: 'yes', voter: voter(2000 + n) })),
      );
      await Promise.all(
        Array.from({ length: 50 }, (_, n) =>
          vote(server.url, { id, vote: n < 20 ? 'no' : n < 30 ? null : 'yes', voter: voter(2000 + n) }),
        ),
      );
      assert.deepEqual((await counts(server.url, id)).body.items[0], { id, yes: 20, no: 20 });
    });

    it('stores ids with SQL metacharacters, quotes and unicode as plain text', async () => {
      const ids = [
        "x'); DROP TABLE votes; --",
        'naïve “quotes” 😀 / 中文 / עברית',
        '%_\\*',
        'a'.repeat(512),
        '😀'.repeat(512),
      ];
      for (const [n, id] of ids.entries()) {
        const { status, body } = await vote(server.url, { id, vote: 'yes', voter: voter(3000 + n) });
        assert.equal(status, 200, id);
        assert.deepEqual(body, { id, yes: 1, no: 0 });
      }
      const { body } = await counts(server.url, ...ids);
      assert.deepEqual(
        body.items.map((item) => [item.id, item.yes]),
        ids.map((id) => [id, 1]),
      );
    });

    it('keeps the existing query of a GET and accepts exactly 100 items', async () => {
      const ids = Array.from({ length: 100 }, (_, n) => `many-${n}`);
      const { status, body } = await counts(server.url, ...ids);
      assert.equal(status, 200);
      assert.equal(body.items.length, 100);
    });
  });

  describe(`bad requests to ${storeName} get a clear error, never a 5xx`, () => {
    let server;
    before(async () => {
      server = await startServer([...storeArgs(), '--rate-limit', '0']);
    });
    after(() => server.stop());

    const badVotes = [
      ['empty id', { id: '', vote: 'yes', voter: voter() }],
      ['id of 513 code points', { id: 'a'.repeat(513), vote: 'yes', voter: voter() }],
      ['id of numbers', { id: 42, vote: 'yes', voter: voter() }],
      ['id with a control character', { id: 'a\u0007b', vote: 'yes', voter: voter() }],
      ['id with DEL', { id: 'a\u007Fb', vote: 'yes', voter: voter() }],
      ['id with NUL', { id: 'a\u0000b', vote: 'yes', voter: voter() }],
      ['id with a lone surrogate', '{"id":"a\\ud800b","vote":"yes","voter":"voter-000000000000"}'],
      ['missing id', { vote: 'yes', voter: voter() }],
      ['vote "maybe"', { id: 'x', vote: 'maybe', voter: voter() }],
      ['vote true', { id: 'x', vote: true, voter: voter() }],
      ['missing vote', { id: 'x', voter: voter() }],
      ['voter of 15 characters', { id: 'x', vote: 'yes', voter: 'a'.repeat(15) }],
      ['voter of 129 characters', { id: 'x', vote: 'yes', voter: 'a'.repeat(129) }],
      ['voter with a space', { id: 'x', vote: 'yes', voter: 'abcdefgh ijklmnop' }],
      ['voter with SQL', { id: 'x', vote: 'yes', voter: "abcdefghijklmnop' OR 1=1" }],
      ['voter as an object', { id: 'x', vote: 'yes', voter: { toString: 'abcdefghijklmnop' } }],
      ['__proto__ fields', '{"__proto__":{"id":"x","vote":"yes","voter":"voter-000000000000"}}'],
      ['an array', '[{"id":"x","vote":"yes","voter":"voter-000000000000"}]'],
      ['null', 'null'],
      ['malformed JSON', '{"id": "x",'],
      ['an empty body', ''],
    ];
    for (const [what, body] of badVotes) {
      it(`answers 400 to a vote with ${what}`, async () => {
        const result = await vote(server.url, body);
        assert.equal(result.status, 400);
        assert.equal(typeof result.body.error, 'string');
        assert.match(result.headers.get('content-type'), /application\/json/);
      });
    }

    it('accepts a vote with an extra field (later clients may add some)', async () => {
      assert.equal((await vote(server.url, { id: 'extra', vote: 'yes', voter: voter(), client: 'v2' })).status, 200);
    });

    it('answers 415 to a vote that is not application/json', async () => {
      for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
        const result = await vote(server.url, { id: 'x', vote: 'yes', voter: voter() }, { 'Content-Type': type });
        assert.equal(result.status, 415, type);
      }
      assert.equal(
        (
          await vote(
            server.url,
            { id: 'x', vote: 'yes', voter: voter() },
            { 'Content-Type': 'application/json; charset=utf-8' },
          )
        ).status,
        200,
      );
    });

    it('answers 413 to a body over 8 KiB', async () => {
      const body = JSON.stringify({ id: 'x', vote: 'yes', voter: voter(), padding: 'p'.repeat(9 * 1024) });
      const result = await vote(server.url, body);
      assert.equal(result.status, 413);
      assert.equal(typeof result.body.error, 'string');
    });

    it('answers 413 to a chunked body over 8 KiB that announces no length', async () => {
      const big = new TextEncoder().encode(
        JSON.stringify({ id: 'x', vote: 'yes', voter: voter(), padding: 'p'.repeat(9 * 1024) }),
      );
      const stream = new ReadableStream({
        start(controller) {
          controller.enqueue(big);
          controller.close();
        },
      });
      const response = await fetch(
        `${server.url}/api/votes`,
        /** @type {RequestInit} */ ({
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: stream,
          duplex: 'half',
        }),
      );
      assert.equal(response.status, 413);
    });

    it('answers 400 to a GET without item, with a bad item, or with 101 items', async () => {
      assert.equal((await fetch(`${server.url}/api/votes`)).status, 400);
      assert.equal((await counts(server.url, '')).status, 400);
      assert.equal((await counts(server.url, 'a\u0001')).status, 400);
      assert.equal((await counts(server.url, ...Array.from({ length: 101 }, (_, n) => `i${n}`))).status, 400);
    });

    it('answers 405 with Allow to other methods, and 404 elsewhere, as JSON', async () => {
      for (const method of ['PUT', 'DELETE', 'PATCH']) {
        const response = await fetch(`${server.url}/api/votes`, { method });
        assert.equal(response.status, 405, method);
        assert.match(response.headers.get('allow'), /GET, POST/);
        assert.equal(typeof (await response.json()).error, 'string');
      }
      const missing = await fetch(`${server.url}/nothing-here`);
      assert.equal(missing.status, 404);
      assert.equal(typeof (await missing.json()).error, 'string');
    });

    it('is still healthy after all of that', async () => {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    });
  });
}
