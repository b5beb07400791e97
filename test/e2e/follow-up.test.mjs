import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { runCli } from '../server/support/server-process.mjs';
import { demoServer } from './support/demo-server.mjs';

const ITEM = 'ibuprofen-and-paracetamol';

const bottomWidget = (page) => page.locator('footer.feedback was-this-helpful');
const button = (page, label) => bottomWidget(page).getByRole('button', { name: label });
const isPost = (response) => response.request().method() === 'POST' && response.url().endsWith('/api/votes');

/** What the owner reads with `was-this-helpful comments --format json`, from the demo server's store. */
async function storedFollowUps(db) {
  const result = await runCli(['comments', '--db', db, '--format', 'json']);
  assert.equal(result.code, 0, result.stderr);
  return JSON.parse(result.stdout).comments;
}

describe('the follow-up on the demo article, against the real server and store (Chromium)', () => {
  const demo = demoServer();

  it('asks why after No, stores the reason and the comment beside the vote, and a changed vote deletes them', async () => {
    const page = await demo.browser.newPage();
    await page.goto(`${demo.server.url}/`);
    const voted = page.waitForResponse(isPost);
    await button(page, 'No').click();
    assert.equal((await voted).status(), 200);
    const widget = bottomWidget(page);
    await widget.getByRole('group', { name: 'What was wrong?' }).waitFor();
    await widget.getByRole('radio', { name: 'It does not have what I was looking for' }).check();
    await widget
      .getByRole('textbox', { name: 'Anything else? (optional)' })
      .fill('No dose for children.\nWrite to me: reader@example.com');
    const sent = page.waitForResponse(isPost);
    await widget.getByRole('button', { name: 'Send' }).click();
    const response = await sent;
    assert.equal(response.status(), 200);
    assert.deepEqual(JSON.parse(response.request().postData()), {
      reason: 'missing',
      comment: 'No dose for children.\nWrite to me: reader@example.com',
      id: ITEM,
      vote: 'no',
      voter: await page.evaluate(() => localStorage.getItem('was-this-helpful:voter')),
    });
    await widget.getByText('Thanks, we read every comment.').waitFor();

    const [row, ...others] = await storedFollowUps(demo.db);
    assert.equal(others.length, 0);
    assert.equal(row.item, ITEM);
    assert.equal(row.vote, 'no');
    assert.equal(row.reason, 'missing');
    // The server's privacy default: the address is scrubbed before it is stored.
    assert.equal(row.comment, 'No dose for children.\nWrite to me: [email]');

    const changed = page.waitForResponse(isPost);
    await button(page, 'Yes').click();
    assert.equal((await changed).status(), 200);
    assert.equal(await widget.getByText('Thanks, we read every comment.').count(), 0);
    assert.deepEqual(await storedFollowUps(demo.db), []);
    await page.close();
  });

  it('shows the form in forced-colors mode with its borders and focus ring', async () => {
    const page = await demo.browser.newPage();
    await page.emulateMedia({ forcedColors: 'active' });
    await page.goto(`${demo.server.url}/`);
    await button(page, 'No').click();
    const box = bottomWidget(page).getByRole('textbox', { name: 'Anything else? (optional)' });
    await box.waitFor();
    await box.focus();
    const style = await box.evaluate((el) => ({
      forced: matchMedia('(forced-colors: active)').matches,
      border: getComputedStyle(el).borderTopStyle,
      outline: getComputedStyle(el).outlineStyle,
    }));
    assert.deepEqual(style, { forced: true, border: 'solid', outline: 'solid' });
    await page.close();
  });
});
