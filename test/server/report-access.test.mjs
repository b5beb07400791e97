/**
 * Who may read the owner's report (CONTRACT.md section 6): `--admin-token` of at least 24 characters, a bearer
 * token compared in constant time, 401 with no hint, the lockout after 10 failures from one address (an IPv6
 * client's /64, the address behind trusted proxies), 404 without a token, `no-store` and never CORS. Against
 * the real server process, and the lockout's 15 minutes with a clock of the test's own.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createVotesApp } from '../../dist/node/server/index.js';
import { buildVotesApp } from '../../dist/node/server/http/votes-app.js';
import { SqliteStore } from '../../dist/node/server/stores/sqlite-store.js';
import { runCli, startServer, tempDb } from './support/server-process.mjs';

const TOKEN = 'correct-horse-battery-staple-42';
const ADMIN_PATHS = ['/report', '/report/', '/report/report-page.js', '/api/report', '/api/comments'];
const API_PATHS = ['/api/report', '/api/comments'];
const bearer = (token = TOKEN) => ({ Authorization: `Bearer ${token}` });

describe('serve --admin-token', () => {
  it('refuses a token shorter than 24 characters at start, in one line, with exit code 2', async () => {
    const short = 'x'.repeat(23);
    for (const { args, env, name } of [
      { args: ['--admin-token', short], env: {}, name: '--admin-token' },
      { args: [], env: { WAS_THIS_HELPFUL_ADMIN_TOKEN: short }, name: 'WAS_THIS_HELPFUL_ADMIN_TOKEN' },
    ]) {
      const result = await runCli(['serve', '--port', '0', '--db', tempDb(), ...args], env);
      assert.equal(result.code, 2, `${name}: ${result.stdout}`);
      assert.match(result.stderr, new RegExp(`^was-this-helpful: ${name} must be at least 24 characters long`));
      assert.equal(result.stderr.trim().split('\n').length, 1);
    }
  });

  it('refuses a token a browser could not send: white space or anything but printable ASCII', async () => {
    for (const token of ['a token with spaces in it, 24+', `${'x'.repeat(24)}é`, `${'x'.repeat(24)}\t`]) {
      const result = await runCli(['serve', '--port', '0', '--db', tempDb(), '--admin-token', token]);
      assert.equal(result.code, 2, JSON.stringify(token));
      assert.equal(
        result.stderr,
        'was-this-helpful: --admin-token must be printable ASCII without spaces (as openssl rand -base64 32 makes)\n',
      );
    }
  });

  it('takes a token of exactly 24 characters, from the environment too', async () => {
    const token = 'y'.repeat(24);
    const server = await startServer(['--db', tempDb()], { env: { WAS_THIS_HELPFUL_ADMIN_TOKEN: token } });
    try {
      assert.equal((await fetch(`${server.url}/api/comments`, { headers: bearer(token) })).status, 200);
    } finally {
      await server.stop();
    }
  });
});

describe('createVotesApp with an admin token', () => {
  it('refuses one shorter than 24 characters, and serves the report API with one that is not', async () => {
    const store = new SqliteStore(tempDb());
    try {
      assert.throws(() => createVotesApp({ store, adminToken: 'z'.repeat(23) }), {
        name: 'RangeError',
        message: 'The admin token must be at least 24 characters long',
      });
      const app = createVotesApp({ store, adminToken: 'z'.repeat(24) });
      const answer = await app.fetch(
        new Request('http://localhost/api/report', { headers: { Authorization: `Bearer ${'z'.repeat(24)}` } }),
      );
      assert.equal(answer.status, 200);
      assert.equal((await app.fetch(new Request('http://localhost/report'))).status, 404, 'no page off Node');
    } finally {
      await store.close();
    }
  });
});

describe('the admin paths without --admin-token', () => {
  let server;
  before(async () => (server = await startServer(['--db', tempDb()])));
  after(() => server.stop());

  it('are 404, token or not', async () => {
    for (const path of ADMIN_PATHS) {
      for (const headers of [{}, bearer()]) {
        const response = await fetch(`${server.url}${path}`, { headers });
        assert.equal(response.status, 404, path);
        assert.deepEqual(await response.json(), { error: 'Not found' });
      }
    }
  });
});

describe('the admin paths with --admin-token', () => {
  let server;
  before(
    async () =>
      (server = await startServer([
        '--db',
        tempDb(),
        '--admin-token',
        TOKEN,
        '--cors-origin',
        'https://docs.example.org',
        '--trust-proxy',
        '1',
      ])),
  );
  after(() => server.stop());
  let nextAddress = 1;
  /** A fresh client address for each test, so that one test's failures never lock out another's. */
  const freshAddress = () => `198.51.100.${nextAddress++}`;
  const get = (path, headers = {}, address = freshAddress()) =>
    fetch(`${server.url}${path}`, { headers: { 'X-Forwarded-For': address, ...headers } });

  it('answer the API with the right bearer token', async () => {
    for (const path of API_PATHS) {
      for (const authorization of [`Bearer ${TOKEN}`, `bearer ${TOKEN}`]) {
        const response = await get(path, { Authorization: authorization });
        assert.equal(response.status, 200, `${path} ${authorization}`);
        assert.equal(response.headers.get('Content-Type'), 'application/json');
      }
    }
  });

  it('refuse anything else with the same 401, WWW-Authenticate: Bearer and no hint', async () => {
    const refusals = [
      {},
      bearer('wrong-token-of-the-same-length'),
      bearer(`${TOKEN}x`),
      bearer(TOKEN.slice(0, -1)),
      bearer(''),
      { Authorization: TOKEN },
      { Authorization: `Basic ${Buffer.from(`admin:${TOKEN}`).toString('base64')}` },
      { Authorization: `Bearer ${TOKEN} ${TOKEN}` },
    ];
    for (const path of API_PATHS) {
      for (const headers of refusals) {
        const response = await get(path, headers);
        assert.equal(response.status, 401, `${path} ${JSON.stringify(headers)}`);
        assert.equal(response.headers.get('WWW-Authenticate'), 'Bearer');
        assert.deepEqual(await response.json(), { error: 'Unauthorized' });
      }
    }
  });

  it('serve the page and its script without the token (the page asks for it), under a strict policy', async () => {
    const page = await get('/report');
    assert.equal(page.status, 200);
    assert.equal(page.headers.get('Content-Type'), 'text/html; charset=utf-8');
    assert.equal(
      page.headers.get('Content-Security-Policy'),
      "default-src 'self'; require-trusted-types-for 'script'; frame-ancestors 'none'",
    );
    assert.match(await page.text(), /<script type="module" src="report\/report-page.js"><\/script>/);
    const script = await get('/report/report-page.js');
    assert.equal(script.status, 200);
    assert.equal(script.headers.get('Content-Type'), 'text/javascript; charset=utf-8');
    assert.match(await script.text(), /was-this-helpful-report/);
  });

  it('send /report/ (the address typed with a slash) to /report, where the relative path of the script works', async () => {
    const slash = await get('/report/', {}, freshAddress());
    const redirect = await fetch(`${server.url}/report/`, { redirect: 'manual' });
    assert.equal(redirect.status, 308);
    assert.equal(redirect.headers.get('Location'), '/report');
    assert.equal(redirect.headers.get('Cache-Control'), 'no-store');
    assert.equal(slash.status, 200);
    assert.equal(new URL(slash.url).pathname, '/report');
    assert.match(await slash.text(), /<script type="module" src="report\/report-page.js"><\/script>/);
  });

  it('are Cache-Control: no-store on every answer: 200, 400, 401, 405', async () => {
    const answers = [
      ...ADMIN_PATHS.map((path) => get(path, bearer())),
      get('/api/comments?vote=maybe', bearer()),
      get('/api/comments'),
      fetch(`${server.url}/api/comments`, {
        method: 'POST',
        headers: { ...bearer(), 'X-Forwarded-For': '203.0.113.9' },
      }),
    ];
    const statuses = [];
    for (const response of await Promise.all(answers)) {
      statuses.push(response.status);
      assert.equal(response.headers.get('Cache-Control'), 'no-store', `${response.url} ${response.status}`);
    }
    assert.deepEqual(statuses.slice(ADMIN_PATHS.length), [400, 401, 405]);
  });

  it('never carry CORS headers, for an allowed origin, any origin, or a preflight', async () => {
    const origins = ['https://docs.example.org', 'https://elsewhere.example'];
    for (const path of ADMIN_PATHS) {
      for (const origin of origins) {
        for (const method of ['GET', 'OPTIONS']) {
          const response = await fetch(`${server.url}${path}`, {
            method,
            headers: {
              ...bearer(),
              Origin: origin,
              'Access-Control-Request-Method': 'GET',
              'Access-Control-Request-Headers': 'authorization',
              'X-Forwarded-For': freshAddress(),
            },
          });
          const cors = [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
          assert.deepEqual(cors, [], `${method} ${path} from ${origin}`);
        }
      }
    }
    // The votes keep theirs: the server really was started with --cors-origin.
    const votes = await fetch(`${server.url}/api/votes?item=a`, { headers: { Origin: origins[0] } });
    assert.equal(votes.headers.get('Access-Control-Allow-Origin'), origins[0]);
  });

  it('refuse an address after 10 failed attempts with 429 and Retry-After, the right token and the page included', async () => {
    const address = '2001:db8:77:1::1';
    for (let attempt = 1; attempt <= 10; attempt++) {
      assert.equal(
        (await get('/api/report', bearer('a-wrong-token-for-guessing-1'), address)).status,
        401,
        `${attempt}`,
      );
    }
    // Another address of the same /64 is the same client.
    for (const path of ADMIN_PATHS) {
      const response = await get(path, bearer(), '2001:db8:77:1:ffff::2');
      assert.equal(response.status, 429, path);
      const wait = Number(response.headers.get('Retry-After'));
      assert.ok(wait > 890 && wait <= 900, `Retry-After: ${wait}`);
      assert.equal(response.headers.get('Cache-Control'), 'no-store');
      assert.match((await response.json()).error, /^Too many failed attempts from this address; try again in \d+ s$/);
    }
    // Another /64, and the votes, are not touched.
    assert.equal((await get('/api/comments', bearer(), '2001:db8:77:2::1')).status, 200);
    const votes = await fetch(`${server.url}/api/votes?item=a`, { headers: { 'X-Forwarded-For': address } });
    assert.equal(votes.status, 200);
  });

  it('count a failure per request: 9 failures still let the right token in', async () => {
    const address = freshAddress();
    for (let attempt = 1; attempt <= 9; attempt++) assert.equal((await get('/api/comments', {}, address)).status, 401);
    assert.equal((await get('/api/comments', bearer(), address)).status, 200);
    assert.equal((await get('/api/comments', {}, address)).status, 401);
    assert.equal((await get('/api/comments', bearer(), address)).status, 429);
  });
});

describe('the lockout, on a clock of the test', () => {
  let now = Date.parse('2026-12-02T12:00:00Z');
  const store = new SqliteStore(tempDb());
  const app = buildVotesApp(
    { store, adminToken: TOKEN, clientAddress: (c) => c.req.header('X-Test-Address') },
    { now: () => now },
  );
  after(() => store.close());
  const get = (headers, address = '192.0.2.10') =>
    app.fetch(new Request('http://localhost/api/comments', { headers: { 'X-Test-Address': address, ...headers } }));

  it('lasts 15 minutes from the first failure of the window, then the right token gets in again', async () => {
    const start = now;
    for (let attempt = 1; attempt <= 10; attempt++) {
      now = start + (attempt - 1) * 60_000; // one guess a minute from the start: all ten within the window
      assert.equal((await get({})).status, 401);
    }
    now = start + 15 * 60_000 - 1;
    const locked = await get(bearer());
    assert.equal(locked.status, 429);
    assert.equal(locked.headers.get('Retry-After'), '1');
    now = start + 15 * 60_000;
    assert.equal((await get(bearer())).status, 200);
    // A new window: one failure does not lock the address again.
    assert.equal((await get({})).status, 401);
    assert.equal((await get(bearer())).status, 200);
  });

  it('forgets failures older than 15 minutes: 10 failures spread over more than 15 minutes lock nothing', async () => {
    const start = now;
    for (let attempt = 0; attempt < 9; attempt++) {
      now = start + attempt * 60_000;
      assert.equal((await get({}, '192.0.2.20')).status, 401);
    }
    now = start + 15 * 60_000;
    assert.equal((await get({}, '192.0.2.20')).status, 401);
    assert.equal((await get(bearer(), '192.0.2.20')).status, 200);
  });

  it('gives a Retry-After that counts down to the end of the window', async () => {
    const start = now;
    for (let attempt = 0; attempt < 10; attempt++) await get({}, '192.0.2.30');
    now = start + 5 * 60_000;
    assert.equal((await get(bearer(), '192.0.2.30')).headers.get('Retry-After'), String(10 * 60));
  });
});
