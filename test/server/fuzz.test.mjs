import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ALLOWED_ORIGIN, SEED_ITEMS, SEED_VOTERS, expectationOf, requestGenerator } from './support/fuzz-requests.mjs';
import { parseResponses, sendRaw } from './support/raw-http.mjs';
import { seededRandom, seedFrom } from './support/random.mjs';
import { counts, startServer, vote } from './support/server-process.mjs';
import { assertTalliesMatchVotes, storesUnderTest } from './support/stores.mjs';
import { votesByPair } from './support/voters.mjs';

// Replay a failure with the seed it printed: WTH_FUZZ_SEED=<seed> node --test test/server/fuzz.test.mjs
const seed = seedFrom('WTH_FUZZ_SEED');
const REQUESTS = Number(process.env.WTH_FUZZ_REQUESTS || 3000);

/**
 * What the store must hold: each voter's current vote per item, the tallies they add up to, and each voter's
 * follow-up per item (CONTRACT.md section 5: the latest replaces the earlier, a changed vote deletes it).
 */
class Model {
  votes = new Map();
  tallies = new Map();
  followUps = new Map();

  /** @param {{ id: string, vote: 'yes' | 'no' | null, voter: string, followUp?: { reason: string | null, comment: string } }} vote */
  apply({ id, vote, voter, followUp }) {
    const key = `${voter}\u0000${id}`;
    const tally = this.tally(id);
    const previous = this.votes.get(key) ?? null;
    if (previous) tally[previous]--;
    if (vote) tally[vote]++;
    this.tallies.set(id, tally);
    if (vote) this.votes.set(key, vote);
    else this.votes.delete(key);
    if (previous !== vote) this.followUps.delete(key);
    if (followUp) this.followUps.set(key, { vote, reason: followUp.reason, comment: followUp.comment || null });
  }

  tally(id) {
    return { ...(this.tallies.get(id) ?? { yes: 0, no: 0 }) };
  }

  counts(id) {
    return { id, ...this.tally(id) };
  }
}

async function send(server, request) {
  if (request.transport === 'raw') {
    const result = await sendRaw(Number(new URL(server.url).port), request.bytes, { halfClose: request.incomplete });
    if (result.error) return { error: result.error };
    try {
      return { responses: parseResponses(result.bytes, { headOnly: request.headOnly }) };
    } catch (error) {
      return { error: `${error.message} in ${JSON.stringify(result.bytes.toString('latin1').slice(0, 500))}` };
    }
  }
  try {
    const response = await fetch(`${server.url}${request.target}`, {
      method: request.method,
      headers: request.headers,
      body: request.body.length > 0 ? request.body : undefined,
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { responses: [{ status: response.status, headers: new Map(response.headers), body }] };
  } catch (error) {
    return { error: `${error.message} (${error.cause?.code ?? error.cause?.message})` };
  }
}

/** Checks the answers to one request against the oracle's verdict, and updates the model for a vote. */
function check(request, expectation, outcome, model, context) {
  assert.ok(!outcome.error, `${context}: no answer (${outcome.error})`);
  const { responses } = outcome;
  if (request.incomplete && responses.length === 0) return 'refused';
  assert.ok(responses.length > 0, `${context}: no answer`);
  const origin = request.headers.find(([name]) => name === 'Origin')?.[1];
  for (const { status, headers, body } of responses) {
    assert.ok(status >= 200 && status < 500, `${context}: status ${status}`);
    if (body.length > 0) {
      // Nothing is ever answered as HTML, or as anything a browser could sniff as HTML.
      assert.match(
        headers.get('content-type') ?? '',
        /^application\/json(;|$)/,
        `${context}: a body of type ${headers.get('content-type')}`,
      );
      assert.equal(headers.get('x-content-type-options'), 'nosniff', `${context}: no nosniff`);
      const parsed = JSON.parse(body.toString('utf8'));
      if (status >= 400) assert.equal(typeof parsed.error, 'string', `${context}: ${body}`);
    }
    if (origin !== undefined && origin !== ALLOWED_ORIGIN) {
      const cors = [...headers.keys()].filter((name) => name.startsWith('access-control-'));
      assert.deepEqual(cors, [], `${context}: CORS headers for the unknown origin ${origin}`);
    }
  }
  if (!expectation.valid) {
    for (const { status, body } of responses)
      assert.ok(
        status >= 400 && status < 500,
        `${context}: ${status} ${body.toString().slice(0, 200)} to an invalid request`,
      );
    return 'refused';
  }
  assert.equal(responses.length, 1, `${context}: ${responses.length} answers to one request`);
  const [{ status, body }] = responses;
  if (expectation.mayBeTooLarge && status === 431) return 'refused';
  const parsed = body.length > 0 ? JSON.parse(body.toString('utf8')) : undefined;
  switch (expectation.kind) {
    case 'counts':
      assert.equal(status, 200, `${context}: ${body}`);
      if (!request.headOnly)
        assert.deepEqual(
          parsed.items,
          expectation.items.map((id) => model.counts(id)),
          context,
        );
      break;
    case 'vote':
      assert.equal(status, 200, `${context}: ${body}`);
      model.apply(expectation.vote);
      assert.deepEqual(parsed, model.counts(expectation.vote.id), context);
      break;
    case 'health':
      assert.equal(status, 200, context);
      break;
    case 'options':
      assert.equal(status, 204, context);
      if (origin === ALLOWED_ORIGIN)
        assert.equal(responses[0].headers.get('access-control-allow-origin'), ALLOWED_ORIGIN, context);
      break;
    default:
      assert.fail(`unknown kind ${expectation.kind}`);
  }
  return 'accepted';
}

for (const store of storesUnderTest) {
  describe(`a fuzzer against the server on ${store.name}`, () => {
    it(
      `answers ${REQUESTS} random and malformed requests with 4xx, 2xx only when valid, and stays up with its counts intact`,
      { skip: store.skip, timeout: 120_000 },
      async (t) => {
        const opened = await store.fresh();
        // Comments kept as written, so that the model can say what each follow-up must hold.
        const server = await startServer([
          ...opened.args,
          '--rate-limit',
          '0',
          '--cors-origin',
          ALLOWED_ORIGIN,
          '--keep-personal-data',
        ]);
        const random = seededRandom(seed);
        const model = new Model();
        const tally = new Map();
        let followUpsTaken = 0;
        try {
          // Votes already there, which rejected requests must leave alone.
          for (const [n, id] of SEED_ITEMS.entries()) {
            for (const [m, voter] of SEED_VOTERS.entries()) {
              if ((n + m) % 3 === 0) continue;
              const choice = (n * m) % 2 ? 'yes' : 'no';
              assert.equal((await vote(server.url, { id, vote: choice, voter })).status, 200);
              model.apply({ id, vote: choice, voter });
            }
          }
          assert.deepEqual(
            (await counts(server.url, ...SEED_ITEMS)).body.items,
            SEED_ITEMS.map((id) => model.counts(id)),
          );

          const next = requestGenerator(random);
          for (let n = 0; n < REQUESTS; n++) {
            const request = next();
            const expectation = expectationOf(request);
            const context = `WTH_FUZZ_SEED=${seed}, request ${n} (${request.what}, ${request.transport}): ${JSON.stringify(request.bytes?.toString('latin1').slice(0, 300) ?? `${request.method} ${request.target.slice(0, 200)} ${request.body.toString('latin1').slice(0, 200)}`)}`;
            const outcome = await send(server, request);
            const result = check(request, expectation, outcome, model, context);
            const key = `${request.transport} ${request.broken ? 'broken HTTP' : request.what} ${result}`;
            tally.set(key, (tally.get(key) ?? 0) + 1);
            if (result === 'accepted' && /** @type {any} */ (expectation).vote?.followUp) followUpsTaken++;
            if (n % 500 === 499)
              assert.equal((await fetch(`${server.url}/healthz`)).status, 200, `${context}: unhealthy after it`);
          }
          t.diagnostic(
            [...tally]
              .sort()
              .map(([key, count]) => `${key}: ${count}`)
              .join('; '),
          );

          // The fuzzer reached both sides: enough valid requests and enough invalid ones of each transport.
          const sum = (pattern) =>
            [...tally].filter(([key]) => pattern.test(key)).reduce((total, [, count]) => total + count, 0);
          assert.ok(sum(/POST votes accepted/) > REQUESTS * 0.05, 'too few valid votes');
          assert.ok(sum(/GET votes accepted/) > REQUESTS * 0.05, 'too few valid reads');
          assert.ok(sum(/^raw .* refused/) > REQUESTS * 0.15, 'too few refused raw requests');
          assert.ok(sum(/^fetch .* refused/) > REQUESTS * 0.1, 'too few refused fetch requests');
          assert.ok(sum(/broken HTTP refused/) > REQUESTS * 0.05, 'too few broken requests');

          // Still up, and nothing but the valid votes changed anything.
          assert.equal(server.child.exitCode, null);
          assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
          const ids = [...new Set([...SEED_ITEMS, ...model.tallies.keys()])];
          for (let at = 0; at < ids.length; at += 100) {
            const batch = ids.slice(at, at + 100);
            const { status, body } = await counts(server.url, ...batch);
            assert.equal(status, 200);
            assert.deepEqual(
              body.items,
              batch.map((id) => model.counts(id)),
              `WTH_FUZZ_SEED=${seed}`,
            );
          }
          const rows = await opened.votes();
          assert.deepEqual(
            votesByPair(rows),
            model.votes,
            `WTH_FUZZ_SEED=${seed}: the store holds votes no valid request cast`,
          );
          await assertTalliesMatchVotes(opened, rows);
          const followUps = new Map(
            (await opened.followUps()).map(({ item, voter, vote, reason, comment }) => [
              `${voter}\u0000${item}`,
              { vote, reason, comment },
            ]),
          );
          assert.deepEqual(followUps, model.followUps, `WTH_FUZZ_SEED=${seed}: the stored follow-ups`);
          assert.ok(followUpsTaken > REQUESTS * 0.005, `only ${followUpsTaken} votes with a follow-up were taken`);
          assert.equal(server.stderr(), '', 'the server logged an error');
        } finally {
          await server.stop();
        }
      },
    );
  });
}
