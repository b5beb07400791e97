import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import { retryAfterSeconds } from '../../src/endpoint/retry-after.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';

/**
 * `Retry-After` comes as seconds or as an HTTP date (RFC 9110 §10.2.3); a 429 or 503 may send either.
 * A wait under a second, in either form, gets the usual backoff instead.
 */

afterEach(() => localStorage.clear());

const NOW = Date.UTC(2026, 11, 2, 12, 0, 0);
const httpDate = (ms: number) => new Date(ms).toUTCString();

describe('the wait Retry-After asks for', () => {
  it('reads seconds', () => {
    expect(retryAfterSeconds('120', NOW)).to.equal(120);
    expect(retryAfterSeconds(' 7', NOW)).to.equal(7);
    expect(retryAfterSeconds('0', NOW)).to.equal(undefined);
    expect(retryAfterSeconds('0.5', NOW)).to.equal(undefined);
    expect(retryAfterSeconds('soon', NOW)).to.equal(undefined);
    expect(retryAfterSeconds('', NOW)).to.equal(undefined);
    expect(retryAfterSeconds(null, NOW)).to.equal(undefined);
  });

  it('reads an HTTP date as the wait until then', () => {
    expect(retryAfterSeconds('Wed, 02 Dec 2026 12:02:00 GMT', NOW)).to.equal(120);
    expect(retryAfterSeconds(httpDate(NOW + 3_000), NOW)).to.equal(3);
    expect(retryAfterSeconds(httpDate(NOW + 1_000), NOW)).to.equal(1);
  });

  it('leaves a date in the past, or under a second away, to the usual backoff', () => {
    expect(retryAfterSeconds('Wed, 02 Dec 2026 11:59:59 GMT', NOW)).to.equal(undefined);
    expect(retryAfterSeconds(httpDate(NOW), NOW)).to.equal(undefined);
    expect(retryAfterSeconds(httpDate(NOW + 999), NOW)).to.equal(undefined);
    expect(retryAfterSeconds('Thu, 01 Jan 1970 00:00:00 GMT', NOW)).to.equal(undefined);
  });
});

describe('a vote refused with Retry-After as a date', () => {
  async function refusedVote(retryAfter: string) {
    const endpoint = await mockEndpoint({ post: '429', retryAfter });
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint=${endpoint.url} item-id=${uniqueId()}></was-this-helpful>`,
    );
    await oneEvent(el, 'helpful-counts');
    const failed = oneEvent(el, 'helpful-error');
    view(el).yes.click();
    const { detail } = await failed;
    expect(detail.queued).to.equal(true);
    return detail.error;
  }

  it('keeps the vote, and has the outbox wait until that date', async () => {
    const error = await refusedVote(httpDate(Date.now() + 120_000));
    // The header has whole seconds: the date may lie up to a second nearer than asked.
    expect(error.retryAfter).to.be.within(118, 120);
  });

  it('uses the usual backoff for a date already past', async () => {
    const error = await refusedVote(httpDate(Date.now() - 60_000));
    expect(error.retryAfter).to.equal(undefined);
  });
});
