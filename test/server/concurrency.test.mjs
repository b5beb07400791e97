import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom, seedFrom } from './support/random.mjs';
import { counts, startServers, vote, voter } from './support/server-process.mjs';
import { assertStoreHolds, storesUnderTest } from './support/stores.mjs';
import { runVoters, votingPlan } from './support/voters.mjs';

const seed = seedFrom('WTH_LOAD_SEED');

for (const store of storesUnderTest) {
  describe(`voting at once through two server processes on one ${store.name} store`, () => {
    it(
      '200 voters casting, changing and withdrawing votes on 20 items end with exact tallies',
      { skip: store.skip, timeout: 60_000 },
      async () => {
        const opened = await store.fresh();
        const instances = await startServers(2, [...opened.args, '--rate-limit', '0']);
        try {
          const plan = votingPlan(seededRandom(seed), { voters: 200, items: 20, prefix: 'load' });
          // Both instances read every item before and during the load, so both hold every tally in their
          // caches: an instance that missed the other's votes would serve them stale in the final reads.
          for (const instance of instances) assert.equal((await counts(instance.url, ...plan.itemIds)).status, 200);
          const reads = [];
          const { failures, badAnswers } = await runVoters(plan, {
            target: (voterIndex, step) => instances[(voterIndex + step) % 2].url,
            onAcknowledged: ({ count }) => {
              if (count % 250 === 0)
                reads.push(
                  ...instances.map((instance) =>
                    counts(instance.url, ...plan.itemIds).catch((error) => ({ status: error.message })),
                  ),
                );
            },
          });
          assert.deepEqual(failures, []);
          assert.deepEqual(badAnswers, []);
          assert.ok(reads.length > 0);
          for (const read of await Promise.all(reads)) assert.equal(read.status, 200);

          for (const instance of instances) {
            assert.deepEqual(
              (await counts(instance.url, ...plan.itemIds)).body.items,
              plan.expected,
              `seed ${seed}, ${instance.url}`,
            );
          }
          await assertStoreHolds(opened, plan);

          // A vote acknowledged by one instance shows in the very next read from the other.
          const [first] = plan.expected;
          for (const [n, [writer, reader]] of [
            [0, 1],
            [1, 0],
            [0, 1],
          ].entries()) {
            const acknowledged = await vote(instances[writer].url, {
              id: first.id,
              vote: 'yes',
              voter: voter(900_000 + n),
            });
            assert.equal(acknowledged.status, 200);
            assert.deepEqual((await counts(instances[reader].url, first.id)).body.items[0], acknowledged.body);
          }
        } finally {
          await Promise.all(instances.map((instance) => instance.stop()));
        }
      },
    );
  });
}
