import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counts, startServer } from '../server/support/server-process.mjs';
import { demoArgs, demoServer } from './support/demo-server.mjs';

const ITEM = 'ibuprofen-and-paracetamol';

const bottomWidget = (page) => page.locator('footer.feedback was-this-helpful');
const topSummary = (page) => page.locator('was-this-helpful[summary-only]');
const button = (page, label) => bottomWidget(page).getByRole('button', { name: label });
const summaryText = (widget) => widget.locator('[part="summary"]').innerText();

describe('the demo article on the reference endpoint (Chromium)', () => {
  const demo = demoServer();

  it('stores a vote, moves the percentage, and shows the vote again after a reload', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/`);
    await assert.doesNotReject(page.getByText('Live: votes go to the reference endpoint').waitFor());
    const posted = page.waitForResponse(
      (response) => response.request().method() === 'POST' && response.url().endsWith('/api/votes'),
    );
    await button(page, 'Yes').click();
    assert.equal((await posted).status(), 200);
    assert.deepEqual((await counts(demo.server.url, ITEM)).body.items[0], { id: ITEM, yes: 1, no: 0 });
    await page.waitForFunction(() =>
      document
        .querySelector('footer was-this-helpful')
        ?.shadowRoot?.querySelector('[part="summary"]')
        ?.textContent?.includes('100%'),
    );
    assert.match(await summaryText(bottomWidget(page)), /^100% of readers found this answer helpful \(1 of 1\)$/);
    assert.equal(await summaryText(topSummary(page)), '100% of readers found this helpful');
    await assert.doesNotReject(
      bottomWidget(page).locator('[part="thanks"]').getByText('Thanks for your feedback!').waitFor(),
    );

    await page.reload();
    await button(page, 'Yes').waitFor();
    assert.equal(await button(page, 'Yes').getAttribute('aria-pressed'), 'true');
    assert.equal(await bottomWidget(page).locator('[part="thanks"]').count(), 0);
    await context.close();
  });

  it('moves the same percentage for a second reader in another browser profile', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/`);
    await page.waitForFunction(() =>
      document.querySelector('was-this-helpful[summary-only]')?.shadowRoot?.textContent?.includes('100%'),
    );
    const posted = page.waitForResponse((response) => response.request().method() === 'POST');
    await button(page, 'No').click();
    await posted;
    assert.deepEqual((await counts(demo.server.url, ITEM)).body.items[0], { id: ITEM, yes: 1, no: 1 });
    assert.equal(await summaryText(topSummary(page)), '50% of readers found this helpful');
    await context.close();
  });

  it('keeps a vote made while the server is down and delivers it exactly once after it returns', async () => {
    const context = await demo.browser.newContext();
    const page = await context.newPage();
    await page.goto(`${demo.server.url}/`);
    await page.waitForFunction(() =>
      document.querySelector('was-this-helpful[summary-only]')?.shadowRoot?.textContent?.includes('50%'),
    );
    const port = new URL(demo.server.url).port;
    await demo.server.stop();

    await button(page, 'No').click();
    await assert.doesNotReject(
      bottomWidget(page).locator('[part="thanks"]').getByText('will be sent when the connection returns').waitFor(),
    );
    assert.equal(await button(page, 'No').getAttribute('aria-pressed'), 'true');
    assert.match(await summaryText(topSummary(page)), /^33% of readers found this helpful$/);

    demo.server = await startServer([...demoArgs(), '--db', demo.db, '--port', port]);
    const posts = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(request.postDataJSON());
    });
    await page.reload();
    await page.waitForFunction(async () => {
      const response = await fetch('/api/votes?item=ibuprofen-and-paracetamol');
      const { items } = await response.json();
      return items[0].no === 2;
    });
    await page.waitForTimeout(500);
    assert.equal(posts.length, 1, `expected one delivery, saw ${JSON.stringify(posts)}`);
    assert.equal(posts[0].vote, 'no');
    assert.deepEqual((await counts(demo.server.url, ITEM)).body.items[0], { id: ITEM, yes: 1, no: 2 });
    assert.equal(await button(page, 'No').getAttribute('aria-pressed'), 'true');

    await page.reload();
    await button(page, 'No').waitFor();
    await page.waitForTimeout(500);
    assert.equal(posts.length, 1, 'the delivered vote was sent again on the next load');
    await context.close();
  });
});
