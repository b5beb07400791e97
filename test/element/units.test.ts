import { expect } from '@open-wc/testing';
import { applyOwnVote } from '../../src/state/counts.js';
import { countsUrl } from '../../src/endpoint/endpoint-client.js';
import { EndpointError } from '../../src/endpoint/endpoint-error.js';
import { parseCountsResponse, parseItemCounts } from '../../src/protocol/responses.js';
import { isItemId } from '../../src/protocol/validation.js';
import { isTemporary, retryDelay } from '../../src/state/outbox.js';
import { formatSummary } from '../../src/i18n/format-summary.js';

describe('retry delays', () => {
  it('double from a few seconds up to five minutes', () => {
    const delays = [1, 2, 3, 4, 10, 30].map((attempt) => retryDelay(attempt));
    expect(delays[0]).to.be.within(3000, 4000);
    expect(delays[1]).to.be.within(6400, 8000);
    expect(delays[2]).to.be.within(12800, 16000);
    expect(delays[3]).to.be.within(25_600, 32_000);
    expect(delays[4]).to.be.within(240_000, 300_000);
    expect(delays[5]).to.be.at.most(300_000);
  });

  it('follow Retry-After, within the same five-minute cap', () => {
    expect(retryDelay(1, 12)).to.equal(12_000);
    expect(retryDelay(1, 86_400)).to.equal(300_000);
  });
});

describe('failure kinds', () => {
  const temporary = (status?: number, kind: 'http' | 'network' | 'timeout' | 'invalid-response' = 'http') =>
    isTemporary(new EndpointError('x', kind, status));
  it('treat 4xx other than 408 and 429 as final, everything else as temporary', () => {
    expect([400, 403, 404, 405, 413, 415, 422].map((status) => temporary(status))).to.deep.equal(Array(7).fill(false));
    expect([408, 429, 500, 502, 503].map((status) => temporary(status))).to.deep.equal(Array(5).fill(true));
    expect(temporary(undefined, 'network')).to.equal(true);
    expect(temporary(undefined, 'timeout')).to.equal(true);
    expect(temporary(200, 'invalid-response')).to.equal(true);
  });
});

describe('response validation', () => {
  it("accepts exactly the protocol's shapes", () => {
    expect(parseItemCounts({ id: 'a', yes: 1, no: 0 })).to.deep.equal({ id: 'a', yes: 1, no: 0 });
    expect(parseCountsResponse({ items: [{ id: 'a', yes: 2, no: 3 }] })?.get('a')).to.deep.equal({ yes: 2, no: 3 });
  });

  it('refuses negative, fractional, huge, string and missing counts', () => {
    for (const bad of [-1, 1.5, Number.MAX_SAFE_INTEGER + 2, '3', null, undefined, NaN, Infinity]) {
      expect(parseItemCounts({ id: 'a', yes: bad, no: 0 }), String(bad)).to.equal(undefined);
    }
    expect(parseItemCounts({ yes: 1, no: 0 })).to.equal(undefined);
    expect(parseCountsResponse({ items: {} })).to.equal(undefined);
    expect(parseCountsResponse([])).to.equal(undefined);
    expect(parseCountsResponse({ items: [{ id: 'a', yes: 1, no: 0 }, 'x'] })).to.equal(undefined);
  });
});

describe('item ids the element sends', () => {
  it('are 1 to 512 code points, an astral character counting as one', () => {
    expect(['a', 'a'.repeat(512), '😀'.repeat(512)].map(isItemId)).to.deep.equal([true, true, true]);
    expect(['', 'a'.repeat(513), '😀'.repeat(513)].map(isItemId)).to.deep.equal([false, false, false]);
  });

  it('hold no control character and no lone surrogate', () => {
    expect(['tab\there', 'line\nbreak', '\uD83D alone', 'alone \uDE00'].map(isItemId)).to.deep.equal([
      false,
      false,
      false,
      false,
    ]);
  });
});

describe('counts and the summary', () => {
  it('replace the counted vote with the current one', () => {
    expect(applyOwnVote({ yes: 3, no: 1 }, 'yes', 'no')).to.deep.equal({ yes: 2, no: 2 });
    expect(applyOwnVote({ yes: 0, no: 0 }, 'yes', null)).to.deep.equal({ yes: 0, no: 0 });
  });

  it('formats the percentage and numbers in the given language', () => {
    expect(formatSummary('{percent} ({yes}/{total}, {no} no)', { yes: 2, no: 1 }, 'en')).to.equal('67% (2/3, 1 no)');
    expect(formatSummary('{percent}', { yes: 4, no: 1 }, 'fr')).to.match(/^80\s%$/);
    expect(formatSummary('{percent} {unknown}', { yes: 1, no: 0 }, 'en')).to.equal('100% {unknown}');
  });

  it("builds GET URLs that keep the endpoint's query and encode ids", () => {
    const url = new URL(countsUrl('https://example.org/api/votes?site=a', ['faq 1', 'b&c']));
    expect(url.searchParams.get('site')).to.equal('a');
    expect(url.searchParams.getAll('item')).to.deep.equal(['faq 1', 'b&c']);
  });
});
