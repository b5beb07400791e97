import { existsSync, readFileSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { forwardedClientAddress } from '../http/client-address.js';
import { HEALTH_PATH, VOTES_PATH } from '../http/votes-app.js';
import { createNodeVotesApp } from './node-votes-app.js';
import { createNodeServer } from './node-server.js';
import { parseServeOptions, USAGE, UsageError, type ServeOptions } from './serve-options.js';
import { SchemaTooNew } from '../stores/schema-version.js';
import { StaticFiles } from './static-files.js';
import { liesInside, readStaticFolder, StaticFolderError } from './static-folder.js';
import type { VoteStore } from '../stores/vote-store.js';

async function openStore(options: ServeOptions): Promise<VoteStore> {
  const hint = (name: string) =>
    `The ${name} store needs the "${name}" package: npm install ${name}` +
    ' (it is an optional peer dependency, so that front-end users of the widget never compile it).';
  if (options.databaseUrl) {
    const { PostgresStore } = await import('../stores/postgres-store.js').catch(() => {
      throw new UsageError(hint('pg'));
    });
    const store = new PostgresStore(options.databaseUrl);
    await store.init();
    return store;
  }
  const { SqliteStore } = await import('../stores/sqlite-store.js').catch(() => {
    throw new UsageError(hint('better-sqlite3'));
  });
  return new SqliteStore(options.db);
}

/**
 * The files of `--static`, read into memory before the store is opened: a database inside the folder is
 * refused before SQLite creates it there.
 */
function readStaticFiles(options: ServeOptions): StaticFiles | undefined {
  const { staticDir } = options;
  if (!staticDir) return undefined;
  if (!(existsSync(staticDir) && statSync(staticDir).isDirectory()))
    throw new UsageError(`--static ${staticDir}: no such directory`);
  // Its -wal and -shm files lie beside it, and hold recent votes and voter ids too.
  if (!options.databaseUrl && liesInside(options.db, staticDir)) {
    throw new UsageError(
      `--db ${options.db} is inside --static ${staticDir}: the database and its -wal file (votes, voter ids) would be served to anyone; keep it outside the folder`,
    );
  }
  try {
    return new StaticFiles(readStaticFolder(staticDir, { reservedPaths: [VOTES_PATH, HEALTH_PATH] }), {
      csp: options.staticCsp,
    });
  } catch (error) {
    throw error instanceof StaticFolderError ? new UsageError(error.message) : error;
  }
}

function listeningUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

async function serveCommand(args: string[]): Promise<void> {
  const options = parseServeOptions(args, process.env);
  if (options === 'help') {
    console.log(USAGE);
    return;
  }
  const staticFiles = readStaticFiles(options);
  const store = await openStore(options);
  const connectionAddress = (c: Context) => getConnInfo(c).remote.address;
  const app = createNodeVotesApp({
    store,
    corsOrigins: options.corsOrigins,
    rateLimit: options.rateLimit,
    // Without --trust-proxy, X-Forwarded-For is never read: any client could write it.
    clientAddress:
      options.trustProxy > 0
        ? (c) => forwardedClientAddress(c.req.header('X-Forwarded-For'), options.trustProxy) ?? connectionAddress(c)
        : connectionAddress,
  });
  const server = createNodeServer({ fetch: app.fetch, hostname: options.host, staticFiles });
  server.listen(options.port, options.host, () => {
    console.log(`listening on ${listeningUrl(server.address() as AddressInfo)}`);
  });
  server.on('error', (error) => {
    console.error(`was-this-helpful: cannot listen on ${options.host}:${options.port}: ${error.message}`);
    process.exit(1);
  });
  const stop = () => {
    server.close();
    void store.close().finally(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

/** The version of this package, from its package.json (four folders up from `dist/node/server/node/cli.js`). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}

export async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  try {
    if (command === 'serve') await serveCommand(args);
    else if (command === '--version' || command === 'version') console.log(packageVersion());
    else if (command === undefined || command === '--help' || command === 'help') console.log(USAGE);
    else throw new UsageError(`Unknown command "${command}"\n\n${USAGE}`);
  } catch (error) {
    // Mistakes the person running it can fix get a message, not a stack trace.
    const exitCode = error instanceof UsageError ? 2 : error instanceof SchemaTooNew ? 1 : undefined;
    if (exitCode === undefined) throw error;
    console.error(`was-this-helpful: ${(error as Error).message}`);
    process.exit(exitCode);
  }
}
