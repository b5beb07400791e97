import { expect, waitUntil } from '@open-wc/testing';
import { view } from './support/element.js';
import { mockEndpoint, uniqueId } from './support/mock-endpoint.js';
import { openPage } from './support/page-frame.js';

const BUNDLE = '/dist/was-this-helpful.bundle.js';

describe('the self-contained bundle (npm run build)', () => {
  it('imports no package: Lit is inside, and only its own language modules and follow-up form are fetched, on demand', async () => {
    const response = await fetch(BUNDLE);
    expect(response.ok, `${BUNDLE} is missing: run npm run build`).to.equal(true);
    const source = await response.text();
    expect(source).not.to.match(/\bfrom\s*["'`][^"'`]/);
    const dynamic = [...source.matchAll(/\bimport\s*\(\s*["'`]([^"'`]+)["'`]\s*\)/g)].map((match) => match[1]!);
    expect(dynamic).to.have.length(12);
    expect(dynamic.filter((specifier) => !/^\.\/strings\/[a-z]{2}\.js$/.test(specifier))).to.deep.equal([
      './follow-up.bundle.js',
    ]);
  });

  it('is one file until a reader votes; the follow-up form’s module (from the bundle, Lit shared) comes with the first No', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    const page = await openPage(`<was-this-helpful endpoint="${endpoint.url}" item-id="${id}"></was-this-helpful>`, {
      script: BUNDLE,
    });
    const scripts = () =>
      page.window.performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname)
        .filter((path) => path.endsWith('.js'));
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(scripts()).to.deep.equal([BUNDLE]);
    view(page.element()).no.click();
    await waitUntil(() => page.element().shadowRoot!.querySelector('[part~="follow-up"] legend'), 'no form', {
      timeout: 5000,
    });
    expect(page.element().shadowRoot!.querySelector('legend')!.textContent).to.equal('What was wrong?');
    expect(scripts()).to.deep.equal([BUNDLE, '/dist/follow-up.bundle.js']);
    page.close();
  });

  it('fetches no follow-up module when follow-up="off"', async () => {
    const endpoint = await mockEndpoint();
    const page = await openPage(
      `<was-this-helpful follow-up="off" endpoint="${endpoint.url}" item-id="${uniqueId()}"></was-this-helpful>`,
      { script: BUNDLE },
    );
    view(page.element()).no.click();
    await waitUntil(() => view(page.element()).announcement !== '');
    await new Promise((resolve) => setTimeout(resolve, 200));
    const fetched = page.window.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(fetched.some((name) => name.includes('follow-up'))).to.equal(false);
    page.close();
  });

  it('speaks French from the bundle, fetching the French module beside it', async () => {
    const page = await openPage(`<was-this-helpful lang="fr" item-id="${uniqueId()}"></was-this-helpful>`, {
      script: BUNDLE,
    });
    await waitUntil(() => view(page.element()).question === 'Cette page vous a-t-elle été utile\u00a0?');
    page.close();
  });

  it('works from a plain <script type="module"> on a static page, with an endpoint', async () => {
    const endpoint = await mockEndpoint();
    const id = uniqueId();
    await endpoint.control({ seed: { [id]: { yes: 9, no: 1 } } });
    const page = await openPage(
      `<article><p>An answer.</p><was-this-helpful endpoint="${endpoint.url}" item-id="${id}"></was-this-helpful></article>`,
      { script: BUNDLE },
    );
    await waitUntil(() => view(page.element()).summary === '90% of readers found this helpful');
    view(page.element()).yes.click();
    await waitUntil(async () => (await endpoint.requests()).some((request) => request.method === 'POST'));
    page.close();
  });

  it('leaves lit external in the npm entry, so bundler users get one copy of Lit', async () => {
    // The entry and the modules it imports (the shared module of the entry, /element and /define).
    const entry = await (await fetch('/dist/was-this-helpful.js')).text();
    const imported = [...entry.matchAll(/(?:from|import)\s*["']\.\/([^"']+)["']/g)].map((match) => match[1]);
    const sources = [
      entry,
      ...(await Promise.all(imported.map(async (file) => (await fetch(`/dist/${file}`)).text()))),
    ];
    expect(sources.some((source) => /from\s*["']lit["']/.test(source))).to.equal(true);
    expect(
      sources.some((source) => source.includes('ShadyCSS')),
      'Lit itself is bundled in',
    ).to.equal(false);
  });
});
