import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { formView, openForm, typeComment, widget } from './support/follow-up.js';

afterEach(() => localStorage.clear());

/** What has focus inside the element (the element itself has it in the document). */
const focused = (el: WasThisHelpfulElement) => el.shadowRoot!.activeElement;

describe('follow-up: focus and announcements', () => {
  it('appears without taking focus: the pressed button keeps it, and the form is next in tab order', async () => {
    const { el } = await widget();
    view(el).no.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => formView(el).form, 'no form', { timeout: 5000 });
    expect(focused(el)).to.equal(view(el).no);
    await sendKeys({ press: 'Tab' });
    expect(focused(el)).to.equal(formView(el).reasons[0]);
  });

  it('reads the form’s question once, at the end of the vote’s polite announcement', async () => {
    const { el, endpoint, id } = await widget();
    await endpoint.control({ seed: { [id]: { yes: 3, no: 0 } } });
    const announcements = new Set<string>();
    const status = el.shadowRoot!.querySelector('[role="status"]')!;
    const observer = new MutationObserver(() => announcements.add(status.textContent!.replace(/\s+/g, ' ').trim()));
    observer.observe(status, { childList: true, characterData: true, subtree: true });
    view(el).no.click();
    await waitUntil(() => formView(el).form, 'no form', { timeout: 5000 });
    await el.updateComplete;
    observer.disconnect();
    expect(status.getAttribute('role')).to.equal('status');
    const said = [...announcements].filter(Boolean);
    expect(said).to.have.length(1);
    expect(said[0]).to.match(/^Thanks for your feedback! .*What was wrong\?$/);
    expect(said[0]!.split('What was wrong?')).to.have.length(2);
  });

  it('moves focus to the confirmation after Send, and to the checked reason when "Edit your comment" reopens it', async () => {
    const { el } = await openForm('no');
    formView(el).reasons[3]!.click();
    typeComment(el, 'Version 2 is out');
    formView(el).button('Send')!.click();
    await waitUntil(() => focused(el) === formView(el).thanks, 'focus did not move to the confirmation');
    expect(formView(el).thanks!.textContent).to.equal('Thanks, we read every comment.');
    expect(formView(el).form).to.equal(null);
    formView(el).button('Edit your comment')!.click();
    await waitUntil(() => focused(el) === formView(el).reasons[3], 'focus did not move to the checked reason');
    expect(formView(el).reasons[3]!.checked).to.equal(true);
    expect(formView(el).comment!.value).to.equal('Version 2 is out');
  });

  it('returns focus to the pressed button after "No thanks", and leaves "Tell us more", which reopens the form at its first reason', async () => {
    const { el } = await openForm('no');
    typeComment(el, 'half-written');
    formView(el).button('No thanks')!.click();
    await waitUntil(() => focused(el) === view(el).no, 'focus did not return to No');
    expect(formView(el).form).to.equal(null);
    formView(el).button('Tell us more')!.click();
    await waitUntil(() => focused(el) === formView(el).reasons[0], 'focus did not move to the first reason');
    expect(formView(el).comment!.value).to.equal('half-written');
  });

  it('treats Escape inside the form as "No thanks"', async () => {
    const { el } = await openForm('no');
    formView(el).comment!.focus();
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focused(el) === view(el).no, 'focus did not return to No');
    expect(formView(el).form).to.equal(null);
    expect(formView(el).button('Tell us more')).to.exist;
  });
});

describe('follow-up: errors', () => {
  it('needs a reason or a comment: the error sits in the group of reasons, tied to it, and is announced', async () => {
    const { el } = await openForm('no');
    typeComment(el, '   \n ');
    formView(el).button('Send')!.click();
    await el.updateComplete;
    const { error, group, reasons, comment } = formView(el);
    expect(error!.textContent).to.equal('Choose a reason or write a comment.');
    expect(error!.getAttribute('role')).to.equal('alert');
    expect(group!.contains(error)).to.equal(true);
    expect(group!.getAttribute('aria-describedby')).to.equal(error!.id);
    expect(reasons.every((radio) => radio.getAttribute('aria-invalid') === 'true')).to.equal(true);
    expect(comment!.value, 'what was typed is lost').to.equal('   \n ');
    reasons[1]!.click();
    await el.updateComplete;
    expect(formView(el).error, 'the error did not go away once fixed').to.equal(null);
  });

  it('needs a comment with the reason "other": the error sits at the comment box, tied to it', async () => {
    const { el, endpoint } = await openForm('no', { 'no-reasons': 'slow=Too slow|other=Something else' });
    formView(el).reasons[1]!.click();
    formView(el).button('Send')!.click();
    await el.updateComplete;
    const { error, comment } = formView(el);
    expect(error!.textContent).to.equal('Please tell us more in the comment.');
    expect(comment!.getAttribute('aria-invalid')).to.equal('true');
    expect(comment!.getAttribute('aria-describedby')!.split(' ')).to.include(error!.id);
    expect(formView(el).reasons[1]!.checked).to.equal(true);
    expect((await endpoint.requests()).filter((request) => request.method === 'POST')).to.have.length(1);
  });

  it('refuses a comment over 1,000 characters (code points) or with control characters, keeping it', async () => {
    const { el } = await openForm('no');
    const long = '😀'.repeat(1001);
    typeComment(el, long);
    formView(el).button('Send')!.click();
    await el.updateComplete;
    expect(formView(el).error!.textContent).to.equal('Please shorten your comment to 1,000 characters.');
    expect(formView(el).comment!.value).to.equal(long);
    typeComment(el, 'bell \u0007 here');
    formView(el).button('Send')!.click();
    await el.updateComplete;
    expect(formView(el).error!.textContent).to.equal('Please remove the control characters from your comment.');
    const fine = oneEvent(el, 'helpful-feedback');
    typeComment(el, '😀'.repeat(1000));
    formView(el).button('Send')!.click();
    expect((await fine).detail.comment).to.equal('😀'.repeat(1000));
  });

  it('shows what is left, counted in code points, once fewer than 100 remain, tied to the box', async () => {
    const { el } = await openForm('no');
    typeComment(el, 'x'.repeat(900));
    await el.updateComplete;
    expect(formView(el).left).to.equal(undefined);
    typeComment(el, '😀'.repeat(901));
    await el.updateComplete;
    expect(formView(el).left).to.equal('99 characters left');
    expect(formView(el).comment!.getAttribute('aria-describedby')).to.equal('follow-up-hint follow-up-left');
  });

  it('ties the privacy hint to the comment box', async () => {
    const { el } = await openForm('no');
    const { hint, comment } = formView(el);
    expect(hint!.textContent).to.equal(
      "Please don't include personal information such as your name, email address or phone number.",
    );
    expect(comment!.getAttribute('aria-describedby')).to.equal(hint!.id);
  });
});

describe('follow-up: accessibility (axe) and layout', () => {
  it('is accessible with the form open, with an error shown, after Send and after No thanks', async () => {
    const { el } = await openForm('no');
    await expect(el).to.be.accessible();
    formView(el).button('Send')!.click();
    await el.updateComplete;
    expect(formView(el).error).to.exist;
    await expect(el).to.be.accessible();
    formView(el).reasons[0]!.click();
    typeComment(el, 'x');
    formView(el).button('Send')!.click();
    await el.updateComplete;
    expect(formView(el).thanks).to.exist;
    await expect(el).to.be.accessible();
    formView(el).button('Edit your comment')!.click();
    await el.updateComplete;
    formView(el).button('No thanks')!.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('gives every reason, the box and the buttons a target of at least 24 by 24 CSS pixels', async () => {
    const { el } = await openForm('no');
    el.style.fontSize = '10px';
    await el.updateComplete;
    const targets = [
      ...formView(el).reasons.map((radio) => radio.closest('label')!),
      formView(el).comment!,
      formView(el).button('Send')!,
      formView(el).button('No thanks')!,
    ];
    for (const target of targets) {
      const { width, height } = target.getBoundingClientRect();
      expect(width, target.outerHTML.slice(0, 40)).to.be.at.least(24);
      expect(height, target.outerHTML.slice(0, 40)).to.be.at.least(24);
    }
  });

  it('never scrolls sideways at 320 px', async () => {
    const { el } = await openForm('no', {
      'no-reasons': 'long=An unusually long reason label that has to wrap onto several lines in a narrow column|b=B',
    });
    const wrapper = await fixture<HTMLElement>(html`<div style="width: 320px"></div>`);
    wrapper.append(el);
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    for (const node of el.shadowRoot!.querySelectorAll('form *:not(.visually-hidden)')) {
      expect((node as HTMLElement).getBoundingClientRect().right, node.outerHTML.slice(0, 60)).to.be.at.most(
        wrapper.getBoundingClientRect().right + 0.5,
      );
    }
  });

  it('lays the form out right to left in Hebrew, in Hebrew', async () => {
    const { el } = await openForm('no', { lang: 'he' });
    expect(formView(el).question).to.equal('מה לא היה בסדר?');
    expect(getComputedStyle(formView(el).form!).direction).to.equal('rtl');
    const { left, right } = formView(el).form!.getBoundingClientRect();
    const radio = formView(el).reasons[0]!.getBoundingClientRect();
    // The radio button sits at the right-hand edge, where a Hebrew line starts.
    expect(right - radio.right).to.be.below(radio.left - left);
  });
});
