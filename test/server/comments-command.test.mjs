/**
 * `was-this-helpful comments` (CONTRACT.md section 6) on each store, as an owner runs it: follow-ups seeded
 * through the store at known received times, so that the window's edges are tested to the millisecond; each
 * option and format; and comments holding markup or formulas coming back as text.
 */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import stringWidth from 'string-width';
import { runCli, tempDb, voter } from './support/server-process.mjs';
import { storesUnderTest } from './support/stores.mjs';

const INSTALL = 'https://example.org/docs/install';
const API = 'https://example.org/docs/api';
const BLOG = 'https://example.org/blog/release-notes';
const HEBREW = 'https://example.org/he/מדריך-התקנה';
const LONG = `https://example.org/docs/${'a-very-long-section-name/'.repeat(4)}the-end`;
const MARKUP = '<img src=x onerror=alert(1)>';

/**
 * `[name, item, voter, vote, reason, comment, received]`, in the order they are sent.
 * @type {Array<[string, string, number, 'yes' | 'no', string | null, string, string]>}
 */
const SEEDS = [
  ['before', INSTALL, 1, 'no', 'confusing', 'Which Node version?', '2026-02-28T23:59:59.999Z'],
  ['first', BLOG, 2, 'no', 'outdated', 'The screenshots show the OLD dashboard.', '2026-03-01T00:00:00.000Z'],
  ['formula', API, 3, 'no', 'inaccurate', '=HYPERLINK("http://evil.example","click")', '2026-03-05T08:00:00.000Z'],
  ['markup', API, 4, 'yes', 'other', MARKUP, '2026-03-10T12:00:00.000Z'],
  ['reason-only', API, 5, 'yes', 'clear', '', '2026-03-15T12:00:00.000Z'],
  ['hebrew', HEBREW, 6, 'no', 'missing', 'חסר שלב ההתקנה. Été, ÉTÉ!', '2026-03-20T09:30:00.000Z'],
  ['long', LONG, 7, 'no', 'missing', 'Lines:\nfirst, "quoted"\nlast', '2026-03-25T18:45:00.000Z'],
  ['last', INSTALL, 8, 'no', 'missing', 'Step two fails on Windows.', '2026-03-31T23:59:59.999Z'],
  ['after', INSTALL, 9, 'yes', null, 'Fixed now, thanks', '2026-04-01T00:00:00.000Z'],
];
const seed = (name) => SEEDS.find((entry) => entry[0] === name);
/** A follow-up as the JSON output gives it. */
const asJson = ([, item, , vote, reason, comment, received]) => ({ received, item, vote, reason, comment });
const MARCH = ['--since', '2026-03-01', '--until', '2026-03-31'];

for (const store of storesUnderTest) {
  describe(`was-this-helpful comments on ${store.name}`, () => {
    let args;
    before(async () => {
      if (store.skip) return;
      const opened = await store.fresh();
      let now = 0;
      const seeding = opened.open({ clock: () => now });
      try {
        for (const [, item, who, vote, reason, comment, received] of SEEDS) {
          now = Date.parse(received);
          await seeding.vote({ id: item, vote, voter: voter(who), reason, comment });
        }
      } finally {
        await seeding.close();
      }
      args = opened.args;
    });

    /** Runs `comments` with `options` and the store's arguments; JSON output parsed. */
    const comments = async (...options) => {
      const result = await runCli(['comments', ...options, ...args]);
      assert.equal(result.stderr, '');
      assert.equal(result.code, 0);
      return result.stdout;
    };
    const json = async (...options) => JSON.parse(await comments(...options, '--format', 'json'));
    const names = async (...options) =>
      (await json(...options)).comments.map((row) => SEEDS.find((entry) => entry[6] === row.received)[0]);

    it(
      'lists the follow-ups of the window, newest first, with the window it covers (JSON)',
      { skip: store.skip },
      async () => {
        const answer = await json(...MARCH);
        assert.deepEqual(answer.window, { since: '2026-03-01', until: '2026-03-31' });
        assert.deepEqual(
          answer.comments,
          ['last', 'long', 'hebrew', 'reason-only', 'markup', 'formula', 'first'].map((name) => asJson(seed(name))),
        );
      },
    );

    it('takes both edge days whole, to the millisecond, in UTC', { skip: store.skip }, async () => {
      assert.deepEqual(await names('--since', '2026-03-31', '--until', '2026-03-31'), ['last']);
      assert.deepEqual(await names('--since', '2026-02-28', '--until', '2026-03-01'), ['first', 'before']);
      assert.deepEqual(await names('--since', '2026-04-01', '--until', '2026-04-01'), ['after']);
    });

    it('counts --since Nd back from --until, and takes all', { skip: store.skip }, async () => {
      assert.deepEqual(await names('--since', '1d', '--until', '2026-03-31'), ['last']);
      assert.deepEqual(await names('--since', '31d', '--until', '2026-03-31'), await names(...MARCH));
      assert.deepEqual(await names('--since', '32d', '--until', '2026-03-31'), [...(await names(...MARCH)), 'before']);
      const all = await json('--since', 'all', '--until', '2026-03-31');
      assert.deepEqual(all.window, { since: null, until: '2026-03-31' });
      assert.equal(all.comments.length, 8);
      assert.equal((await json('--since', 'all', '--until', '2099-12-31')).comments.length, 9);
    });

    it('reads the last 30 days up to today by default', { skip: store.skip }, async () => {
      // Seeded in March 2026, older than 30 days on any day these tests run: the default window is empty.
      const answer = await json();
      const today = new Date().toISOString().slice(0, 10);
      const since = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
      assert.deepEqual(answer, { window: { since, until: today }, comments: [] });
    });

    it('filters by item, prefix, vote, reason and search, together', { skip: store.skip }, async () => {
      const all = ['--since', 'all', '--until', '2099-12-31'];
      assert.deepEqual(await names(...all, '--item', INSTALL), ['after', 'last', 'before']);
      assert.deepEqual(await names(...all, '--item', 'https://example.org/docs'), []);
      assert.deepEqual(await names(...all, '--prefix', 'https://example.org/docs/'), [
        'after',
        'last',
        'long',
        'reason-only',
        'markup',
        'formula',
        'before',
      ]);
      assert.deepEqual(await names(...all, '--prefix', 'https://example.org/he/'), ['hebrew']);
      assert.deepEqual(await names(...all, '--prefix', 'https://example.org/blog'), ['first']);
      assert.deepEqual(await names(...all, '--vote', 'yes'), ['after', 'reason-only', 'markup']);
      assert.deepEqual(await names(...all, '--reason', 'missing'), ['last', 'long', 'hebrew']);
      assert.deepEqual(await names(...all, '--vote', 'no', '--reason', 'missing', '--item', INSTALL), ['last']);
      assert.deepEqual(await names(...MARCH, '--vote', 'yes'), ['reason-only', 'markup']);
    });

    it('searches comments for a substring, ignoring case in any script', { skip: store.skip }, async () => {
      const all = ['--since', 'all', '--until', '2099-12-31'];
      assert.deepEqual(await names(...all, '--search', 'old dash'), ['first']);
      assert.deepEqual(await names(...all, '--search', 'éTé'), ['hebrew']);
      assert.deepEqual(await names(...all, '--search', 'התקנה'), ['hebrew']);
      assert.deepEqual(await names(...all, '--search', '%'), [], 'a LIKE wildcard is a plain character');
      assert.deepEqual(await names(...all, '--search', '"quoted"'), ['long']);
      assert.deepEqual(await names(...all, '--search', 'windows', '--prefix', 'https://example.org/blog'), []);
    });

    it('writes CSV with a header row, quoting, and formulas defused', { skip: store.skip }, async () => {
      const csv = await comments(...MARCH, '--item', API, '--format', 'csv');
      assert.equal(
        csv,
        'received,item,vote,reason,comment\r\n' +
          `2026-03-15T12:00:00.000Z,${API},yes,clear,\r\n` +
          `2026-03-10T12:00:00.000Z,${API},yes,other,${MARKUP}\r\n` +
          `2026-03-05T08:00:00.000Z,${API},no,inaccurate,"'=HYPERLINK(""http://evil.example"",""click"")"\r\n`,
      );
      const multiline = await comments(...MARCH, '--item', LONG, '--format', 'csv');
      assert.ok(multiline.endsWith(`,no,missing,"Lines:\nfirst, ""quoted""\nlast"\r\n`), multiline);
    });

    it(
      'prints a table that fits 80 columns, with ids shortened in the middle and everything isolated',
      { skip: store.skip },
      async () => {
        const table = await comments(...MARCH);
        const lines = table.split('\n');
        assert.equal(lines[0], '7 follow-ups received from 2026-03-01 to 2026-03-31 (UTC days).');
        assert.match(lines[2], /^received \(UTC\) {4}item +vote {2}reason$/);
        for (const line of lines) assert.ok(stringWidth(line) <= 80, `${stringWidth(line)} columns: ${line}`);
        const plain = table.replace(/[\u2068\u2069]/g, '');
        assert.match(
          plain,
          /\n2026-03-31 23:59 {2}https:\/\/example\.org\/docs\/install +no {4}missing\n {2}Step two fails on Windows\.\n/,
        );
        assert.match(
          plain,
          /\n2026-03-25 18:45 {2}https:\/\/example\.or[^\n]*…[^\n]*the-end +no {4}missing\n {2}Lines:\n {2}first, "quoted"\n {2}last\n/,
        );
        assert.match(
          plain,
          /\n2026-03-10 12:00 {2}https:\/\/example\.org\/docs\/api +yes {3}other\n {2}<img src=x onerror=alert\(1\)>\n/,
        );
        assert.ok(table.includes(`\u2068${HEBREW}\u2069`), 'the right-to-left id in an isolate');
        assert.ok(table.includes('  \u2068חסר שלב ההתקנה. Été, ÉTÉ!\u2069'), 'the comment in an isolate');
        assert.ok(table.includes(`\u2068${MARKUP}\u2069`), 'markup as text');
        assert.equal(
          await comments('--since', '2020-01-01', '--until', '2020-01-31'),
          'No follow-ups received from 2020-01-01 to 2020-01-31 (UTC days).\n',
        );
      },
    );

    it('gives markup back as text in every format', { skip: store.skip }, async () => {
      const options = [...MARCH, '--search', 'onerror'];
      assert.equal((await json(...options)).comments[0].comment, MARKUP);
      assert.ok((await comments(...options, '--format', 'csv')).includes(`,${MARKUP}\r\n`));
      assert.ok((await comments(...options)).includes(`  \u2068${MARKUP}\u2069\n`));
    });
  });
}

describe('was-this-helpful comments, refusing what it cannot do', () => {
  it('explains each bad option in one line and exits 2', async () => {
    const db = tempDb(); // not there: the options are read, and refused, before the store is opened
    for (const [options, message] of /** @type {Array<[string[], RegExp]>} */ ([
      [['--since', 'yesterday'], /--since must be a number of days \(30d\), all, or a date YYYY-MM-DD/],
      [['--since', '2026-02-30'], /--since must be a date YYYY-MM-DD/],
      [['--until', '2026/03/31'], /--until must be a date YYYY-MM-DD/],
      [['--since', '2026-04-01', '--until', '2026-03-31'], /--since 2026-04-01 is after --until 2026-03-31/],
      [['--vote', 'maybe'], /--vote must be yes or no, not "maybe"/],
      [['--reason', 'Not A Code'], /--reason must be a reason code/],
      [['--format', 'xml'], /--format must be table, csv, json, not "xml"/],
      [['--colour'], /Unknown option '--colour'/],
      [['stray'], /Unexpected argument 'stray'/],
      [['--database-url', 'postgres://127.0.0.1:1/none'], /--db and --database-url cannot be used together/],
    ])) {
      const { code, stdout, stderr } = await runCli(['comments', '--db', db, ...options]);
      assert.equal(code, 2, options.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /^was-this-helpful: [^\n]+\n$/, options.join(' '));
      assert.match(stderr, message, options.join(' '));
    }
  });

  it('refuses a SQLite file that is not there rather than create an empty one', async () => {
    const db = tempDb();
    const { code, stderr } = await runCli(['comments', '--db', db]);
    assert.equal(code, 1);
    assert.match(stderr, /--db .*: no such file/);
    assert.equal((await runCli(['purge', '--before', '2026-01-01', '--db', db])).code, 1);
    assert.equal(existsSync(db), false);
  });

  it('prints its usage for --help', async () => {
    const { code, stdout } = await runCli(['comments', '--help']);
    assert.equal(code, 0);
    for (const option of [
      '--since',
      '--until',
      '--prefix',
      '--item',
      '--vote',
      '--reason',
      '--search',
      '--format',
      '--db',
    ])
      assert.ok(stdout.includes(`  ${option}`), option);
  });
});
