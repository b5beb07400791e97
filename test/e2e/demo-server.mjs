import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { startServer, tempDb } from '../server/server-process.mjs';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

/**
 * Registers before/after hooks that run `was-this-helpful serve --static demo` on a fresh SQLite file
 * and launch Debian's Chromium. The returned object's `server` may be replaced by a test (a restart).
 */
export function demoServer(serverArgs = [], { seed } = {}) {
  const context = { browser: undefined, server: undefined, db: tempDb() };
  before(async () => {
    context.server = await startServer(['--static', 'demo', '--db', context.db, ...serverArgs]);
    await seed?.(context.server);
    context.browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  });
  after(async () => {
    await context.browser?.close();
    await context.server?.stop();
  });
  return context;
}
