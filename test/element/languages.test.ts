import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define.js';
import { languageStrings, stringsFor } from '../../src/i18n/language.js';
import { en } from '../../src/i18n/strings/en.js';
import type { Strings } from '../../src/i18n/strings/strings.js';
import type { WasThisHelpfulElement } from '../../src/element/was-this-helpful-element.js';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';

afterEach(() => localStorage.clear());

const LANGUAGES = ['en', 'es', 'fr', 'de', 'pt', 'it', 'nl', 'pl', 'ja', 'zh', 'ar', 'he'];

/** A built-in table, loaded the way the element loads it. */
async function table(language: string): Promise<Strings> {
  await languageStrings(language);
  return stringsFor(language);
}

const percent = (language: string, value: number) =>
  new Intl.NumberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(value);

async function rated(lang: string, yes = 4, no = 1) {
  const endpoint = await mockEndpoint();
  const id = uniqueId();
  await endpoint.control({ seed: { [id]: { yes, no } } });
  const el = await fixture<WasThisHelpfulElement>(
    html`<was-this-helpful lang=${lang} loading="eager" endpoint=${endpoint.url} item-id=${id}></was-this-helpful>`,
  );
  await waitUntil(() => view(el).summary !== '', `no summary in ${lang}`);
  return el;
}

describe('built-in languages', () => {
  it('has at least 12, each complete', async () => {
    expect(LANGUAGES).to.have.length.at.least(12);
    for (const code of LANGUAGES) {
      const strings = await table(code);
      for (const key of Object.keys(en) as Array<keyof Strings>)
        expect(strings[key], `${code}.${key}`).to.be.a('string').and.not.equal('');
      expect(strings.summary, `${code}.summary`).to.contain('{percent}');
      if (code !== 'en') expect(strings.question, `${code} is still English`).not.to.equal(en.question);
    }
  });

  for (const code of LANGUAGES) {
    it(`speaks ${code}: strings and percentage format`, async () => {
      const strings = await table(code);
      const el = await rated(code);
      expect(view(el).question).to.equal(strings.question);
      expect(view(el).yes.textContent!.trim()).to.equal(strings.yes);
      expect(view(el).no.textContent!.trim()).to.equal(strings.no);
      expect(view(el).summary).to.equal(strings.summary.replace('{percent}', percent(code, 0.8)));
      view(el).yes.click();
      await el.updateComplete;
      expect(view(el).message).to.equal(strings.thanks);
      await expect(el).to.be.accessible();
    });
  }

  it('formats "80 %" with a space in French, as French typography does', async () => {
    const el = await rated('fr');
    expect(view(el).summary).to.match(/^80\s%/u);
  });

  it('formats numbers in the language too ({yes}, {total})', async () => {
    const el = await rated('de', 1200, 300);
    el.setAttribute('summary', '{yes}/{total}');
    await el.updateComplete;
    expect(view(el).summary).to.equal('1.200/1.500');
  });
});

describe('choosing the language', () => {
  it("uses the element's lang first, then the nearest ancestor's", async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div lang="de">
        <section lang="es">
          <was-this-helpful item-id=${uniqueId()}></was-this-helpful>
          <was-this-helpful lang="nl" item-id=${uniqueId()}></was-this-helpful>
        </section>
      </div>`,
    );
    const [inherited, own] = [...wrapper.querySelectorAll('was-this-helpful')] as WasThisHelpfulElement[];
    await waitUntil(
      () => view(inherited!).question === '¿Te ha resultado útil?' && view(own!).question === 'Was dit nuttig?',
    );
  });

  it("uses the document's lang when no ancestor has one", async () => {
    const lang = document.documentElement.lang;
    document.documentElement.lang = 'pl';
    try {
      const el = await fixture<WasThisHelpfulElement>(
        html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`,
      );
      await waitUntil(() => view(el).question === 'Czy to było pomocne?');
    } finally {
      document.documentElement.lang = lang;
    }
  });

  it('falls back from a region to its language (pt-BR → pt, zh-Hant-TW → zh)', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div>
        <was-this-helpful lang="pt-BR" item-id=${uniqueId()}></was-this-helpful>
        <was-this-helpful lang="zh-Hant-TW" item-id=${uniqueId()}></was-this-helpful>
      </div>`,
    );
    const [pt, zh] = [...wrapper.querySelectorAll('was-this-helpful')] as WasThisHelpfulElement[];
    await waitUntil(() => view(pt!).question === 'Isto foi útil?' && view(zh!).question === '这对您有帮助吗？');
  });

  it('falls back to English for an unknown or invalid tag', async () => {
    for (const lang of ['xx', 'tlh-Latn', '', 'not a tag!', 'constructor', '__proto__']) {
      const el = await fixture<WasThisHelpfulElement>(
        html`<was-this-helpful lang=${lang} item-id=${uniqueId()}></was-this-helpful>`,
      );
      expect(view(el).question, lang).to.equal('Was this helpful?');
    }
  });

  it('re-renders when lang changes', async () => {
    const el = await fixture<WasThisHelpfulElement>(html`<was-this-helpful item-id=${uniqueId()}></was-this-helpful>`);
    el.lang = 'it';
    await waitUntil(() => view(el).question === 'Ti è stato utile?');
    el.setAttribute('lang', 'ja');
    await waitUntil(() => view(el).question === 'この情報は役に立ちましたか？');
  });

  it('lets attributes override the built-in strings', async () => {
    const el = await fixture<WasThisHelpfulElement>(
      html`<was-this-helpful
        lang="fr"
        question="Utile ?"
        yes-label="Carrément"
        item-id=${uniqueId()}
      ></was-this-helpful>`,
    );
    await waitUntil(() => view(el).no.textContent!.trim() === 'Non');
    expect(view(el).question).to.equal('Utile ?');
    expect(view(el).yes.textContent!.trim()).to.equal('Carrément');
  });
});

describe('right-to-left languages', () => {
  for (const lang of ['ar', 'he']) {
    it(`lays out ${lang} right to left`, async () => {
      const el = await rated(lang);
      const yes = view(el).yes.getBoundingClientRect();
      const no = view(el).no.getBoundingClientRect();
      expect(getComputedStyle(view(el).yes).direction).to.equal('rtl');
      expect(yes.left, 'Yes comes first, on the right').to.be.above(no.left);
      const question = el.shadowRoot!.querySelector('[part="question"]')!.getBoundingClientRect();
      expect(question.left, 'the question starts on the right').to.be.above(yes.left);
    });
  }

  it('follows a right-to-left page even in English', async () => {
    const wrapper = await fixture<HTMLElement>(
      html`<div dir="rtl"><was-this-helpful item-id=${uniqueId()}></was-this-helpful></div>`,
    );
    const el = wrapper.querySelector('was-this-helpful')!;
    expect(getComputedStyle(view(el).yes).direction).to.equal('rtl');
  });
});
