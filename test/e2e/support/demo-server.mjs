import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { DEMO_CSP } from '../../../scripts/demo-csp.mjs';
import { startServer, tempDb } from '../../server/support/server-process.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

/** How `npm start` serves the demo: its files, under its strict Content-Security-Policy. */
export const demoArgs = (csp = DEMO_CSP) => ['--static', 'demo', '--static-csp', csp];

/**
 * Registers before/after hooks that run `was-this-helpful serve --static demo` (under `csp`, the demo's
 * own policy unless told otherwise) on a fresh SQLite file and launch Debian's Chromium. The returned
 * object's `server` may be replaced by a test (a restart).
 *
 * @param {string[]} [serverArgs]
 * @param {{ seed?: (server: any) => Promise<void>, csp?: string }} [options]
 */
export function demoServer(serverArgs = [], { seed, csp } = {}) {
  const context = { browser: undefined, server: undefined, db: tempDb() };
  before(async () => {
    context.server = await startServer([...demoArgs(csp), '--db', context.db, ...serverArgs]);
    await seed?.(context.server);
    context.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await context.browser?.close();
    await context.server?.stop();
  });
  return context;
}
