/** `was-this-helpful purge --before DATE`: the owner deletes the follow-ups received before a day. */
import { startOfDay } from '../report/report-window.js';
import {
  asUsageError,
  CommandFailed,
  readOptions,
  STORE_OPTIONS,
  STORE_OPTIONS_USAGE,
  storeLocation,
  UsageError,
  type StoreLocation,
} from './command-line.js';
import { withStore } from './open-store.js';

export const PURGE_USAGE = `Usage: was-this-helpful purge --before DATE [options]

Deletes the follow-ups (reasons and comments) received before DATE, and says how many. Votes stay.

  --before DATE        required: the first day to keep, YYYY-MM-DD (a UTC day: what was received
                       before its 00:00 UTC goes)
${STORE_OPTIONS_USAGE}
  --help               show this text`;

export interface PurgeOptions {
  store: StoreLocation;
  /** The day given, `YYYY-MM-DD`. */
  before: string;
  /** Its start: follow-ups received before this instant are deleted. */
  cutoff: Date;
}

/** Reads the command line (after `purge`). */
export function parsePurgeOptions(args: string[], env: NodeJS.ProcessEnv): PurgeOptions | 'help' {
  const values = readOptions(args, { before: { type: 'string' }, ...STORE_OPTIONS, help: { type: 'boolean' } });
  if (values.help) return 'help';
  const { before } = values;
  if (before === undefined) throw new UsageError('purge needs --before DATE (YYYY-MM-DD): the first day to keep');
  return { store: storeLocation(values, env), before, cutoff: asUsageError(() => startOfDay(before, '--before')) };
}

export async function purgeCommand(args: string[]): Promise<void> {
  const options = parsePurgeOptions(args, process.env);
  if (options === 'help') {
    console.log(PURGE_USAGE);
    return;
  }
  const deleted = await withStore(options.store, async (store) => {
    if (!store.purgeFollowUps) throw new CommandFailed('this store keeps no follow-ups');
    return store.purgeFollowUps(options.cutoff);
  });
  const count = deleted === 1 ? '1 follow-up' : `${deleted} follow-ups`;
  console.log(`Deleted ${count} received before ${options.before} (UTC).`);
}
