import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { forwardedClientAddress } from './client-address.js';
import { createVotesApp } from './handler.js';
import { readNodeBody } from './node-body.js';
import { readNodeHeader } from './node-header.js';
import { createNodeServer } from './node-server.js';
import { parseServeOptions, USAGE, UsageError, type ServeOptions } from './options.js';
import { SchemaTooNew } from './schema-version.js';
import type { VoteStore } from './store.js';

async function openStore(options: ServeOptions): Promise<VoteStore> {
  const hint = (name: string) =>
    `The ${name} store needs the "${name}" package: npm install ${name}` +
    ' (it is an optional peer dependency, so that front-end users of the widget never compile it).';
  if (options.databaseUrl) {
    const { PostgresStore } = await import('./postgres-store.js').catch(() => {
      throw new UsageError(hint('pg'));
    });
    const store = new PostgresStore(options.databaseUrl);
    await store.init();
    return store;
  }
  const { SqliteStore } = await import('./sqlite-store.js').catch(() => {
    throw new UsageError(hint('better-sqlite3'));
  });
  return new SqliteStore(options.db);
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
  if (options.staticDir && !(existsSync(options.staticDir) && statSync(options.staticDir).isDirectory())) {
    throw new UsageError(`--static ${options.staticDir}: no such directory`);
  }
  const store = await openStore(options);
  const connectionAddress = (c: Context) => getConnInfo(c).remote.address;
  const app = createVotesApp({
    store,
    corsOrigins: options.corsOrigins,
    rateLimit: options.rateLimit,
    // Without --trust-proxy, X-Forwarded-For is never read: any client could write it.
    clientAddress: options.trustProxy > 0
      ? (c) => forwardedClientAddress(readNodeHeader(c, 'X-Forwarded-For'), options.trustProxy) ?? connectionAddress(c)
      : connectionAddress,
    readBody: readNodeBody,
    readHeader: readNodeHeader,
    platformSendsNoSniff: true,
  });
  if (options.staticDir) {
    const { staticCsp } = options;
    // Registered after the API's routes: only what they leave (the static files, and 404s) gets the policy.
    if (staticCsp) {
      app.use('/*', async (c, next) => {
        await next();
        c.header('Content-Security-Policy', staticCsp);
      });
    }
    // The widget's bundle is 27 KB as it is and 11 KB gzipped. Like the policy above, this applies to the
    // static files only: the API's answers are small, and compressing them would cost votes per second.
    app.use('/*', compress());
    app.use('/*', serveStatic({ root: relative(process.cwd(), resolve(options.staticDir)) || '.' }));
  }
  const server = createNodeServer({ fetch: app.fetch, hostname: options.host });
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

export async function main(argv: string[]): Promise<void> {
  const [command, ...args] = argv;
  try {
    if (command === 'serve') await serveCommand(args);
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
