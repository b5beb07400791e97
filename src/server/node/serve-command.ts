/** `was-this-helpful serve`: the votes endpoint over HTTP, with the static files and the report page it is given. */
import { existsSync, statSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import type { Context } from 'hono';
import { getConnInfo } from '@hono/node-server/conninfo';
import { forwardedClientAddress } from '../http/client-address.js';
import { HEALTH_PATH, VOTES_PATH } from '../http/votes-app.js';
import { createNodeVotesApp } from './node-votes-app.js';
import { createNodeServer } from './node-server.js';
import { UsageError } from './command-line.js';
import { openStore } from './open-store.js';
import { readReportPage } from './report-page-files.js';
import { REPORT_PATHS } from '../http/report-routes.js';
import { parseServeOptions, USAGE as SERVE_USAGE, type ServeOptions } from './serve-options.js';
import { StaticFiles } from './static-files.js';
import { liesInside, readStaticFolder, StaticFolderError } from './static-folder.js';

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
    return new StaticFiles(
      readStaticFolder(staticDir, {
        reservedPaths: [VOTES_PATH, HEALTH_PATH, ...(options.adminToken ? REPORT_PATHS : [])],
      }),
      {
        csp: options.staticCsp,
      },
    );
  } catch (error) {
    throw error instanceof StaticFolderError ? new UsageError(error.message) : error;
  }
}

function listeningUrl(address: AddressInfo): string {
  const host = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return `http://${host}:${address.port}`;
}

export async function serveCommand(args: string[]): Promise<void> {
  const options = parseServeOptions(args, process.env);
  if (options === 'help') {
    console.log(SERVE_USAGE);
    return;
  }
  const staticFiles = readStaticFiles(options);
  const reportPage = options.adminToken ? readReportPage() : undefined;
  const store = await openStore(options);
  const connectionAddress = (c: Context) => getConnInfo(c).remote.address;
  const app = createNodeVotesApp(
    {
      store,
      corsOrigins: options.corsOrigins,
      rateLimit: options.rateLimit,
      keepPersonalData: options.keepPersonalData,
      adminToken: options.adminToken,
      // Without --trust-proxy, X-Forwarded-For is never read: any client could write it.
      clientAddress:
        options.trustProxy > 0
          ? (c) => forwardedClientAddress(c.req.header('X-Forwarded-For'), options.trustProxy) ?? connectionAddress(c)
          : connectionAddress,
    },
    reportPage,
  );
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
