/**
 * The follow-up fields of a vote (protocol v1.1, CONTRACT.md section 5), checked by the protocol's one rule:
 * `reason` a code, `comment` 0–1,000 code points without control characters other than line breaks and tabs
 * and without lone surrogates, and either of them only with a "yes" or "no" vote. Refused with a 400 that
 * names the field, and nothing stored; the largest valid message fits the 8 KiB body limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { followUpOf, followUpProblem } from '../../dist/node/protocol/follow-up-rules.js';
import { counts, startServer, vote, voter } from './support/server-process.mjs';
import { storesUnderTest } from './support/stores.mjs';

const ASTRAL = '😀'; // one code point, two UTF-16 units, four UTF-8 bytes

/**
 * Bodies the server must refuse, with what the error must name.
 * @type {Array<[string, Record<string, unknown>, RegExp]>}
 */
const REFUSED = [
  ['a vote of null with a reason', { vote: null, reason: 'missing' }, /"vote" must be "yes" or "no"/],
  ['a vote of null with a comment', { vote: null, comment: 'Why?' }, /"vote" must be "yes" or "no"/],
  ['a reason code in capitals', { vote: 'no', reason: 'Missing' }, /"reason" must be null or a code/],
  ['an empty reason code', { vote: 'no', reason: '' }, /"reason"/],
  ['a reason code of 65 characters', { vote: 'no', reason: 'a'.repeat(65) }, /"reason"/],
  ['a reason code with a space', { vote: 'no', reason: 'not clear' }, /"reason"/],
  ['a reason that is a number', { vote: 'no', reason: 3 }, /"reason"/],
  ['a comment that is a number', { vote: 'no', comment: 1000 }, /"comment" must be a string/],
  ['a comment that is an array', { vote: 'no', comment: ['a'] }, /"comment" must be a string/],
  ['a comment of 1,001 code points', { vote: 'no', comment: 'a'.repeat(1001) }, /"comment" must be at most 1000/],
  ['a comment of 1,001 astral code points', { vote: 'no', comment: ASTRAL.repeat(1001) }, /at most 1000/],
  ['a comment with a NUL', { vote: 'yes', comment: 'a\u0000b' }, /"comment" must not contain control characters/],
  ['a comment with an escape', { vote: 'yes', comment: '\u001B[31mred' }, /control characters/],
  ['a comment with a vertical tab', { vote: 'yes', comment: 'a\u000Bb' }, /control characters/],
  ['a comment with DEL', { vote: 'yes', comment: 'a\u007Fb' }, /control characters/],
  ['a comment with a C1 control', { vote: 'yes', comment: 'a\u0085b' }, /control characters/],
  [
    'a comment with a lone high surrogate',
    { vote: 'yes', comment: 'a\uD83Db' },
    /"comment" must not contain lone surrogates/,
  ],
  ['a comment with a lone low surrogate', { vote: 'yes', comment: '\uDE00' }, /lone surrogates/],
];

describe("the protocol's rule for a vote's follow-up", () => {
  it('takes null and empty as absent, and white space alone as no comment', () => {
    assert.equal(followUpOf({ reason: null, comment: '' }), undefined);
    assert.equal(followUpOf({}), undefined);
    assert.equal(followUpOf({ comment: ' \n\t ' }), undefined);
    assert.deepEqual(followUpOf({ comment: ' Why? \n' }), { reason: null, comment: 'Why?' });
    assert.deepEqual(followUpOf({ reason: 'other' }), { reason: 'other', comment: '' });
    for (const withdrawal of [
      {},
      { reason: null },
      { comment: '' },
      { reason: null, comment: null },
      { comment: '  ' },
    ])
      assert.equal(followUpProblem({ vote: null, ...withdrawal }), undefined, JSON.stringify(withdrawal));
  });

  it('says which part of the follow-up breaks the rule', () => {
    assert.equal(followUpProblem({ vote: null, reason: 'missing' }), 'vote');
    assert.equal(followUpProblem({ vote: 'no', reason: 'No' }), 'reason');
    assert.equal(followUpProblem({ vote: 'no', comment: 5 }), 'comment-type');
    assert.equal(followUpProblem({ vote: 'no', comment: 'x'.repeat(1001) }), 'comment-length');
    assert.equal(followUpProblem({ vote: 'no', comment: 'x'.repeat(1000) }), undefined);
    assert.equal(followUpProblem({ vote: 'no', comment: '\u0007' }), 'comment-control');
    assert.equal(followUpProblem({ vote: 'no', comment: '\uD800' }), 'comment-surrogate');
  });
});

for (const store of storesUnderTest) {
  describe(`follow-up fields sent to the server on ${store.name}`, () => {
    let server;
    let opened;
    before(async () => {
      if (store.skip) return;
      opened = await store.fresh();
      server = await startServer([...opened.args, '--rate-limit', '0']);
    });
    after(() => server?.stop());

    it(
      'refuses each malformed follow-up with a 400 that names the field, and stores nothing',
      { skip: store.skip },
      async () => {
        for (const [n, [what, fields, message]] of REFUSED.entries()) {
          const id = `refused-${n}`;
          const answer = await vote(server.url, { id, voter: voter(n), ...fields });
          assert.equal(answer.status, 400, what);
          assert.match(answer.body.error, message, what);
          assert.deepEqual((await counts(server.url, id)).body.items, [{ id, yes: 0, no: 0 }], what);
        }
        assert.deepEqual(await opened.followUps(), []);
      },
    );

    it(
      'takes a comment of 1,000 astral code points, with the longest id, voter and reason, under the 8 KiB limit',
      { skip: store.skip },
      async () => {
        const message = {
          id: ASTRAL.repeat(512),
          vote: 'no',
          voter: 'v'.repeat(128),
          reason: 'r'.repeat(64),
          comment: ASTRAL.repeat(1000),
        };
        const bytes = Buffer.byteLength(JSON.stringify(message));
        assert.ok(bytes <= 8 * 1024, `the largest valid message is ${bytes} bytes`);
        const answer = await vote(server.url, message);
        assert.equal(answer.status, 200, JSON.stringify(answer.body));
        assert.deepEqual(answer.body, { id: message.id, yes: 0, no: 1 });
        const stored = (await opened.followUps()).find((row) => row.item === message.id);
        assert.equal(stored.comment, message.comment);
        assert.equal([...stored.comment].length, 1000);
      },
    );

    it(
      'takes line breaks, tabs and bidirectional controls in a comment, as written',
      { skip: store.skip },
      async () => {
        const comment = 'שורה אחת\r\nline two\twith a tab \u202Bمضمن\u202C \u2067isolated\u2069';
        const answer = await vote(server.url, { id: 'kept-as-written', vote: 'yes', voter: voter(99), comment });
        assert.equal(answer.status, 200);
        assert.equal((await opened.followUps()).find((row) => row.item === 'kept-as-written').comment, comment);
      },
    );

    it(
      'takes a withdrawal with a null reason and an empty comment, as a v1 withdrawal',
      { skip: store.skip },
      async () => {
        const id = 'withdrawn-plainly';
        await vote(server.url, { id, vote: 'yes', voter: voter(100) });
        const answer = await vote(server.url, { id, vote: null, voter: voter(100), reason: null, comment: '' });
        assert.deepEqual(answer.body, { id, yes: 0, no: 0 });
      },
    );
  });
}
