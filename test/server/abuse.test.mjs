import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { forwardedClientAddress } from '../../dist/node/server/http/client-address.js';
import { runCli, startServer, tempDb, vote, voter } from './support/server-process.mjs';

const voteFrom = (url, forwardedFor, n) =>
  vote(
    url,
    { id: 'limited', vote: 'yes', voter: voter(n) },
    { 'Content-Type': 'application/json', ...(forwardedFor === undefined ? {} : { 'X-Forwarded-For': forwardedFor }) },
  );

async function statuses(url, forwardedFors) {
  const result = [];
  for (const [n, forwardedFor] of forwardedFors.entries()) result.push((await voteFrom(url, forwardedFor, n)).status);
  return result;
}

describe('the rate limit per client address', () => {
  it("ignores X-Forwarded-For without --trust-proxy: forged addresses share the connection's budget", async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '3']);
    try {
      assert.deepEqual(
        await statuses(server.url, ['198.51.100.1', '198.51.100.2', '198.51.100.3', '198.51.100.4', undefined]),
        [200, 200, 200, 429, 429],
      );
    } finally {
      await server.stop();
    }
  });

  it('with --trust-proxy 1, gives each address the proxy reports its own budget', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '2', '--trust-proxy', '1']);
    try {
      assert.deepEqual(await statuses(server.url, ['203.0.113.1', '203.0.113.1', '203.0.113.1']), [200, 200, 429]);
      assert.deepEqual(await statuses(server.url, ['203.0.113.2', '203.0.113.2']), [200, 200]);
      // What a client writes before the proxy's entry is not believed: this is still 203.0.113.1.
      assert.deepEqual(await statuses(server.url, ['192.0.2.99, 203.0.113.1', '192.0.2.98,203.0.113.1']), [429, 429]);
      // Without the header, or with nonsense in it, the connection's address is the key.
      assert.deepEqual(await statuses(server.url, [undefined, 'not-an-address', undefined]), [200, 200, 429]);
    } finally {
      await server.stop();
    }
  });

  it('with --trust-proxy 2, takes the address two proxies back', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '1', '--trust-proxy', '2']);
    try {
      assert.deepEqual(
        await statuses(server.url, ['203.0.113.5, 10.0.0.1', '203.0.113.6, 10.0.0.1', '203.0.113.5, 10.0.0.2']),
        [200, 200, 429],
      );
    } finally {
      await server.stop();
    }
  });

  it('reads X-Forwarded-For from the right, with ports and IPv6 brackets', () => {
    assert.equal(forwardedClientAddress('192.0.2.1, 203.0.113.7', 1), '203.0.113.7');
    assert.equal(forwardedClientAddress('192.0.2.1, 203.0.113.7', 2), '192.0.2.1');
    assert.equal(forwardedClientAddress('203.0.113.7', 2), undefined);
    assert.equal(forwardedClientAddress('203.0.113.7:51234', 1), '203.0.113.7');
    assert.equal(forwardedClientAddress('[2001:db8::1]:51234', 1), '2001:db8::1');
    assert.equal(forwardedClientAddress(' 2001:db8::2 ', 1), '2001:db8::2');
    assert.equal(forwardedClientAddress('203.0.113.7, <script>', 1), undefined);
    assert.equal(forwardedClientAddress(undefined, 1), undefined);
    assert.equal(forwardedClientAddress('203.0.113.7', 0), undefined);
  });

  it('refuses a --trust-proxy that is not a small whole number', async () => {
    for (const value of ['-1', 'yes', '1.5', '11']) {
      const { code, stderr } = await runCli(['serve', '--db', tempDb(), '--trust-proxy', value]);
      assert.equal(code, 2, value);
      assert.match(stderr, /--trust-proxy/);
    }
  });
});

describe('CORS for an origin that is not configured', () => {
  const allowed = 'https://docs.example.org';
  // Unlimited, so that every kind of answer is seen for each origin; `limited` shows a 429 too.
  let open;
  let limited;
  before(async () => {
    [open, limited] = await Promise.all([
      startServer(['--db', tempDb(), '--cors-origin', allowed, '--rate-limit', '0']),
      startServer(['--db', tempDb(), '--cors-origin', allowed, '--rate-limit', '2']),
    ]);
  });
  after(() => Promise.all([open.stop(), limited.stop()]));

  const corsHeaders = (response) => [...response.headers.keys()].filter((name) => name.startsWith('access-control-'));
  /**
   * `[what, send, the status expected without a rate limit]` for each kind of answer.
   * @returns {Array<[string, () => Promise<Response>, number]>}
   */
  const requests = (server, origin) => [
    [
      'preflight',
      () =>
        fetch(`${server.url}/api/votes`, {
          method: 'OPTIONS',
          headers: {
            Origin: origin,
            'Access-Control-Request-Method': 'POST',
            'Access-Control-Request-Headers': 'content-type',
          },
        }),
      204,
    ],
    ['GET', () => fetch(`${server.url}/api/votes?item=cors`, { headers: { Origin: origin } }), 200],
    [
      'POST',
      () =>
        fetch(`${server.url}/api/votes`, {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'application/json' },
          body: JSON.stringify({ id: 'cors', vote: 'yes', voter: voter(1) }),
        }),
      200,
    ],
    [
      'bad POST',
      () =>
        fetch(`${server.url}/api/votes`, {
          method: 'POST',
          headers: { Origin: origin, 'Content-Type': 'text/plain' },
          body: '{}',
        }),
      415,
    ],
  ];

  for (const origin of [
    'https://evil.example',
    'null',
    'http://docs.example.org',
    'https://docs.example.org.evil.example',
    'https://docs.example.org:8443',
    'HTTPS://DOCS.EXAMPLE.ORG',
  ]) {
    it(`sends none to ${origin}, on any answer`, async () => {
      for (const [what, send, status] of requests(open, origin)) {
        const response = await send();
        assert.equal(response.status, status, what);
        assert.deepEqual(corsHeaders(response), [], `${what}: ${response.status}`);
        assert.match(response.headers.get('vary') ?? '', /origin/i, what);
      }
    });
  }

  it('still answers the configured origin, on every answer, a 429 included', async () => {
    for (const [what, send] of [...requests(limited, allowed), ...requests(limited, allowed).slice(2)]) {
      const response = await send();
      assert.equal(response.headers.get('access-control-allow-origin'), allowed, `${what}: ${response.status}`);
    }
    const refused = await requests(limited, allowed)[2][1]();
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('access-control-allow-origin'), allowed);
  });
});

describe('input is never answered as HTML', () => {
  const script = '<script>alert(1)</script>';
  let server;
  before(async () => {
    server = await startServer(['--db', tempDb(), '--rate-limit', '0']);
  });
  after(() => server.stop());

  /** A JSON answer that a browser will not sniff, whatever the request asked for. */
  async function jsonAnswer(response) {
    assert.match(response.headers.get('content-type'), /^application\/json(;|$)/);
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    const text = await response.text();
    return { text, body: JSON.parse(text) };
  }

  it(`gives the id ${script} back only as a JSON string`, async () => {
    const posted = await fetch(`${server.url}/api/votes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Accept: 'text/html' },
      body: JSON.stringify({ id: script, vote: 'yes', voter: voter(1) }),
    });
    assert.equal(posted.status, 200);
    assert.deepEqual((await jsonAnswer(posted)).body, { id: script, yes: 1, no: 0 });

    const read = await fetch(
      `${server.url}/api/votes?item=${encodeURIComponent(script)}&item=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`,
      { headers: { Accept: 'text/html' } },
    );
    assert.equal(read.status, 200);
    const { body } = await jsonAnswer(read);
    assert.deepEqual(
      body.items.map((item) => item.id),
      [script, '"><img src=x onerror=alert(1)>'],
    );
  });

  it('does not echo input in errors', async () => {
    const answers = [
      await fetch(`${server.url}/${encodeURIComponent(script)}`, { headers: { Accept: 'text/html' } }),
      await fetch(`${server.url}/api/votes?item=${encodeURIComponent(script)}${'&item=x'.repeat(100)}`),
      await fetch(`${server.url}/api/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: `{"id":"${script}","vote":"<b>maybe</b>"`,
      }),
      await fetch(`${server.url}/api/votes`, {
        method: 'POST',
        headers: { 'Content-Type': 'text/html' },
        body: script,
      }),
      await fetch(`${server.url}/api/votes`, { method: 'DELETE' }),
    ];
    for (const response of answers) {
      assert.ok(response.status >= 400 && response.status < 500, String(response.status));
      const { text, body } = await jsonAnswer(response);
      assert.equal(typeof body.error, 'string');
      assert.doesNotMatch(text, /<|>/, text);
    }
  });
});
