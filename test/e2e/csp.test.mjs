import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { counts } from '../server/support/server-process.mjs';
import { demoServer } from './support/demo-server.mjs';

/** The strictest policy a page can reasonably have: checked literally, so that loosening it fails here. */
const STRICT = "default-src 'self'; require-trusted-types-for 'script'";

const PAGES = [
  { path: '/', widget: 'footer.feedback was-this-helpful', item: 'ibuprofen-and-paracetamol', yes: 'Yes', live: true },
  {
    path: '/dark.html',
    widget: 'footer.feedback was-this-helpful',
    item: 'water-in-hot-weather',
    yes: 'Yes',
    live: true,
  },
  { path: '/rtl.html', widget: 'footer.feedback was-this-helpful', item: 'fever-in-children', yes: 'כן', live: true },
  { path: '/plain.html', widget: 'was-this-helpful', item: 'router-reset', yes: 'Yes', live: false },
];

/**
 * Opens `url` with every Content-Security-Policy report collected: `securitypolicyviolation` events (from
 * before the first script of the page runs), console errors and uncaught page errors.
 */
async function openReported(browser, url) {
  const context = await browser.newContext();
  const page = await context.newPage();
  const consoleErrors = [];
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${message.text()} (${message.location().url})`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`uncaught: ${error.message}`));
  page.on('response', (answer) => {
    if (answer.status() >= 400) consoleErrors.push(`${answer.status()} ${answer.url()}`);
  });
  await page.addInitScript(() => {
    window.violations = [];
    document.addEventListener(
      'securitypolicyviolation',
      (event) => {
        window.violations.push(
          `${event.violatedDirective} blocked ${event.blockedURI || event.sample} at ${event.sourceFile}:${event.lineNumber}`,
        );
      },
      true,
    );
  });
  const response = await page.goto(url);
  return { context, page, response, consoleErrors, violations: () => page.evaluate(() => window.violations) };
}

describe('the demo under a strict Content-Security-Policy with Trusted Types (Chromium)', () => {
  const demo = demoServer(['--rate-limit', '0']);

  for (const { path, widget, item, yes, live } of PAGES) {
    it(`${path}: renders, counts a vote, and reports no violation`, async () => {
      const { context, page, response, consoleErrors, violations } = await openReported(
        demo.browser,
        `${demo.server.url}${path}`,
      );
      assert.equal(response.headers()['content-security-policy'], STRICT);
      const button = page.locator(widget).locator('[part~="yes-button"]');
      await button.waitFor();
      assert.equal((await button.innerText()).trim(), yes);
      if (live) await page.getByText('Live: votes go to the reference endpoint').waitFor();
      const posted = live && page.waitForResponse((answer) => answer.request().method() === 'POST');
      await button.click();
      if (live) {
        assert.equal((await posted).status(), 200);
        assert.equal((await counts(demo.server.url, item)).body.items[0].yes, 1);
      }
      await page.waitForFunction(
        (selector) =>
          document
            .querySelector(selector)
            ?.shadowRoot?.querySelector('[part="summary"]:not(.reserved)')
            ?.textContent?.includes('100'),
        widget,
      );
      assert.equal(await button.getAttribute('aria-pressed'), 'true');
      assert.equal(await page.locator(widget).locator('[part="thanks"]').count(), 1);
      await page.waitForTimeout(200);
      assert.deepEqual(await violations(), []);
      assert.deepEqual(consoleErrors, []);

      // The policy is really in force, and a violation would have been seen: markup through innerHTML is refused.
      const refused = await page.evaluate(() => {
        try {
          document.createElement('div').innerHTML = '<b>x</b>';
          return false;
        } catch {
          return true;
        }
      });
      assert.equal(refused, true, 'Trusted Types were not enforced: the test proves nothing');
      await page.waitForFunction(() => window.violations.length > 0);
      assert.match((await violations())[0], /require-trusted-types-for/);
      await context.close();
    });
  }
});

describe('a site that lists its Trusted Types policies (Chromium)', () => {
  const demo = demoServer([], { csp: `${STRICT}; trusted-types lit-html` });

  it('needs only the policy named lit-html for the widget', async () => {
    const { context, page, consoleErrors, violations } = await openReported(
      demo.browser,
      `${demo.server.url}/plain.html`,
    );
    const button = page.locator('was-this-helpful [part~="yes-button"]');
    await button.click();
    assert.equal(await button.getAttribute('aria-pressed'), 'true');
    assert.deepEqual(await violations(), []);
    assert.deepEqual(consoleErrors, []);
    await context.close();
  });
});
