import { existsSync } from 'node:fs';
import { CommandFailed, UsageError, type StoreLocation } from './command-line.js';
import { SchemaTooNew } from '../stores/schema-version.js';
import { sqliteReason, storeName, storeUnavailable } from './store-unavailable.js';
import type { VoteStore } from '../stores/vote-store.js';

/**
 * Opens (and creates or migrates) the store of `location`. `mustExist`: for the commands that only read or
 * delete, a SQLite file that is not there is a mistake (a wrong path), not a new database to create. A store
 * that cannot be opened is a `CommandFailed` naming it and the reason.
 */
export async function openStore(location: StoreLocation, { mustExist = false } = {}): Promise<VoteStore> {
  const hint = (name: string) =>
    `The ${name} store needs the "${name}" package: npm install ${name}` +
    ' (it is an optional peer dependency, so that front-end users of the widget never compile it).';
  if (location.databaseUrl) {
    const { PostgresStore } = await import('../stores/postgres-store.js').catch(() => {
      throw new UsageError(hint('pg'));
    });
    const store = new PostgresStore(location.databaseUrl);
    try {
      await store.init();
    } catch (error) {
      await store.close();
      throw error instanceof SchemaTooNew ? error : storeUnavailable(location, error);
    }
    return store;
  }
  if (mustExist && !existsSync(location.db))
    throw new CommandFailed(`cannot open the store ${storeName(location)}: ${sqliteReason(location.db)}`);
  const { SqliteStore } = await import('../stores/sqlite-store.js').catch(() => {
    throw new UsageError(hint('better-sqlite3'));
  });
  try {
    return new SqliteStore(location.db);
  } catch (error) {
    throw error instanceof SchemaTooNew ? error : storeUnavailable(location, error);
  }
}

/**
 * Runs `work` on the existing store of `location`, and closes it. A store that cannot be opened or read (an
 * unreachable database) is a `CommandFailed`, with its message rather than a stack trace.
 */
export async function withStore<T>(location: StoreLocation, work: (store: VoteStore) => Promise<T>): Promise<T> {
  const failed = (error: unknown, doing: string) =>
    error instanceof UsageError || error instanceof CommandFailed || error instanceof SchemaTooNew
      ? error
      : new CommandFailed(`cannot ${doing} the store: ${(error as Error).message}`);
  let store: VoteStore;
  try {
    store = await openStore(location, { mustExist: true });
  } catch (error) {
    throw failed(error, 'open');
  }
  try {
    return await work(store);
  } catch (error) {
    throw failed(error, 'use');
  } finally {
    await store.close();
  }
}
