/**
 * The deployment files of deploy/ (issue 17, part 3), checked with the tools that run them: `nginx -t` and
 * a real nginx with deploy/nginx.conf in front of a real `was-this-helpful serve --trust-proxy 1`, a vote and
 * the health check passing through; `caddy validate` on the Caddyfile; `systemd-analyze verify` on the unit.
 * The Dockerfile and compose.yaml are read, not run (no container runtime here). A tool that is not installed
 * skips its test, loudly (under CI it fails: .ci/run installs them).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startServer, tempDb } from '../server/support/server-process.mjs';

const DEPLOY = fileURLToPath(new URL('../../deploy', import.meta.url));
const CI = Boolean(process.env.CI) && process.env.CI !== 'false';
const work = mkdtempSync(join(tmpdir(), 'wth-deploy-'));
// nginx's workers run as another user (nobody, when started by root): they must be able to read the site.
chmodSync(work, 0o755);
const find = (command) =>
  ['/usr/sbin', '/usr/bin', '/sbin', '/bin']
    .map((folder) => join(folder, command))
    .find((path) => {
      return spawnSync('test', ['-x', path]).status === 0;
    });
/** `false`, or why the test is skipped: `command` is not installed (outside CI, where it must be). */
const unless = (command, apt) => !CI && !find(command) && `${command} is not installed (apt-get install ${apt})`;

/** A free TCP port on loopback. */
const freePort = () =>
  new Promise((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port } = /** @type {import('node:net').AddressInfo} */ (probe.address());
      probe.close(() => resolve(port));
    });
  });

/** deploy/nginx.conf inside a minimal main configuration of nginx's, with its port, upstream and root set. */
function nginxConfig({ listen, upstream, root }) {
  const prefix = join(work, `nginx-${listen}`);
  mkdirSync(join(prefix, 'logs'), { recursive: true });
  const site = readFileSync(join(DEPLOY, 'nginx.conf'), 'utf8')
    .replace('listen 80;', `listen 127.0.0.1:${listen};`)
    .replace('server 127.0.0.1:8787;', `server ${upstream};`)
    .replace('root /var/www/docs;', `root ${root};`);
  writeFileSync(join(prefix, 'site.conf'), site);
  const main = `error_log ${prefix}/logs/error.log;
pid ${prefix}/nginx.pid;
daemon off;
events {}
http {
  access_log off;
  client_body_temp_path ${prefix}/body;
  proxy_temp_path ${prefix}/proxy;
  include ${prefix}/site.conf;
}
`;
  writeFileSync(join(prefix, 'nginx.conf'), main);
  return { prefix, file: join(prefix, 'nginx.conf') };
}

describe('the deployment files', () => {
  it('nginx: the site configuration passes nginx -t', { skip: unless('nginx', 'nginx') }, () => {
    const { prefix, file } = nginxConfig({ listen: 8080, upstream: '127.0.0.1:8787', root: work });
    const { status, stderr } = spawnSync(find('nginx'), ['-t', '-q', '-c', file, '-p', prefix], { encoding: 'utf8' });
    assert.equal(status, 0, stderr);
  });

  it(
    'nginx: a vote and the health check pass through to the server, which sees the client',
    {
      skip: unless('nginx', 'nginx'),
    },
    async () => {
      const server = await startServer(['--db', tempDb(), '--trust-proxy', '1', '--rate-limit', '2']);
      const port = await freePort();
      const root = join(work, 'docs');
      mkdirSync(root, { recursive: true });
      writeFileSync(join(root, 'index.html'), '<!doctype html><title>Docs</title><p>The docs</p>');
      const { prefix, file } = nginxConfig({ listen: port, upstream: new URL(server.url).host, root });
      const nginx = spawn(find('nginx'), ['-c', file, '-p', prefix], { stdio: 'ignore' });
      const stopped = new Promise((resolve) => nginx.once('exit', resolve));
      try {
        const origin = `http://127.0.0.1:${port}`;
        let page;
        for (const deadline = Date.now() + 5000; Date.now() < deadline;) {
          page = await fetch(`${origin}/`).catch(() => undefined);
          if (page) break;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        assert.equal(page?.status, 200, 'nginx serves the site');
        assert.match(await page.text(), /The docs/);
        assert.equal((await fetch(`${origin}/healthz`)).status, 200);

        /** A vote sent through nginx by a client that claims `forged` in its own X-Forwarded-For. */
        const vote = (voter, forged) =>
          fetch(`${origin}/api/votes`, {
            method: 'POST',
            headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': forged },
            body: JSON.stringify({
              id: 'through-nginx',
              vote: 'yes',
              voter: `voter-${String(voter).padStart(12, '0')}`,
            }),
          });
        assert.equal((await vote(1, '192.0.2.1')).status, 200);
        const counts = await (await fetch(`${origin}/api/votes?item=through-nginx`)).json();
        assert.deepEqual(counts.items[0], { id: 'through-nginx', yes: 1, no: 0 });
        // --trust-proxy 1 reads the entry nginx appended (the client's real address), not the ones the client
        // wrote: changing the forged address each time does not escape the rate limit of 2 a minute.
        assert.equal((await vote(2, '192.0.2.2')).status, 200);
        assert.equal((await vote(3, '192.0.2.3')).status, 429);
      } finally {
        nginx.kill('SIGTERM');
        await stopped;
        await server.stop();
      }
    },
  );

  it('Caddy: the Caddyfile passes caddy validate', { skip: unless('caddy', 'caddy') }, () => {
    const { status, stdout, stderr } = spawnSync(
      find('caddy'),
      ['validate', '--config', join(DEPLOY, 'Caddyfile'), '--adapter', 'caddyfile'],
      { encoding: 'utf8' },
    );
    assert.equal(status, 0, stdout + stderr);
    assert.match(stdout + stderr, /Valid configuration/);
  });

  it(
    'systemd: the unit passes systemd-analyze verify without a warning',
    {
      skip: unless('systemd-analyze', 'systemd'),
    },
    () => {
      const unit = join(work, 'was-this-helpful.service');
      writeFileSync(unit, readFileSync(join(DEPLOY, 'was-this-helpful.service')));
      const { status, stdout, stderr } = spawnSync(find('systemd-analyze'), ['verify', unit], { encoding: 'utf8' });
      assert.equal(status, 0, stdout + stderr);
      assert.equal(stdout + stderr, '');
    },
  );

  it('the unit, the Dockerfile and compose.yaml start the server with options it accepts', async () => {
    const unit = readFileSync(join(DEPLOY, 'was-this-helpful.service'), 'utf8');
    const docker = readFileSync(join(DEPLOY, 'Dockerfile'), 'utf8');
    const compose = readFileSync(join(DEPLOY, 'compose.yaml'), 'utf8');
    for (const [file, options] of [
      ['the unit', /^ExecStart=\S+ \S+ serve (.+)$/m.exec(unit)[1].split(' ')],
      ['the Dockerfile', JSON.parse(/^CMD (\[.+\])$/m.exec(docker)[1]).slice(1)],
      ['compose.yaml', JSON.parse(/command: (\[.+\])/.exec(compose)[1].replace(/'/g, '"')).slice(1)],
    ]) {
      // Their own address, port and database file are the deployment's: here a free port and a fresh file.
      const args = [];
      for (let index = 0; index < options.length; index++) {
        if (['--host', '--port', '--db'].includes(options[index])) index++;
        else args.push(options[index]);
      }
      const server = await startServer([...args, '--db', tempDb()]);
      assert.match(server.firstLine, /^listening on http:\/\/127\.0\.0\.1:\d+$/, file);
      assert.equal((await fetch(`${server.url}/healthz`)).status, 200, file);
      await server.stop();
    }
  });
});
