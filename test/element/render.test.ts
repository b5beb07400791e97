import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import '../../src/define.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';

const HOSTILE = '<img src=x onerror="window.__pwned = true">';

afterEach(() => localStorage.clear());

async function voted(el: WasThisHelpfulElement, button: 'yes' | 'no'): Promise<void> {
  view(el)[button].click();
  await el.updateComplete;
}

describe('rendering', () => {
  it('shows the prompt and both buttons at once, before any answer', async () => {
    const endpoint = await mockEndpoint({ delayMs: 2000 });
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint=${endpoint.url} item-id=${uniqueId()}></was-this-helpful>`,
    );
    expect(view(el).question).to.equal('Was this helpful?');
    expect(view(el).yes.textContent?.trim()).to.equal('Yes');
    expect(view(el).no.textContent?.trim()).to.equal('No');
    expect(view(el).pressed).to.equal(null);
    expect(view(el).summary).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('names the button group by the question', async () => {
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful item-id=${uniqueId()} question="Did this answer your question?"></was-this-helpful>`,
    );
    const group = el.shadowRoot!.querySelector('[role="group"]')!;
    const label = el.shadowRoot!.getElementById(group.getAttribute('aria-labelledby')!);
    expect(label?.textContent).to.equal('Did this answer your question?');
  });

  it('uses the question, yes-label, no-label and thanks attributes instead of the built-in strings', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`
      <was-this-helpful
        item-id=${uniqueId()}
        question="Did this help?"
        yes-label="Yep"
        no-label="Nope"
        thanks="Cheers!"
      ></was-this-helpful>
    `);
    expect(view(el).question).to.equal('Did this help?');
    expect(view(el).yes.textContent?.trim()).to.equal('Yep');
    expect(view(el).no.textContent?.trim()).to.equal('Nope');
    await voted(el, 'yes');
    expect(view(el).message).to.equal('Cheers!');
  });

  it('fills every placeholder of the summary template', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 1200, no: 300 } } });
    const el = await fixture<WasThisHelpfulElement>(html`
      <was-this-helpful
        endpoint=${endpoint.url}
        item-id=${id}
        summary="{percent} · {yes} yes, {no} no, {total} in all"
      ></was-this-helpful>
    `);
    await oneEvent(el, 'helpful-counts');
    await el.updateComplete;
    expect(view(el).summary).to.equal('80% · 1,200 yes, 300 no, 1,500 in all');
  });

  it('uses the default summary text', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 3, no: 1 } } });
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`,
    );
    await oneEvent(el, 'helpful-counts');
    await el.updateComplete;
    expect(view(el).summary).to.equal('75% of readers found this helpful');
  });

  it('hides the summary until min-votes is reached, and shows it from then on', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 2, no: 2 } } });
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint=${endpoint.url} item-id=${id} min-votes="5"></was-this-helpful>`,
    );
    await oneEvent(el, 'helpful-counts');
    await el.updateComplete;
    expect(view(el).summary).to.equal('');
    await voted(el, 'yes');
    expect(view(el).summary).to.equal('60% of readers found this helpful');
  });

  it('shows no percentage when nobody has voted, even with min-votes="0"', async () => {
    const endpoint = await mockEndpoint();
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint=${endpoint.url} item-id=${uniqueId()} min-votes="0"></was-this-helpful>`,
    );
    await oneEvent(el, 'helpful-counts');
    await el.updateComplete;
    expect(view(el).summary).to.equal('');
  });

  it('never shows a summary with hide-summary', async () => {
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful item-id=${uniqueId()} hide-summary></was-this-helpful>`,
    );
    await voted(el, 'yes');
    expect(view(el).hasSummary).to.equal(false);
    expect(view(el).message).to.equal('Thanks for your feedback!');
  });

  it('shows only the summary line with summary-only', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 4, no: 1 } } });
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful summary-only endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`,
    );
    await oneEvent(el, 'helpful-counts');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelectorAll('button')).to.have.length(0);
    expect(view(el).summary).to.equal('80% of readers found this helpful');
    await expect(el).to.be.accessible();
  });

  it('keeps room for the summary line before counts arrive, so the page does not move', async () => {
    const endpoint = await mockEndpoint({ delayMs: 300 });
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 1, no: 0 } } });
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`,
    );
    const before = el.getBoundingClientRect().height;
    await oneEvent(el, 'helpful-counts');
    await el.updateComplete;
    expect(view(el).summary).to.equal('100% of readers found this helpful');
    expect(el.getBoundingClientRect().height).to.equal(before);
  });

  it('is accessible once the reader has voted', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    await voted(el, 'no');
    expect(view(el).pressed).to.equal('no');
    await expect(el).to.be.accessible();
  });
});

describe('hostile attribute values', () => {
  it('renders markup in every text attribute as text, never as HTML', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 1, no: 0 } } });
    const el = await fixture<WasThisHelpfulElement>(html`
      <was-this-helpful
        endpoint=${endpoint.url}
        item-id=${id}
        question=${HOSTILE}
        yes-label=${HOSTILE}
        no-label=${HOSTILE}
        summary=${`${HOSTILE} {percent}`}
        thanks=${HOSTILE}
      ></was-this-helpful>
    `);
    await oneEvent(el, 'helpful-counts');
    await voted(el, 'yes');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(view(el).question).to.equal(HOSTILE);
    expect(view(el).yes.textContent?.trim()).to.equal(HOSTILE);
    expect(view(el).summary).to.equal(`${HOSTILE} 100%`);
    expect(view(el).message).to.equal(HOSTILE);
    expect((window as { __pwned?: boolean }).__pwned).to.equal(undefined);
  });

  it('refuses an endpoint that is not http(s), with a console warning, and works locally instead', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args.join(' '));
    try {
      const el = await fixture<WasThisHelpfulElement>(
        html`<was-this-helpful endpoint="javascript:alert(1)" item-id=${uniqueId()}></was-this-helpful>`,
      );
      await voted(el, 'yes');
      expect(warnings.join('\n')).to.contain('javascript:alert(1)');
      expect(view(el).summary).to.equal('100% of readers found this helpful');
    } finally {
      console.warn = warn;
    }
  });
});

describe('item-id', () => {
  it('defaults to the canonical link', async () => {
    const link = Object.assign(document.createElement('link'), {
      rel: 'canonical',
      href: `https://example.org/${uniqueId()}`,
    });
    document.head.append(link);
    try {
      const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful></was-this-helpful>`);
      setTimeout(() => view(el).yes.click());
      const { detail } = await oneEvent(el, 'helpful-vote');
      expect(detail.itemId).to.equal(link.href);
    } finally {
      link.remove();
    }
  });

  it('defaults to the page address without query or hash when there is no canonical link', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful></was-this-helpful>`);
    setTimeout(() => view(el).yes.click());
    const { detail } = await oneEvent(el, 'helpful-vote');
    expect(detail.itemId).to.equal(location.origin + location.pathname);
    view(el).yes.click(); // withdraw: this id is shared by every test of this page
  });
});

describe('language', () => {
  it('falls back to English for an unknown or invalid lang and re-renders when lang changes', async () => {
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful lang="not a tag!" item-id=${uniqueId()}></was-this-helpful>`,
    );
    expect(view(el).question).to.equal('Was this helpful?');
    el.setAttribute('lang', 'xx-YY');
    await el.updateComplete;
    expect(view(el).question).to.equal('Was this helpful?');
  });
});
