/**
 * The files of `--static DIR`, as an outside probe attacked them (issue 12): Range headers, every method,
 * symlinks out of the folder, dotfiles, the database beside the files, OPTIONS on a kept-alive connection,
 * a file that changes while the server runs. Against the real `was-this-helpful serve` process.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import {
  appendFileSync,
  closeSync,
  mkdirSync,
  mkdtempSync,
  openSync,
  symlinkSync,
  truncateSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { parseResponses, sendRaw } from './support/raw-http.mjs';
import { CLI, startServer, tempDb } from './support/server-process.mjs';

const SCRIPT = `export const text = ${JSON.stringify('was this helpful? '.repeat(400))};\n`;
const INDEX = '<!doctype html><h1>demo</h1>';

/** A folder as a careless deployment might leave it, and a secret beside it. */
function siteWithTraps() {
  const outside = mkdtempSync(join(tmpdir(), 'wth-outside-'));
  writeFileSync(join(outside, 'secret.txt'), 'the secret outside the folder');
  const site = mkdtempSync(join(tmpdir(), 'wth-site-'));
  writeFileSync(join(site, 'index.html'), INDEX);
  writeFileSync(join(site, 'app.js'), SCRIPT);
  writeFileSync(join(site, 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]));
  writeFileSync(join(site, 'notes.unknown-extension'), 'plain bytes');
  mkdirSync(join(site, 'guide'));
  writeFileSync(join(site, 'guide', 'index.html'), '<h1>guide</h1>');
  writeFileSync(join(site, 'guide', 'style.css'), 'body { color: black }');
  // Dotfiles, at the top and deeper down.
  writeFileSync(join(site, '.env'), 'DATABASE_URL=postgres://user:password@db/votes');
  mkdirSync(join(site, '.git'));
  writeFileSync(join(site, '.git', 'config'), '[remote "origin"]\n\turl = https://token@example.org/repo.git');
  writeFileSync(join(site, 'guide', '.htpasswd'), 'admin:secret');
  mkdirSync(join(site, '.well-known'));
  writeFileSync(join(site, '.well-known', 'hidden.txt'), 'in a dot folder');
  // Symlinks: out of the folder, to the root, into a dot folder, and within the folder.
  symlinkSync('/etc/passwd', join(site, 'passwd'));
  symlinkSync('/', join(site, 'root'));
  symlinkSync(outside, join(site, 'outside'));
  symlinkSync(join(outside, 'secret.txt'), join(site, 'secret.txt'));
  symlinkSync('../' + outside.split('/').pop() + '/secret.txt', join(site, 'relative-secret.txt'));
  symlinkSync('.env', join(site, 'env.txt'));
  symlinkSync('.git', join(site, 'git'));
  symlinkSync('app.js', join(site, 'same-app.js'));
  symlinkSync('guide', join(site, 'handbook'));
  symlinkSync('.', join(site, 'loop'));
  symlinkSync('no-such-file', join(site, 'dangling.txt'));
  return site;
}

const port = (server) => Number(new URL(server.url).port);

/** Sends raw request bytes on one connection and parses every answer. */
async function exchange(server, bytes, options) {
  const result = await sendRaw(port(server), Buffer.from(bytes, 'latin1'));
  assert.ok(!result.error, result.error);
  return parseResponses(result.bytes, options);
}

const request = (method, target, headers = {}) =>
  `${method} ${target} HTTP/1.1\r\nHost: x\r\n${Object.entries({ ...headers })
    .map(([name, value]) => `${name}: ${value}\r\n`)
    .join('')}Connection: close\r\n\r\n`;

function assertJsonError(response, status, context) {
  assert.equal(response.status, status, context);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json(;|$)/, context);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', context);
  assert.equal(typeof JSON.parse(response.body.toString()).error, 'string', context);
}

describe('the files of --static', () => {
  let server;
  before(async () => {
    server = await startServer(['--db', tempDb(), '--static', siteWithTraps()]);
  });
  after(() => server.stop());

  it('serves each file with the type of its extension, a directory by its index.html', async () => {
    const cases = [
      ['/', 'text/html; charset=utf-8', INDEX],
      ['/index.html', 'text/html; charset=utf-8', INDEX],
      ['/app.js', 'text/javascript; charset=utf-8', SCRIPT],
      ['/guide/', 'text/html; charset=utf-8', '<h1>guide</h1>'],
      ['/guide', 'text/html; charset=utf-8', '<h1>guide</h1>'],
      ['/guide/style.css', 'text/css; charset=utf-8', 'body { color: black }'],
      ['/logo.png', 'image/png', undefined],
      ['/notes.unknown-extension', 'application/octet-stream', 'plain bytes'],
      ['/app.js?v=3', 'text/javascript; charset=utf-8', SCRIPT],
      ['/%61pp.js', 'text/javascript; charset=utf-8', SCRIPT],
    ];
    for (const [path, type, text] of cases) {
      const response = await fetch(`${server.url}${path}`);
      assert.equal(response.status, 200, path);
      assert.equal(response.headers.get('content-type'), type, path);
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff', path);
      const body = Buffer.from(await response.arrayBuffer());
      if (text !== undefined) assert.equal(body.toString(), text, path);
    }
  });

  it('takes a request target in absolute form, as HTTP asks', async () => {
    const [response] = await exchange(server, request('GET', 'http://x/guide/style.css'));
    assert.equal(response.status, 200);
    assert.equal(response.body.toString(), 'body { color: black }');
  });

  it('answers every form of Range with the whole file, 200, and no error on the server', async () => {
    for (const range of [
      'bytes=10-5',
      'bytes=999999-',
      'bytes=999999-1000000',
      'bytes=-100',
      'bytes=0-9',
      'bytes=abc',
      'bytes=0-1,5-9',
      'bytes=-',
      'items=0-9',
      'bytes=0-0,-1',
      `bytes=${'1-2,'.repeat(500)}3-4`,
    ]) {
      const [response] = await exchange(server, request('GET', '/app.js', { Range: range }));
      assert.equal(response.status, 200, range);
      assert.equal(response.headers.get('content-range'), undefined, range);
      assert.equal(Number(response.headers.get('content-length')), Buffer.byteLength(SCRIPT), range);
      assert.equal(response.body.toString(), SCRIPT, range);
    }
    assert.equal(server.stderr(), '');
  });

  it('answers only GET and HEAD (and OPTIONS): any other method gets a JSON 405 with Allow', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'PROPFIND', 'TRACE', 'LOCK', 'PURGE']) {
      for (const path of ['/app.js', '/', '/guide/']) {
        const [response] = await exchange(
          server,
          `${method} ${path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`,
        );
        assertJsonError(response, 405, `${method} ${path}`);
        assert.equal(response.headers.get('allow'), 'GET, HEAD, OPTIONS', `${method} ${path}`);
      }
    }
    const [head] = await exchange(server, request('HEAD', '/app.js'), { headOnly: true });
    assert.equal(head.status, 200);
    assert.equal(Number(head.headers.get('content-length')), Buffer.byteLength(SCRIPT));
    assert.equal(head.body.length, 0);
  });

  it('answers OPTIONS with 204 and no body, so that the next answer on the connection is read as itself', async () => {
    const bytes = `OPTIONS /app.js HTTP/1.1\r\nHost: x\r\n\r\nGET /index.html HTTP/1.1\r\nHost: x\r\n\r\nOPTIONS / HTTP/1.1\r\nHost: x\r\n\r\n${request('GET', '/guide/style.css')}`;
    const answers = await exchange(server, bytes);
    assert.deepEqual(
      answers.map((answer) => answer.status),
      [204, 200, 204, 200],
    );
    for (const options of [answers[0], answers[2]]) {
      assert.equal(options.headers.get('allow'), 'GET, HEAD, OPTIONS');
      assert.equal(options.headers.get('content-length'), undefined);
      assert.equal(options.headers.get('transfer-encoding'), undefined);
    }
    assert.equal(answers[1].body.toString(), INDEX);
    assert.equal(answers[3].body.toString(), 'body { color: black }');
  });

  it('never serves a dotfile, at any depth', async () => {
    for (const path of [
      '/.env',
      '/.git/config',
      '/.git/',
      '/guide/.htpasswd',
      '/.well-known/hidden.txt',
      '/%2eenv',
      '/.%65nv',
      '/guide/%2Ehtpasswd',
    ]) {
      const [response] = await exchange(server, request('GET', path));
      assertJsonError(response, 404, path);
    }
  });

  it('never follows a symlink out of the folder, or into a dotfile', async () => {
    for (const path of [
      '/passwd',
      '/root/etc/passwd',
      '/outside/secret.txt',
      '/secret.txt',
      '/relative-secret.txt',
      '/env.txt',
      '/git/config',
      '/dangling.txt',
    ]) {
      const [response] = await exchange(server, request('GET', path));
      assertJsonError(response, 404, path);
      assert.doesNotMatch(response.body.toString(), /root:|secret|password/, path);
    }
  });

  it('follows a symlink that stays inside the folder', async () => {
    assert.equal(await (await fetch(`${server.url}/same-app.js`)).text(), SCRIPT);
    assert.equal(await (await fetch(`${server.url}/handbook/style.css`)).text(), 'body { color: black }');
  });

  it('never reads a path out of the folder with dot segments, encoded or not', async () => {
    for (const path of [
      '/../../etc/passwd',
      '/..%2f..%2fetc%2fpasswd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/guide/../../etc/passwd',
      '/guide/..%5c..%5cetc%5cpasswd',
    ]) {
      const [response] = await exchange(server, request('GET', path));
      assert.ok([400, 404].includes(response.status), `${path}: ${response.status}`);
      assertJsonError(response, response.status, path);
    }
  });

  it('sends a strong ETag per representation and answers If-None-Match with 304', async () => {
    const [plain] = await exchange(server, request('GET', '/app.js'));
    const [zipped] = await exchange(server, request('GET', '/app.js', { 'Accept-Encoding': 'gzip, deflate, br' }));
    const tag = plain.headers.get('etag');
    const zippedTag = zipped.headers.get('etag');
    assert.match(tag, /^"[^"]+"$/);
    assert.match(zippedTag, /^"[^"]+"$/);
    assert.notEqual(tag, zippedTag);
    assert.equal(zipped.headers.get('content-encoding'), 'gzip');
    assert.equal(gunzipSync(zipped.body).toString(), SCRIPT);
    for (const response of [plain, zipped]) assert.equal(response.headers.get('vary'), 'Accept-Encoding');

    for (const [header, encoding, status] of [
      [tag, undefined, 304],
      [`W/${tag}`, undefined, 304],
      [`"other", ${tag}`, undefined, 304],
      ['*', undefined, 304],
      [zippedTag, 'gzip', 304],
      [zippedTag, undefined, 200],
      ['"other"', undefined, 200],
    ]) {
      const [response] = await exchange(
        server,
        request('GET', '/app.js', { 'If-None-Match': header, ...(encoding ? { 'Accept-Encoding': encoding } : {}) }),
      );
      assert.equal(response.status, status, `${header} ${encoding}`);
      if (status === 304) {
        assert.equal(response.body.length, 0);
        assert.equal(response.headers.get('etag'), encoding ? zippedTag : tag);
      }
    }
  });

  it('gzips only for a client that accepts gzip', async () => {
    for (const [header, gzip] of /** @type {Array<[string, boolean]>} */ ([
      ['gzip', true],
      ['GZIP;q=0.5', true],
      ['*', true],
      ['gzip;q=0', false],
      ['deflate, br', false],
      ['identity', false],
      ['*, gzip;q=0', false],
      ['gzip;q=abc', false],
    ])) {
      const [response] = await exchange(server, request('GET', '/app.js', { 'Accept-Encoding': header }));
      assert.equal(response.headers.get('content-encoding'), gzip ? 'gzip' : undefined, header);
    }
    // An image is already compressed: one representation, nothing to vary.
    const [image] = await exchange(server, request('GET', '/logo.png', { 'Accept-Encoding': 'gzip' }));
    assert.equal(image.headers.get('content-encoding'), undefined);
    assert.equal(image.headers.get('vary'), undefined);
  });

  it('leaves the API to the API', async () => {
    const answer = await fetch(`${server.url}/api/votes?item=x`);
    assert.deepEqual(await answer.json(), { items: [{ id: 'x', yes: 0, no: 0 }] });
    assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    const [notFile] = await exchange(server, request('POST', '/not-a-file.html'));
    assertJsonError(notFile, 404, 'POST to no file');
  });
});

describe('files as read at start', () => {
  it('serves a file as it was when the server started, with a Content-Length that matches what is sent', async () => {
    const site = mkdtempSync(join(tmpdir(), 'wth-site-'));
    writeFileSync(join(site, 'growing.txt'), 'first line\n');
    const server = await startServer(['--db', tempDb(), '--static', site]);
    try {
      appendFileSync(join(site, 'growing.txt'), 'a line written after the start\n'.repeat(1000));
      writeFileSync(join(site, 'later.html'), 'written after the start');
      const [response] = await exchange(server, request('GET', '/growing.txt'));
      assert.ok(response.body.toString() === 'first line\n', `${response.body.length} bytes sent`);
      assert.equal(Number(response.headers.get('content-length')), response.body.length);
      assert.equal((await fetch(`${server.url}/later.html`)).status, 404);
    } finally {
      await server.stop();
    }
  });
});

/** Runs `was-this-helpful serve` in `cwd`; a server that starts when it should refuse is killed after 5 s. */
function serveIn(cwd, args) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    cwd,
    env: { ...process.env, DATABASE_URL: '' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  return new Promise((resolve) =>
    child.on('exit', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: signal ? `still running (${stdout.trim()})` : code, stderr });
    }),
  );
}

describe('the database and the folder', () => {
  it('refuses --static . beside the default ./helpful.sqlite, whether the database exists yet or not', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'wth-cwd-'));
    writeFileSync(join(folder, 'index.html'), INDEX);
    const fresh = await serveIn(folder, ['--static', '.']);
    assert.equal(fresh.code, 2);
    assert.match(fresh.stderr, /^was-this-helpful: --db \.\/helpful\.sqlite is inside --static \.[^\n]*\n$/);
    closeSync(openSync(join(folder, 'helpful.sqlite'), 'w'));
    writeFileSync(join(folder, 'helpful.sqlite-wal'), '');
    const existing = await serveIn(folder, ['--static', '.']);
    assert.equal(existing.code, 2);
    assert.match(existing.stderr, /is inside --static/);
  });

  it('refuses a database deeper in the folder, or reached through a symlink of it, or in a dot folder of it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'wth-cwd-'));
    mkdirSync(join(parent, 'site', 'data'), { recursive: true });
    mkdirSync(join(parent, 'site', '.data'));
    symlinkSync(join(parent, 'site'), join(parent, 'site-link'));
    for (const [folder, db] of [
      ['site', 'site/data/votes.sqlite'],
      ['site-link', 'site/votes.sqlite'],
      ['site', 'site-link/data/votes.sqlite'],
      [join(parent, 'site'), 'site/.data/votes.sqlite'],
      ['site', 'site/no-such-folder/votes.sqlite'],
    ]) {
      const { code, stderr } = await serveIn(parent, ['--static', folder, '--db', db]);
      assert.equal(code, 2, `${folder} ${db}`);
      assert.match(stderr, /is inside --static/, `${folder} ${db}`);
    }
  });

  it('starts with the database beside the folder, not in it', async () => {
    const parent = mkdtempSync(join(tmpdir(), 'wth-cwd-'));
    mkdirSync(join(parent, 'site'));
    writeFileSync(join(parent, 'site', 'index.html'), INDEX);
    const server = await startServer(['--static', join(parent, 'site'), '--db', join(parent, 'site.sqlite')]);
    try {
      assert.equal(await (await fetch(`${server.url}/`)).text(), INDEX);
      assert.equal((await fetch(`${server.url}/../site.sqlite`)).status, 404);
    } finally {
      await server.stop();
    }
  });
});

describe('the size of the folder', () => {
  it('refuses to start, with one clear line, when the files pass 64 MiB together', async () => {
    const site = mkdtempSync(join(tmpdir(), 'wth-site-'));
    writeFileSync(join(site, 'index.html'), INDEX);
    // Sparse: the size is what counts, and it is refused before a byte of it is read.
    closeSync(openSync(join(site, 'video.mp4'), 'w'));
    truncateSync(join(site, 'video.mp4'), 64 * 1024 * 1024);
    const { code, stderr } = await serveIn(site, ['--static', '.', '--db', tempDb()]);
    assert.equal(code, 2);
    assert.match(
      stderr,
      /^was-this-helpful: --static \.: the files come to [\d,]+ bytes, over the limit of 67,108,864[^\n]*\n$/,
    );
  });

  it('refuses to start when the folder holds more than 10,000 files', async () => {
    const site = mkdtempSync(join(tmpdir(), 'wth-site-'));
    for (let n = 0; n < 101; n++) {
      mkdirSync(join(site, `d${n}`));
      for (let m = 0; m < 100; m++) writeFileSync(join(site, `d${n}`, `${m}.txt`), '');
    }
    const { code, stderr } = await serveIn(site, ['--static', '.', '--db', tempDb()]);
    assert.equal(code, 2);
    assert.match(stderr, /^was-this-helpful: --static \.: more than 10,000 files[^\n]*\n$/);
  });
});
