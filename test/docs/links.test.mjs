import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, it } from 'node:test';

// Every document a reader can reach from the README, and every link between them, must lead somewhere.
const documents = [
  'README.md',
  'CONTRIBUTING.md',
  'SECURITY.md',
  'BENCHMARKS.md',
  ...readdirSync('docs')
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/${file}`),
  ...readdirSync('docs/recipes')
    .filter((file) => file.endsWith('.md'))
    .map((file) => `docs/recipes/${file}`),
];
const links = (file) => [...readFileSync(file, 'utf8').matchAll(/\]\(([^)\s]+)\)/g)].map((match) => match[1]);
const { files: packaged } = JSON.parse(readFileSync('package.json', 'utf8'));

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
const anchor = (heading) =>
  heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');

describe('the docs', () => {
  it('link the README to every page in docs/, and the recipes index to every recipe', () => {
    const fromReadme = new Set(links('README.md'));
    for (const file of documents.filter((doc) => /^docs\/[^/]+$/.test(doc)))
      assert.ok(fromReadme.has(file), `README.md does not link ${file}`);
    assert.ok(fromReadme.has('docs/recipes/README.md'), 'README.md does not link docs/recipes/README.md');
    const fromIndex = new Set(links('docs/recipes/README.md'));
    for (const file of documents.filter((doc) => doc.startsWith('docs/recipes/') && !doc.endsWith('/README.md')))
      assert.ok(fromIndex.has(file.slice('docs/recipes/'.length)), `docs/recipes/README.md does not link ${file}`);
  });

  for (const file of documents) {
    it(`${file}: every relative link and anchor leads to something`, () => {
      for (const link of links(file).filter((target) => !/^[a-z]+:/.test(target))) {
        const [path, hash] = link.split('#');
        const target = path ? join(dirname(file), path) : file;
        assert.ok(existsSync(target), `${file} links ${link}, which does not exist`);
        if (hash && target.endsWith('.md')) {
          const headings = [...readFileSync(target, 'utf8').matchAll(/^#+ (.+)$/gm)].map((match) => anchor(match[1]));
          assert.ok(headings.includes(hash), `${file} links ${link}, a heading ${target} does not have`);
        }
      }
    });
  }

  it("show the README's pictures from the published package, so that the registry's page shows them", () => {
    const pictures = [...readFileSync('README.md', 'utf8').matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map(
      (match) => match[1],
    );
    assert.ok(pictures.length > 0);
    for (const picture of pictures) {
      const path = /^https:\/\/cdn\.jsdelivr\.net\/npm\/was-this-helpful-widget\/(.+)$/.exec(picture)?.[1];
      assert.ok(path, `${picture} is not served from the package on the CDN`);
      assert.ok(existsSync(path), `${path} does not exist`);
      assert.ok(
        packaged.some((entry) => path.startsWith(`${entry}/`)),
        `${path} is not in the package's files`,
      );
    }
  });
});
