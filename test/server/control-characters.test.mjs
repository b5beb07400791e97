/**
 * Control characters in ids and comments (issue 12). The protocol module owns the rule; the server refuses
 * what it refuses. C0, DEL and C1 controls are refused in both (comments keep line feed, carriage return and
 * tab); the bidirectional embedding, override and isolate controls are refused in ids only, since
 * right-to-left writers use them in what they write.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { isCommentText } from '../../dist/node/protocol/follow-up-rules.js';
import { isItemId } from '../../dist/node/protocol/validation.js';
import { checkItemId } from '../../dist/node/server/http/parse-request.js';
import { counts, startServer, tempDb, vote, voter } from './support/server-process.mjs';

const C1 = ['\u0080', '\u0085', '\u008D', '\u009B', '\u009F'];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
// Their neighbours, and marks that only give direction to neutral characters, stay allowed.
const ALLOWED_NEIGHBOURS = [
  '\u007E',
  '\u00A0',
  '\u00A1',
  '\u2029',
  '\u202F',
  '\u2065',
  '\u206A',
  '\u200E',
  '\u200F',
  '\u061C',
  '\u200D',
];

describe("the protocol's rule for ids", () => {
  it('refuses C1 controls and the bidirectional embedding, override and isolate controls', () => {
    for (const character of [...C1, ...BIDI]) {
      assert.equal(isItemId(`page${character}`), false, escape(character));
      assert.throws(() => checkItemId(`page${character}`), /must not contain/, escape(character));
    }
    for (const character of ALLOWED_NEIGHBOURS) {
      assert.equal(isItemId(`page${character}`), true, escape(character));
      assert.equal(checkItemId(`page${character}`), `page${character}`);
    }
  });

  it('says which rule an id breaks', () => {
    assert.throws(() => checkItemId('a\u0085b'), /"id" must not contain control characters/);
    assert.throws(() => checkItemId('\u202Eevil'), /"id" must not contain bidirectional formatting controls/);
  });
});

describe("the protocol's rule for follow-up comments", () => {
  it('refuses C0 controls other than line feed, carriage return and tab, DEL, C1 controls and lone surrogates', () => {
    for (const character of [
      '\u0000',
      '\u0001',
      '\u0008',
      '\u000B',
      '\u000C',
      '\u000E',
      '\u001F',
      '\u007F',
      ...C1,
      '\uD800',
      '\uDFFF',
    ]) {
      assert.equal(isCommentText(`text${character}text`), false, escape(character));
    }
  });

  it('keeps line breaks, tabs, bidirectional controls and everything else a writer may use', () => {
    for (const text of [
      '',
      'line one\nline two\r\nthree\tcolumns',
      `\u202Bعربي\u202C and ${BIDI.join('')}`,
      '😀 e\u0301 \u00A0 \u200D',
      ...ALLOWED_NEIGHBOURS,
    ]) {
      assert.equal(isCommentText(text), true, escape(text));
    }
  });
});

describe('the server', () => {
  let server;
  before(async () => {
    server = await startServer(['--db', tempDb(), '--rate-limit', '0']);
  });
  after(() => server.stop());

  it('refuses votes on ids with C1 or bidirectional controls, and reads of them', async () => {
    for (const character of [...C1, ...BIDI]) {
      const id = `https://example.org/page${character}`;
      const posted = await vote(server.url, { id, vote: 'yes', voter: voter(1) });
      assert.equal(posted.status, 400, escape(character));
      assert.match(posted.body.error, /"id" must not contain/);
      const read = await counts(server.url, id);
      assert.equal(read.status, 400, escape(character));
      assert.match(read.body.error, /"item" must not contain/);
    }
  });

  it('still takes ids with the characters beside them', async () => {
    for (const [n, character] of ALLOWED_NEIGHBOURS.entries()) {
      const id = `page${character}`;
      assert.deepEqual((await vote(server.url, { id, vote: 'no', voter: voter(n) })).body, { id, yes: 0, no: 1 });
    }
  });
});
