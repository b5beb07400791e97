import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { vote, voter } from '../server/support/server-process.mjs';
import { demoServer } from './support/demo-server.mjs';

const COUNTS_DELAY_MS = 500;

describe('layout stability (Chromium, Layout Instability API)', () => {
  const demo = demoServer(['--rate-limit', '0'], {
    seed: async (server) => {
      for (const [n, choice] of ['yes', 'yes', 'no', 'yes'].entries()) {
        await vote(server.url, { id: 'ibuprofen-and-paracetamol', vote: choice, voter: voter(n) });
        await vote(server.url, { id: 'faq-children', vote: choice, voter: voter(n) });
      }
    },
  });

  it(`moves nothing on the page when counts arrive ${COUNTS_DELAY_MS} ms after the widgets are painted`, async () => {
    const page = await demo.browser.newPage({ viewport: { width: 390, height: 2000 } });
    await page.addInitScript(() => {
      window.__shifts = [];
      new PerformanceObserver((list) => {
        for (const entry of /** @type {any[]} */ (list.getEntries()))
          window.__shifts.push({
            value: entry.value,
            at: entry.startTime,
            input: entry.hadRecentInput,
            sources: entry.sources.map((s) => [
              s.node?.nodeName,
              s.node?.parentNode?.host?.outerHTML?.slice(0, 80) ?? s.node?.outerHTML?.slice(0, 80),
              JSON.stringify(s.previousRect),
              JSON.stringify(s.currentRect),
            ]),
          });
      }).observe({ type: 'layout-shift', buffered: true });
    });
    let countsAnsweredAt = 0;
    await page.route('**/api/votes?**', async (route) => {
      const response = await route.fetch();
      await new Promise((resolve) => setTimeout(resolve, COUNTS_DELAY_MS));
      await route.fulfill({ response });
      countsAnsweredAt = Date.now();
    });
    await page.goto(`${demo.server.url}/`);
    const paintedAt = await page.evaluate(async () => {
      await customElements.whenDefined('was-this-helpful');
      await Promise.all(
        [...document.querySelectorAll('was-this-helpful')].map((el) => /** @type {any} */ (el).updateComplete),
      );
      await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
      return performance.now();
    });
    await page.waitForFunction(() =>
      document.querySelector('was-this-helpful[summary-only]')?.shadowRoot?.textContent?.includes('75%'),
    );
    assert.ok(countsAnsweredAt > 0, 'the counts did not go through the delayed route');
    await page.waitForTimeout(300);
    const shifts = await page.evaluate(() => window.__shifts);
    const afterPaint = shifts.filter((shift) => shift.at >= paintedAt && !shift.input);
    const cls = afterPaint.reduce((sum, shift) => sum + shift.value, 0);
    console.log(
      `# layout shift after the widgets were painted: ${cls} (${afterPaint.length} shifts); whole page: ${shifts.reduce((s, x) => s + x.value, 0).toFixed(4)}`,
    );
    assert.equal(cls, 0, `layout shifted by ${cls} when counts arrived: ${JSON.stringify(afterPaint)}`);
    await page.close();
  });
});
