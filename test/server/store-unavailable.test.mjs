/**
 * A store that cannot be opened, for every command that opens one (issue 17, part 4): one line naming the
 * store (a URL without its password) and the reason, exit code 1, no stack trace; run through the bin, on
 * the real SQLite and PostgreSQL.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { CLI, runCli } from './support/server-process.mjs';

const COMMANDS = [['serve', '--port', '0'], ['comments'], ['purge', '--before', '2026-01-01']];

/** A folder that another user can enter (mkdtemp's are private to their owner). */
function openFolder() {
  const folder = mkdtempSync(join(tmpdir(), 'wth-unavailable-'));
  chmodSync(folder, 0o755);
  return folder;
}

/**
 * Runs each command on `storeArgs` and checks the one-line refusal: it names the store as `name` (by default
 * the arguments themselves) and gives `reason`.
 * @param {string[]} storeArgs
 * @param {RegExp} reason
 * @param {{ name?: string, runAs?: string[] }} [options]
 */
async function assertRefusedByEveryCommand(storeArgs, reason, { name = storeArgs.join(' '), runAs } = {}) {
  for (const command of COMMANDS) {
    const { code, stdout, stderr } = await runCli([...command, ...storeArgs], {}, { runAs });
    const what = `${command[0]} ${storeArgs.join(' ')}`;
    assert.equal(code, 1, `${what}: ${stderr}`);
    assert.equal(stdout, '', what);
    assert.match(stderr, /^was-this-helpful: cannot open the store [^\n]+\n$/, what);
    assert.ok(stderr.startsWith(`was-this-helpful: cannot open the store ${name}: `), `${what} names the store`);
    assert.match(stderr, reason, what);
    assert.doesNotMatch(stderr, /\n\s+at /, `${what}: no stack trace`);
  }
}

describe('a SQLite store that cannot be opened', () => {
  it('names the missing folder', async () => {
    const missing = join(openFolder(), 'not-created', 'votes.sqlite');
    await assertRefusedByEveryCommand(['--db', missing], /the folder \S*not-created does not exist/);
  });

  it('says a folder is not a SQLite file', async () => {
    await assertRefusedByEveryCommand(['--db', openFolder()], /it is a folder, not a SQLite file/);
  });

  it('says a file that is not SQLite is not a SQLite database, and leaves it as it was', async () => {
    const file = join(openFolder(), 'notes.txt');
    const text = 'These are my notes, not a database.\n'.repeat(200);
    writeFileSync(file, text);
    await assertRefusedByEveryCommand(['--db', file], /the file is not a SQLite database/);
    assert.equal(spawnSync('cat', [file]).stdout.toString(), text);
  });

  it('refuses a file that is not there for the commands that only read or delete it', async () => {
    const missing = join(openFolder(), 'votes.sqlite');
    for (const command of COMMANDS.slice(1)) {
      const { code, stderr } = await runCli([...command, '--db', missing]);
      assert.equal(code, 1);
      assert.match(stderr, /^was-this-helpful: cannot open the store --db \S+votes\.sqlite: no such file[^\n]*\n$/);
    }
  });

  // Root may write anything: the commands then run as "nobody", so that the refusal is the real one.
  const root = process.getuid?.() === 0;
  const setpriv = spawnSync('setpriv', ['--version']).status === 0;
  const runAs = root ? ['setpriv', '--reuid=nobody', '--regid=nogroup', '--clear-groups'] : [];
  /** Why the permission cases cannot run here, or `false`: as root they need setpriv, and a checkout "nobody" can read. */
  const noUserToDropTo = !root
    ? false
    : !setpriv
      ? 'running as root without setpriv: root may write any file'
      : spawnSync(runAs[0], [...runAs.slice(1), 'test', '-r', CLI]).status !== 0
        ? `running as root, and "nobody" cannot read ${CLI} (a private folder): root may write any file`
        : false;

  it('says a file it may not write is not writable', { skip: noUserToDropTo }, async () => {
    const file = join(openFolder(), 'votes.sqlite');
    writeFileSync(file, '');
    chmodSync(file, 0o444);
    await assertRefusedByEveryCommand(['--db', file], /no permission to read and write the file/, { runAs });
  });

  it(
    'says a folder it may not write in cannot hold the database and its -wal file',
    { skip: noUserToDropTo },
    async () => {
      const folder = join(openFolder(), 'read-only');
      mkdirSync(folder, { mode: 0o555 });
      const file = join(folder, 'votes.sqlite');
      const { code, stderr } = await runCli(['serve', '--port', '0', '--db', file], {}, { runAs });
      assert.equal(code, 1);
      assert.match(
        stderr,
        /^was-this-helpful: cannot open the store --db \S+: no permission to create files in the folder /,
      );
    },
  );
});

describe('a PostgreSQL store that cannot be opened', () => {
  it('says the connection was refused, naming the URL without its password', async () => {
    const url = 'postgres://owner:hunter2@127.0.0.1:1/votes?password=hunter2';
    await assertRefusedByEveryCommand(['--database-url', url], /the connection was refused/, {
      name: 'postgres://owner:***@127.0.0.1:1/votes?password=***',
    });
  });

  const server = process.env.WTH_TEST_DATABASE_URL;
  it(
    "gives the real server's reason for a database that is not there",
    { skip: !server && 'no PostgreSQL' },
    async () => {
      const url = new URL(server);
      url.pathname = '/wth_no_such_database';
      url.password = 'hunter2';
      const name = url.toString().replace(':hunter2@', ':***@');
      await assertRefusedByEveryCommand(
        ['--database-url', url.toString()],
        /database "wth_no_such_database" does not exist/,
        {
          name,
        },
      );
    },
  );
});
