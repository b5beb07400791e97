/** What every `was-this-helpful` command shares: its mistakes, and the reading of its options. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { InvalidFilter } from '../report/invalid-filter.js';
import { isOutputFormat, OUTPUT_FORMATS, type OutputFormat } from '../report/output-format.js';

/** A mistake in the command line: the message is for the person who typed it (exit code 2). */
export class UsageError extends Error {}

/**
 * The command could not do its work for a reason outside the command line (an unreachable database): the
 * message is for the person who ran it (exit code 1).
 */
export class CommandFailed extends Error {}

/** The result of `read`, with a filter it cannot read (`InvalidFilter`) turned into a `UsageError`. */
export function asUsageError<T>(read: () => T): T {
  try {
    return read();
  } catch (error) {
    throw error instanceof InvalidFilter ? new UsageError(error.message) : error;
  }
}

/** The options `report` and `comments` share: the window, the items, and how to print. */
export const FILTER_OPTIONS = {
  since: { type: 'string' },
  until: { type: 'string' },
  prefix: { type: 'string' },
  item: { type: 'string' },
  format: { type: 'string' },
} as const;

export const FORMAT_OPTION_USAGE = `  --format FORMAT      table (the default: fits 80 columns), csv or json`;

/** `--format` of the owner's commands: `table` unless `csv` or `json` is asked for. */
export function readOutputFormat(format = 'table'): OutputFormat {
  if (!isOutputFormat(format))
    throw new UsageError(`--format must be ${OUTPUT_FORMATS.join(', ')}, not ${JSON.stringify(format)}`);
  return format;
}

type Options = NonNullable<ParseArgsConfig['options']>;
/** What `parseArgs` reads for `T`, strictly and without positionals. */
type OptionValues<T extends Options> = ReturnType<
  typeof parseArgs<{ args: string[]; strict: true; allowPositionals: false; options: T }>
>['values'];

/** The options of `args` by `options`, strictly: an unknown option or a stray argument is a `UsageError`. */
export function readOptions<T extends Options>(args: string[], options: T): OptionValues<T> {
  try {
    return parseArgs({ args, strict: true, allowPositionals: false, options }).values;
  } catch (error) {
    // One line, as every refusal of the command line is: parseArgs adds its advice on lines of their own.
    throw new UsageError((error as Error).message.replace(/\s*\n\s*/g, ' '));
  }
}

/** The usage line of each store option, shared by the commands that open the store. */
export const STORE_OPTIONS_USAGE = `  --db FILE            SQLite database file (default ./helpful.sqlite)
  --database-url URL   PostgreSQL URL instead of SQLite (default DATABASE_URL)`;

/** The store options, for `readOptions`. */
export const STORE_OPTIONS = {
  db: { type: 'string' },
  'database-url': { type: 'string' },
} as const;

/** Where the store is: `--database-url`, else `--db`, else `DATABASE_URL`, else `./helpful.sqlite`. */
export interface StoreLocation {
  /** SQLite file, when no `databaseUrl` is set. */
  db: string;
  /** PostgreSQL URL; when set, SQLite is not used. */
  databaseUrl?: string;
}

/** The store the options name; the command line beats the environment; `--db` and `--database-url` together are an error. */
export function storeLocation(values: { db?: string; 'database-url'?: string }, env: NodeJS.ProcessEnv): StoreLocation {
  if (values.db !== undefined && values['database-url'] !== undefined) {
    throw new UsageError('--db and --database-url cannot be used together: choose SQLite or PostgreSQL');
  }
  return {
    db: values.db ?? './helpful.sqlite',
    // --db on the command line beats DATABASE_URL from the environment.
    databaseUrl: values['database-url'] ?? (values.db === undefined ? env.DATABASE_URL || undefined : undefined),
  };
}
