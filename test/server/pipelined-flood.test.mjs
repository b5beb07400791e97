/**
 * The outside probe's flood (issue 12): twenty connections each writing the same static GET 1,300 times
 * in one go, which once took the server from 60 MB to 1.4–1.9 GB and every file handle. Measured on the
 * real `was-this-helpful serve` process, from /proc: its resident memory and its open files stay bounded,
 * ordinary requests are answered during the flood, and nothing is written to stderr. The bounds are
 * generous: the machine is shared and noisy.
 */
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer, tempDb } from './support/server-process.mjs';

const BUNDLE = fileURLToPath(new URL('../../dist/was-this-helpful.bundle.js', import.meta.url));
const CONNECTIONS = 20;
const REQUESTS_PER_CONNECTION = 1300;
const GROWTH_LIMIT = 400 * 2 ** 20; // the probe saw 1.4 GB and more
const OPEN_FILES_LIMIT = 200; // the probe saw every file handle taken
const ORDINARY_ANSWER_LIMIT_MS = 5_000; // the probe saw 9 s and more

const residentBytes = (pid) =>
  Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))[1]) * 1024;
const openFiles = (pid) => readdirSync(`/proc/${pid}/fd`).length;

/**
 * One flooding connection: writes every request at once. A reading one counts the answers it gets until it
 * has them all; a stalled one never reads, as an attacker would not.
 */
function flood(port, requestBytes, { read }) {
  const socket = net.connect(port, '127.0.0.1');
  socket.on('error', () => {});
  const statusLine = 'HTTP/1.1 200 OK\r\n';
  let answers = 0;
  let tail = '';
  const done = new Promise((resolve) => {
    if (!read) return resolve(0);
    socket.on('data', (chunk) => {
      const text = tail + chunk.toString('latin1');
      answers += text.split(statusLine).length - 1;
      // A status line split between two chunks is counted in the next; one shorter than it cannot hold a whole
      // one, which would be counted twice (as it was when a status line ended a chunk).
      tail = text.slice(-(statusLine.length - 1));
      if (answers >= REQUESTS_PER_CONNECTION) resolve(answers);
    });
    socket.on('close', () => resolve(answers));
  });
  if (!read) socket.pause();
  socket.write(requestBytes.repeat(REQUESTS_PER_CONNECTION));
  return { socket, done };
}

describe('a pipelined flood of static GETs', () => {
  it(
    `stays within ${GROWTH_LIMIT / 2 ** 20} MB more memory and ${OPEN_FILES_LIMIT} open files, and keeps answering others`,
    { timeout: 90_000 },
    async (t) => {
      const site = mkdtempSync(join(tmpdir(), 'wth-flood-'));
      copyFileSync(BUNDLE, join(site, 'was-this-helpful.bundle.js'));
      const server = await startServer(['--db', tempDb(), '--static', site, '--rate-limit', '0']);
      const { pid } = server.child;
      const port = Number(new URL(server.url).port);
      try {
        assert.equal((await fetch(`${server.url}/was-this-helpful.bundle.js`)).status, 200);
        const baseline = residentBytes(pid);
        let peak = baseline;
        let peakFiles = openFiles(pid);
        const sampler = setInterval(() => {
          try {
            peak = Math.max(peak, residentBytes(pid));
            peakFiles = Math.max(peakFiles, openFiles(pid));
          } catch {
            // the process is gone: the assertions below say so
          }
        }, 50);

        const requestBytes = 'GET /was-this-helpful.bundle.js HTTP/1.1\r\nHost: x\r\n\r\n';
        const floods = Array.from({ length: CONNECTIONS }, (_, n) => flood(port, requestBytes, { read: n % 2 === 0 }));

        // Ordinary readers during the flood: a file, the counts and a health check, one after another.
        const latencies = [];
        const failures = [];
        const ordinaryUntil = Date.now() + 4_000;
        while (Date.now() < ordinaryUntil) {
          for (const path of ['/was-this-helpful.bundle.js', '/api/votes?item=ordinary', '/healthz']) {
            const started = Date.now();
            try {
              const response = await fetch(`${server.url}${path}`, {
                signal: AbortSignal.timeout(ORDINARY_ANSWER_LIMIT_MS),
              });
              await response.arrayBuffer();
              if (response.status !== 200) failures.push(`${path}: ${response.status}`);
            } catch (error) {
              failures.push(`${path}: ${error.message}`);
            }
            latencies.push(Date.now() - started);
          }
        }
        let timer;
        const answered = await Promise.race([
          Promise.all(floods.map((one) => one.done)),
          new Promise((resolve) => (timer = setTimeout(() => resolve('timed out'), 30_000))),
        ]);
        clearTimeout(timer);
        clearInterval(sampler);
        for (const { socket } of floods) socket.destroy();

        const growth = peak - baseline;
        t.diagnostic(
          `memory ${Math.round(baseline / 2 ** 20)} MB before, peak ${Math.round(peak / 2 ** 20)} MB; open files at most ${peakFiles}; ` +
            `${latencies.length} ordinary requests, slowest ${Math.max(...latencies)} ms; bundle ${statSync(BUNDLE).size} B`,
        );
        assert.deepEqual(
          failures.slice(0, 5),
          [],
          `${failures.length} ordinary requests failed or took over ${ORDINARY_ANSWER_LIMIT_MS} ms`,
        );
        assert.notEqual(answered, 'timed out', 'the reading connections did not get all their answers within 30 s');
        for (const count of answered.filter((_, n) => n % 2 === 0)) assert.equal(count, REQUESTS_PER_CONNECTION);
        assert.ok(growth < GROWTH_LIMIT, `memory grew by ${Math.round(growth / 2 ** 20)} MB`);
        assert.ok(peakFiles < OPEN_FILES_LIMIT, `${peakFiles} files open`);
        assert.equal(server.stderr(), '');
        assert.equal(server.child.exitCode, null);
        assert.equal(
          (await fetch(`${server.url}/healthz`, { signal: AbortSignal.timeout(ORDINARY_ANSWER_LIMIT_MS) })).status,
          200,
        );
      } finally {
        // A server the flood overwhelmed may not get round to its SIGTERM.
        await Promise.race([server.stop(), new Promise((resolve) => setTimeout(resolve, 5_000))]);
        server.child.kill('SIGKILL');
      }
    },
  );
});
