/**
 * The owner's report page (CONTRACT.md section 6) in Chromium, as an owner uses it: the real server with
 * `--admin-token` on a SQLite file seeded through the store, the page under the policy the server sends
 * (`default-src 'self'`, Trusted Types), the token asked once per tab, the sortable table, an item's chart
 * with the same numbers as a table, its reasons and comments (markup shown as text), every CSV download, the
 * keyboard, and axe.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import util from 'node:util';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer, tempDb } from '../server/support/server-process.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/chromium.mjs';
import {
  API,
  BLOG,
  dayAgo,
  HEBREW,
  INSTALL,
  INSTALL_FOLLOW_UPS,
  installVotesOn,
  MARKUP,
  seedReport,
} from './support/report-seed.mjs';

const TOKEN = 'the-owner-s-admin-token-0123456789';
const POLICY = "default-src 'self'; require-trusted-types-for 'script'; frame-ancestors 'none'";
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** The element that has focus, looking into shadow roots. */
const focused = (page) =>
  page.evaluate(() => {
    let element = document.activeElement;
    while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
    return { id: element?.id, tag: element?.localName, text: element?.textContent?.trim() };
  });

/**
 * Asserts that focus reaches an element with `expected`'s fields: the page moves it just after the render that
 * shows the new view, so it is polled for up to 5 s rather than read once.
 */
async function expectFocus(page, expected) {
  const deadline = Date.now() + 5000;
  const pick = (seen) => Object.fromEntries(Object.keys(expected).map((key) => [key, seen[key]]));
  let seen = pick(await focused(page));
  while (!util.isDeepStrictEqual(seen, expected) && Date.now() < deadline) {
    await page.waitForTimeout(50);
    seen = pick(await focused(page));
  }
  assert.deepEqual(seen, expected, 'focus is not where the view put it');
}

describe('the report page (Chromium)', () => {
  const today = new Date();
  let server;
  let browser;
  before(async () => {
    const db = tempDb();
    await seedReport(db, today);
    server = await startServer(['--db', db, '--admin-token', TOKEN]);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** What the API answers the test itself, with the token. */
  const api = async (path, query = {}) => {
    const response = await fetch(`${server.url}${path}?${new URLSearchParams(query)}`, {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    return query.format === 'csv' ? response.text() : response.json();
  };

  /**
   * A new tab with every policy violation, console error and failed request collected (the 401s of a refused
   * token are expected and listed apart).
   */
  async function openTab(context) {
    const page = await context.newPage();
    const problems = [];
    const refused = [];
    page.on('console', (message) => {
      const expected = /status of 401/.test(message.text()) || message.location().url.endsWith('/favicon.ico');
      if (message.type() === 'error' && !expected) problems.push(`${message.text()} (${message.location().url})`);
    });
    page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
    page.on('response', (answer) => {
      if (answer.status() === 401) refused.push(answer.url());
      else if (answer.status() >= 400 && !answer.url().endsWith('/favicon.ico'))
        problems.push(`${answer.status()} ${answer.url()}`);
    });
    await page.addInitScript(() => {
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (event) =>
        window.violations.push(`${event.violatedDirective} blocked ${event.blockedURI || event.sample}`),
      );
    });
    const violations = () => page.evaluate(() => window.violations);
    return { page, problems, refused, violations };
  }

  /** Opens the page in a new context and signs in. */
  async function signedIn(options = {}) {
    const context = await browser.newContext({ acceptDownloads: true, ...options });
    const tab = await openTab(context);
    await tab.page.goto(`${server.url}/report`);
    await tab.page.getByLabel('Admin token').fill(TOKEN);
    await tab.page.getByLabel('Admin token').press('Enter');
    await tab.page.getByRole('heading', { name: 'Items' }).waitFor();
    return { context, ...tab };
  }

  const itemNames = (page) => page.locator('tbody th button').allInnerTexts();

  it('runs under the strict policy it is served with, and asks for the token once per tab', async () => {
    const context = await browser.newContext();
    const { page, problems, refused, violations } = await openTab(context);
    const response = await page.goto(`${server.url}/report`);
    assert.equal(response.headers()['content-security-policy'], POLICY);
    const field = page.getByLabel('Admin token');
    assert.equal(await field.getAttribute('type'), 'password');

    // A wrong token: refused with a message, the field focused again, nothing kept.
    await field.fill('not-the-token-but-long-enough');
    await page.getByRole('button', { name: 'Open the report' }).click();
    await page.getByRole('alert').getByText('The server refused that token. Enter the admin token again.').waitFor();
    await expectFocus(page, { id: 'token', tag: 'input' });
    assert.equal(await page.evaluate(() => sessionStorage.length), 0);
    assert.equal(refused.length, 1);

    // The right one: the report, focus on its heading, the token kept for this tab.
    await field.fill(TOKEN);
    await field.press('Enter');
    await page.getByRole('heading', { name: 'Items' }).waitFor();
    await expectFocus(page, { id: 'report-heading' });
    assert.equal(await page.evaluate(() => Object.values(sessionStorage).join()), TOKEN);
    assert.deepEqual(
      await itemNames(page),
      (await api('/api/report')).items.map((row) => row.item),
    );

    // A reload of the tab does not ask again; another tab does.
    await page.reload();
    await page.getByRole('heading', { name: 'Items' }).waitFor();
    assert.equal(await page.getByLabel('Admin token').count(), 0);
    const other = await context.newPage();
    await other.goto(`${server.url}/report`);
    await other.getByLabel('Admin token').waitFor();

    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    // The policy is in force: markup through innerHTML is refused, so a violation would have been seen.
    const enforced = await page.evaluate(() => {
      try {
        document.createElement('div').innerHTML = '<b>x</b>';
        return false;
      } catch {
        return true;
      }
    });
    assert.equal(enforced, true, 'Trusted Types were not enforced: the test proves nothing');
    await context.close();
  });

  it('forgets a stored token the server refuses and asks again, saying why', async () => {
    const context = await browser.newContext();
    const { page } = await openTab(context);
    await page.addInitScript(() =>
      sessionStorage.setItem('was-this-helpful-admin-token', 'an-old-token-0123456789xyz'),
    );
    await page.goto(`${server.url}/report`);
    await page.getByText('The server refused that token. Enter the admin token again.').waitFor();
    assert.equal(await page.getByLabel('Admin token').inputValue(), '');
    await expectFocus(page, { id: 'token' });
    await context.close();
  });

  it('shows the report in attention order, sorts by any column with aria-sort, and filters by window and prefix', async () => {
    const { context, page, problems } = await signedIn();
    const attention = (await api('/api/report')).items;
    assert.deepEqual(
      await itemNames(page),
      attention.map((row) => row.item),
    );
    const install = attention.find((row) => row.item === INSTALL);
    const cells = await page.locator('tbody tr', { hasText: INSTALL }).locator('td').allInnerTexts();
    assert.deepEqual(cells.slice(0, 5), [
      `${install.yes}`,
      `${install.no}`,
      `${install.votes}`,
      install.helpful.toFixed(1),
      `${install.low.toFixed(1)}–${install.high.toFixed(1)}`,
    ]);

    // By keyboard: the Votes heading's button, Enter, and again.
    const votes = page.getByRole('columnheader', { name: 'Votes' });
    assert.equal(await votes.getAttribute('aria-sort'), null);
    await votes.getByRole('button').focus();
    await page.keyboard.press('Enter');
    assert.equal(await votes.getAttribute('aria-sort'), 'descending');
    const byVotes = [...attention].sort((a, b) => b.votes - a.votes).map((row) => row.item);
    assert.deepEqual(await itemNames(page), byVotes);
    await page.keyboard.press('Enter');
    assert.equal(await votes.getAttribute('aria-sort'), 'ascending');
    assert.deepEqual(await itemNames(page), [...byVotes].reverse());
    assert.equal(await page.getByRole('columnheader', { name: 'Item' }).getAttribute('aria-sort'), null);

    // The window and the prefix ask the server again.
    await page.getByLabel('Window').selectOption({ label: 'Last 7 days' });
    await page.getByText(`with votes from ${dayAgo(today, 6)} to`).waitFor();
    const week = (await api('/api/report', { since: '7d' })).items.map((row) => row.item);
    assert.deepEqual([...(await itemNames(page))].sort(), [...week].sort());
    await page.getByLabel('Window').selectOption({ label: 'All time' });
    await page.getByLabel('Item id starts with').fill('https://example.org/docs/');
    await page.getByLabel('Item id starts with').press('Enter');
    await page.getByText('with votes up to').waitFor();
    const names = await itemNames(page);
    assert.ok(!names.includes(BLOG) && names.includes(API), names.join());
    await page.getByLabel('Item id starts with').fill('https://example.org/nothing-here/');
    await page.getByLabel('Item id starts with').press('Enter');
    await page.getByText('No item has a vote in this window with this prefix.').waitFor();
    assert.deepEqual(problems, []);
    await context.close();
  });

  it("shows an item's daily Yes and No as a chart and a table, its reasons, and its comments as text", async () => {
    const { context, page, problems, violations } = await signedIn();
    const button = page.getByRole('button', { name: INSTALL });
    await button.focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Daily votes' }).waitFor();
    await expectFocus(page, { id: 'item-heading', tag: 'h2', text: INSTALL });

    // The table beside the chart: every day of the window, with the seeded numbers.
    const rows = await page
      .getByRole('region', { name: 'Daily votes as a table' })
      .locator('tbody tr')
      .evaluateAll((trs) => trs.map((tr) => [...tr.children].map((cell) => cell.textContent.trim())));
    const expected = Array.from({ length: 30 }, (_, index) => {
      const ago = 29 - index;
      const { yes, no } = installVotesOn(ago);
      return [dayAgo(today, ago), `${yes}`, `${no}`];
    });
    assert.deepEqual(rows, expected);

    // The chart: one Yes and one No bar per day, as tall as the table says, and a name with the totals.
    const yesTotal = expected.reduce((sum, row) => sum + Number(row[1]), 0);
    const noTotal = expected.reduce((sum, row) => sum + Number(row[2]), 0);
    const chart = page.getByRole('img', { name: /^Daily Yes and No votes/ });
    assert.equal(
      await chart.getAttribute('aria-label'),
      `Daily Yes and No votes, ${dayAgo(today, 29)} to ${dayAgo(today, 0)}: ${yesTotal} Yes and ${noTotal} No in all.`,
    );
    const heights = async (kind) =>
      chart.locator(`rect.${kind}`).evaluateAll((rects) => rects.map((rect) => Number(rect.getAttribute('height'))));
    const largest = Math.max(...expected.flatMap((row) => [Number(row[1]), Number(row[2])]));
    const drawn = { yes: await heights('yes'), no: await heights('no') };
    const tallest = Math.max(...drawn.yes, ...drawn.no);
    for (const { kind, column } of [
      { kind: 'yes', column: 1 },
      { kind: 'no', column: 2 },
    ]) {
      assert.equal(drawn[kind].length, 30);
      const shown = drawn[kind].map((height) => Math.round((height / tallest) * largest * 1000) / 1000);
      assert.deepEqual(
        shown,
        expected.map((row) => Number(row[column])),
        `the ${kind} bars`,
      );
    }

    // Its reasons as bars, with their counts in text.
    assert.deepEqual(
      (await page.locator('.reasons li').allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim()),
      ['missing (after no) 2', 'confusing (after no) 1', 'outdated (after no) 1'],
    );

    // Its comments, newest first, each one text: the markup is shown, not run or parsed.
    const comments = page.locator('.comment');
    assert.deepEqual(
      await comments.allInnerTexts(),
      INSTALL_FOLLOW_UPS.map(([, , comment]) => comment),
    );
    assert.equal(await comments.nth(1).textContent(), MARKUP);
    assert.equal(await page.locator('was-this-helpful-report img').count(), 0);
    assert.equal(await page.evaluate(() => window.injected), undefined);
    assert.equal(await comments.filter({ hasText: HEBREW }).getAttribute('dir'), 'auto');

    // The search box asks for the comments holding the text, ignoring case.
    await page.getByLabel('Comments containing').fill('WINDOWS');
    await page.getByLabel('Comments containing').press('Enter');
    await page.waitForFunction(() => {
      const root = document.querySelector('was-this-helpful-report').shadowRoot;
      return root.querySelectorAll('.comment').length === 2;
    });
    assert.deepEqual(await comments.allInnerTexts(), [INSTALL_FOLLOW_UPS[0][2], HEBREW]);

    // Another window redraws the item's days (the report is asked for beside it).
    await page.getByLabel('Window').selectOption({ label: 'Last 7 days' });
    await page.waitForFunction(() => {
      const root = document.querySelector('was-this-helpful-report').shadowRoot;
      return root.querySelectorAll('.days tbody tr').length === 7 && root.querySelectorAll('rect.yes').length === 7;
    });
    assert.equal(await page.locator('.days tbody tr').first().locator('th').innerText(), dayAgo(today, 6));

    // Back to the table: focus returns to the item's button.
    await page.getByRole('button', { name: 'Back to all items' }).click();
    await page.getByRole('heading', { name: 'Items' }).waitFor();
    await expectFocus(page, { tag: 'button', text: INSTALL });
    assert.deepEqual(await violations(), []);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('downloads every view as CSV, the same as the API answers', async () => {
    const { context, page, problems } = await signedIn();
    const download = async (name) => {
      const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name }).click()]);
      return { name: file.suggestedFilename(), text: readFileSync(await file.path(), 'utf8') };
    };
    const until = dayAgo(today, 0);
    const since = dayAgo(today, 29);
    const table = await download('Download this table (CSV)');
    assert.equal(table.name, `report-${since}-to-${until}.csv`);
    assert.equal(table.text, await api('/api/report', { since: '30d', format: 'csv' }));
    assert.match(table.text, /^item,yes,no,votes,helpful,low,high,previous,comments,top_reason\r\n/);

    await page.getByRole('button', { name: INSTALL }).click();
    await page.getByRole('heading', { name: 'Daily votes' }).waitFor();
    const days = await download('Download the daily votes (CSV)');
    assert.equal(days.name, `days-${since}-to-${until}.csv`);
    assert.equal(days.text.split('\r\n').length, 1 + 30 + 1);
    assert.equal(days.text, await api('/api/report', { item: INSTALL, format: 'csv', part: 'days' }));
    const reasons = await download('Download the reasons (CSV)');
    assert.equal(reasons.text, 'reason,vote,count\r\nmissing,no,2\r\nconfusing,no,1\r\noutdated,no,1\r\n');

    await page.getByLabel('Comments containing').fill('onerror');
    await page.getByLabel('Comments containing').press('Enter');
    await page.waitForFunction(() => {
      const root = document.querySelector('was-this-helpful-report').shadowRoot;
      return root.querySelectorAll('.comment').length === 1;
    });
    const comments = await download('Download these comments (CSV)');
    assert.equal(comments.name, `comments-${since}-to-${until}.csv`);
    const lines = comments.text.split('\r\n');
    assert.deepEqual([lines[0], lines.length], ['received,item,vote,reason,comment', 3]);
    assert.ok(lines[1].endsWith(`,${INSTALL},no,confusing,"${MARKUP.replaceAll('"', '""')}"`), lines[1]);
    assert.deepEqual(problems, []);
    await context.close();
  });

  it('is axe clean with the token form, the table and an item, in light and dark', async () => {
    for (const colorScheme of ['light', 'dark']) {
      // axe is injected by the test, which the page's own policy would refuse: this context ignores it.
      const context = await browser.newContext({ bypassCSP: true, colorScheme });
      const page = await context.newPage();
      const audit = async (state) => {
        await page.evaluate(AXE);
        const { violations } = await page.evaluate(() => window.axe.run(document));
        assert.deepEqual(
          violations.map(({ id, nodes }) => `${id}: ${nodes.map((node) => node.target.join(' ')).join(', ')}`),
          [],
          `${colorScheme}, ${state}`,
        );
      };
      await page.goto(`${server.url}/report`);
      await page.getByLabel('Admin token').fill('not-the-token-but-long-enough');
      await page.getByLabel('Admin token').press('Enter');
      await page.getByRole('alert').getByText('refused').waitFor();
      await audit('the token form with its message');
      await page.getByLabel('Admin token').fill(TOKEN);
      await page.getByLabel('Admin token').press('Enter');
      await page.getByRole('heading', { name: 'Items' }).waitFor();
      await page.getByRole('columnheader', { name: 'Votes' }).getByRole('button').click();
      await audit('the table');
      await page.getByRole('button', { name: INSTALL }).click();
      await page.getByRole('heading', { name: 'Daily votes' }).waitFor();
      await audit("an item's view");
      await context.close();
    }
  });

  it('shows where keyboard focus is', async () => {
    const { context, page } = await signedIn();
    await page.keyboard.press('Tab');
    const ring = await page.evaluate(() => {
      let element = document.activeElement;
      while (element?.shadowRoot?.activeElement) element = element.shadowRoot.activeElement;
      const style = getComputedStyle(element);
      return { tag: element.localName, style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    assert.notEqual(ring.style, 'none', JSON.stringify(ring));
    assert.ok(ring.width >= 2, JSON.stringify(ring));
    await context.close();
  });
});
