import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createVotesHandler } from '../../dist/node/server/index.js';
import { SqliteStore } from '../../dist/node/server/stores/sqlite-store.js';
import { tempDb, voter } from './support/server-process.mjs';

/** A store in memory, enough for the handler on its own (the path other platforms use: no Node adapter). */
function memoryStore() {
  const votes = new Map();
  const counts = (id) => {
    const mine = [...votes].filter(([key]) => key.startsWith(`${id}\u0000`)).map(([, vote]) => vote);
    return { id, yes: mine.filter((vote) => vote === 'yes').length, no: mine.filter((vote) => vote === 'no').length };
  };
  return {
    counts: async (ids) => ids.map(counts),
    vote: async ({ id, vote, voter: who }) => {
      if (vote === null) votes.delete(`${id}\u0000${who}`);
      else votes.set(`${id}\u0000${who}`, vote);
      return counts(id);
    },
    healthy: async () => true,
    close: async () => {},
  };
}

describe('the fetch handler without the Node adapter', () => {
  const handler = createVotesHandler({ store: memoryStore(), rateLimit: 0 });
  const post = (body) =>
    handler(
      new Request('http://votes.example/api/votes', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
      }),
    );

  it('takes a vote, answering JSON that is not to be sniffed', async () => {
    const response = await post(JSON.stringify({ id: 'é', vote: 'yes', voter: voter(1) }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(await response.json(), { id: 'é', yes: 1, no: 0 });
  });

  it('asks the store at every GET when the store cannot say that its counts are unchanged', async () => {
    const get = async () => (await handler(new Request('http://votes.example/api/votes?item=asked'))).json();
    assert.deepEqual(await get(), { items: [{ id: 'asked', yes: 0, no: 0 }] });
    assert.equal((await post(JSON.stringify({ id: 'asked', vote: 'no', voter: voter(4) }))).status, 200);
    assert.deepEqual(await get(), { items: [{ id: 'asked', yes: 0, no: 1 }] });
  });

  it('refuses a body that is not UTF-8 with 400, and one over 8 KiB with 413', async () => {
    const valid = Buffer.from(JSON.stringify({ id: 'xx', vote: 'yes', voter: voter(2) }));
    const notUtf8 = Buffer.concat([valid.subarray(0, 7), Buffer.from([0xff]), valid.subarray(8)]);
    assert.equal((await post(notUtf8)).status, 400);
    assert.equal(
      (await post(JSON.stringify({ id: 'x', vote: 'yes', voter: voter(3), padding: 'p'.repeat(9000) }))).status,
      413,
    );
    const counts = await handler(new Request('http://votes.example/api/votes?item=xx&item=%FF'));
    assert.equal(counts.status, 400);
  });
});

describe('the fetch handler with follow-ups (protocol v1.1)', () => {
  const postTo = (handler, body) =>
    handler(
      new Request('http://votes.example/api/votes', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify(body),
      }),
    );

  it('works with a store that keeps no follow-ups (v1): the fields are ignored, the counts unaffected', async () => {
    const handler = createVotesHandler({ store: memoryStore(), rateLimit: 0 });
    const explained = { id: 'v1', vote: 'no', voter: voter(1), reason: 'missing', comment: 'Where is step 2?' };
    const answer = await postTo(handler, explained);
    assert.equal(answer.status, 200);
    assert.deepEqual(await answer.json(), { id: 'v1', yes: 0, no: 1 });
    assert.deepEqual(await (await postTo(handler, { ...explained, vote: 'yes' })).json(), { id: 'v1', yes: 1, no: 0 });
  });

  it('hands the store a follow-up checked, trimmed and scrubbed, and a plain vote as in v1', async () => {
    const received = [];
    const store = {
      ...memoryStore(),
      vote: async (request) => (received.push(request), { id: request.id, yes: 0, no: 1 }),
    };
    const handler = createVotesHandler({ store, rateLimit: 0 });
    await postTo(handler, {
      id: 'a',
      vote: 'no',
      voter: voter(1),
      reason: 'missing',
      comment: ' Mail jo@example.org \n',
    });
    await postTo(handler, { id: 'a', vote: 'no', voter: voter(1), reason: null, comment: '' });
    await postTo(handler, { id: 'a', vote: 'no', voter: voter(1), comment: '   ' });
    assert.deepEqual(received, [
      { id: 'a', vote: 'no', voter: voter(1), reason: 'missing', comment: 'Mail [email]' },
      { id: 'a', vote: 'no', voter: voter(1) },
      { id: 'a', vote: 'no', voter: voter(1) },
    ]);
    const refused = await postTo(handler, { id: 'a', vote: null, voter: voter(1), reason: 'missing' });
    assert.equal(refused.status, 400);
    assert.equal(received.length, 3);
  });

  it('hands the store the comment as written with keepPersonalData', async () => {
    const received = [];
    const store = {
      ...memoryStore(),
      vote: async (request) => (received.push(request), { id: request.id, yes: 1, no: 0 }),
    };
    const handler = createVotesHandler({ store, rateLimit: 0, keepPersonalData: true });
    await postTo(handler, { id: 'a', vote: 'yes', voter: voter(1), comment: 'Call +33 6 12 34 56 78' });
    assert.deepEqual(received, [{ id: 'a', vote: 'yes', voter: voter(1), comment: 'Call +33 6 12 34 56 78' }]);
  });
});

describe("the fetch handler's defaults", () => {
  it('take 60 votes a minute from one client address without a rateLimit option, and answer the 61st 429', async () => {
    const store = new SqliteStore(tempDb());
    try {
      const handler = createVotesHandler({ store, clientAddress: () => '192.0.2.7' });
      const statuses = [];
      for (let n = 0; n < 61; n++) {
        const body = JSON.stringify({ id: 'default-limit', vote: 'no', voter: voter(n) });
        statuses.push(
          (
            await handler(
              new Request('http://votes.example/api/votes', {
                method: 'POST',
                headers: { 'Content-Type': 'application/json' },
                body,
              }),
            )
          ).status,
        );
      }
      assert.deepEqual(statuses, [...Array(60).fill(200), 429]);
      assert.deepEqual(await store.counts(['default-limit']), [{ id: 'default-limit', yes: 0, no: 60 }]);
    } finally {
      await store.close();
    }
  });
});
