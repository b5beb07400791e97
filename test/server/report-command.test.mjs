/**
 * `was-this-helpful report` (CONTRACT.md section 6) on each store, as an owner runs it: votes and follow-ups
 * seeded through the store at known times, so that the window, the window before it and a vote changed from
 * one into the other are tested to the millisecond; each option, order and format; the table in 80 columns.
 */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import stringWidth from 'string-width';
import { runCli, tempDb, voter } from './support/server-process.mjs';
import { storesUnderTest } from './support/stores.mjs';

const INSTALL = 'https://example.org/docs/install';
const API = 'https://example.org/docs/api';
const NEWS = 'https://example.org/blog/news';
const GUIDE = 'https://example.org/docs/guide';
const EMPTY_1 = 'https://example.org/docs/empty-1';
const EMPTY_2 = 'https://example.org/docs/empty-2';
const OLD = 'https://example.org/docs/old';
const LONG = `https://example.org/docs/${'a-very-long-section-name/'.repeat(4)}the-end`;

/**
 * `[time, item, voter, vote, reason, comment]`, sent in this order through the store with its clock at `time`.
 * March 2026 is the window of most tests (31 days); the window before it is 2026-01-29 to 2026-02-28.
 * @type {Array<[string, string, number, 'yes' | 'no' | null, string | null, string | null]>}
 */
const SEEDS = [
  // INSTALL: before the previous window (counted nowhere), in it, and at its last millisecond.
  ['2026-01-28T23:59:59.999Z', INSTALL, 5, 'yes', null, null],
  ['2026-02-10T10:00:00.000Z', INSTALL, 1, 'yes', null, null],
  ['2026-02-10T11:00:00.000Z', INSTALL, 2, 'yes', null, null],
  ['2026-02-10T12:00:00.000Z', INSTALL, 3, 'yes', null, null],
  ['2026-02-28T23:59:59.999Z', INSTALL, 4, 'no', null, null],
  // API: a Yes in February sent again in March, unchanged: it stays in February.
  ['2026-02-20T09:00:00.000Z', API, 30, 'yes', null, null],
  ['2026-02-21T09:00:00.000Z', OLD, 31, 'no', 'outdated', 'Gone'],
  // March. Voter 1 changes February's Yes to No: it counts in March alone.
  ['2026-03-01T00:00:00.000Z', INSTALL, 6, 'yes', 'clear', null],
  ['2026-03-02T08:00:00.000Z', GUIDE, 40, 'yes', null, null],
  ['2026-03-02T08:01:00.000Z', GUIDE, 41, 'yes', null, null],
  ['2026-03-02T08:02:00.000Z', GUIDE, 42, 'yes', null, null],
  ['2026-03-03T08:00:00.000Z', EMPTY_1, 43, 'no', null, null],
  ['2026-03-04T08:00:00.000Z', EMPTY_2, 44, 'no', null, null],
  ['2026-03-04T09:00:00.000Z', EMPTY_2, 45, 'no', null, null],
  ['2026-03-05T12:00:00.000Z', INSTALL, 1, 'no', 'outdated', 'Old screenshots'],
  ['2026-03-10T12:00:00.000Z', INSTALL, 7, 'no', 'missing', 'Step two fails on Windows.'],
  ['2026-03-12T12:00:00.000Z', INSTALL, 11, 'no', 'confusing', 'Withdrawn later'],
  ['2026-03-13T12:00:00.000Z', INSTALL, 11, null, null, null],
  ...Array.from(
    { length: 8 },
    (_, n) =>
      /** @type {[string, string, number, 'yes', null, null]} */ ([
        '2026-03-15T10:00:00.000Z',
        API,
        20 + n,
        'yes',
        null,
        null,
      ]),
  ),
  ['2026-03-16T10:00:00.000Z', API, 28, 'no', 'inaccurate', '=HYPERLINK("http://evil.example")'],
  ['2026-03-16T11:00:00.000Z', API, 29, 'no', null, null],
  ['2026-03-17T10:00:00.000Z', API, 30, 'yes', null, null],
  ['2026-03-20T12:00:00.000Z', INSTALL, 8, 'no', 'missing', null],
  ['2026-03-25T12:00:00.000Z', NEWS, 50, 'yes', null, null],
  ['2026-03-26T12:00:00.000Z', LONG, 51, 'no', null, null],
  ['2026-03-31T23:59:59.999Z', INSTALL, 9, 'no', 'outdated', 'Wrong version'],
  // After the window.
  ['2026-04-01T00:00:00.000Z', INSTALL, 10, 'yes', null, null],
];

const MARCH = ['--since', '2026-03-01', '--until', '2026-03-31'];

/** The rows of March as JSON gives them, by hand: Wilson bounds from the formula, rounded to one decimal. */
const EXPECTED = {
  [INSTALL]: {
    item: INSTALL,
    yes: 1,
    no: 4,
    votes: 5,
    helpful: 20,
    low: 3.6,
    high: 62.4,
    previous: 66.7, // voters 2 and 3 Yes, 4 No: voter 1's Yes moved to March, voter 5's is older
    comments: 3,
    top_reason: 'missing', // missing 2, outdated 2: the tie goes to the first code
  },
  [API]: {
    item: API,
    yes: 8,
    no: 2,
    votes: 10,
    helpful: 80,
    low: 49,
    high: 94.3,
    previous: 100, // voter 30's Yes, sent again unchanged in March
    comments: 1,
    top_reason: 'inaccurate',
  },
  [GUIDE]: {
    item: GUIDE,
    yes: 3,
    no: 0,
    votes: 3,
    helpful: 100,
    low: 43.9,
    high: 100,
    previous: null,
    comments: 0,
    top_reason: null,
  },
  [NEWS]: {
    item: NEWS,
    yes: 1,
    no: 0,
    votes: 1,
    helpful: 100,
    low: 20.7,
    high: 100,
    previous: null,
    comments: 0,
    top_reason: null,
  },
  [EMPTY_1]: {
    item: EMPTY_1,
    yes: 0,
    no: 1,
    votes: 1,
    helpful: 0,
    low: 0,
    high: 79.3,
    previous: null,
    comments: 0,
    top_reason: null,
  },
  [EMPTY_2]: {
    item: EMPTY_2,
    yes: 0,
    no: 2,
    votes: 2,
    helpful: 0,
    low: 0,
    high: 65.8,
    previous: null,
    comments: 0,
    top_reason: null,
  },
  [LONG]: {
    item: LONG,
    yes: 0,
    no: 1,
    votes: 1,
    helpful: 0,
    low: 0,
    high: 79.3,
    previous: null,
    comments: 0,
    top_reason: null,
  },
};

for (const store of storesUnderTest) {
  describe(`was-this-helpful report on ${store.name}`, () => {
    let args;
    before(async () => {
      if (store.skip) return;
      const opened = await store.fresh();
      let now = 0;
      const seeding = opened.open({ clock: () => now });
      try {
        for (const [time, item, who, vote, reason, comment] of SEEDS) {
          now = Date.parse(time);
          await seeding.vote({ id: item, vote, voter: voter(who), reason, comment });
        }
      } finally {
        await seeding.close();
      }
      args = opened.args;
    });

    /** Runs `report` with `options` and the store's arguments, and expects it to succeed. */
    const report = async (...options) => {
      const result = await runCli(['report', ...options, ...args]);
      assert.equal(result.stderr, '');
      assert.equal(result.code, 0);
      return result.stdout;
    };
    const json = async (...options) => JSON.parse(await report(...options, '--format', 'json'));
    const itemsOf = async (...options) => (await json(...options)).items.map((row) => row.item);

    it(
      'gives each item with a vote in the window its counts, Wilson bounds, previous share, comments and top reason',
      { skip: store.skip },
      async () => {
        const answer = await json(...MARCH);
        assert.deepEqual(answer.window, { since: '2026-03-01', until: '2026-03-31' });
        assert.deepEqual(
          Object.fromEntries(answer.items.map((row) => [row.item, row])),
          EXPECTED,
          'OLD (February only), the withdrawn vote and the votes outside March are left out',
        );
      },
    );

    it(
      'counts a vote in the window of its last change, to the millisecond at both ends',
      { skip: store.skip },
      async () => {
        const installIn = async (since, until) =>
          (await json('--since', since, '--until', until, '--item', INSTALL)).items[0] ?? null;
        // February alone: voters 2 and 3 Yes, voter 4 No at its last millisecond; voter 1's Yes moved to March.
        const february = await installIn('2026-02-01', '2026-02-28');
        assert.deepEqual([february.yes, february.no], [2, 1]);
        // The first and the last day of March, each whole.
        assert.deepEqual(
          [(await installIn('2026-03-01', '2026-03-01')).yes, (await installIn('2026-03-01', '2026-03-01')).no],
          [1, 0],
        );
        assert.deepEqual([(await installIn('2026-03-31', '2026-03-31')).no], [1]);
        // April 1st's vote, from its first millisecond; the day before holds voter 9's No.
        const april = await installIn('2026-04-01', '2026-04-01');
        assert.deepEqual([april.yes, april.no, april.previous], [1, 0, 0]);
      },
    );

    it(
      'compares with the window of the same length just before, for --since Nd too',
      { skip: store.skip },
      async () => {
        // 1d: March 31st against March 30th (no votes there).
        assert.equal((await json('--since', '1d', '--until', '2026-03-31', '--item', INSTALL)).items[0].previous, null);
        // 31d ending on March 31st is March; the window before is January 29th to February 28th.
        assert.deepEqual((await json('--since', '31d', '--until', '2026-03-31')).items, (await json(...MARCH)).items);
        // 2 days, March 1st to 2nd: the window before is February 27th and 28th, which holds voter 4's No alone.
        const twoDays = await json('--since', '2026-03-01', '--until', '2026-03-02', '--item', INSTALL);
        assert.equal(twoDays.items[0].previous, 0);
        // 60 days up to March 31st: January 31st to March 31st, whose window before (December 2nd to January 30th)
        // holds voter 5's Yes alone, cast at January 28th's last millisecond.
        const sixty = await json('--since', '60d', '--until', '2026-03-31', '--item', INSTALL);
        assert.deepEqual(sixty.window, { since: '2026-01-31', until: '2026-03-31' });
        assert.deepEqual([sixty.items[0].yes, sixty.items[0].no, sixty.items[0].previous], [3, 5, 100]);
      },
    );

    it('takes all, with no window before it', { skip: store.skip }, async () => {
      const all = await json('--since', 'all', '--until', '2099-12-31', '--item', INSTALL);
      assert.deepEqual(all.window, { since: null, until: '2099-12-31' });
      const [row] = all.items;
      assert.deepEqual([row.yes, row.no, row.previous], [5, 5, null]);
      assert.equal(row.days[0].day, '2026-01-28', 'the chart starts on the first day with a vote');
      assert.equal(row.days.at(-1).day, '2099-12-31');
    });

    it('reads the last 30 days up to today by default', { skip: store.skip }, async () => {
      const today = new Date().toISOString().slice(0, 10);
      const since = new Date(Date.parse(`${today}T00:00:00Z`) - 29 * 86_400_000).toISOString().slice(0, 10);
      assert.deepEqual(await json(), { window: { since, until: today }, items: [] });
    });

    it('sorts by attention, helpful, votes and recent, and keeps --limit rows', { skip: store.skip }, async () => {
      // Lowest upper bound first; GUIDE and NEWS both reach 100: more votes first.
      assert.deepEqual(await itemsOf(...MARCH), [INSTALL, EMPTY_2, LONG, EMPTY_1, API, GUIDE, NEWS]);
      assert.deepEqual(await itemsOf(...MARCH, '--sort', 'attention'), await itemsOf(...MARCH));
      // Highest lower bound first; the three without a Yes all have 0: more votes first, then by id.
      assert.deepEqual(await itemsOf(...MARCH, '--sort', 'helpful'), [
        API,
        GUIDE,
        NEWS,
        INSTALL,
        EMPTY_2,
        LONG,
        EMPTY_1,
      ]);
      assert.deepEqual(await itemsOf(...MARCH, '--sort', 'votes'), [API, INSTALL, GUIDE, EMPTY_2, NEWS, LONG, EMPTY_1]);
      assert.deepEqual(await itemsOf(...MARCH, '--sort', 'recent'), [
        INSTALL,
        LONG,
        NEWS,
        API,
        EMPTY_2,
        EMPTY_1,
        GUIDE,
      ]);
      assert.deepEqual(await itemsOf(...MARCH, '--limit', '2'), [INSTALL, EMPTY_2]);
      assert.deepEqual(await itemsOf(...MARCH, '--sort', 'votes', '--limit', '1'), [API]);
    });

    it('keeps the items whose id starts with --prefix', { skip: store.skip }, async () => {
      assert.deepEqual(await itemsOf(...MARCH, '--prefix', 'https://example.org/blog/'), [NEWS]);
      assert.deepEqual(await itemsOf(...MARCH, '--prefix', 'https://example.org/docs/empty'), [EMPTY_2, EMPTY_1]);
      assert.deepEqual(await itemsOf(...MARCH, '--prefix', 'https://example.org/docs/api/'), []);
    });

    it('gives one item with its days over the window and its reasons (--item)', { skip: store.skip }, async () => {
      const answer = await json(...MARCH, '--item', INSTALL);
      assert.equal(answer.items.length, 1);
      const { days, reasons, ...row } = answer.items[0];
      assert.deepEqual(row, EXPECTED[INSTALL]);
      assert.equal(days.length, 31);
      assert.deepEqual(days[0], { day: '2026-03-01', yes: 1, no: 0 });
      assert.deepEqual(
        days.filter((day) => day.yes + day.no > 0),
        [
          { day: '2026-03-01', yes: 1, no: 0 },
          { day: '2026-03-05', yes: 0, no: 1 },
          { day: '2026-03-10', yes: 0, no: 1 },
          { day: '2026-03-20', yes: 0, no: 1 },
          { day: '2026-03-31', yes: 0, no: 1 },
        ],
      );
      assert.deepEqual(reasons, [
        { reason: 'missing', vote: 'no', count: 2 },
        { reason: 'outdated', vote: 'no', count: 2 },
        { reason: 'clear', vote: 'yes', count: 1 },
      ]);
      // The days cover the window, not only the item's own: API's first vote in March is on the 15th.
      const api = (await json(...MARCH, '--item', API)).items[0];
      assert.deepEqual(
        [api.days.length, api.days[0], api.days[14]],
        [31, { day: '2026-03-01', yes: 0, no: 0 }, { day: '2026-03-15', yes: 8, no: 0 }],
      );
      assert.deepEqual((await json(...MARCH, '--item', OLD)).items, [], 'no votes in the window: no row');
      assert.deepEqual((await json(...MARCH, '--item', 'https://example.org/docs')).items, []);
    });

    it(
      'writes CSV with the contract columns, empty cells for none, formulas defused',
      { skip: store.skip },
      async () => {
        const csv = await report(...MARCH, '--format', 'csv', '--sort', 'votes', '--limit', '3');
        assert.equal(
          csv,
          'item,yes,no,votes,helpful,low,high,previous,comments,top_reason\r\n' +
            `${API},8,2,10,80,49,94.3,100,1,inaccurate\r\n` +
            `${INSTALL},1,4,5,20,3.6,62.4,66.7,3,missing\r\n` +
            `${GUIDE},3,0,3,100,43.9,100,,0,\r\n`,
        );
      },
    );

    it(
      'prints a table that fits 80 columns, the start all ids share said once, ids shortened in the middle, isolated',
      { skip: store.skip },
      async () => {
        const table = await report(...MARCH);
        const lines = table.split('\n');
        assert.equal(lines[0], '7 items with votes from 2026-03-01 to 2026-03-31 (UTC days).');
        assert.equal(lines[1], '"before" is the share of Yes in the 31 days before.');
        assert.equal(lines[2], 'Every id starts with \u2068https://example.org/\u2069, left out below.');
        assert.match(lines[4], /^item +yes {2}no {2}helpful {3}95% range {2}before {2}comments {2}top reason$/);
        for (const line of lines) assert.ok(stringWidth(line) <= 80, `${stringWidth(line)} columns: ${line}`);
        const plain = table.replace(/[\u2068\u2069]/g, '');
        assert.match(plain, /\ndocs\/install +1 +4 +20\.0% +3\.6-62\.4 +66\.7% +3 +missing\n/);
        assert.match(plain, /\nblog\/news +1 +0 +100\.0% +20\.7-100\.0 +- +0\n/);
        assert.match(plain, /\ndocs\/a-ver[^\n]*…[^\n]*the-end +0 +1 +0\.0% +0\.0-79\.3 +- +0\n/);
        assert.ok(table.includes('\u2068missing\u2069'), 'cells in isolates');
        assert.equal(
          await report('--since', '2020-01-01', '--until', '2020-01-31'),
          'No items with votes from 2020-01-01 to 2020-01-31 (UTC days).\n"before" is the share of Yes in the 31 days before.\n',
        );
      },
    );

    it('prints an item with its reasons and its days in the table', { skip: store.skip }, async () => {
      const plain = (await report(...MARCH, '--item', INSTALL)).replace(/[\u2068\u2069]/g, '');
      assert.match(plain, /\nReasons:\nreason +after +count\nmissing +no +2\noutdated +no +2\nclear +yes +1\n/);
      assert.match(plain, /\nDays:\nday \(UTC\) +yes +no\n2026-03-01 +1 +0\n2026-03-02 +0 +0\n/);
      assert.match(plain, /\n2026-03-31 +0 +1\n$/);
      assert.equal(plain.split('\n').filter((line) => /^2026-03-\d\d /.test(line)).length, 31);
    });
  });
}

describe('was-this-helpful report, refusing what it cannot do', () => {
  it('explains each bad option in one line and exits 2', async () => {
    const db = tempDb(); // not there: the options are read, and refused, before the store is opened
    for (const [options, message] of /** @type {Array<[string[], RegExp]>} */ ([
      [['--since', 'last-week'], /--since must be a number of days \(30d\), all, or a date YYYY-MM-DD/],
      [['--since', '0d'], /--since 0d: the number of days must be from 1/],
      [['--until', '2026-02-29'], /--until must be a date YYYY-MM-DD/],
      [['--since', '2026-04-01', '--until', '2026-03-31'], /--since 2026-04-01 is after --until 2026-03-31/],
      [['--sort', 'worst'], /--sort must be attention, helpful, votes, recent, not "worst"/],
      [['--limit', '0'], /--limit must be a whole number from 1/],
      [['--limit=-3'], /--limit must be a whole number from 1/],
      [['--limit', '2.5'], /--limit must be a whole number from 1/],
      [['--limit', 'ten'], /--limit must be a whole number from 1/],
      [['--item', ''], /--item must name an item/],
      [['--format', 'html'], /--format must be table, csv, json, not "html"/],
      [['--vote', 'no'], /Unknown option '--vote'/],
      [['stray'], /Unexpected argument 'stray'/],
      [['--database-url', 'postgres://127.0.0.1:1/none'], /--db and --database-url cannot be used together/],
    ])) {
      const { code, stdout, stderr } = await runCli(['report', '--db', db, ...options]);
      assert.equal(code, 2, options.join(' '));
      assert.equal(stdout, '');
      assert.match(stderr, /^was-this-helpful: [^\n]+\n$/, options.join(' '));
      assert.match(stderr, message, options.join(' '));
    }
  });

  it('refuses a SQLite file that is not there, and says when a database cannot be reached', async () => {
    const missing = await runCli(['report', '--db', tempDb()]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /--db .*: no such file/);
    const unreachable = await runCli(['report', '--database-url', 'postgres://127.0.0.1:1/none']);
    assert.equal(unreachable.code, 1);
    assert.match(unreachable.stderr, /^was-this-helpful: cannot open the store [^\n]+\n$/);
  });

  it('prints its usage for --help, and the program lists the command', async () => {
    const { code, stdout } = await runCli(['report', '--help']);
    assert.equal(code, 0);
    for (const option of ['--since', '--until', '--prefix', '--item', '--sort', '--limit', '--format', '--db'])
      assert.ok(stdout.includes(`  ${option}`), option);
    assert.match((await runCli(['--help'])).stdout, /\n {2}report {5}which pages need work/);
  });
});
