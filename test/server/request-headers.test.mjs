import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseResponses, sendRaw } from './support/raw-http.mjs';
import { startServer, tempDb, voter } from './support/server-process.mjs';

/** One POST over a bare socket with `headerLines` as written, and its status. */
async function post(server, headerLines, n) {
  const body = JSON.stringify({ id: 'headers', vote: 'yes', voter: voter(n) });
  const head = [
    'POST /api/votes HTTP/1.1',
    'Host: x',
    ...headerLines,
    `Content-Length: ${Buffer.byteLength(body)}`,
    'Connection: close',
  ];
  const { bytes, error } = await sendRaw(
    new URL(server.url).port,
    Buffer.from(`${head.join('\r\n')}\r\n\r\n${body}`, 'latin1'),
  );
  assert.equal(error, undefined);
  return parseResponses(bytes)[0].status;
}

describe('request headers', () => {
  it('join repeated lines as the web Headers does, so that two Content-Types are one that is not JSON', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '0']);
    try {
      assert.equal(await post(server, ['Content-Type: application/json'], 1), 200);
      assert.equal(await post(server, ['content-type:   application/json; charset=utf-8  '], 2), 200);
      assert.equal(await post(server, ['Content-Type: application/json', 'Content-Type: application/json'], 3), 415);
      assert.equal(await post(server, ['Content-Type: application/json', 'content-type: text/plain'], 4), 415);
    } finally {
      await server.stop();
    }
  });

  it('take X-Forwarded-For over several lines as one list, read from its right', async () => {
    const server = await startServer(['--db', tempDb(), '--rate-limit', '1', '--trust-proxy', '1']);
    try {
      const json = 'Content-Type: application/json';
      assert.equal(await post(server, [json, 'X-Forwarded-For: 192.0.2.1', 'X-Forwarded-For: 203.0.113.9'], 1), 200);
      // The same last entry, whatever came before it: the same client, past its budget.
      assert.equal(await post(server, [json, 'X-Forwarded-For: 192.0.2.2, 203.0.113.9'], 2), 429);
      assert.equal(await post(server, [json, 'X-Forwarded-For: 203.0.113.9', 'X-Forwarded-For: 192.0.2.1'], 3), 200);
    } finally {
      await server.stop();
    }
  });
});
