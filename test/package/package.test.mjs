/**
 * The package as a site owner gets it from the registry: `npm pack` (which builds first, through `prepack`),
 * the tarball installed into an empty project, then used the three ways the README shows: the bundle by a
 * script tag, `import` in a bundler build (Vite), and `npx was-this-helpful-widget serve`, all in Chromium
 * against that installed server.
 */
import assert from 'node:assert/strict';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/support/chromium.mjs';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const NAME = 'was-this-helpful-widget';
/** The installed server's admin token (the report page is part of the package). */
const ADMIN_TOKEN = 'a-token-for-the-package-test-0123';
const npm = (args, cwd) => execFileSync('npm', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });

/** `npx was-this-helpful-widget serve …` in the project; resolves with its URL once it listens. */
function serveWithNpx(project, args) {
  // In a process group of its own: npx does not pass SIGTERM on to the server it started.
  const child = spawn('npx', ['--offline', NAME, 'serve', '--port', '0', ...args], {
    cwd: project,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const exited = new Promise((done) => child.once('exit', done));
  let output = '';
  child.stderr.on('data', (chunk) => (output += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`npx serve did not start within 30 s: ${output}`)), 30_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const url = /^listening on (http:\/\/\S+)\n/.exec(output)?.[1];
      if (!url) return;
      clearTimeout(timer);
      resolve({ url, stop: () => (process.kill(-child.pid, 'SIGTERM'), exited) });
    });
    child.once('exit', (code) => reject(new Error(`npx serve exited with ${code}: ${output}`)));
  });
}

const counts = async (url, item) =>
  (await (await fetch(`${url}/api/votes?item=${encodeURIComponent(item)}`)).json()).items[0];

describe('the packed package, installed in an empty project', () => {
  const project = mkdtempSync(join(tmpdir(), 'wth-package-'));
  const site = join(project, 'site');
  let files;
  let builtBeforePack;
  const packStarted = Date.now();
  let server;
  let browser;

  before(async () => {
    // The prepack build prints to the same stdout: the JSON is the last thing written, from a "[" line on.
    const output = npm(['pack', '--json', '--pack-destination', project], ROOT);
    const packed = JSON.parse(output.slice(output.lastIndexOf('\n[') + 1))[0];
    files = packed.files.map((file) => file.path);
    builtBeforePack = statSync(join(ROOT, 'dist/was-this-helpful.bundle.js')).mtimeMs < packStarted;
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'a-site', private: true, type: 'module' }));
    npm(['install', '--prefer-offline', '--no-audit', '--no-fund', join(project, packed.filename)], project);
    // The SQLite driver is the site owner's own install (`npm install better-sqlite3`); linked from this
    // checkout so that the test does not compile it again.
    symlinkSync(join(ROOT, 'node_modules/better-sqlite3'), join(project, 'node_modules/better-sqlite3'));

    // 1. The script tag, the way a CDN serves the package: its files under /npm/<name>/.
    const installed = join(project, 'node_modules', NAME);
    const { unpkg } = JSON.parse(readFileSync(join(installed, 'package.json'), 'utf8'));
    cpSync(installed, join(site, 'npm', NAME), { recursive: true });
    writeFileSync(
      join(site, 'cdn.html'),
      `<!doctype html><html lang="fr"><title>CDN</title>
      <script type="module" src="/npm/${NAME}/${unpkg.replace(/^\.\//, '')}"></script>
      <was-this-helpful endpoint="/api/votes" item-id="by-script-tag" loading="eager"></was-this-helpful>`,
    );

    // 2. A bundler build: Vite (this checkout's), resolving the package and Lit from the project.
    mkdirSync(join(project, 'app'));
    writeFileSync(
      join(project, 'app/index.html'),
      `<!doctype html><html lang="en"><title>App</title>
      <script type="module" src="./main.js"></script>
      <was-this-helpful endpoint="/api/votes" item-id="by-bundler" loading="eager"></was-this-helpful>`,
    );
    writeFileSync(
      join(project, 'app/main.js'),
      `import { WasThisHelpfulElement } from '${NAME}';
      window.imported = customElements.get('was-this-helpful') === WasThisHelpfulElement;`,
    );
    execFileSync(
      process.execPath,
      [
        join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        'app',
        '--base',
        '/app/',
        '--outDir',
        join(site, 'app'),
        '--logLevel',
        'error',
      ],
      { cwd: project },
    );

    // 3. The server, started the way the README says.
    server = await serveWithNpx(project, [
      '--db',
      join(project, 'votes.sqlite'),
      '--static',
      'site',
      '--admin-token',
      ADMIN_TOKEN,
    ]);
    browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });

  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('is built afresh when packed, so that a fresh clone packs its dist/ too', () => {
    assert.equal(builtBeforePack, false, 'npm pack did not run the build (prepack)');
  });

  it('holds the built files, the licence and the command, and nothing of the sources or tests', () => {
    for (const file of [
      'dist/was-this-helpful.bundle.js',
      'dist/was-this-helpful.js',
      'dist/strings/fr.js',
      'dist/follow-up.js',
      'dist/follow-up.bundle.js',
      'dist/types/index.d.ts',
      'dist/node/server/node/cli.js',
      'dist/report/report.html',
      'dist/report/report-page.js',
      'bin/was-this-helpful.js',
      'LICENSE',
      'README.md',
      'custom-elements.json',
    ]) {
      assert.ok(files.includes(file), `${file} is missing from the tarball`);
    }
    assert.deepEqual(
      files.filter((file) => /^(src|test|scripts|bench)\//.test(file)),
      [],
    );
  });

  it('prints its version', () => {
    const { version } = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    assert.equal(npm(['exec', '--offline', '--', NAME, '--version'], project).trim(), version);
  });

  it('types its events, its tag and its entry points for TypeScript users', () => {
    writeFileSync(
      join(project, 'typed.ts'),
      `
      import 'was-this-helpful-widget';
      import { WasThisHelpfulElement, type HelpfulVoteDetail } from 'was-this-helpful-widget/element';
      import 'was-this-helpful-widget/define';
      const element: WasThisHelpfulElement = document.createElement('was-this-helpful');
      element.addEventListener('helpful-vote', (event) => {
        const vote: 'yes' | 'no' | null = event.detail.vote;
        const detail: HelpfulVoteDetail = event.detail;
        return [vote, detail];
      });
      document.addEventListener('helpful-error', (event) => event.detail.error.kind === 'timeout' && event.detail.queued);
      document.body.addEventListener('helpful-counts', (event) => event.detail.yes + event.detail.no);
      // @ts-expect-error: the detail of helpful-vote has no such field
      element.addEventListener('helpful-vote', (event) => event.detail.votes);
    `,
    );
    const tsc = join(ROOT, 'node_modules/typescript/bin/tsc');
    const args = [
      '--noEmit',
      '--strict',
      '--skipLibCheck',
      '--module',
      'nodenext',
      '--moduleResolution',
      'nodenext',
      '--target',
      'es2022',
      '--lib',
      'es2022,dom',
      'typed.ts',
    ];
    const { status, stdout } = spawnSync(process.execPath, [tsc, ...args], { cwd: project, encoding: 'utf8' });
    assert.equal(status, 0, stdout);
  });

  it('serves the report page as installed, with no build step: the token asked, then the report', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}/report`);
    await page.getByLabel('Admin token').fill(ADMIN_TOKEN);
    await page.getByLabel('Admin token').press('Enter');
    await page.getByRole('heading', { name: 'Items' }).waitFor();
    await page
      .getByRole('status')
      .getByText(/with votes from/)
      .waitFor();
    await page.close();
  });

  for (const [way, path, item, choice] of [
    ['the bundle by a script tag, with a language module from beside it', '/cdn.html', 'by-script-tag', 'Oui'],
    ['an import in a bundler build', '/app/index.html', 'by-bundler', 'Yes'],
  ]) {
    it(`votes through ${way}`, async () => {
      const page = await browser.newPage();
      await page.goto(`${server.url}${path}`);
      const posted = page.waitForResponse((response) => response.request().method() === 'POST');
      await page.locator('was-this-helpful').getByRole('button', { name: choice }).click();
      assert.equal((await posted).status(), 200);
      assert.deepEqual(await counts(server.url, item), { id: item, yes: 1, no: 0 });
      if (item === 'by-bundler') assert.equal(await page.evaluate(() => window.imported), true);
      await page.close();
    });
  }
});
