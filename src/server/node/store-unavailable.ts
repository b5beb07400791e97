/**
 * Why a store cannot be opened, in one line an owner can act on: which store (a PostgreSQL URL never shows its
 * password) and the reason, found from the file system where SQLite's own words would be vague.
 */
import { accessSync, constants, existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { CommandFailed, type StoreLocation } from './command-line.js';

/** The store as the owner named it: `--db FILE`, or the PostgreSQL URL with its password replaced by `***`. */
export function storeName(location: StoreLocation): string {
  return location.databaseUrl === undefined ? `--db ${location.db}` : withoutPassword(location.databaseUrl);
}

/** `url` with any password (in the user info or a `password=` parameter) replaced by `***`. */
export function withoutPassword(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    if (parsed.searchParams.has('password')) parsed.searchParams.set('password', '***');
    return parsed.toString();
  } catch {
    // Not a URL (a libpq "key=value" string): hide every password=… it holds.
    return url.replace(/(password\s*=\s*)(?:'[^']*'|\S+)/gi, '$1***');
  }
}

/** The refusal for `location`, which failed with `error`: exit code 1, one line, no stack trace. */
export function storeUnavailable(location: StoreLocation, error: unknown): CommandFailed {
  const reason = location.databaseUrl === undefined ? sqliteReason(location.db, error) : postgresReason(error);
  return new CommandFailed(`cannot open the store ${storeName(location)}: ${reason}`);
}

const canAccess = (path: string, mode: number) => {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
};

/** What keeps SQLite from opening (or creating) `file`; the file system says it more plainly than SQLite. */
export function sqliteReason(file: string, error?: unknown): string {
  const folder = dirname(resolve(file));
  if (!existsSync(folder)) return `the folder ${folder} does not exist (create it, or give another --db FILE)`;
  if (!statSync(folder).isDirectory()) return `${folder} is not a folder`;
  if (!existsSync(file)) {
    if (error === undefined) return 'no such file (give the --db FILE that serve writes to)';
  } else if (statSync(file).isDirectory()) return 'it is a folder, not a SQLite file (give a file name inside it)';
  else if (!canAccess(file, constants.R_OK | constants.W_OK)) return 'no permission to read and write the file';
  // The -wal and -shm files are created beside the database: its folder must be writable too.
  if (!canAccess(folder, constants.W_OK | constants.X_OK))
    return `no permission to create files in the folder ${folder} (SQLite keeps its -wal and -shm files there)`;
  const code = (error as { code?: string } | undefined)?.code;
  if (code === 'SQLITE_NOTADB') return 'the file is not a SQLite database';
  return oneLine(error);
}

/** PostgreSQL's reason, with the network errors (which come without a message of their own) named. */
export function postgresReason(error: unknown): string {
  const code = (error as { code?: string }).code;
  if (code === 'ECONNREFUSED') return 'the connection was refused (is PostgreSQL running and listening there?)';
  if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return 'the host name does not resolve';
  if (code === 'ETIMEDOUT' || code === 'EHOSTUNREACH') return 'the host cannot be reached';
  return oneLine(error);
}

const oneLine = (error: unknown) =>
  ((error as Error | undefined)?.message || String((error as { code?: string })?.code ?? error)).replace(/\s+/g, ' ');
