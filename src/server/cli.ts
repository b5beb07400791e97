import { existsSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { createVotesApp } from './handler.js';
import { readNodeBody } from './node-body.js';
import { parseServeOptions, USAGE, UsageError, type ServeOptions } from './options.js';
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
  const app = createVotesApp({
    store,
    corsOrigins: options.corsOrigins,
    rateLimit: options.rateLimit,
    clientAddress: (c) => getConnInfo(c).remote.address,
    readBody: readNodeBody,
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
    app.use('/*', serveStatic({ root: relative(process.cwd(), resolve(options.staticDir)) || '.' }));
  }
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host }, (address) => {
    console.log(`listening on ${listeningUrl(address)}`);
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
    if (error instanceof UsageError) {
      console.error(`was-this-helpful: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}
