#!/usr/bin/env node
/**
 * What the widget costs an article page with 50 widgets, measured in Chromium: the requests and bytes it
 * adds (the bundle and the counts), and the time from the script's arrival to the first paint of the
 * prompt. Run after `npm run build`.
 */
import { copyFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/support/chromium.mjs';
import { startServer, tempDb } from '../test/server/support/server-process.mjs';

const WIDGETS = 50;
const RUNS = 5;
const site = mkdtempSync(join(tmpdir(), 'wth-page-cost-'));
copyFileSync('dist/was-this-helpful.bundle.js', join(site, 'was-this-helpful.bundle.js'));
const questions = Array.from(
  { length: WIDGETS },
  (_, n) => `
  <section><h2>Question ${n + 1}</h2><p>An answer of a few sentences, as a help centre would have it.</p>
  <was-this-helpful loading="eager" endpoint="/api/votes" item-id="faq-${n + 1}"></was-this-helpful></section>`,
).join('');
writeFileSync(
  join(site, 'index.html'),
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>FAQ</title>
  <script type="module" src="./was-this-helpful.bundle.js"></script></head><body><main>${questions}</main></body></html>`,
);

const server = await startServer(['--static', site, '--db', tempDb(), '--rate-limit', '0']);
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const runs = [];
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    const widgetRequests = [];
    page.on('requestfinished', async (request) => {
      if (request.url().endsWith('/index.html') || request.url().endsWith('/')) return;
      const sizes = await request.sizes();
      widgetRequests.push({
        url: request.url().replace(server.url, ''),
        bytes: sizes.responseBodySize + sizes.responseHeadersSize,
      });
    });
    await page.goto(`${server.url}/`);
    const timing = await page.evaluate(async () => {
      await customElements.whenDefined('was-this-helpful');
      const first = document.querySelector('was-this-helpful');
      await first.updateComplete;
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve)));
      const script = performance.getEntriesByType('resource').find((entry) => entry.name.endsWith('.bundle.js'));
      return { scriptArrived: script.responseEnd, promptPainted: performance.now() };
    });
    await page.waitForFunction(
      (count) =>
        [...document.querySelectorAll('was-this-helpful')].filter((el) =>
          el.shadowRoot?.querySelector('[part="summary"]'),
        ).length === count,
      WIDGETS,
    );
    await page.waitForTimeout(300);
    runs.push({ requests: [...widgetRequests], ms: timing.promptPainted - timing.scriptArrived });
    await context.close();
  }
  const last = runs.at(-1);
  const gets = last.requests.filter((request) => request.url.startsWith('/api/votes')).length;
  const bytes = last.requests.reduce((sum, request) => sum + request.bytes, 0);
  const times = runs.map((run) => run.ms).sort((a, b) => a - b);
  console.log(`page with ${WIDGETS} widgets (eager), Chromium ${browser.version()}, loopback, no cache`);
  for (const request of last.requests) console.log(`  ${request.url.slice(0, 70).padEnd(72)} ${request.bytes} B`);
  console.log(
    `requests the widget adds: ${last.requests.length} (${gets} GET of counts), bytes on the wire: ${bytes} (headers included; the reference server gzips static files, not the API's answers)`,
  );
  console.log(
    `script arrival → prompt painted: median ${times[Math.floor(RUNS / 2)].toFixed(1)} ms (min ${times[0].toFixed(1)}, max ${times.at(-1).toFixed(1)}) over ${RUNS} loads`,
  );
} finally {
  await browser.close();
  await server.stop();
}
