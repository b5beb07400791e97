/**
 * The parts of the owner's report that need no store (CONTRACT.md section 6): the 95% Wilson score interval
 * against values worked out by hand, the reading of the filters that the command line and the HTTP API share
 * (each mistake an `InvalidFilter`), the window before, and the top reason's tie rule.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readCommentsRequest } from '../../dist/node/server/report/comments-request.js';
import { InvalidFilter } from '../../dist/node/server/report/invalid-filter.js';
import { sharedIdStart } from '../../dist/node/server/report/report-output.js';
import { readReportRequest } from '../../dist/node/server/report/report-request.js';
import { reportQuery, topReason } from '../../dist/node/server/report/run-report.js';
import { wilsonInterval, Z_95 } from '../../dist/node/server/report/wilson-interval.js';

/** A fraction as a percentage with two decimals, as the hand calculations were written down. */
const hundredths = (fraction) => Math.round(fraction * 10_000) / 100;

describe('the 95% Wilson score interval', () => {
  it('matches values worked out by hand', () => {
    // (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964, worked on paper to two decimals.
    for (const [yes, votes, low, high] of [
      [1, 1, 20.65, 100],
      [5, 10, 23.66, 76.34],
      [81, 100, 72.22, 87.49],
      [1, 5, 3.62, 62.45],
      [8, 10, 49.02, 94.33],
      [0, 2, 0, 65.76],
    ]) {
      const interval = wilsonInterval(yes, votes);
      assert.deepEqual([hundredths(interval.low), hundredths(interval.high)], [low, high], `${yes} of ${votes}`);
    }
    assert.equal(Z_95, 1.959964);
  });

  it('is exactly 0 or 1 at the ends, so that all-Yes (or all-No) items tie and go by their votes', () => {
    for (const votes of [1, 2, 3, 7, 1000]) {
      assert.equal(wilsonInterval(votes, votes).high, 1);
      assert.equal(wilsonInterval(0, votes).low, 0);
    }
  });

  it('narrows as votes grow around the same share', () => {
    const few = wilsonInterval(3, 4);
    const many = wilsonInterval(300, 400);
    assert.ok(many.low > few.low && many.high < few.high);
  });

  it('refuses a share it cannot have', () => {
    assert.throws(() => wilsonInterval(0, 0), RangeError);
    assert.throws(() => wilsonInterval(3, 2), RangeError);
  });
});

describe("the report's filters, read for the command line and the HTTP API alike", () => {
  const now = new Date('2026-03-31T12:00:00Z');

  it('defaults to the last 30 days, sorted by attention, every row', () => {
    const request = readReportRequest({}, now);
    assert.deepEqual(
      [request.window.since, request.window.until, request.sort, request.limit, request.prefix, request.item],
      ['2026-03-02', '2026-03-31', 'attention', undefined, undefined, undefined],
    );
    assert.deepEqual(readReportRequest({ limit: '25', sort: 'recent', prefix: '' }, now).limit, 25);
    assert.equal(readReportRequest({ prefix: '' }, now).prefix, undefined, 'an empty prefix keeps every item');
  });

  it('refuses each bad value with an InvalidFilter that names it', () => {
    for (const [values, message] of /** @type {Array<[Record<string, string>, RegExp]>} */ ([
      [{ sort: 'Attention' }, /--sort must be attention, helpful, votes, recent/],
      [{ limit: '0' }, /--limit must be a whole number from 1/],
      [{ limit: '1e3' }, /--limit/],
      [{ limit: '99999999999' }, /--limit/],
      [{ item: '' }, /--item must name an item/],
      [{ since: '2026-13-01' }, /--since must be a date/],
    ])) {
      assert.throws(
        () => readReportRequest(values, now),
        (error) => error instanceof InvalidFilter && message.test(error.message),
      );
    }
    for (const values of [{ vote: 'maybe' }, { reason: 'Bad Code' }, { until: 'tomorrow' }])
      assert.throws(() => readCommentsRequest(values, now), InvalidFilter);
  });

  it('compares with the window of the same length just before, and none for all', () => {
    const query = reportQuery(readReportRequest({ since: '7d', until: '2026-03-31' }, now));
    assert.deepEqual(
      [query.previousFrom, query.from, query.to],
      [new Date('2026-03-18T00:00:00Z'), new Date('2026-03-25T00:00:00Z'), new Date('2026-04-01T00:00:00Z')],
    );
    assert.equal(reportQuery(readReportRequest({ since: 'all' }, now)).previousFrom, undefined);
  });
});

describe('the top reason', () => {
  it('is the most frequent after No, ties going to the first code, reasons after Yes left out', () => {
    const reason = (code, vote, count) => ({ reason: code, vote, count });
    assert.equal(
      topReason([reason('outdated', 'no', 2), reason('missing', 'no', 2), reason('clear', 'yes', 9)]),
      'missing',
    );
    assert.equal(topReason([reason('missing', 'no', 1), reason('outdated', 'no', 3)]), 'outdated');
    assert.equal(topReason([reason('clear', 'yes', 4)]), null);
    assert.equal(topReason([]), null);
  });
});

describe('the start every id of the table shares', () => {
  it('goes up to a slash, leaves each id something to show, and is left alone when too long to say', () => {
    assert.equal(
      sharedIdStart(['https://example.org/docs/a', 'https://example.org/docs/b']),
      'https://example.org/docs/',
    );
    assert.equal(
      sharedIdStart(['https://example.org/docs/install', 'https://example.org/blog/x']),
      'https://example.org/',
    );
    assert.equal(sharedIdStart(['https://example.org/docs/', 'https://example.org/docs/a']), 'https://example.org/');
    assert.equal(sharedIdStart(['https://example.org/docs/']), 'https://example.org/');
    assert.equal(sharedIdStart(['guide-1', 'guide-2']), '');
    assert.equal(
      sharedIdStart([`https://example.org/${'x'.repeat(60)}/a`, `https://example.org/${'x'.repeat(60)}/b`]),
      '',
    );
    assert.equal(sharedIdStart([]), '');
  });
});
