/**
 * The packed package in the frameworks a site is built with (issue 17, part 1): a React 19, a React 18 and a
 * Vue 3 app built with Vite from the tarball `npm pack` makes, rendered in Chromium against the real server;
 * React rendered on the server first and hydrated; `tsc` on React's and Preact's JSX and `vue-tsc` on Vue
 * SFCs. The frameworks come from this repository's devDependencies (React 18 from test/frameworks/react-18),
 * linked into each test project, so that no network is needed beyond `npm ci`.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.mjs';
import { startServer, tempDb } from '../server/support/server-process.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const APPS = fileURLToPath(new URL('./apps', import.meta.url));
const MODULES = join(ROOT, 'node_modules');
const REACT_18 = join(ROOT, 'test/frameworks/react-18/node_modules');
const VITE = join(MODULES, 'vite/bin/vite.js');
const TSC = join(MODULES, 'typescript/bin/tsc');
const VUE_TSC = join(MODULES, 'vue-tsc/bin/vue-tsc.js');

const work = mkdtempSync(join(tmpdir(), 'wth-frameworks-'));
const site = join(work, 'site');

/** `node file args` in `cwd`; throws with the output when it fails. */
const node = (cwd, file, args) =>
  execFileSync(process.execPath, [file, ...args], { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
/** `node file args` in `cwd`: its exit status and its output, for the checks that must fail. */
const tryNode = (cwd, file, args) => {
  const { status, stdout, stderr } = spawnSync(process.execPath, [file, ...args], { cwd, encoding: 'utf8' });
  return { status, output: stdout + stderr };
};

/** The tarball, made from this checkout's build (`npm test` builds first) without building again. */
function pack() {
  const output = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', work], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  return join(work, JSON.parse(output)[0].filename);
}

/**
 * A project in `work/name`: the packed package unpacked into its node_modules, `modules` (name → folder)
 * linked beside it, and the app's files from test/frameworks/apps/`app` in `app/`.
 */
function project(name, tarball, app, modules) {
  const folder = join(work, name);
  const installed = join(folder, 'node_modules/was-this-helpful-widget');
  mkdirSync(installed, { recursive: true });
  execFileSync('tar', ['-xzf', tarball, '-C', installed, '--strip-components=1']);
  // Copied, not linked: its types import React's, which must be this project's React (18 or 19).
  cpSync(join(MODULES, '@lit/react'), join(folder, 'node_modules/@lit/react'), { recursive: true });
  for (const [module, target] of Object.entries(modules)) {
    mkdirSync(dirname(join(folder, 'node_modules', module)), { recursive: true });
    symlinkSync(target, join(folder, 'node_modules', module));
  }
  cpSync(join(APPS, app), join(folder, 'app'), { recursive: true });
  return folder;
}

/** What every app needs: Lit, the package's dependency, with the packages npm installs beside it. */
const LIT = Object.fromEntries(
  ['lit', 'lit-html', 'lit-element', '@lit/reactive-element'].map((name) => [name, join(MODULES, name)]),
);
const react = (modules) => ({
  ...LIT,
  react: join(modules, 'react'),
  'react-dom': join(modules, 'react-dom'),
  '@types/react': join(modules, '@types/react'),
  '@types/react-dom': join(modules, '@types/react-dom'),
  '@vitejs/plugin-react': join(MODULES, '@vitejs/plugin-react'),
});

/**
 * Builds the React app in `folder` for the browser (under /`name`/) and for the server, and writes the
 * server's HTML into the page, as a site rendered on the server does.
 */
function buildReact(folder, name) {
  writeFileSync(
    join(folder, 'vite.config.mjs'),
    `import react from '@vitejs/plugin-react';
    export default { root: 'app', base: '/${name}/', plugins: [react()], logLevel: 'error' };`,
  );
  const out = join(site, name);
  node(folder, VITE, ['build', '--outDir', out, '--emptyOutDir']);
  node(folder, VITE, ['build', '--ssr', 'server.tsx', '--outDir', join(folder, 'ssr')]);
  const rendered = execFileSync(
    process.execPath,
    ['--input-type=module', '-e', "import { render } from './ssr/server.mjs'; process.stdout.write(render());"],
    { cwd: folder, encoding: 'utf8' },
  );
  const page = join(out, 'index.html');
  writeFileSync(page, readFileSync(page, 'utf8').replace('<!--app-->', rendered));
  return rendered;
}

/** `tsc` on the React app's files, strictly, with the project's React types. */
const tscReact = (folder) =>
  tryNode(folder, TSC, [
    '--noEmit',
    '--strict',
    '--jsx',
    'react-jsx',
    '--module',
    'preserve',
    '--moduleResolution',
    'bundler',
    '--allowImportingTsExtensions',
    '--target',
    'es2022',
    '--lib',
    'es2022,dom,dom.iterable',
    '--types',
    'react,react-dom',
    'app/app.tsx',
    'app/main.tsx',
    'app/server.tsx',
  ]);

const VUE_COMPILER_OPTIONS = {
  strict: true,
  target: 'es2022',
  module: 'preserve',
  moduleResolution: 'bundler',
  lib: ['es2022', 'dom'],
  noEmit: true,
};

const counts = async (url, item) =>
  (await (await fetch(`${url}/api/votes?item=${encodeURIComponent(item)}`)).json()).items[0];

describe('the packed package in React, Vue and Preact apps', () => {
  let server;
  let browser;
  const builds = {};

  before(async () => {
    const tarball = pack();
    builds.react19 = project('react19', tarball, 'react', react(MODULES));
    builds.react18 = project('react18', tarball, 'react', react(REACT_18));
    builds.vue = project('vue', tarball, 'vue', {
      ...LIT,
      vue: join(MODULES, 'vue'),
      '@vitejs/plugin-vue': join(MODULES, '@vitejs/plugin-vue'),
    });
    builds.preact = project('preact', tarball, 'preact', { ...LIT, preact: join(MODULES, 'preact') });
    builds.ssr = { react19: buildReact(builds.react19, 'react19'), react18: buildReact(builds.react18, 'react18') };
    writeFileSync(
      join(builds.vue, 'vite.config.mjs'),
      `import vue from '@vitejs/plugin-vue';
      export default {
        root: 'app',
        base: '/vue/',
        logLevel: 'error',
        plugins: [vue({ template: { compilerOptions: { isCustomElement: (tag) => tag === 'was-this-helpful' } } })],
      };`,
    );
    node(builds.vue, VITE, ['build', '--outDir', join(site, 'vue'), '--emptyOutDir']);
    server = await startServer(['--db', tempDb(), '--static', site]);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  for (const [name, major] of [
    ['react19', '19'],
    ['react18', '18'],
  ]) {
    describe(`React ${major}`, () => {
      const [wrapperId, tagId] = [`react${major}-wrapper`, `react${major}-tag`];
      it('type-checks the tag and the wrapper in TSX, and refuses wrong attributes and event details', () => {
        const { status, output } = tscReact(builds[name]);
        assert.equal(status, 0, output);
      });

      it('renders on the server without throwing: the tag, its attributes and the fallback inside', () => {
        const html = builds.ssr[name];
        assert.match(html, /<was-this-helpful id="wrapper"[^>]*><a href="\/feedback">Tell us/);
        assert.ok(
          html.includes(`<was-this-helpful id="tag" endpoint="/api/votes" item-id="${tagId}" yes-label="Yep"`),
          html,
        );
      });

      it('shows the fallback until the element loads, then the widget, hydrated without a mismatch', async () => {
        const page = await browser.newPage();
        const problems = [];
        page.on('console', (message) => message.type() === 'error' && problems.push(message.text()));
        page.on('pageerror', (error) => problems.push(error.message));
        /** @type {(value?: unknown) => void} */
        let release = () => {};
        const held = new Promise((resolve) => (release = resolve));
        await page.route(/\/assets\/.*\.js$/, async (route) => (await held, route.continue()));
        // Not to DOMContentLoaded, which waits for the held module script.
        await page.goto(`${server.url}/${name}/`, { waitUntil: 'commit' });
        const fallback = page.locator('#wrapper > a');
        await fallback.waitFor();
        assert.equal(await fallback.isVisible(), true, 'the fallback is shown before the script runs');
        assert.equal(await page.evaluate(() => customElements.get('was-this-helpful')), undefined);
        release();
        await page.locator('#wrapper').getByRole('button', { name: 'Yes' }).waitFor();
        assert.equal(await fallback.isVisible(), false, 'the widget replaced the fallback');
        assert.match(await page.locator('#react-version').textContent(), new RegExp(`^${major}\\.`));
        assert.deepEqual(problems, []);
        await page.close();
      });

      it('sets the properties and attributes, and calls the handlers when the reader votes', async () => {
        const page = await browser.newPage();
        await page.goto(`${server.url}/${name}/`);
        const wrapper = page.locator('#wrapper');
        await wrapper.getByRole('group', { name: 'Did the wrapper help?' }).waitFor();
        assert.deepEqual(await wrapper.evaluate((element) => [element.itemId, element.endpoint, element.minVotes]), [
          wrapperId,
          '/api/votes',
          2,
        ]);
        await wrapper.getByRole('button', { name: 'Yes' }).click();
        await page.locator('#log', { hasText: `wrapper:${wrapperId}:yes` }).waitFor();
        await expectCounts(server.url, wrapperId, 1);
        await page.locator('#log', { hasText: 'counts:1' }).waitFor();

        const tag = page.locator('#tag');
        assert.deepEqual(await tag.evaluate((element) => [element.itemId, element.minVotes]), [tagId, 1]);
        await tag.getByRole('button', { name: 'Yep' }).click();
        await expectCounts(server.url, tagId, 1);
        // React 19 attaches the listener prop to the element; React 18 leaves events to the wrapper.
        if (major === '19') await page.locator('#log', { hasText: 'tag:yes' }).waitFor();
        await page.close();
      });
    });
  }

  describe('Vue 3', () => {
    it('type-checks the SFC with vue-tsc', () => {
      writeFileSync(
        join(builds.vue, 'tsconfig.json'),
        JSON.stringify({
          compilerOptions: VUE_COMPILER_OPTIONS,
          include: ['app/main.ts', 'app/App.vue'],
        }),
      );
      const { status, output } = tryNode(builds.vue, VUE_TSC, ['-p', 'tsconfig.json']);
      assert.equal(status, 0, output);
    });

    it('refuses a wrong attribute value and a handler for another event detail', () => {
      writeFileSync(
        join(builds.vue, 'tsconfig.wrong.json'),
        JSON.stringify({
          compilerOptions: VUE_COMPILER_OPTIONS,
          include: ['app/Wrong.vue'],
        }),
      );
      const { status, output } = tryNode(builds.vue, VUE_TSC, ['-p', 'tsconfig.wrong.json']);
      assert.notEqual(status, 0);
      const errors = output.split('\n').filter((line) => /^app\/Wrong\.vue\(\d+,\d+\): error/.test(line));
      assert.equal(errors.length, 3, output);
      assert.match(errors[0], /'"sometimes"' is not assignable to type '"eager" \| "lazy" \| undefined'/);
      assert.match(errors[1], /'\{ two: number; \}' is not assignable to type 'string \| number \| undefined'/);
      assert.match(errors[2], /CustomEvent<HelpfulVoteDetail>/);
    });

    it('passes attributes, a bound attribute and a property, and calls the listener when the reader votes', async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}/vue/`);
      const element = page.locator('#attributes');
      await element.getByRole('group', { name: 'Did Vue help?' }).waitFor();
      assert.deepEqual(
        await element.evaluate((it) => [it.itemId, it.endpoint, it.minVotes, it.getAttribute('min-votes')]),
        ['vue-item', '/api/votes', 2, '2'],
      );
      await element.getByRole('button', { name: 'No' }).click();
      await page.locator('#log', { hasText: 'vue:vue-item:no' }).waitFor();
      await expectCounts(server.url, 'vue-item', 0, 1);

      const property = page.locator('#property');
      assert.deepEqual(await property.evaluate((it) => [it.itemId, it.hasAttribute('item-id')]), [
        'vue-property',
        false,
      ]);
      await property.getByRole('button', { name: 'Yes' }).click();
      await expectCounts(server.url, 'vue-property', 1);
      await page.close();
    });
  });

  describe('Preact', () => {
    it("type-checks the tag in Preact's JSX, and refuses wrong attributes and event details", () => {
      const { status, output } = tryNode(builds.preact, TSC, [
        '--noEmit',
        '--strict',
        '--jsx',
        'react-jsx',
        '--jsxImportSource',
        'preact',
        '--module',
        'preserve',
        '--moduleResolution',
        'bundler',
        '--target',
        'es2022',
        '--lib',
        'es2022,dom',
        'app/check.tsx',
      ]);
      assert.equal(status, 0, output);
    });
  });
});

/** Waits until the server holds `yes` and `no` votes for `item` (the vote's POST may still be on its way). */
async function expectCounts(url, item, yes, no = 0) {
  const deadline = Date.now() + 5000;
  let last;
  while (Date.now() < deadline) {
    last = await counts(url, item);
    if (last.yes === yes && last.no === no) return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.deepEqual(last, { id: item, yes, no });
}
