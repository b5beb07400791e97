import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { counts, runCli, startServer, tempDb, vote, voter } from './support/server-process.mjs';

const preflight = (url, origin) =>
  fetch(`${url}/api/votes`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type',
    },
  });

describe('CORS', () => {
  it('answers the preflight of a configured origin, and not of an unknown one', async () => {
    const server = await startServer([
      '--db',
      tempDb(),
      '--cors-origin',
      'https://docs.example.org',
      '--cors-origin',
      'https://help.example.org',
    ]);
    try {
      const allowed = await preflight(server.url, 'https://help.example.org');
      assert.ok(allowed.status === 204 || allowed.status === 200, String(allowed.status));
      assert.equal(allowed.headers.get('access-control-allow-origin'), 'https://help.example.org');
      assert.match(allowed.headers.get('access-control-allow-methods'), /POST/);
      assert.match(allowed.headers.get('access-control-allow-headers').toLowerCase(), /content-type/);

      const unknown = await preflight(server.url, 'https://evil.example');
      assert.equal(unknown.headers.get('access-control-allow-origin'), null);

      const get = await fetch(`${server.url}/api/votes?item=a`, { headers: { Origin: 'https://docs.example.org' } });
      assert.equal(get.headers.get('access-control-allow-origin'), 'https://docs.example.org');
      const credentials = get.headers.get('access-control-allow-credentials');
      assert.notEqual(credentials, 'true');
    } finally {
      await server.stop();
    }
  });

  it('lets a cross-origin widget read Retry-After on a 429', async () => {
    const server = await startServer([
      '--db',
      tempDb(),
      '--cors-origin',
      'https://docs.example.org',
      '--rate-limit',
      '1',
    ]);
    try {
      const headers = { 'Content-Type': 'application/json', Origin: 'https://docs.example.org' };
      await vote(server.url, { id: 'x', vote: 'yes', voter: voter(1) }, headers);
      const limited = await vote(server.url, { id: 'x', vote: 'yes', voter: voter(2) }, headers);
      assert.equal(limited.status, 429);
      assert.equal(limited.headers.get('access-control-allow-origin'), 'https://docs.example.org');
      assert.match(limited.headers.get('access-control-expose-headers') ?? '', /retry-after/i);
    } finally {
      await server.stop();
    }
  });

  it('allows any origin with --cors-origin *', async () => {
    const server = await startServer(['--db', tempDb(), '--cors-origin', '*']);
    try {
      const response = await preflight(server.url, 'https://anywhere.example');
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
    } finally {
      await server.stop();
    }
  });

  it('sends no CORS headers by default (same origin only)', async () => {
    const server = await startServer(['--db', tempDb()]);
    try {
      const response = await fetch(`${server.url}/api/votes?item=a`, {
        headers: { Origin: 'https://docs.example.org' },
      });
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
    } finally {
      await server.stop();
    }
  });
});

describe('rate limit', () => {
  it('answers 429 with Retry-After past N votes a minute from one address, and leaves reads alone', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '5']);
    try {
      const statuses = [];
      for (let n = 0; n < 7; n++)
        statuses.push((await vote(server.url, { id: 'limited', vote: 'yes', voter: voter(n) })).status);
      assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429, 429]);
      const limited = await vote(server.url, { id: 'limited', vote: 'yes', voter: voter(9) });
      const retryAfter = Number(limited.headers.get('retry-after'));
      assert.ok(retryAfter >= 1 && retryAfter <= 60, `Retry-After ${retryAfter}`);
      assert.equal(typeof limited.body.error, 'string');
      assert.equal((await counts(server.url, 'limited')).status, 200);
      assert.deepEqual((await counts(server.url, 'limited')).body.items[0], { id: 'limited', yes: 5, no: 0 });
    } finally {
      await server.stop();
    }
  });

  it('takes 60 votes a minute from one address without --rate-limit, and answers the 61st 429', async () => {
    const server = await startServer(['--db', tempDb()]);
    try {
      const statuses = [];
      for (let n = 0; n < 61; n++)
        statuses.push((await vote(server.url, { id: 'default-limit', vote: 'yes', voter: voter(n) })).status);
      assert.deepEqual(statuses, [...Array(60).fill(200), 429]);
    } finally {
      await server.stop();
    }
  });

  it('is off with --rate-limit 0', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '0']);
    try {
      for (let n = 0; n < 80; n++)
        assert.equal((await vote(server.url, { id: 'unlimited', vote: 'no', voter: voter(n) })).status, 200);
    } finally {
      await server.stop();
    }
  });
});

describe('durability', () => {
  it('keeps every acknowledged vote when killed with SIGKILL right after', async () => {
    const db = tempDb();
    const server = await startServer(['--db', db, '--rate-limit', '0']);
    const acknowledged = await Promise.all(
      Array.from({ length: 60 }, (_, n) =>
        vote(server.url, { id: `durable-${n % 3}`, vote: n % 2 ? 'yes' : 'no', voter: voter(n) }),
      ),
    );
    assert.ok(acknowledged.every((result) => result.status === 200));
    const last = await vote(server.url, { id: 'durable-last', vote: 'yes', voter: voter(99) });
    assert.equal(last.status, 200);
    const { signal } = await server.kill();
    assert.equal(signal, 'SIGKILL');

    const restarted = await startServer(['--db', db]);
    try {
      const { body } = await counts(restarted.url, 'durable-0', 'durable-1', 'durable-2', 'durable-last');
      const expected = [0, 1, 2].map((k) => {
        const voters = Array.from({ length: 60 }, (_, n) => n).filter((n) => n % 3 === k);
        return {
          id: `durable-${k}`,
          yes: voters.filter((n) => n % 2).length,
          no: voters.filter((n) => n % 2 === 0).length,
        };
      });
      assert.deepEqual(body.items, [...expected, { id: 'durable-last', yes: 1, no: 0 }]);
    } finally {
      await restarted.stop();
    }
  });
});

describe('command line', () => {
  it('listens on --port and --host, and --port beats PORT', async () => {
    const probe = await startServer(['--db', tempDb()]);
    const port = Number(new URL(probe.url).port);
    await probe.stop();
    const server = await startServer(['--db', tempDb(), '--host', '127.0.0.1', '--port', String(port)], {
      env: { PORT: '1' },
    });
    try {
      assert.equal(server.url, `http://127.0.0.1:${port}`);
    } finally {
      await server.stop();
    }
  });

  it('refuses --db together with --database-url', async () => {
    const { code, stderr } = await runCli(['serve', '--db', tempDb(), '--database-url', 'postgres://localhost/x']);
    assert.equal(code, 2);
    assert.match(stderr, /--db and --database-url/);
  });

  it('uses --db even when DATABASE_URL is set (the command line wins)', async () => {
    const server = await startServer(['--db', tempDb()], { env: { DATABASE_URL: 'postgres://127.0.0.1:1/none' } });
    try {
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200);
    } finally {
      await server.stop();
    }
  });

  it('explains bad options and exits 2', async () => {
    for (const args of [
      ['serve', '--port', 'eighty'],
      ['serve', '--rate-limit', '-1'],
      ['serve', '--colour'],
      ['serve', '--static', '/no/such/dir'],
      ['launch'],
    ]) {
      const { code, stderr } = await runCli(args);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /was-this-helpful: /);
    }
  });

  // With a timeout: were the option accepted, the server would start and never exit.
  it('refuses --static-csp without --static, or with a line break (a second header)', { timeout: 10_000 }, async () => {
    for (const csp of [
      ['--static-csp', "default-src 'self'"],
      ['--static', '.', '--static-csp', "default-src 'self'\r\nX-Injected: 1"],
    ]) {
      const { code, stderr } = await runCli(['serve', '--port', '0', '--db', tempDb(), ...csp]);
      assert.equal(code, 2, csp.join(' '));
      assert.match(stderr, /was-this-helpful: --static-csp /);
    }
  });

  it('prints usage for --help', async () => {
    const { code, stdout } = await runCli(['serve', '--help']);
    assert.equal(code, 0);
    assert.match(stdout, /--database-url/);
  });

  it('serves the files of --static at / beside the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wth-static-'));
    writeFileSync(join(dir, 'index.html'), '<h1>demo</h1>');
    const server = await startServer(['--db', tempDb(), '--static', dir]);
    try {
      const page = await fetch(`${server.url}/`);
      assert.equal(page.status, 200);
      assert.equal(await page.text(), '<h1>demo</h1>');
      assert.equal((await counts(server.url, 'x')).status, 200);
      assert.equal((await fetch(`${server.url}/missing.html`)).status, 404);
      assert.equal((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status, 404);
    } finally {
      await server.stop();
    }
  });

  it("sends nosniff with every answer of the server: the API's, a static file, a 404", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wth-static-'));
    writeFileSync(join(dir, 'index.html'), '<h1>demo</h1>');
    const server = await startServer(['--db', tempDb(), '--static', dir]);
    try {
      const answers = [
        await fetch(`${server.url}/`),
        await fetch(`${server.url}/missing.html`),
        await fetch(`${server.url}/api/votes?item=x`),
        await fetch(`${server.url}/api/votes?item=x`), // the second is answered from memory
        await fetch(`${server.url}/api/votes`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: 'x', vote: 'yes', voter: 'v'.repeat(16) }),
        }),
        await fetch(`${server.url}/healthz`),
      ];
      assert.deepEqual(
        answers.map((answer) => answer.status),
        [200, 404, 200, 200, 200, 200],
      );
      for (const answer of answers) assert.equal(answer.headers.get('x-content-type-options'), 'nosniff', answer.url);
    } finally {
      await server.stop();
    }
  });

  it("gzips the files of --static for a client that accepts it, and leaves the API's answers alone", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wth-static-'));
    const script = `export const text = ${JSON.stringify('was this helpful? '.repeat(400))};\n`;
    writeFileSync(join(dir, 'widget.js'), script);
    const server = await startServer(['--db', tempDb(), '--static', dir]);
    try {
      const get = (path, headers) =>
        new Promise((done, fail) =>
          httpGet(`${server.url}${path}`, { headers }, (response) => {
            const chunks = [];
            response.on('data', (chunk) => chunks.push(chunk));
            response.on('end', () => done({ headers: response.headers, body: Buffer.concat(chunks) }));
          }).on('error', fail),
        );
      const zipped = await get('/widget.js', { 'Accept-Encoding': 'gzip' });
      assert.equal(zipped.headers['content-encoding'], 'gzip');
      assert.ok(zipped.body.length < script.length / 10, `${zipped.body.length} B sent for ${script.length} B`);
      assert.equal(gunzipSync(zipped.body).toString(), script);
      const plain = await get('/widget.js', {});
      assert.equal(plain.headers['content-encoding'], undefined);
      assert.equal(plain.body.toString(), script);
      const ids = Array.from({ length: 100 }, (_, n) => `item=${'x'.repeat(40)}-${n}`).join('&');
      const answer = await get(`/api/votes?${ids}`, { 'Accept-Encoding': 'gzip' });
      assert.equal(answer.headers['content-encoding'], undefined);
      assert.equal(JSON.parse(answer.body.toString()).items.length, 100);
    } finally {
      await server.stop();
    }
  });

  it('sends the --static-csp policy with the files of --static, and not with the API', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'wth-static-'));
    writeFileSync(join(dir, 'index.html'), '<h1>demo</h1>');
    const policy = "default-src 'self'; require-trusted-types-for 'script'";
    const server = await startServer(['--db', tempDb(), '--static', dir, '--static-csp', policy]);
    try {
      assert.equal((await fetch(`${server.url}/`)).headers.get('content-security-policy'), policy);
      assert.equal((await fetch(`${server.url}/index.html`)).headers.get('content-security-policy'), policy);
      assert.equal((await fetch(`${server.url}/api/votes?item=x`)).headers.get('content-security-policy'), null);
      assert.equal((await fetch(`${server.url}/healthz`)).headers.get('content-security-policy'), null);
    } finally {
      await server.stop();
    }
  });
});
