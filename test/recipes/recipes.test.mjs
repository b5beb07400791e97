/**
 * The documentation-platform recipes (docs/recipes/, issue 17 part 2), as a site owner follows them: the files
 * are taken from each recipe's own code blocks (```lang file=path), put into a minimal site, built with the
 * real generator (VitePress and Astro from npm; Hugo, Jekyll, Sphinx and MkDocs Material from Debian), served by
 * `was-this-helpful serve --static` and voted on in Chromium: the vote must arrive under the page's id.
 * A generator that is not installed skips its test, loudly (under CI it fails: .ci/run installs them).
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { appendFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.mjs';
import { startServer, tempDb } from '../server/support/server-process.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const RECIPES = join(ROOT, 'docs/recipes');
const CI = Boolean(process.env.CI) && process.env.CI !== 'false';
const work = mkdtempSync(join(tmpdir(), 'wth-recipes-'));

/** The files a recipe gives: each code block whose info string names `file=path`, by path. */
export function recipeFiles(recipe) {
  const text = readFileSync(join(RECIPES, recipe), 'utf8');
  const files = new Map();
  for (const [, path, content] of text.matchAll(/^```\w+ file=(\S+)\n([\s\S]*?)^```$/gm)) files.set(path, content);
  assert.ok(files.size > 0, `${recipe} names no file`);
  return files;
}

/** A site folder with the recipe's files (and the test's own `extra` ones, the site's skeleton). */
function site(name, recipe, extra = {}) {
  const folder = join(work, name);
  const write = (path, content) => {
    mkdirSync(dirname(join(folder, path)), { recursive: true });
    writeFileSync(join(folder, path), content);
  };
  for (const [path, content] of recipe ? recipeFiles(recipe) : []) write(path, content);
  for (const [path, content] of Object.entries(extra)) write(path, content);
  return folder;
}

/** The bundle and its language modules, copied where the recipe's script tag looks for them. */
function copyBundle(folder) {
  mkdirSync(folder, { recursive: true });
  cpSync(join(ROOT, 'dist/was-this-helpful.bundle.js'), join(folder, 'was-this-helpful.bundle.js'));
  cpSync(join(ROOT, 'dist/strings'), join(folder, 'strings'), { recursive: true });
}

const installed = (command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
/** `false`, or why the test is skipped: `command` is not installed (outside CI, where it must be). */
const unless = (command, apt) => !CI && !installed(command) && `${command} is not installed (apt-get install ${apt})`;
const run = (command, args, cwd) => execFileSync(command, args, { cwd, encoding: 'utf8', stdio: 'pipe' });

let browser;
before(async () => {
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
});
after(async () => browser?.close());

/**
 * Serves `built` with the votes API, opens `path`, votes Yes and checks that the server counted it under
 * `itemId`: the recipe's script loaded, the element rendered and the page's id reached it.
 */
async function assertVotesArrive(built, path, itemId) {
  const server = await startServer(['--db', tempDb(), '--static', built]);
  const page = await browser.newPage();
  try {
    const problems = [];
    page.on('pageerror', (error) => problems.push(error.message));
    await page.goto(`${server.url}${path}`);
    const element = page.locator('was-this-helpful');
    assert.equal(await element.count(), 1, 'one widget on the page');
    assert.equal(await element.evaluate((it) => it.itemId ?? it.getAttribute('item-id')), itemId);
    const posted = page.waitForResponse((response) => response.request().method() === 'POST');
    await element.getByRole('button', { name: 'Yes' }).click();
    assert.equal((await posted).status(), 200);
    const counts = await (await fetch(`${server.url}/api/votes?item=${encodeURIComponent(itemId)}`)).json();
    assert.deepEqual(counts.items[0], { id: itemId, yes: 1, no: 0 });
    assert.deepEqual(problems, []);
  } finally {
    await page.close();
    await server.stop();
  }
}

describe('the documentation-platform recipes, built and voted on', () => {
  it('VitePress: the doc-after slot, with isCustomElement', async () => {
    const folder = site('vitepress', 'vitepress.md', {
      'index.md': '# Home\n\n[Install](./guide/install)\n',
      'guide/install.md': '# Install\n\nRun the installer.\n',
    });
    mkdirSync(join(folder, 'node_modules'));
    for (const name of ['vitepress', 'vue', 'was-this-helpful-widget'])
      symlinkSync(
        name === 'was-this-helpful-widget' ? ROOT : join(ROOT, 'node_modules', name),
        join(folder, 'node_modules', name),
      );
    run(process.execPath, [join(ROOT, 'node_modules/vitepress/bin/vitepress.js'), 'build', '.'], folder);
    const built = join(folder, '.vitepress/dist');
    assert.match(readFileSync(join(built, 'guide/install.html'), 'utf8'), /Run the installer/);
    await assertVotesArrive(built, '/guide/install.html', '/guide/install.html');
  });

  it('Hugo: a partial called from single.html', { skip: unless('hugo', 'hugo') }, async () => {
    const folder = site('hugo', 'hugo.md', {
      'hugo.toml': "baseURL = '/'\ndisableKinds = ['taxonomy', 'term', 'RSS', 'sitemap']\n",
      'layouts/_default/baseof.html':
        '<!doctype html><html lang="en"><title>{{ .Title }}</title><body>{{ block "main" . }}{{ end }}</body></html>\n',
      'layouts/_default/list.html': '{{ define "main" }}{{ .Content }}{{ end }}\n',
      'content/docs/install.md': '---\ntitle: Install\n---\nRun the installer.\n',
    });
    copyBundle(join(folder, 'static/was-this-helpful'));
    run('hugo', ['--quiet', '--destination', 'public'], folder);
    await assertVotesArrive(join(folder, 'public'), '/docs/install/', '/docs/install/');
  });

  it('Jekyll: an include in the page layout', { skip: unless('jekyll', 'jekyll') }, async () => {
    const folder = site('jekyll', 'jekyll.md', {
      '_config.yml': 'title: Test\n',
      '_layouts/default.html':
        '<!doctype html><html lang="en"><title>{{ page.title }}</title><body>{{ content }}</body></html>\n',
      'docs/install.md': '---\nlayout: page\ntitle: Install\n---\nRun the installer.\n',
    });
    copyBundle(join(folder, 'assets/was-this-helpful'));
    run('jekyll', ['build', '--quiet', '--destination', '_site'], folder);
    await assertVotesArrive(join(folder, '_site'), '/docs/install.html', '/docs/install.html');
  });

  it('Sphinx: the body block of page.html', { skip: unless('sphinx-build', 'python3-sphinx') }, async () => {
    const folder = site('sphinx', 'sphinx.md', {
      'index.rst': 'Home\n====\n\n.. toctree::\n\n   guide/install\n',
      'guide/install.rst': 'Install\n=======\n\nRun the installer.\n',
    });
    appendFileSync(join(folder, 'conf.py'), "project = 'Test'\nlanguage = 'en'\n");
    copyBundle(join(folder, '_static/was-this-helpful'));
    run('sphinx-build', ['-q', '-b', 'html', '.', '_build'], folder);
    await assertVotesArrive(join(folder, '_build'), '/guide/install.html', 'guide/install');
  });

  it('MkDocs Material: a template override', { skip: unless('mkdocs', 'mkdocs mkdocs-material') }, async () => {
    const folder = site('mkdocs', 'mkdocs.md', {
      'docs/index.md': '# Home\n',
      'docs/install.md': '# Install\n\nRun the installer.\n',
    });
    appendFileSync(join(folder, 'mkdocs.yml'), 'site_name: Test\n');
    copyBundle(join(folder, 'docs/assets/was-this-helpful'));
    run('mkdocs', ['build', '--quiet', '--site-dir', 'site'], folder);
    await assertVotesArrive(join(folder, 'site'), '/install/', '/install/');
  });

  it("Astro: the frameworks page's component, in a page", async () => {
    const folder = site('astro', '../frameworks.md', {
      'package.json': '{ "name": "site", "private": true, "type": "module" }',
      'src/pages/install.astro': `---
import Helpful from '../components/Helpful.astro';
---
<html lang="en"><head><title>Install</title></head><body><p>Run the installer.</p><Helpful slug="/install/" /></body></html>
`,
    });
    mkdirSync(join(folder, 'node_modules'));
    symlinkSync(join(ROOT, 'node_modules/astro'), join(folder, 'node_modules/astro'));
    symlinkSync(ROOT, join(folder, 'node_modules/was-this-helpful-widget'));
    run(process.execPath, [join(ROOT, 'node_modules/astro/astro.js'), 'build', '--silent'], folder);
    await assertVotesArrive(join(folder, 'dist'), '/install/', '/install/');
  });

  it('plain HTML: the page itself', async () => {
    const folder = site('plain', 'plain-html.md');
    copyBundle(join(folder, 'was-this-helpful'));
    await assertVotesArrive(folder, '/guide/install.html', '/guide/install.html');
  });

  it("WordPress: the Custom HTML block's markup, on a static page at the theme's path", async () => {
    const block = recipeFiles('wordpress.md').get('custom-html-block.html');
    const folder = site('wordpress', undefined, {
      'install/index.html': `<!doctype html><html lang="en"><title>Install</title><body><p>Run the installer.</p>\n${block}</body></html>`,
    });
    copyBundle(join(folder, 'wp-content/themes/my-child-theme/was-this-helpful'));
    await assertVotesArrive(folder, '/install/', '/install/');
  });
});
