/**
 * `GET /api/report` and `GET /api/comments` (CONTRACT.md section 6) on each store, through the real server:
 * the same filters as the commands, the same JSON and CSV as `was-this-helpful report` and `comments` print
 * for them, CSV as `text/csv` with a file name, an item's days and reasons as CSV for the page, and a bad
 * filter refused with the commands' message.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runCli, startServer, voter } from './support/server-process.mjs';
import { storesUnderTest } from './support/stores.mjs';

const TOKEN = 'an-admin-token-for-the-report-tests';
const INSTALL = 'https://example.org/docs/install';
const API = 'https://example.org/docs/api';
const BLOG = 'https://example.org/blog/notes';
const MARKUP = '<img src=x onerror=alert(1)>';
const FORMULA = '=HYPERLINK("http://evil.example","click")';

/**
 * `[item, voter, vote, reason, comment, time]`, sent in this order through the store at these times.
 * @type {Array<[string, number, 'yes' | 'no', string | null, string | null, string]>}
 */
const SEEDS = [
  [INSTALL, 1, 'no', 'missing', 'Step two fails on Windows.', '2026-03-02T10:00:00.000Z'],
  [INSTALL, 2, 'no', 'confusing', MARKUP, '2026-03-03T11:00:00.000Z'],
  [INSTALL, 3, 'no', 'missing', '', '2026-03-03T12:00:00.000Z'],
  [INSTALL, 4, 'yes', null, null, '2026-03-04T09:00:00.000Z'],
  [API, 5, 'yes', null, null, '2026-03-02T08:00:00.000Z'],
  [API, 6, 'yes', 'clear', FORMULA, '2026-03-04T08:00:00.000Z'],
  [API, 7, 'no', null, null, '2026-02-27T08:00:00.000Z'],
  [BLOG, 8, 'yes', null, null, '2026-02-26T08:00:00.000Z'],
];
const MARCH = { since: '2026-03-01', until: '2026-03-07' };

for (const store of storesUnderTest) {
  describe(`the report API on ${store.name}`, { skip: store.skip }, () => {
    let server;
    let storeArgs;
    before(async () => {
      const opened = await store.fresh();
      let now = 0;
      const seeding = opened.open({ clock: () => now });
      try {
        for (const [item, who, vote, reason, comment, time] of SEEDS) {
          now = Date.parse(time);
          await seeding.vote({ id: item, vote, voter: voter(who), reason, comment });
        }
      } finally {
        await seeding.close();
      }
      storeArgs = opened.args;
      server = await startServer([...storeArgs, '--admin-token', TOKEN]);
    });
    after(() => server?.stop());

    const get = (path, query) =>
      fetch(`${server.url}${path}?${new URLSearchParams(query)}`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    /** What the command prints for the same filters. */
    const printed = async (command, query) => {
      const { format, ...filters } = query;
      const options = Object.entries(filters).flatMap(([name, value]) => [`--${name}`, value]);
      const result = await runCli([command, ...options, '--format', format, ...storeArgs]);
      assert.equal(result.stderr, '');
      return result.stdout;
    };

    it('answers the report as JSON, the same as was-this-helpful report prints', async () => {
      const query = { ...MARCH, format: 'json' };
      const response = await get('/api/report', query);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Content-Type'), 'application/json');
      const body = await response.text();
      assert.equal(body, await printed('report', query));
      const answer = JSON.parse(body);
      assert.deepEqual(answer.window, MARCH);
      // Attention first: the install page (1 Yes, 3 No), then the API page (2 Yes; its No was in February).
      assert.deepEqual(
        answer.items.map(({ item, yes, no, comments, top_reason }) => ({ item, yes, no, comments, top_reason })),
        [
          { item: INSTALL, yes: 1, no: 3, comments: 2, top_reason: 'missing' },
          { item: API, yes: 2, no: 0, comments: 1, top_reason: null },
        ],
      );
    });

    it('takes the filters of the command: prefix, sort, limit, since=all (JSON without format)', async () => {
      const docs = await (await get('/api/report', { ...MARCH, prefix: 'https://example.org/blog/' })).json();
      assert.deepEqual(docs.items, []);
      const surest = await (await get('/api/report', { ...MARCH, sort: 'helpful', limit: '1' })).json();
      assert.deepEqual(
        surest.items.map((row) => row.item),
        [API],
      );
      const all = await (await get('/api/report', { since: 'all', until: '2026-03-07' })).json();
      assert.deepEqual(all.items.map((row) => row.item).sort(), [BLOG, API, INSTALL]);
    });

    it('answers one item with its days and reasons, and each as CSV for the page', async () => {
      const query = { ...MARCH, item: INSTALL };
      const answer = await (await get('/api/report', query)).json();
      assert.equal(answer.items.length, 1);
      const [row] = answer.items;
      assert.deepEqual(
        row.days.filter((day) => day.yes + day.no > 0),
        [
          { day: '2026-03-02', yes: 0, no: 1 },
          { day: '2026-03-03', yes: 0, no: 2 },
          { day: '2026-03-04', yes: 1, no: 0 },
        ],
      );
      assert.equal(row.days.length, 7);
      const days = await get('/api/report', { ...query, format: 'csv', part: 'days' });
      assert.equal(days.headers.get('Content-Type'), 'text/csv; charset=utf-8');
      assert.equal(days.headers.get('Content-Disposition'), 'attachment; filename="days-2026-03-01-to-2026-03-07.csv"');
      const dayLines = (await days.text()).split('\r\n');
      assert.equal(dayLines[0], 'day,yes,no');
      assert.deepEqual(dayLines.slice(2, 5), ['2026-03-02,0,1', '2026-03-03,0,2', '2026-03-04,1,0']);
      const reasons = await (await get('/api/report', { ...query, format: 'csv', part: 'reasons' })).text();
      assert.equal(reasons, 'reason,vote,count\r\nmissing,no,2\r\nconfusing,no,1\r\n');
    });

    it('answers the report as CSV, text/csv with a file name, the same as the command prints', async () => {
      const query = { ...MARCH, format: 'csv' };
      const response = await get('/api/report', query);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('Content-Type'), 'text/csv; charset=utf-8');
      assert.equal(
        response.headers.get('Content-Disposition'),
        'attachment; filename="report-2026-03-01-to-2026-03-07.csv"',
      );
      const body = await response.text();
      assert.equal(body, await printed('report', query));
      assert.match(body, /^item,yes,no,votes,helpful,low,high,previous,comments,top_reason\r\n/);
    });

    it('answers the comments as JSON and as CSV, the same as was-this-helpful comments prints', async () => {
      const json = { ...MARCH, item: INSTALL, format: 'json' };
      const answer = await get('/api/comments', json);
      const body = await answer.text();
      assert.equal(body, await printed('comments', json));
      assert.deepEqual(
        JSON.parse(body).comments.map((row) => row.comment),
        ['', MARKUP, 'Step two fails on Windows.'],
      );
      const csv = { ...MARCH, format: 'csv' };
      const response = await get('/api/comments', csv);
      assert.equal(response.headers.get('Content-Type'), 'text/csv; charset=utf-8');
      assert.equal(
        response.headers.get('Content-Disposition'),
        'attachment; filename="comments-2026-03-01-to-2026-03-07.csv"',
      );
      const text = await response.text();
      assert.equal(text, await printed('comments', csv));
      // The formula is defused and quoted; the markup is a plain field.
      assert.ok(text.includes(`,clear,"'=HYPERLINK(""http://evil.example"",""click"")"\r\n`), text);
      assert.ok(text.includes(`,confusing,${MARKUP}\r\n`), text);
    });

    it('filters the comments by vote, reason and search', async () => {
      const rows = async (query) =>
        (await (await get('/api/comments', { ...MARCH, ...query })).json()).comments.map((row) => row.comment);
      assert.deepEqual(await rows({ vote: 'yes' }), [FORMULA]);
      assert.deepEqual(await rows({ reason: 'missing' }), ['', 'Step two fails on Windows.']);
      assert.deepEqual(await rows({ search: 'WINDOWS' }), ['Step two fails on Windows.']);
    });

    it('refuses a bad filter with 400 and the message the command would give', async () => {
      /** @type {Array<[string, Record<string, string>, RegExp]>} */
      const refusals = [
        ['/api/report', { since: 'last-week' }, /^--since must be a number of days \(30d\), all, or a date/],
        ['/api/report', { until: '2026-02-30' }, /^--until must be a date YYYY-MM-DD/],
        ['/api/report', { sort: 'worst' }, /^--sort must be attention, helpful, votes, recent, not "worst"$/],
        ['/api/report', { limit: '0' }, /^--limit must be a whole number/],
        ['/api/report', { format: 'table' }, /^format must be json or csv, not "table"$/],
        ['/api/report', { vote: 'no' }, /^vote is not a filter here/],
        ['/api/report', { part: 'days' }, /^part=days is one item's days as CSV/],
        ['/api/report', { item: INSTALL, format: 'csv', part: 'weeks' }, /^part must be item, days, reasons/],
        ['/api/comments', { vote: 'maybe' }, /^--vote must be yes or no, not "maybe"$/],
        ['/api/comments', { reason: 'Not A Code' }, /^--reason must be a reason code/],
        ['/api/comments', { sort: 'votes' }, /^sort is not a filter here/],
      ];
      for (const [path, query, message] of refusals) {
        const response = await get(path, query);
        assert.equal(response.status, 400, `${path} ${JSON.stringify(query)}`);
        assert.match((await response.json()).error, message);
      }
      const twice = await fetch(`${server.url}/api/report?since=7d&since=30d`, {
        headers: { Authorization: `Bearer ${TOKEN}` },
      });
      assert.equal(twice.status, 400);
      assert.equal((await twice.json()).error, 'since is given more than once');
    });
  });
}
