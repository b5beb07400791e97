#!/usr/bin/env node
/**
 * `npm run screenshots`: renders the widget's states from the demo pages in Chromium to docs/images/*.png, for
 * the README. Uses the real server on a temporary SQLite file with a few seeded votes; the owner's report page
 * (report.png, report-item.png) on a file seeded as its end-to-end test seeds it.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/support/chromium.mjs';
import { startServer, tempDb, vote, voter } from '../test/server/support/server-process.mjs';
import { INSTALL, seedReport } from '../test/e2e/support/report-seed.mjs';

const server = await startServer(['--static', 'demo', '--db', tempDb(), '--rate-limit', '0']);
for (const [item, yes, no] of [
  ['ibuprofen-and-paracetamol', 41, 9],
  ['water-in-hot-weather', 27, 6],
  ['fever-in-children', 18, 5],
]) {
  for (let n = 0; n < yes + no; n++)
    await vote(server.url, { id: item, vote: n < yes ? 'yes' : 'no', voter: voter(n) });
}
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
mkdirSync('docs', { recursive: true });

async function shoot(file, path, { selector = 'footer.feedback', before } = {}) {
  const page = await browser.newPage({ viewport: { width: 720, height: 900 }, deviceScaleFactor: 2 });
  await page.goto(`${server.url}/${path}`);
  await page.waitForFunction(() =>
    document.querySelector('was-this-helpful[summary-only]')?.shadowRoot?.textContent?.includes('%'),
  );
  if (before) await before(page);
  await page.locator(selector).screenshot({ path: `docs/images/${file}` });
  console.log(`docs/images/${file}`);
  await page.close();
}

const voteYes = async (page) => {
  await page.locator('footer was-this-helpful').getByRole('button').first().click();
  await page.waitForFunction(() =>
    document.querySelector('footer was-this-helpful')?.shadowRoot?.querySelector('[part="thanks"]'),
  );
  await page.mouse.move(0, 0);
};

/** The report page, signed in, as `report.png`; then the install page's view as `report-item.png`. */
async function shootReport() {
  const token = 'a-token-for-the-screenshots-only';
  const db = tempDb();
  await seedReport(db);
  const reportServer = await startServer(['--db', db, '--admin-token', token]);
  const page = await browser.newPage({ viewport: { width: 960, height: 700 }, deviceScaleFactor: 2 });
  try {
    await page.goto(`${reportServer.url}/report`);
    await page.getByLabel('Admin token').fill(token);
    await page.getByLabel('Admin token').press('Enter');
    await page.getByRole('heading', { name: 'Items' }).waitFor();
    await page.locator('was-this-helpful-report').screenshot({ path: 'docs/images/report.png' });
    console.log('docs/images/report.png');
    await page.getByRole('button', { name: INSTALL }).click();
    await page.getByRole('heading', { name: 'Reasons' }).waitFor();
    await page.mouse.move(0, 0);
    // The item's heading, summary, chart and day table: what the README shows of an item.
    const root = page.locator('was-this-helpful-report');
    const top = await root.locator('#item-heading').boundingBox();
    const bottom = await root.locator('#reasons-heading').boundingBox();
    const frame = await root.boundingBox();
    await page.screenshot({
      path: 'docs/images/report-item.png',
      clip: { x: frame.x, y: top.y - 8, width: frame.width, height: bottom.y - top.y },
      fullPage: true,
    });
    console.log('docs/images/report-item.png');
  } finally {
    await page.close();
    await reportServer.stop();
  }
}

try {
  await shootReport();
  await shoot('initial.png', '');
  await shoot('voted.png', '', { before: voteYes });
  await shoot('summary-only.png', '', {
    selector: '#top',
    before: (page) =>
      page.evaluate(() => {
        // The article's title with the summary-only line under it, as one picture.
        const top = Object.assign(document.createElement('div'), { id: 'top' });
        const title = document.querySelector('article > h1');
        title.before(top);
        top.append(title, document.querySelector('article > was-this-helpful[summary-only]'));
      }),
  });
  await shoot('dark.png', 'dark.html', { before: voteYes });
  await shoot('rtl.png', 'rtl.html', { before: voteYes });
  await shoot('themed.png', '', {
    before: async (page) => {
      await page.addStyleTag({
        content: `footer.feedback was-this-helpful {
        --helpful-accent-color: #0b5a48; --helpful-radius: 999px; --helpful-button-padding: 0.35em 1.2em;
        --helpful-button-background: #f1f4f3; --helpful-pressed-background: #d6eee6; --helpful-focus-color: #0b5a48; }
        footer.feedback was-this-helpful::part(question) { font-weight: 600; }`,
      });
      await voteYes(page);
    },
  });
  // Last: its No vote would move the percentage in the pictures above.
  await shoot('follow-up.png', '', {
    before: async (page) => {
      const widget = page.locator('footer was-this-helpful');
      await widget.getByRole('button', { name: 'No' }).click();
      await widget.getByRole('radio', { name: 'It does not have what I was looking for' }).check();
      await widget.getByRole('textbox').fill('The dose for children under 12 is missing.');
      await page.mouse.move(0, 0);
    },
  });
} finally {
  await browser.close();
  await server.stop();
}
