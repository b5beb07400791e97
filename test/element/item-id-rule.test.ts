import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { isCommentText } from '../../src/protocol/follow-up-rules.js';
import { isItemId } from '../../src/protocol/validation.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';

/**
 * The protocol's rule for ids is the server's too (src/protocol/validation.ts): an id the server would refuse is never
 * sent. C1 controls are refused like C0 and DEL; so are the bidirectional embedding, override and isolate
 * controls, with which an id (often a URL) can be made to look like another.
 */

afterEach(() => localStorage.clear());

const C1 = ['\u0080', '\u0085', '\u009F'];
const BIDI = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];

describe("the protocol's rule in the browser", () => {
  it('refuses ids with C1 or bidirectional controls, and takes their neighbours', () => {
    for (const character of [...C1, ...BIDI]) expect(isItemId(`page${character}`), escape(character)).to.equal(false);
    for (const character of ['\u007E', '\u00A0', '\u200E', '\u200F', '\u202F', '\u2065', '\u206A'])
      expect(isItemId(`page${character}`), escape(character)).to.equal(true);
  });

  it('refuses comments with C1 controls, and keeps their line breaks and bidirectional controls', () => {
    for (const character of C1) expect(isCommentText(`text${character}`), escape(character)).to.equal(false);
    expect(isCommentText(`line one\nline two\r\n\tand ${BIDI.join('')}`)).to.equal(true);
  });
});

describe('an element whose item id the protocol refuses', () => {
  for (const [what, character] of [
    ['a C1 control (NEL)', '\u0085'],
    ['a right-to-left override', '\u202E'],
    ['a first-strong isolate', '\u2068'],
  ]) {
    it(`sends nothing for an id with ${what}, and says why when the reader votes`, async () => {
      const endpoint = await mockEndpoint();
      const good = uniqueId();
      const bad = `${uniqueId()}${character}gpj.exe`;
      await endpoint.control({ seed: { [good]: { yes: 1, no: 0 } } });
      const wrapper = await fixture<HTMLElement>(
        html`<div>
          <was-this-helpful loading="eager" endpoint=${endpoint.url} item-id=${good}></was-this-helpful>
          <was-this-helpful loading="eager" endpoint=${endpoint.url} item-id=${bad}></was-this-helpful>
        </div>`,
      );
      const [goodEl, badEl] = [...wrapper.querySelectorAll('was-this-helpful')] as WasThisHelpfulElement[];
      await waitUntil(() => view(goodEl!).summary === '100% of readers found this helpful');
      const failed = oneEvent(badEl!, 'helpful-error');
      view(badEl!).yes.click();
      const { detail } = await failed;
      expect(detail.error.kind).to.equal('invalid-item');
      expect(detail.queued).to.equal(false);
      const requests = await endpoint.requests();
      expect(
        requests
          .map((request) => decodeURIComponent(request.url) + (request.body ?? ''))
          .some((sent) => sent.includes('gpj.exe')),
      ).to.equal(false);
    });
  }
});
