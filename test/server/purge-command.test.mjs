/**
 * `was-this-helpful purge --before DATE` (CONTRACT.md sections 5 and 6): the owner deletes the follow-ups
 * received before that UTC day, and is told how many; the votes stay. On each store, with follow-ups seeded at
 * known times on both sides of the day's first millisecond.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli, voter } from './support/server-process.mjs';
import { storesUnderTest } from './support/stores.mjs';

/** @type {Array<[string, number, string]>} */
const SEEDS = [
  ['https://example.org/a', 1, '2025-06-01T12:00:00.000Z'],
  ['https://example.org/a', 2, '2025-12-31T23:59:59.999Z'],
  ['https://example.org/b', 3, '2026-01-01T00:00:00.000Z'],
  ['https://example.org/b', 4, '2026-01-15T08:00:00.000Z'],
];

for (const store of storesUnderTest) {
  describe(`was-this-helpful purge on ${store.name}`, () => {
    it(
      'deletes the follow-ups received before the day, says how many, and keeps the rest and every vote',
      { skip: store.skip },
      async () => {
        const opened = await store.fresh();
        let now = 0;
        const seeding = opened.open({ clock: () => now });
        try {
          for (const [item, who, received] of SEEDS) {
            now = Date.parse(received);
            await seeding.vote({ id: item, vote: 'no', voter: voter(who), reason: 'outdated', comment: `from ${who}` });
          }
        } finally {
          await seeding.close();
        }
        const purge = (day) => runCli(['purge', '--before', day, ...opened.args]);

        const first = await purge('2026-01-01');
        assert.deepEqual(
          [first.code, first.stdout, first.stderr],
          [0, 'Deleted 2 follow-ups received before 2026-01-01 (UTC).\n', ''],
        );
        assert.deepEqual(
          (await opened.followUps()).map((row) => [row.voter, row.received_at]),
          [
            [voter(3), Date.parse('2026-01-01T00:00:00.000Z')],
            [voter(4), Date.parse('2026-01-15T08:00:00.000Z')],
          ],
        );
        assert.equal((await opened.votes()).length, 4, 'the votes stay');
        assert.deepEqual((await opened.tallies()).map(({ item, no }) => [item, no]).sort(), [
          ['https://example.org/a', 2],
          ['https://example.org/b', 2],
        ]);

        assert.equal((await purge('2026-01-01')).stdout, 'Deleted 0 follow-ups received before 2026-01-01 (UTC).\n');
        assert.equal((await purge('2026-01-15')).stdout, 'Deleted 1 follow-up received before 2026-01-15 (UTC).\n');
        assert.equal((await purge('2026-01-16')).stdout, 'Deleted 1 follow-up received before 2026-01-16 (UTC).\n');
        assert.deepEqual(await opened.followUps(), []);
      },
    );
  });
}

describe('was-this-helpful purge, refusing what it cannot do', () => {
  it('needs --before, a real UTC day, and says so in one line with exit code 2', async () => {
    for (const [options, message] of /** @type {Array<[string[], RegExp]>} */ ([
      [[], /purge needs --before DATE/],
      [['--before'], /argument missing|--before/],
      [['--before', '2026-02-30'], /--before must be a date YYYY-MM-DD/],
      [['--before', '30d'], /--before must be a date YYYY-MM-DD/],
      [['--before', '2026-01-01', '--since', '2025-01-01'], /Unknown option '--since'/],
    ])) {
      const { code, stdout, stderr } = await runCli(['purge', ...options, '--db', '/no/such/file.sqlite']);
      assert.equal(code, 2, options.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /^was-this-helpful: [^\n]+\n$/, options.join(' '));
      assert.match(stderr, message, options.join(' '));
    }
  });

  it('prints its usage for --help', async () => {
    const { code, stdout } = await runCli(['purge', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /Usage: was-this-helpful purge --before DATE/);
  });
});
