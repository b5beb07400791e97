import assert from 'node:assert/strict';
import net from 'node:net';
import { once } from 'node:events';
import { describe, it } from 'node:test';
import { parseResponses } from './support/raw-http.mjs';
import { startServer, tempDb } from './support/server-process.mjs';

const request = (connection) => `GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: ${connection}\r\n\r\n`;

describe('idle connections', () => {
  it('stay open past the 5 s after which Node would close them, and say for how long', async () => {
    const server = await startServer(['--db', tempDb()]);
    const socket = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    try {
      let read = Buffer.alloc(0);
      socket.on('data', (chunk) => (read = Buffer.concat([read, chunk])));
      let idleSince = 0;
      /** @type {number | undefined} how long the connection was idle when the server closed it */
      let closedAfter;
      socket.on('close', () => (closedAfter ??= Date.now() - idleSince));
      socket.on('error', () => {});
      socket.write(request('keep-alive'));
      while (!/\r\n\r\n[^]*\}/.test(read.toString('latin1'))) await once(socket, 'data');
      const [first] = parseResponses(read);
      assert.equal(first.status, 200);
      // A proxy that keeps upstream connections for 60 s (nginx, load balancers) must find this one open.
      assert.equal(first.headers.get('keep-alive'), 'timeout=65');

      idleSince = Date.now();
      await new Promise((resolve) => setTimeout(resolve, 6_000));
      assert.equal(closedAfter, undefined, `the server closed the idle connection after ${closedAfter} ms`);
      read = Buffer.alloc(0);
      socket.write(request('close'));
      await once(socket, 'close');
      assert.deepEqual(
        parseResponses(read).map((response) => response.status),
        [200],
      );
    } finally {
      socket.destroy();
      await server.stop();
    }
  });
});
