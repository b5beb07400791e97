import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer, tempDb } from '../server/server-process.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

// Forced colors can only be emulated through Playwright, hence here rather than in the element suite.
describe('forced-colors mode (Windows high contrast), Chromium', () => {
  let browser;
  let server;
  before(async () => {
    server = await startServer(['--static', 'demo', '--db', tempDb()]);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('shows which button is pressed without colour: a tick and a thicker border', async () => {
    const page = await browser.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${server.url}/`);
    const yes = page.locator('footer was-this-helpful').getByRole('button', { name: 'Yes' });
    const no = page.locator('footer was-this-helpful').getByRole('button', { name: 'No' });
    await yes.click();
    await page.waitForFunction(() => document.querySelector('footer was-this-helpful')?.shadowRoot?.querySelector('[aria-pressed="true"]'));
    const style = (button) => button.evaluate((el) => ({
      border: getComputedStyle(el).borderTopWidth,
      tick: getComputedStyle(el, '::before').content,
      forced: matchMedia('(forced-colors: active)').matches,
    }));
    const pressed = await style(yes);
    const other = await style(no);
    assert.equal(pressed.forced, true);
    assert.equal(pressed.border, '3px');
    assert.equal(pressed.tick, '"✓ "');
    assert.equal(other.border, '1px');
    assert.equal(other.tick, 'none');
    await page.close();
  });
});
