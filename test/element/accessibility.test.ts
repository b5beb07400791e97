import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';
import { openPage } from './support/page-frame.js';

afterEach(() => localStorage.clear());

async function seededWidget(extra = {}) {
  const endpoint = await mockEndpoint();
  const id = uniqueId();
  await endpoint.control({ seed: { [id]: { yes: 3, no: 1 } }, ...extra });
  const el = await fixture<WasThisHelpfulElement>(
    html`<was-this-helpful loading="eager" endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`,
  );
  await waitUntil(() => view(el).summary !== '');
  return { el, endpoint, id };
}

describe('accessibility in every state (axe)', () => {
  it('initial, voted, withdrawn', async () => {
    const { el } = await seededWidget();
    await expect(el).to.be.accessible();
    view(el).yes.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
    view(el).yes.click();
    await el.updateComplete;
    await expect(el).to.be.accessible();
  });

  it('error (vote refused) and queued (endpoint down)', async () => {
    const { el, endpoint } = await seededWidget();
    await endpoint.control({ post: '400' });
    let failed = oneEvent(el, 'helpful-error');
    view(el).no.click();
    await failed;
    await el.updateComplete;
    expect(view(el).message).to.equal('Sorry, your vote could not be saved.');
    await expect(el).to.be.accessible();
    await endpoint.control({ post: '503' });
    failed = oneEvent(el, 'helpful-error');
    view(el).no.click();
    await failed;
    await el.updateComplete;
    expect(view(el).message).to.contain('will be sent');
    await expect(el).to.be.accessible();
  });

  it('summary-only', async () => {
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful summary-only item-id=${uniqueId()}></was-this-helpful>`,
    );
    await expect(el).to.be.accessible();
  });

  for (const [theme, style] of [
    ['a dark page', 'background: #111; color: #eee'],
    ['a light page', 'background: #fff; color: #222'],
    [
      'a themed widget',
      'background: #fff; color: #1d2433; --helpful-accent-color: #0b5a48; --helpful-radius: 999px; --helpful-pressed-background: #d8efe8; --helpful-button-background: #f4f4f4',
    ],
  ] as const) {
    it(`on ${theme}, voted`, async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div style=${style}><was-this-helpful item-id=${uniqueId()}></was-this-helpful></div>`,
      );
      const el = wrapper.querySelector('was-this-helpful')!;
      view(el).yes.click();
      await el.updateComplete;
      await expect(wrapper).to.be.accessible();
    });
  }
});

describe('announcements and focus', () => {
  it('announces the thanks and the new summary once, from the element the reader used', async () => {
    const id = uniqueId();
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <was-this-helpful summary-only item-id=${id}></was-this-helpful>
        <was-this-helpful item-id=${id}></was-this-helpful>
        <was-this-helpful item-id=${id}></was-this-helpful>
      </div>`,
    );
    const [top, used, other] = [...wrapper.querySelectorAll('was-this-helpful')] as WasThisHelpfulElement[];
    expect(view(used!).announcement).to.equal('');
    view(used!).yes.click();
    await Promise.all([top, used, other].map((el) => el!.updateComplete));
    expect(view(used!).announcement).to.equal('Thanks for your feedback! 100% of readers found this helpful');
    expect(used!.shadowRoot!.querySelector('[role="status"]')).to.exist;
    expect(view(other!).announcement).to.equal('');
    expect(view(other!).message).to.equal('Thanks for your feedback!');
    expect(top!.shadowRoot!.querySelector('[role="status"]')).to.equal(null);
    view(used!).yes.click();
    await used!.updateComplete;
    expect(view(used!).announcement).to.equal('');
  });

  it('announces a refused vote', async () => {
    const { el } = await seededWidget({ post: '403' });
    const failed = oneEvent(el, 'helpful-error');
    view(el).yes.click();
    await failed;
    await el.updateComplete;
    expect(view(el).announcement).to.equal('Sorry, your vote could not be saved.');
  });

  it('exposes both buttons as toggle buttons: aria-pressed "false" before a vote, "true" only on the vote', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    const pressed = () => [view(el).yes.getAttribute('aria-pressed'), view(el).no.getAttribute('aria-pressed')];
    expect(pressed()).to.deep.equal(['false', 'false']);
    view(el).no.click();
    await el.updateComplete;
    expect(pressed()).to.deep.equal(['false', 'true']);
    view(el).no.click(); // withdrawn
    await el.updateComplete;
    expect(pressed()).to.deep.equal(['false', 'false']);
  });

  it('keeps focus on the pressed button after voting with the keyboard', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    view(el).no.focus();
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(document.activeElement).to.equal(el);
    expect(el.shadowRoot!.activeElement).to.equal(view(el).no);
    expect(view(el).no.getAttribute('aria-pressed')).to.equal('true');
  });

  it('reaches both buttons with Tab, in order', async () => {
    const before = document.createElement('button');
    before.textContent = 'before';
    document.body.prepend(before);
    try {
      const el = await fixture<WasThisHelpfulElement>(
        html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`,
      );
      before.focus();
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(view(el).yes);
      await sendKeys({ press: 'Tab' });
      expect(el.shadowRoot!.activeElement).to.equal(view(el).no);
    } finally {
      before.remove();
    }
  });
});

describe('layout and visual needs', () => {
  it('gives each button a target of at least 24 by 24 CSS pixels', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="font-size: 10px">
        <was-this-helpful item-id=${uniqueId()} yes-label="Y" no-label="N"></was-this-helpful>
      </div>`,
    );
    const el = wrapper.querySelector('was-this-helpful')!;
    for (const button of [view(el).yes, view(el).no]) {
      const { width, height } = button.getBoundingClientRect();
      expect(width).to.be.at.least(24);
      expect(height).to.be.at.least(24);
    }
  });

  it('never scrolls sideways at 320 px, even with long texts', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="width: 320px">
        <was-this-helpful
          item-id=${uniqueId()}
          question="Did this article about configuring the reverse proxy answer your question completely?"
          yes-label="Yes, it answered everything"
          no-label="No, something is missing"
        ></was-this-helpful>
      </div>`,
    );
    const el = wrapper.querySelector('was-this-helpful')!;
    view(el).yes.click();
    await el.updateComplete;
    expect(el.scrollWidth).to.be.at.most(320);
    for (const node of el.shadowRoot!.querySelectorAll('*')) {
      expect((node as HTMLElement).getBoundingClientRect().right, node.outerHTML.slice(0, 60)).to.be.at.most(
        wrapper.getBoundingClientRect().right + 0.5,
      );
    }
  });

  it('shows a visible focus indicator', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    view(el).yes.focus();
    await sendKeys({ press: 'Shift' }); // keyboard modality, so :focus-visible applies
    const style = getComputedStyle(view(el).yes);
    expect(style.outlineStyle).to.equal('solid');
    expect(parseFloat(style.outlineWidth)).to.be.at.least(2);
  });

  it('has no motion at all (nothing for prefers-reduced-motion to turn off)', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    view(el).yes.click();
    await el.updateComplete;
    for (const node of el.shadowRoot!.querySelectorAll('*')) {
      const style = getComputedStyle(node);
      expect(style.animationName, node.nodeName).to.equal('none');
      expect(parseFloat(style.transitionDuration), node.nodeName).to.equal(0);
    }
  });

  it('takes the font and colour of the page', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div style="font-family: Georgia, serif; font-size: 19px; color: rgb(10, 20, 30)">
        <was-this-helpful item-id=${uniqueId()}></was-this-helpful>
      </div>`,
    );
    const el = wrapper.querySelector('was-this-helpful')!;
    for (const node of [view(el).yes, el.shadowRoot!.querySelector('[part="question"]')!]) {
      const style = getComputedStyle(node);
      expect(style.fontFamily).to.contain('Georgia');
      expect(style.fontSize).to.equal('19px');
      expect(style.color).to.equal('rgb(10, 20, 30)');
    }
  });
});

describe('before the script runs', () => {
  it('shows the fallback a site puts inside the element, and hides it once the widget renders', async () => {
    const markup = `<was-this-helpful item-id="${uniqueId()}"><a id="fallback" href="/feedback">Tell us what you think</a></was-this-helpful>`;
    const noScript = await openPage(markup, { script: 'data:text/javascript,' });
    const link = noScript.document.getElementById('fallback')!;
    expect(link.getBoundingClientRect().width).to.be.above(0);
    noScript.close();
    const withScript = await openPage(markup);
    expect(withScript.document.getElementById('fallback')!.getBoundingClientRect().width).to.equal(0);
    expect(view(withScript.element()).question).to.equal('Was this helpful?');
    withScript.close();
  });
});
