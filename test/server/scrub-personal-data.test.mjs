/**
 * Privacy by default (CONTRACT.md section 5): e-mail addresses become `[email]` and phone numbers `[phone]`
 * before a comment is stored, unless the server runs with --keep-personal-data. A phone number is a run of 9 to
 * 15 digits with an optional leading `+` and single spaces, dots, dashes, slashes or brackets between groups;
 * dates, times, versions, addresses, prices and ids are not.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scrubPersonalData } from '../../dist/node/server/privacy/scrub-personal-data.js';
import { startServer, vote, voter } from './support/server-process.mjs';
import { storesUnderTest } from './support/stores.mjs';

/** Each `[written, stored]`. */
const PHONE_NUMBERS = [
  ['call me at +1 (555) 123-4567.', 'call me at [phone].'],
  ['(555) 123-4567', '[phone]'],
  ['555-123-4567', '[phone]'],
  ['555.123.4567', '[phone]'],
  ['+1.555.123.4567', '[phone]'],
  ['+44 20 7946 0958', '[phone]'],
  ['+44 (0)20 7946 0958', '[phone]'],
  ['+33 1 23 45 67 89', '[phone]'],
  ['01 23 45 67 89', '[phone]'],
  ['01.23.45.67.89', '[phone]'],
  ['+49 30 901820', '[phone]'],
  ['030/901820', '[phone]'],
  ['+81-3-1234-5678', '[phone]'],
  ['+86 138 0013 8000', '[phone]'],
  ['+91 98765 43210', '[phone]'],
  ['+7 (495) 123-45-67', '[phone]'],
  ['+61 2 9876 5432', '[phone]'],
  ['+972-52-123-4567', '[phone]'],
  ['0612345678', '[phone]'],
  ['(0612345678)', '[phone]'],
  ['123456789', '[phone]'], // 9 digits: the shortest
  ['+123456789012345', '[phone]'], // 15 digits: the longest
  ['Tel: 0612345678', 'Tel: [phone]'],
  ['Tel:0612345678', 'Tel:[phone]'],
  ['phones 0612345678, 0698765432 or 0611223344', 'phones [phone], [phone] or [phone]'],
  ['٠٥٥١٢٣٤٥٦٧٨', '[phone]'], // Arabic-Indic digits
  ['０９０１２３４５６７８', '[phone]'], // full-width digits
  ['appelez le 06 12 34 56 78 !', 'appelez le [phone] !'],
  ['2024-01-05 0612345678', '2024-01-05 [phone]'], // a date, then a phone number
  ['12:30 0612345678', '12:30 [phone]'],
];

const EMAIL_ADDRESSES = [
  ['write to jo@example.org', 'write to [email]'],
  ['Jo.Doe+docs@mail.example.co.uk.', '[email].'],
  ['mailto:jane_doe@example.org', 'mailto:[email]'],
  ['<jo@example.org>', '<[email]>'],
  ['josé@exämple.de', '[email]'],
  ['jo@xn--80ak6aa92e.xn--p1ai', '[email]'],
  ['0612345678@sms.example.org', '[email]'],
  ['both: jo@example.org, +33 6 12 34 56 78', 'both: [email], [phone]'],
];

/** Text that holds no personal data by the contract's definition, and is kept as written. */
const KEPT = [
  // dates and times
  'on 2024-01-05 12:30 it broke',
  '2024-01-05T12:30:00Z',
  '05.01.2024 12:30',
  '5.1.2024 6.1.2024',
  '12/31/2024 at 10:30:45',
  '2024/1/5',
  '2024-01-05/2024-02-05',
  'from 1999 to 2024',
  // version numbers
  'Chrome 120.0.6099.109',
  'Windows 10.0.19045.2965',
  'Windows 7 6.1.7601.17514',
  'v1.2.3 and Node 20.11.1',
  'version 4.18.0-553.el8',
  // addresses
  '192.168.100.200',
  // prices and numbers
  '$1,234,567,890',
  '€ 123 456 789',
  '123 456 789 €',
  '123.456.789,00 €',
  '1,234,567.89',
  '99.99%',
  '123456789%',
  // ids
  'order #123456789',
  'INV-2024-123456789',
  'ticket ABC123456789',
  'https://example.org/docs/1234567890/page',
  'https://example.org/?id=1234567890',
  '123e4567-e89b-12d3-a456-426614174000',
  'commit 9fceb02d0ae598e95dc970b74767f19372d61af8',
  '1234567890123456789', // 19 digits: too long for a phone number
  '12345678', // 8 digits: too short
  // not addresses
  'x@localhost',
  '@maintainers please fix',
  'user@',
  // nothing at all
  '',
  'The second step fails on Windows.',
  'שלום! הדף הזה ישן',
];

describe('scrubbing personal data', () => {
  it('replaces phone numbers in the formats readers write them', () => {
    for (const [written, stored] of PHONE_NUMBERS) assert.equal(scrubPersonalData(written), stored, written);
  });

  it('replaces e-mail addresses', () => {
    for (const [written, stored] of EMAIL_ADDRESSES) assert.equal(scrubPersonalData(written), stored, written);
  });

  it('keeps dates, times, versions, addresses, prices, ids and ordinary text', () => {
    for (const text of KEPT) assert.equal(scrubPersonalData(text), text, text);
  });

  it('scrubs a long hostile comment in a few milliseconds, not by backtracking', () => {
    // Not a timing test: a regular expression that backtracks on these would take seconds or minutes.
    for (const hostile of [
      'a@'.repeat(500),
      `${'a'.repeat(60)}.`.repeat(16) + '@',
      '1 '.repeat(500),
      '1-('.repeat(333),
    ]) {
      assert.equal(typeof scrubPersonalData(hostile), 'string');
    }
  });
});

for (const store of storesUnderTest) {
  describe(`scrubbing through the server on ${store.name}`, () => {
    const comment = 'Mail jo@example.org or call +33 6 12 34 56 78 before 2024-01-05 12:30 (v1.2.3)';

    it('stores comments scrubbed by default', { skip: store.skip }, async () => {
      const opened = await store.fresh();
      const server = await startServer([...opened.args]);
      try {
        assert.equal((await vote(server.url, { id: 'scrubbed', vote: 'no', voter: voter(1), comment })).status, 200);
      } finally {
        await server.stop();
      }
      assert.deepEqual(
        (await opened.followUps()).map((row) => row.comment),
        ['Mail [email] or call [phone] before 2024-01-05 12:30 (v1.2.3)'],
      );
    });

    it('stores comments as written with --keep-personal-data', { skip: store.skip }, async () => {
      const opened = await store.fresh();
      const server = await startServer([...opened.args, '--keep-personal-data']);
      try {
        assert.equal((await vote(server.url, { id: 'kept', vote: 'no', voter: voter(1), comment })).status, 200);
      } finally {
        await server.stop();
      }
      assert.deepEqual(
        (await opened.followUps()).map((row) => row.comment),
        [comment],
      );
    });
  });
}
