import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { view } from './support/element.js';
import { formView, openForm, posts, typeComment, voteAndSettle, widget } from './support/follow-up.js';

afterEach(() => localStorage.clear());

const BUILT_IN_NO = ['inaccurate', 'confusing', 'missing', 'outdated', 'other'];
const BUILT_IN_YES = ['accurate', 'clear', 'complete', 'other'];

describe('follow-up: when the form appears (the follow-up attribute)', () => {
  for (const [mode, afterNo, afterYes] of [
    [undefined, true, false],
    ['no', true, false],
    ['yes', false, true],
    ['both', true, true],
    ['off', false, false],
    ['sometimes', true, false],
  ] as const) {
    it(`follow-up=${mode ?? '(absent)'}: ${afterNo ? 'a form' : 'no form'} after No, ${afterYes ? 'a form' : 'none'} after Yes`, async () => {
      for (const [vote, expected] of [
        ['no', afterNo],
        ['yes', afterYes],
      ] as const) {
        const { el } = await widget(mode === undefined ? {} : { 'follow-up': mode });
        await voteAndSettle(el, vote);
        expect(!!formView(el).form, `after ${vote}`).to.equal(expected);
      }
    });
  }

  it('never appears in local-only mode (no endpoint: nowhere to send it)', async () => {
    const { el } = await widget({ endpoint: '', 'follow-up': 'both' });
    el.removeAttribute('endpoint');
    await el.updateComplete;
    await voteAndSettle(el, 'no');
    expect(formView(el).form).to.equal(null);
  });

  it('goes away when the reader withdraws the vote, and comes back with a new vote', async () => {
    const { el } = await openForm('no');
    view(el).no.click();
    await el.updateComplete;
    expect(formView(el).form).to.equal(null);
    await voteAndSettle(el, 'no');
    expect(formView(el).form).to.not.equal(null);
  });
});

describe('follow-up: the reasons', () => {
  it('offers the built-in reasons after No and after Yes, with their codes, in a group named by its question', async () => {
    const { el } = await openForm('no');
    expect(formView(el).question).to.equal('What was wrong?');
    expect(formView(el).codes).to.deep.equal(BUILT_IN_NO);
    expect(formView(el).labels).to.deep.equal([
      'It has wrong information',
      'It is hard to understand',
      'It does not have what I was looking for',
      'It is out of date',
      'Something else',
    ]);
    expect(formView(el).group!.tagName).to.equal('FIELDSET');
    const yes = await openForm('yes', { 'follow-up': 'yes' });
    expect(formView(yes.el).question).to.equal('What did you like?');
    expect(formView(yes.el).codes).to.deep.equal(BUILT_IN_YES);
    expect(formView(yes.el).labels).to.deep.equal([
      'It is accurate',
      'It is easy to understand',
      'It had what I was looking for',
      'Something else',
    ]);
  });

  it('takes a site’s own list from no-reasons, split at the first "=", leaving out pairs with invalid codes', async () => {
    const { el } = await openForm('no', {
      'no-reasons':
        'typo=A typo|Bad Code=Shown?|api-v2=Wrong API: use a=b|=no code|missing-label=|other=Something else',
    });
    expect(formView(el).codes).to.deep.equal(['typo', 'api-v2', 'other']);
    expect(formView(el).labels).to.deep.equal(['A typo', 'Wrong API: use a=b', 'Something else']);
  });

  it('takes yes-reasons after Yes', async () => {
    const { el } = await openForm('yes', {
      'follow-up': 'both',
      'yes-reasons': 'fast=It loaded fast|pretty=Nice pictures',
    });
    expect(formView(el).codes).to.deep.equal(['fast', 'pretty']);
  });

  it('keeps the built-in list when no pair of the attribute is valid', async () => {
    const { el } = await openForm('no', { 'no-reasons': 'Nope=Upper case|a b=space|' + 'x'.repeat(65) + '=too long' });
    expect(formView(el).codes).to.deep.equal(BUILT_IN_NO);
  });

  it('labels the comment box with comment-label, and by default "Anything else? (optional)"', async () => {
    const { el } = await openForm('no');
    expect(formView(el).commentLabel).to.equal('Anything else? (optional)');
    const custom = await openForm('no', { 'comment-label': 'What should we add?' });
    expect(formView(custom.el).commentLabel).to.equal('What should we add?');
    expect(formView(custom.el).comment!.labels![0]!.textContent!.trim()).to.equal('What should we add?');
  });

  it('speaks the element’s language: French reasons, question, hint and buttons', async () => {
    const { el } = await openForm('no', { lang: 'fr' });
    expect(formView(el).question).to.equal('Qu’est-ce qui n’allait pas\u00a0?');
    expect(formView(el).codes).to.deep.equal(BUILT_IN_NO);
    expect(formView(el).labels[0]).to.equal('Les informations sont fausses');
    expect(formView(el).buttons).to.deep.equal(['Envoyer', 'Non merci']);
    expect(formView(el).hint!.textContent).to.contain('donnée personnelle');
  });
});

describe('follow-up: Send', () => {
  it('posts the same vote again, from the same voter, with the reason and the comment trimmed (its line break kept)', async () => {
    const { el, endpoint, id } = await openForm('no');
    await waitUntil(async () => (await posts(endpoint)).length === 1);
    formView(el).reasons[2]!.click();
    typeComment(el, '  The page skips step two.\nIt also needs an example.  \n');
    const sent = oneEvent(el, 'helpful-feedback');
    formView(el).button('Send')!.click();
    const { detail } = await sent;
    await waitUntil(async () => (await posts(endpoint)).length === 2, 'the follow-up was not posted');
    const [vote, followUp] = await posts(endpoint);
    expect(followUp).to.deep.equal({
      id,
      vote: 'no',
      voter: vote!.voter,
      reason: 'missing',
      comment: 'The page skips step two.\nIt also needs an example.',
    });
    expect(detail).to.deep.equal({
      itemId: id,
      vote: 'no',
      reason: 'missing',
      comment: 'The page skips step two.\nIt also needs an example.',
    });
    // The counts are those of one vote, still.
    expect(await endpoint.counts(id)).to.deep.equal({ yes: 0, no: 1 });
  });

  it('fires helpful-feedback once per Send, bubbling out of the shadow root, with reason null and comment "" when absent', async () => {
    const { el, id } = await openForm('no');
    const events: CustomEvent[] = [];
    const listener = (event: Event) => events.push(event as CustomEvent);
    document.addEventListener('helpful-feedback', listener);
    try {
      typeComment(el, 'Only a comment');
      formView(el).button('Send')!.click();
      await el.updateComplete;
      formView(el).button('Edit your comment')!.click();
      await el.updateComplete;
      typeComment(el, '');
      formView(el).reasons[0]!.click();
      formView(el).button('Send')!.click();
      await el.updateComplete;
    } finally {
      document.removeEventListener('helpful-feedback', listener);
    }
    expect(events.map((event) => event.detail)).to.deep.equal([
      { itemId: id, vote: 'no', reason: null, comment: 'Only a comment' },
      { itemId: id, vote: 'no', reason: 'inaccurate', comment: '' },
    ]);
    expect(events.every((event) => event.bubbles && event.composed)).to.equal(true);
  });

  it('sends nothing and fires nothing when the honeypot is filled, yet shows the same success', async () => {
    const { el, endpoint } = await openForm('no');
    await waitUntil(async () => (await posts(endpoint)).length === 1);
    const honeypot = formView(el).honeypot!;
    expect(honeypot.getAttribute('aria-hidden')).to.equal('true');
    expect(honeypot.getAttribute('tabindex')).to.equal('-1');
    expect(honeypot.getAttribute('autocomplete')).to.equal('off');
    honeypot.value = 'https://spam.example';
    formView(el).reasons[0]!.click();
    let fired = false;
    el.addEventListener('helpful-feedback', () => (fired = true));
    formView(el).button('Send')!.click();
    await el.updateComplete;
    expect(formView(el).thanks!.textContent).to.equal('Thanks, we read every comment.');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(await posts(endpoint)).to.have.length(1);
    expect(fired).to.equal(false);
  });

  it('shows a comment holding markup as text, in the box and after Edit, and runs none of it', async () => {
    const { el, endpoint } = await openForm('no');
    const hostile = '<img src=x onerror="window.__followUpXss = true"> & <b>bold</b>';
    typeComment(el, hostile);
    formView(el).button('Send')!.click();
    await waitUntil(async () => (await posts(endpoint)).length === 2);
    formView(el).button('Edit your comment')!.click();
    await el.updateComplete;
    expect(formView(el).comment!.value).to.equal(hostile);
    // Shown in a bidirectional isolate, as the protocol asks wherever a comment is displayed.
    expect(formView(el).comment!.getAttribute('dir')).to.equal('auto');
    expect(el.shadowRoot!.querySelector('img, b')).to.equal(null);
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((window as { __followUpXss?: boolean }).__followUpXss).to.equal(undefined);
    expect((await posts(endpoint))[1]!.comment).to.equal(hostile);
  });
});
