import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counts, startServer, vote, voter } from './support/server-process.mjs';
import { assertTalliesMatchVotes, storesUnderTest } from './support/stores.mjs';

for (const store of storesUnderTest) {
  describe(`a vote on ${store.name} whose tally cannot be updated`, () => {
    it(
      'leaves the stored vote as it was (one transaction), so that its retry applies it whole',
      { skip: store.skip },
      async () => {
        const opened = await store.fresh();
        const server = await startServer([...opened.args, '--rate-limit', '0']);
        const stored = async () =>
          (await opened.votes())
            .filter((row) => row.item === 'torn')
            .map(({ voter: who, vote: choice }) => [who, choice]);
        try {
          assert.equal((await vote(server.url, { id: 'torn', vote: 'yes', voter: voter(1) })).status, 200);
          // The tally forgets the yes: taking it back now breaks the tally's CHECK (yes >= 0), after the vote's
          // own row was written.
          await opened.exec(`UPDATE ${opened.tallyTable} SET yes = 0 WHERE item = 'torn'`);
          const failed = await vote(server.url, { id: 'torn', vote: 'no', voter: voter(1) });
          assert.ok(failed.status >= 500, `answered ${failed.status}: a vote that was not stored must be retried`);
          assert.deepEqual(await stored(), [[voter(1), 'yes']], 'the vote changed although its tally did not');

          await opened.exec(`UPDATE ${opened.tallyTable} SET yes = 1 WHERE item = 'torn'`);
          assert.deepEqual((await vote(server.url, { id: 'torn', vote: 'no', voter: voter(1) })).body, {
            id: 'torn',
            yes: 0,
            no: 1,
          });
          assert.deepEqual(await stored(), [[voter(1), 'no']]);
          assert.deepEqual((await counts(server.url, 'torn')).body.items, [{ id: 'torn', yes: 0, no: 1 }]);
          await assertTalliesMatchVotes(opened);
        } finally {
          await server.stop();
        }
      },
    );
  });
}
