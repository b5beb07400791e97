#!/usr/bin/env node
/**
 * `node bench/pipelined-flood.mjs [requests per connection]` (after `npm run build`): the outside probe's
 * flood of static GETs, on connections that never read their answers (an attacker's), against the real
 * `was-this-helpful serve` process. Prints its resident memory before, at its peak over 8 s, and after the
 * connections close, from /proc/<pid>/status. FLOOD_CONNECTIONS (default 20) sets the connections.
 */
import { copyFileSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, tempDb } from '../test/server/support/server-process.mjs';

const REQUESTS = Number(process.argv[2] ?? 1300);
const CONNECTIONS = Number(process.env.FLOOD_CONNECTIONS ?? 20);
const site = mkdtempSync(join(tmpdir(), 'wth-flood-'));
copyFileSync('dist/was-this-helpful.bundle.js', join(site, 'was-this-helpful.bundle.js'));
const server = await startServer(['--db', tempDb(), '--static', site, '--rate-limit', '0']);
const { pid } = server.child;
const megabytes = () => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) / 1024;
const openFiles = () => readdirSync(`/proc/${pid}/fd`).length;
const wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

try {
  const before = megabytes();
  let peak = before;
  let peakFiles = openFiles();
  const sampler = setInterval(() => {
    peak = Math.max(peak, megabytes());
    peakFiles = Math.max(peakFiles, openFiles());
  }, 50);
  const port = Number(new URL(server.url).port);
  const sockets = Array.from({ length: CONNECTIONS }, () => {
    const socket = net.connect(port, '127.0.0.1');
    socket.on('error', () => {});
    socket.pause(); // never reads an answer
    socket.write('GET /was-this-helpful.bundle.js HTTP/1.1\r\nHost: x\r\n\r\n'.repeat(REQUESTS));
    return socket;
  });
  await wait(8_000);
  clearInterval(sampler);
  for (const socket of sockets) socket.destroy();
  await wait(2_000);
  console.log(`${CONNECTIONS} connections × ${REQUESTS} pipelined GETs of the bundle, answers never read`);
  console.log(
    `resident memory: ${before.toFixed(0)} MB before, ${peak.toFixed(0)} MB at the peak, ${megabytes().toFixed(0)} MB 2 s after the connections closed`,
  );
  console.log(`open files at most: ${peakFiles}; the server wrote ${server.stderr().length} bytes to stderr`);
} finally {
  await server.stop();
}
