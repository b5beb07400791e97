/** `was-this-helpful comments`: the follow-ups readers sent, newest first, for the owner to read or export. */
import { formatComments } from '../report/comments-output.js';
import { readCommentsRequest, type CommentsRequest } from '../report/comments-request.js';
import type { OutputFormat } from '../report/output-format.js';
import {
  asUsageError,
  FILTER_OPTIONS,
  FORMAT_OPTION_USAGE,
  CommandFailed,
  readOptions,
  readOutputFormat,
  STORE_OPTIONS,
  STORE_OPTIONS_USAGE,
  storeLocation,
  type StoreLocation,
} from './command-line.js';
import { withStore } from './open-store.js';

export const COMMENTS_USAGE = `Usage: was-this-helpful comments [options]

The follow-ups readers sent with their votes (why they voted), newest first.

  --since WHEN         the window's first day: a number of days ending with --until (30d),
                       all, or a date YYYY-MM-DD (default 30d: --until and the 29 days before)
  --until DATE         the window's last day, included (default today); days are UTC days
  --prefix TEXT        only items whose id starts with TEXT
  --item ID            only this item
  --vote yes|no        only follow-ups of this vote
  --reason CODE        only follow-ups with this reason
  --search TEXT        only comments that hold TEXT, ignoring case
${FORMAT_OPTION_USAGE}
${STORE_OPTIONS_USAGE}
  --help               show this text`;

/** What `comments` was asked for. */
export interface CommentsOptions extends CommentsRequest {
  store: StoreLocation;
  format: OutputFormat;
}

/** Reads the command line (after `comments`) on the day of `now`. */
export function parseCommentsOptions(args: string[], env: NodeJS.ProcessEnv, now: Date): CommentsOptions | 'help' {
  const values = readOptions(args, {
    ...FILTER_OPTIONS,
    vote: { type: 'string' },
    reason: { type: 'string' },
    search: { type: 'string' },
    ...STORE_OPTIONS,
    help: { type: 'boolean' },
  });
  if (values.help) return 'help';
  return {
    store: storeLocation(values, env),
    ...asUsageError(() => readCommentsRequest(values, now)),
    format: readOutputFormat(values.format),
  };
}

export async function commentsCommand(args: string[]): Promise<void> {
  const options = parseCommentsOptions(args, process.env, new Date());
  if (options === 'help') {
    console.log(COMMENTS_USAGE);
    return;
  }
  const followUps = await withStore(options.store, async (store) => {
    if (!store.followUps) throw new CommandFailed('this store keeps no follow-ups');
    return store.followUps(options.filter);
  });
  process.stdout.write(formatComments(followUps, options.window, options.format));
}
