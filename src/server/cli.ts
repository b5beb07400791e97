import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type RequestListener, type ServerOptions } from 'node:http';
import { relative, resolve } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Context } from 'hono';
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { serveStatic } from '@hono/node-server/serve-static';
import { compress } from 'hono/compress';
import { forwardedClientAddress } from './client-address.js';
import { createVotesApp } from './handler.js';
import { readNodeBody } from './node-body.js';
import { readNodeHeader } from './node-header.js';
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

const CONNECT_BODY = JSON.stringify({ error: 'CONNECT is not allowed here' });
const CONNECT_REFUSED = [
  'HTTP/1.1 405 Method Not Allowed',
  'Allow: GET, POST',
  'Content-Type: application/json',
  'X-Content-Type-Options: nosniff',
  `Content-Length: ${CONNECT_BODY.length}`,
  'Connection: close',
  '',
  CONNECT_BODY,
].join('\r\n');

/**
 * Node's HTTP server, with `X-Content-Type-Options: nosniff` set on each response before Hono answers: no
 * answer of this server (the API's JSON, a static file, a 404) may be sniffed as another type, and set here
 * it costs Hono nothing (see `platformSendsNoSniff`).
 */
const createNoSniffServer = ((options: ServerOptions, listener: RequestListener) =>
  createServer(options, (request, response) => {
    response.setHeader('X-Content-Type-Options', 'nosniff');
    listener(request, response);
  })) as typeof createServer;

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
  const server = serve({ fetch: app.fetch, port: options.port, hostname: options.host, createServer: createNoSniffServer }, (address) => {
    console.log(`listening on ${listeningUrl(address)}`);
  });
  // Node closes a CONNECT request's connection without a word unless someone listens: answer it like
  // any other method the API does not know.
  server.on('connect', (_request: unknown, socket: Duplex) => {
    socket.on('error', () => socket.destroy()); // the client may be gone already; Node no longer watches this socket
    socket.end(CONNECT_REFUSED);
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

/** The version of this package, from its package.json (three folders up from `dist/node/server/cli.js`). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
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
