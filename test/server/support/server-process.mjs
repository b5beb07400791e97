import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const CLI = fileURLToPath(new URL('../../../bin/was-this-helpful.js', import.meta.url));

/** A fresh temporary SQLite file path. */
export const tempDb = () => join(mkdtempSync(join(tmpdir(), 'wth-test-')), 'votes.sqlite');

/**
 * Starts the real `was-this-helpful serve` process and resolves once it printed its URL.
 * `stop()` ends it with SIGTERM; `kill()` with SIGKILL.
 */
export function startServer(args = [], { env = {} } = {}) {
  const child = spawn(process.execPath, [CLI, 'serve', '--port', '0', ...args], {
    env: { ...process.env, DATABASE_URL: '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let errors = '';
  child.stderr.on('data', (chunk) => (errors += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`the server did not start within 10 s: ${errors}`));
    }, 10_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /^listening on (http:\/\/\S+)\n/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      const exited = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
      resolve({
        url: match[1],
        firstLine: output.split('\n')[0],
        child,
        stderr: () => errors,
        stop: () => (child.kill('SIGTERM'), exited),
        kill: () => (child.kill('SIGKILL'), exited),
        exited,
      });
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the server exited with ${code} before listening: ${errors}`));
    });
  });
}

/** Starts `count` servers with the same arguments at once; if one fails to start, stops the others first. */
export async function startServers(count, args, options) {
  const results = await Promise.allSettled(Array.from({ length: count }, () => startServer(args, options)));
  const failed = results.find((result) => result.status === 'rejected');
  if (!failed) return results.map((result) => /** @type {PromiseFulfilledResult<any>} */ (result).value);
  await Promise.all(results.filter((result) => result.status === 'fulfilled').map((result) => result.value.stop()));
  throw failed.reason;
}

/**
 * Runs the CLI to completion and returns its exit code and output. A command that is still running after
 * 15 s (a server that started when it should have refused) is killed, with `code: 'still running'`.
 * `runAs`: a command and its arguments that run the CLI (`['setpriv', '--reuid=nobody', …]`).
 */
export function runCli(args, env = {}, { runAs = [] } = {}) {
  const [command, ...prefix] = [...runAs, process.execPath, CLI, ...args];
  const child = spawn(command, prefix, { env: { ...process.env, DATABASE_URL: '', ...env } });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    child.kill('SIGKILL');
  }, 15_000);
  return new Promise((resolve) =>
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code: timedOut ? 'still running' : code, stdout, stderr });
    }),
  );
}

/** A voter id of the protocol's alphabet, distinct per `n`. */
export const voter = (n = 0) => `voter-${String(n).padStart(12, '0')}`;

export async function vote(url, body, headers = { 'Content-Type': 'application/json' }) {
  const response = await fetch(`${url}/api/votes`, {
    method: 'POST',
    headers,
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: await response.json() };
}

export async function counts(url, ...ids) {
  const query = ids.map((id) => `item=${encodeURIComponent(id)}`).join('&');
  const response = await fetch(`${url}/api/votes?${query}`);
  return { status: response.status, body: await response.json() };
}
