import { expect } from '@open-wc/testing';
import { wantsFollowUp } from '../../src/follow-up/follow-up-mode.js';
import { parseReasons } from '../../src/follow-up/reason-list.js';
import { sendProblem } from '../../src/follow-up/send-rule.js';

describe('follow-up rules', () => {
  it('follow-up: no (also for any unknown value), yes, both, off; never for a withdrawal', () => {
    const table = (mode: string | null) => [
      wantsFollowUp(mode, 'no'),
      wantsFollowUp(mode, 'yes'),
      wantsFollowUp(mode, null),
    ];
    expect(table(null)).to.deep.equal([true, false, false]);
    expect(table('no')).to.deep.equal([true, false, false]);
    expect(table('NO please')).to.deep.equal([true, false, false]);
    expect(table('yes')).to.deep.equal([false, true, false]);
    expect(table('both')).to.deep.equal([true, true, false]);
    expect(table('off')).to.deep.equal([false, false, false]);
    expect(table('')).to.deep.equal([true, false, false]);
  });

  it('reads reason lists: split at the first "=", trimmed, invalid codes, empty labels and repeats left out', () => {
    expect(parseReasons(' a=One | b = Two=2 |C=Up|d=|=e|a=Again|' + 'f'.repeat(64) + '=Long', 'x=X')).to.deep.equal([
      ['a', 'One'],
      ['b', 'Two=2'],
      ['f'.repeat(64), 'Long'],
    ]);
    expect(parseReasons('Nope=No|' + 'g'.repeat(65) + '=Too long', 'x=X|y=Y')).to.deep.equal([
      ['x', 'X'],
      ['y', 'Y'],
    ]);
    expect(parseReasons(null, 'x=X')).to.deep.equal([['x', 'X']]);
    expect(parseReasons('', 'x=X')).to.deep.equal([['x', 'X']]);
  });

  it('Send needs a reason or a comment, "other" needs a comment, and the comment must be one the protocol takes', () => {
    expect(sendProblem(null, '')).to.equal('empty');
    expect(sendProblem(null, ' \n\t ')).to.equal('empty');
    expect(sendProblem('missing', '')).to.equal(undefined);
    expect(sendProblem(null, 'Just a comment')).to.equal(undefined);
    expect(sendProblem('other', '  ')).to.equal('other');
    expect(sendProblem('other', 'It crashed')).to.equal(undefined);
    expect(sendProblem('missing', 'x'.repeat(1001))).to.equal('length');
    expect(sendProblem('missing', ` ${'😀'.repeat(1000)} `)).to.equal(undefined);
    expect(sendProblem('missing', 'a\u0000b')).to.equal('control');
    expect(sendProblem('missing', 'a\uD800b')).to.equal('surrogate');
  });
});
