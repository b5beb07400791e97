import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom, seedFrom } from './support/random.mjs';
import { counts, startServers } from './support/server-process.mjs';
import { assertStoreHolds, assertTalliesMatchVotes, storesUnderTest } from './support/stores.mjs';
import { runVoters, votesByPair, votingPlan } from './support/voters.mjs';

const seed = seedFrom('WTH_CRASH_SEED');
const settle = async (isSettled) => {
  while (!isSettled()) await new Promise((resolve) => setTimeout(resolve, 10));
};

for (const store of storesUnderTest) {
  describe(`SIGKILL of both server processes in the middle of the load on ${store.name}`, () => {
    it(
      'keeps every acknowledged vote, and counts votes retried after the restart once',
      { skip: store.skip, timeout: 90_000 },
      async (t) => {
        const opened = await store.fresh();
        const startInstances = () => startServers(2, [...opened.args, '--rate-limit', '0']);
        let instances = await startInstances();
        const plan = votingPlan(seededRandom(seed), { voters: 200, items: 20, prefix: 'crash' });
        const killAfter = Math.floor(plan.actionCount * 0.4);

        let serviceBack; // a promise, from the moment of the kill until the instances are up again
        let crash;
        const crashAndRestart = async (progress) => {
          /** @type {(value?: unknown) => void} */
          let markServiceBack = () => {};
          /** @type {(error: unknown) => void} */
          let giveUp = () => {};
          serviceBack = new Promise((resolve, reject) => ([markServiceBack, giveUp] = [resolve, reject]));
          serviceBack.catch(() => {}); // the voters waiting on it report it
          try {
            await killCheckAndRestart(progress);
            markServiceBack();
          } catch (error) {
            giveUp(error);
            throw error;
          }
        };
        const killCheckAndRestart = async (progress) => {
          const inFlightAtKill = progress.pending;
          const results = await Promise.all(instances.map((instance) => instance.kill()));
          assert.deepEqual(
            results.map((result) => result.signal),
            ['SIGKILL', 'SIGKILL'],
          );
          // Wait until every request sent before the kill has its answer or its error.
          await settle(() => progress.pending === 0);
          const acknowledged = new Map(progress.acknowledged);
          const unconfirmed = new Map(progress.unconfirmed);

          // With both processes dead, read the store itself: every acknowledged vote is there; a vote whose
          // answer was lost may or may not be; nothing else is.
          const rows = await opened.votes();
          const stored = votesByPair(rows);
          let storedUnconfirmed = 0;
          for (const [pair, vote] of acknowledged) {
            if (unconfirmed.has(pair)) continue;
            assert.equal(stored.get(pair) ?? null, vote, `an acknowledged vote was lost (seed ${seed})`);
          }
          for (const [pair, vote] of unconfirmed) {
            const before = acknowledged.get(pair) ?? null;
            const now = stored.get(pair) ?? null;
            assert.ok(
              now === before || now === vote,
              `${pair}: stored ${now}, acknowledged ${before}, unconfirmed ${vote}`,
            );
            if (now === vote && vote !== before) storedUnconfirmed++;
          }
          for (const pair of stored.keys())
            assert.ok(acknowledged.has(pair) || unconfirmed.has(pair), `${pair} was stored but never sent`);
          await assertTalliesMatchVotes(opened, rows);
          t.diagnostic(
            `killed after ${killAfter} of ${plan.actionCount} votes with ${inFlightAtKill} requests in flight; ` +
              `${unconfirmed.size} votes unconfirmed, ${storedUnconfirmed} of them stored anyway`,
          );
          assert.ok(inFlightAtKill > 0, 'the kill came when no request was in flight');

          instances = await startInstances();
        };

        // Whether a server died on its own, and what it said, for a failure that the kill did not cause.
        const serversState = () =>
          JSON.stringify(
            instances.map(({ child, stderr }) => ({
              exit: child.exitCode,
              signal: child.signalCode,
              stderr: stderr(),
            })),
          );
        try {
          const { failures, badAnswers } = await runVoters(plan, {
            target: (voterIndex, step) => instances[(voterIndex + step) % 2].url,
            waitForService: (failure) =>
              serviceBack ??
              Promise.reject(
                new Error(`a vote failed before the kill: ${JSON.stringify(failure)}; the servers: ${serversState()}`),
              ),
            onAcknowledged: (progress) => {
              if (progress.count !== killAfter) return;
              crash = crashAndRestart(progress);
              crash.catch(() => {}); // awaited below, or reported through the voters
            },
          });
          await crash;
          assert.ok(failures.length > 0, 'no request failed: the kill did not hit the load');
          // The only failures are requests the kill cut off (no answer at all), never an error status.
          assert.deepEqual(
            failures.filter(({ status }) => typeof status === 'number'),
            [],
          );
          assert.deepEqual(badAnswers, []);
          for (const instance of instances) {
            assert.deepEqual((await counts(instance.url, ...plan.itemIds)).body.items, plan.expected, `seed ${seed}`);
          }
          await assertStoreHolds(opened, plan);
        } finally {
          await Promise.all(instances.map((instance) => instance.stop()));
        }
      },
    );
  });
}
