/**
 * Follow-ups in the stores (CONTRACT.md section 5): one per voter per item, beside the vote, with the time it
 * was received; the latest replaces the earlier; a changed vote deletes it, the same vote again keeps it; a
 * resent message changes nothing and keeps its first time; all in the vote's transaction. Through the real
 * server on each store, and through the store's class with a clock of the test's own where times matter.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counts, startServer, vote, voter } from './support/server-process.mjs';
import { storesUnderTest } from './support/stores.mjs';

/** The stored follow-ups without their times, as `[item, voter, vote, reason, comment]`. */
const rowsOf = async (opened) =>
  (await opened.followUps()).map((row) => [row.item, row.voter, row.vote, row.reason, row.comment]);

/** A refusal of any write to the follow-ups table, to make the follow-up's part of a vote fail. */
const REFUSE_FOLLOW_UPS = {
  SQLite: {
    on: `CREATE TRIGGER refuse_follow_ups BEFORE INSERT ON follow_ups BEGIN SELECT RAISE(ABORT, 'refused'); END;`,
    off: 'DROP TRIGGER refuse_follow_ups',
  },
  PostgreSQL: {
    on: `CREATE FUNCTION refuse() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION 'refused'; END $$;
      CREATE TRIGGER refuse_follow_ups BEFORE INSERT ON was_this_helpful_follow_ups FOR EACH ROW EXECUTE FUNCTION refuse();`,
    off: 'DROP TRIGGER refuse_follow_ups ON was_this_helpful_follow_ups; DROP FUNCTION refuse();',
  },
};

for (const store of storesUnderTest) {
  describe(`follow-ups on ${store.name}, through the server`, () => {
    /** A fresh store and a server on it, for `use(server, opened)`. */
    const withServer = async (use, args = []) => {
      const opened = await store.fresh();
      const server = await startServer([...opened.args, '--rate-limit', '0', ...args]);
      try {
        await use(server, opened);
      } finally {
        await server.stop();
      }
    };

    it(
      'stores the follow-up beside the vote: its item, voter, vote, reason, comment trimmed, and the time received',
      { skip: store.skip },
      async () =>
        withServer(async (server, opened) => {
          const before = Date.now();
          const answer = await vote(server.url, {
            id: 'https://example.org/docs/install',
            vote: 'no',
            voter: voter(1),
            reason: 'missing',
            comment: '  Step two fails on Windows.\r\nWhich version?\tNode 20? \n',
          });
          const after = Date.now();
          assert.deepEqual(answer.body, { id: 'https://example.org/docs/install', yes: 0, no: 1 });
          const [row, ...others] = await opened.followUps();
          assert.deepEqual(others, []);
          const { received_at: received, ...stored } = row;
          assert.deepEqual(stored, {
            item: 'https://example.org/docs/install',
            voter: voter(1),
            vote: 'no',
            reason: 'missing',
            comment: 'Step two fails on Windows.\r\nWhich version?\tNode 20?',
          });
          assert.ok(received >= before && received <= after, `received at ${received}, sent in ${before}–${after}`);
          // A reason alone and a comment alone are follow-ups too; absent parts are NULL, not empty strings.
          await vote(server.url, { id: 'reason-only', vote: 'yes', voter: voter(2), reason: 'clear', comment: '' });
          await vote(server.url, { id: 'comment-only', vote: 'no', voter: voter(3), reason: null, comment: 'Hm.' });
          assert.deepEqual((await rowsOf(opened)).slice(0, 2), [
            ['comment-only', voter(3), 'no', null, 'Hm.'],
            [
              'https://example.org/docs/install',
              voter(1),
              'no',
              'missing',
              'Step two fails on Windows.\r\nWhich version?\tNode 20?',
            ],
          ]);
          assert.deepEqual((await rowsOf(opened))[2], ['reason-only', voter(2), 'yes', 'clear', null]);
        }),
    );

    it(
      'keeps one follow-up per voter per item: the latest replaces the earlier, whole',
      { skip: store.skip },
      async () =>
        withServer(async (server, opened) => {
          const id = 'replaced';
          await vote(server.url, { id, vote: 'no', voter: voter(1), reason: 'confusing', comment: 'First try' });
          await vote(server.url, { id, vote: 'no', voter: voter(2), reason: 'outdated' }); // another voter's stays
          await vote(server.url, { id: 'elsewhere', vote: 'no', voter: voter(1), reason: 'missing' }); // another item's too
          await vote(server.url, { id, vote: 'no', voter: voter(1), comment: 'Second thoughts' });
          assert.deepEqual(await rowsOf(opened), [
            ['elsewhere', voter(1), 'no', 'missing', null],
            [id, voter(1), 'no', null, 'Second thoughts'],
            [id, voter(2), 'no', 'outdated', null],
          ]);
          await vote(server.url, { id, vote: 'no', voter: voter(1), reason: 'inaccurate' });
          assert.deepEqual((await rowsOf(opened))[1], [id, voter(1), 'no', 'inaccurate', null]);
          assert.deepEqual((await counts(server.url, id)).body.items, [{ id, yes: 0, no: 2 }]);
        }),
    );

    it(
      'keeps the follow-up when the same vote comes again without one (a retry, another tab)',
      { skip: store.skip },
      async () =>
        withServer(async (server, opened) => {
          const id = 'kept';
          await vote(server.url, { id, vote: 'yes', voter: voter(1), reason: 'accurate', comment: 'Spot on' });
          await vote(server.url, { id, vote: 'yes', voter: voter(1) });
          await vote(server.url, { id, vote: 'yes', voter: voter(1), reason: null, comment: '' });
          await vote(server.url, { id, vote: 'yes', voter: voter(1), comment: '   ' }); // white space alone: none
          assert.deepEqual(await rowsOf(opened), [[id, voter(1), 'yes', 'accurate', 'Spot on']]);
          assert.deepEqual((await counts(server.url, id)).body.items, [{ id, yes: 1, no: 0 }]);
        }),
    );

    it(
      "deletes the voter's follow-up when the vote changes to the other value or is withdrawn",
      { skip: store.skip },
      async () =>
        withServer(async (server, opened) => {
          await vote(server.url, { id: 'changed', vote: 'no', voter: voter(1), reason: 'missing', comment: 'Where?' });
          await vote(server.url, { id: 'changed', vote: 'no', voter: voter(2), reason: 'outdated' });
          await vote(server.url, { id: 'withdrawn', vote: 'yes', voter: voter(1), reason: 'clear' });
          assert.deepEqual((await vote(server.url, { id: 'changed', vote: 'yes', voter: voter(1) })).body, {
            id: 'changed',
            yes: 1,
            no: 1,
          });
          assert.deepEqual((await vote(server.url, { id: 'withdrawn', vote: null, voter: voter(1) })).body, {
            id: 'withdrawn',
            yes: 0,
            no: 0,
          });
          assert.deepEqual(await rowsOf(opened), [['changed', voter(2), 'no', 'outdated', null]]);
          // A changed vote with a follow-up of its own: the new one, for the new vote.
          await vote(server.url, { id: 'changed', vote: 'yes', voter: voter(2), reason: 'complete' });
          assert.deepEqual(await rowsOf(opened), [['changed', voter(2), 'yes', 'complete', null]]);
          assert.deepEqual((await counts(server.url, 'changed')).body.items, [{ id: 'changed', yes: 2, no: 0 }]);
        }),
    );

    it(
      "writes the follow-up in the vote's transaction: when either part fails, neither is stored",
      { skip: store.skip },
      async () =>
        withServer(async (server, opened) => {
          const id = 'atomic';
          await vote(server.url, { id, vote: 'yes', voter: voter(1), reason: 'clear' });
          // 1. The follow-up cannot be written: the changed vote is not stored either (and the earlier follow-up stays).
          await opened.exec(REFUSE_FOLLOW_UPS[store.name].on);
          const refused = await vote(server.url, { id, vote: 'no', voter: voter(1), reason: 'outdated' });
          assert.ok(refused.status >= 500, `answered ${refused.status}: a vote that was not stored must be retried`);
          assert.deepEqual(
            (await opened.votes()).map((row) => row.vote),
            ['yes'],
          );
          assert.deepEqual(await rowsOf(opened), [[id, voter(1), 'yes', 'clear', null]]);
          await opened.exec(REFUSE_FOLLOW_UPS[store.name].off);
          // 2. The tally cannot be updated (its CHECK refuses yes = -1): the follow-up is not deleted.
          await opened.exec(`UPDATE ${opened.tallyTable} SET yes = 0 WHERE item = '${id}'`);
          const torn = await vote(server.url, { id, vote: 'no', voter: voter(1) });
          assert.ok(torn.status >= 500, `answered ${torn.status}`);
          assert.deepEqual(await rowsOf(opened), [[id, voter(1), 'yes', 'clear', null]]);
          await opened.exec(`UPDATE ${opened.tallyTable} SET yes = 1 WHERE item = '${id}'`);
          // Retried, both parts apply.
          assert.deepEqual((await vote(server.url, { id, vote: 'no', voter: voter(1), reason: 'outdated' })).body, {
            id,
            yes: 0,
            no: 1,
          });
          assert.deepEqual(await rowsOf(opened), [[id, voter(1), 'no', 'outdated', null]]);
        }),
    );
  });

  describe(`follow-ups on ${store.name}, with the store's clock`, () => {
    it(
      'resending the same message changes nothing and keeps the time first received; a different one takes its own time',
      { skip: store.skip },
      async () => {
        const opened = await store.fresh();
        let now = Date.parse('2026-03-01T10:00:00.000Z');
        const storeWithClock = opened.open({ clock: () => now });
        try {
          /** @type {import('../../dist/node/protocol/types.js').VoteRequest} */
          const message = { id: 'resent', vote: 'no', voter: voter(1), reason: 'missing', comment: 'Which version?' };
          assert.deepEqual(await storeWithClock.vote(message), { id: 'resent', yes: 0, no: 1 });
          now += 60_000;
          assert.deepEqual(await storeWithClock.vote(message), { id: 'resent', yes: 0, no: 1 });
          now += 60_000;
          assert.deepEqual(await storeWithClock.vote({ id: 'resent', vote: 'no', voter: voter(1) }), {
            id: 'resent',
            yes: 0,
            no: 1,
          });
          assert.deepEqual(
            (await opened.followUps()).map((row) => [row.reason, row.comment, row.received_at]),
            [['missing', 'Which version?', Date.parse('2026-03-01T10:00:00.000Z')]],
          );
          now += 60_000;
          await storeWithClock.vote({ ...message, comment: 'Which version of Node?' });
          assert.deepEqual(
            (await opened.followUps()).map((row) => [row.comment, row.received_at]),
            [['Which version of Node?', Date.parse('2026-03-01T10:03:00.000Z')]],
          );
          // The same text after a changed vote is a new follow-up, received now.
          now += 60_000;
          await storeWithClock.vote({ ...message, vote: 'yes', comment: 'Which version of Node?' });
          assert.deepEqual(
            (await opened.followUps()).map((row) => [row.vote, row.received_at]),
            [['yes', Date.parse('2026-03-01T10:04:00.000Z')]],
          );
        } finally {
          await storeWithClock.close();
        }
      },
    );

    it(
      'reads follow-ups back through the store, newest first, with what was stored',
      { skip: store.skip },
      async () => {
        const opened = await store.fresh();
        let now = Date.parse('2026-03-01T10:00:00.000Z');
        const storeWithClock = opened.open({ clock: () => now });
        try {
          await storeWithClock.vote({ id: 'a', vote: 'no', voter: voter(1), reason: 'missing' });
          now += 1;
          await storeWithClock.vote({ id: 'b', vote: 'yes', voter: voter(1), comment: 'Nice' });
          assert.deepEqual(await storeWithClock.followUps({}), [
            { received: new Date('2026-03-01T10:00:00.001Z'), item: 'b', vote: 'yes', reason: null, comment: 'Nice' },
            { received: new Date('2026-03-01T10:00:00.000Z'), item: 'a', vote: 'no', reason: 'missing', comment: '' },
          ]);
        } finally {
          await storeWithClock.close();
        }
      },
    );
  });
}
