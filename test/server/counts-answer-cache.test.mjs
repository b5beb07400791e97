import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CountsAnswerCache } from '../../dist/node/server/http/counts-answer-cache.js';
import { counts, startServer, startServers, tempDb, vote, voter } from './support/server-process.mjs';

const ids = Array.from({ length: 20 }, (_, n) => `cached-${n}`);
const item = (answer, id) => answer.body.items.find((entry) => entry.id === id);

describe('GET answers served again from memory (SQLite)', () => {
  it('show a vote through the same instance in the very next read', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '0']);
    try {
      for (let n = 0; n < 5; n++) {
        // Asked twice, so that the second is answered from memory if anything is.
        assert.equal(item(await counts(server.url, ...ids), ids[3]).yes, n);
        assert.equal(item(await counts(server.url, ...ids), ids[3]).yes, n);
        const acknowledged = await vote(server.url, { id: ids[3], vote: 'yes', voter: voter(n) });
        assert.deepEqual(acknowledged.body, { id: ids[3], yes: n + 1, no: 0 });
        assert.deepEqual(item(await counts(server.url, ...ids), ids[3]), acknowledged.body);
      }
    } finally {
      await server.stop();
    }
  });

  it('show a vote through another process on the same file in the very next read', async () => {
    const [reader, writer] = await startServers(2, ['--db', tempDb(), '--rate-limit', '0']);
    try {
      for (let n = 0; n < 5; n++) {
        assert.equal(item(await counts(reader.url, ...ids), ids[7]).no, n);
        assert.equal(item(await counts(reader.url, ...ids), ids[7]).no, n);
        const acknowledged = await vote(writer.url, { id: ids[7], vote: 'no', voter: voter(n) });
        assert.equal(acknowledged.status, 200);
        assert.deepEqual(item(await counts(reader.url, ...ids), ids[7]), acknowledged.body);
        // The same holds for a query only this one item's answer is kept under.
        assert.deepEqual((await counts(reader.url, ids[7])).body.items, [acknowledged.body]);
      }
    } finally {
      await Promise.all([reader.stop(), writer.stop()]);
    }
  });

  it('are the same as computed ones, for every spelling of a query', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '0']);
    try {
      await vote(server.url, { id: 'é x', vote: 'yes', voter: voter(1) });
      const get = async (query) => {
        const response = await fetch(`${server.url}/api/votes?${query}`);
        return {
          status: response.status,
          type: response.headers.get('content-type'),
          sniff: response.headers.get('x-content-type-options'),
          body: await response.text(),
        };
      };
      for (const query of [
        'item=%C3%A9+x',
        'item=%C3%A9%20x&item=%C3%A9+x',
        'item=b&item=%C3%A9%20x',
        'item=%FF',
        'item=',
        'other=1',
      ]) {
        const first = await get(query);
        assert.deepEqual(await get(query), first, query);
        assert.deepEqual(await get(query), first, query);
      }
      assert.equal((await get('item=%C3%A9+x')).body, JSON.stringify({ items: [{ id: 'é x', yes: 1, no: 0 }] }));
      assert.equal((await get('item=%FF')).status, 400);
    } finally {
      await server.stop();
    }
  });
});

describe('the answer cache on its own', () => {
  it('drops every answer when the revision moves, and keeps none computed while it moved', async () => {
    let revision = 0;
    const cache = new CountsAnswerCache(() => revision);
    assert.equal(await cache.answer('?item=a', async () => 'first'), 'first');
    assert.equal(await cache.answer('?item=a', async () => 'second'), 'first');
    revision++;
    assert.equal(await cache.answer('?item=a', async () => 'third'), 'third');
    assert.equal(
      await cache.answer('?item=b', async () => {
        revision++;
        return 'fourth';
      }),
      'fourth',
    );
    assert.equal(await cache.answer('?item=b', async () => 'fifth'), 'fifth');
    assert.equal(await cache.answer('?item=b', async () => 'sixth'), 'fifth');
  });

  it('keeps no answer that a request begun before the revision moved computes after it', async () => {
    let revision = 0;
    const cache = new CountsAnswerCache(() => revision);
    /** @type {(answer: string) => void} */
    let finish = () => {};
    const slow = cache.answer('?item=slow', () => new Promise((resolve) => (finish = resolve)));
    revision++;
    assert.equal(await cache.answer('?item=other', async () => 'fresh'), 'fresh');
    finish('from before the move');
    assert.equal(await slow, 'from before the move');
    assert.equal(await cache.answer('?item=slow', async () => 'recomputed'), 'recomputed');
  });

  it('holds no more than about 8 MB, however many long queries are asked', async () => {
    const cache = new CountsAnswerCache(() => 0);
    const long = 'x'.repeat(16_000);
    for (let n = 0; n < 2000; n++)
      await cache.answer(`?item=${n}${long}`, async () => `{"items":[{"id":"${n}${long}"}]}`);
    assert.ok(cache.size > 0 && cache.size <= 4_000_000, `${cache.size} characters kept`);
  });
});
