/**
 * Requests that never reach the API's routes (issue 12): a target the adapter cannot turn into a URL,
 * bytes Node's parser refuses, a missing Host, an odd Expect. Each once got an empty answer, or an empty
 * `text/plain` one; each now gets the server's JSON error with nosniff, and the connection stays usable or
 * is closed as HTTP asks.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { clientErrorStatus } from '../../dist/node/server/node/client-errors.js';
import { parseResponses, sendRaw } from './support/raw-http.mjs';
import { startServer, tempDb } from './support/server-process.mjs';

function assertJsonError(response, status, context) {
  assert.equal(response.status, status, context);
  assert.match(response.headers.get('content-type') ?? '', /^application\/json(;|$)/, context);
  assert.equal(response.headers.get('x-content-type-options'), 'nosniff', context);
  assert.equal(Number(response.headers.get('content-length')), response.body.length, context);
  assert.equal(typeof JSON.parse(response.body.toString()).error, 'string', context);
}

describe("answers outside the API's routes", () => {
  let server;
  let port;
  before(async () => {
    server = await startServer(['--db', tempDb()]);
    port = Number(new URL(server.url).port);
  });
  after(() => server.stop());

  async function answers(bytes) {
    const result = await sendRaw(port, Buffer.from(bytes, 'latin1'));
    assert.ok(!result.error, `${JSON.stringify(bytes)}: ${result.error}`);
    return parseResponses(result.bytes);
  }

  const targetsNoUrlHolds = [
    ['a backslash in the path', 'GET /a\\b HTTP/1.1\r\nHost: x\r\n'],
    ['a backslash before the query', 'GET /api\\votes?item=x HTTP/1.1\r\nHost: x\r\n'],
    ['Host: a@b', 'GET /healthz HTTP/1.1\r\nHost: a@b\r\n'],
    ['Host: a/b', 'GET /healthz HTTP/1.1\r\nHost: a/b\r\n'],
    ['GET *', 'GET * HTTP/1.1\r\nHost: x\r\n'],
    ['OPTIONS *', 'OPTIONS * HTTP/1.1\r\nHost: x\r\n'],
    ['an absolute URL with a backslash', 'GET http://x/a\\b HTTP/1.1\r\nHost: x\r\n'],
  ];
  for (const [what, head] of targetsNoUrlHolds) {
    it(`answers ${what} with a JSON 400, and keeps the connection for the next request`, async () => {
      const [refused, next] = await answers(`${head}\r\nGET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n`);
      assertJsonError(refused, 400, what);
      assert.equal(next?.status, 200, `${what}: the next request on the connection`);
    });
  }

  /** @type {Array<[string, string, number]>} */
  const parserRefuses = [
    ['a header name with a space', 'GET / HTTP/1.1\r\nHost: x\r\nBad Name: 1\r\n\r\n', 400],
    ['a request line that is not HTTP', 'HELLO\r\n\r\n', 400],
    ['a bare CR in a header value', 'GET / HTTP/1.1\r\nHost: x\r\nX-A: a\rb\r\n\r\n', 400],
    [
      'two Content-Lengths that disagree',
      'POST /api/votes HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\nab',
      400,
    ],
    [
      'a chunk size that is not hex',
      'POST /api/votes HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n',
      400,
    ],
    ['headers over 16 KiB', `GET / HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`, 431],
  ];
  for (const [what, bytes, status] of parserRefuses) {
    it(`answers ${what} (Node's parser refuses it) with a JSON ${status}`, async () => {
      const [refused, ...rest] = await answers(bytes);
      assertJsonError(refused, status, what);
      assert.equal(refused.headers.get('connection'), 'close', what);
      assert.equal(rest.length, 0, what);
    });
  }

  it('answers a HEAD the parser refuses without a body, so that no stray bytes follow the answer', async () => {
    const result = await sendRaw(port, Buffer.from('HEAD /healthz HTTP/9.9\r\nHost: x\r\n\r\n', 'latin1'));
    const [refused, ...rest] = parseResponses(result.bytes, { headOnly: true });
    assert.equal(refused.status, 400);
    assert.match(refused.headers.get('content-type'), /^application\/json/);
    assert.equal(refused.headers.get('x-content-type-options'), 'nosniff');
    assert.deepEqual(rest, []);
  });

  it('answers an HTTP/1.1 request without Host with a JSON 400, and one of HTTP/1.0 as usual', async () => {
    const [refused] = await answers('GET /healthz HTTP/1.1\r\nConnection: close\r\n\r\n');
    assertJsonError(refused, 400, 'no Host');
    assert.match(JSON.parse(refused.body.toString()).error, /Host/);
    const [old] = await answers('GET /healthz HTTP/1.0\r\n\r\n');
    assert.equal(old.status, 200);
  });

  it('answers an Expect it cannot meet with a JSON 417, and 100-continue as usual', async () => {
    const [refused] = await answers('GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nConnection: close\r\n\r\n');
    assertJsonError(refused, 417, 'Expect: 200-ok');
    const [vote] = await answers(
      'GET /healthz HTTP/1.1\r\nHost: x\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n',
    );
    assert.equal(vote.status, 200);
  });

  it('says nothing on stderr about any of it', () => {
    assert.equal(server.stderr(), '');
  });
});

describe('the status of a request Node refuses', () => {
  // A request timeout takes minutes to provoke (Node's 60 s for headers, checked every 30 s), so the mapping
  // is checked on its own; the tests above send the others through the server.
  it('is 408 for a timeout, 431 for headers too large, else 400', () => {
    assert.equal(clientErrorStatus('ERR_HTTP_REQUEST_TIMEOUT'), 408);
    assert.equal(clientErrorStatus('HPE_HEADER_OVERFLOW'), 431);
    assert.equal(clientErrorStatus('HPE_CHUNK_EXTENSIONS_OVERFLOW'), 413);
    assert.equal(clientErrorStatus('HPE_INVALID_METHOD'), 400);
    assert.equal(clientErrorStatus(undefined), 400);
  });
});
