import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { demoServer } from './support/demo-server.mjs';

// Forced colors can only be emulated through Playwright, hence here rather than in the element suite.
describe('forced-colors mode (Windows high contrast), Chromium', () => {
  const demo = demoServer();

  it('shows which button is pressed without colour: a tick and a thicker border', async () => {
    const page = await demo.browser.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${demo.server.url}/`);
    const yes = page.locator('footer was-this-helpful').getByRole('button', { name: 'Yes' });
    const no = page.locator('footer was-this-helpful').getByRole('button', { name: 'No' });
    await yes.click();
    await page.waitForFunction(() =>
      document.querySelector('footer was-this-helpful')?.shadowRoot?.querySelector('[aria-pressed="true"]'),
    );
    const style = (button) =>
      button.evaluate((el) => ({
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
