import { MIN_ADMIN_TOKEN_LENGTH } from '../http/admin-access.js';
import { DEFAULT_RATE_LIMIT } from '../http/rate-limit.js';
import {
  readOptions,
  STORE_OPTIONS,
  STORE_OPTIONS_USAGE,
  storeLocation,
  UsageError,
  type StoreLocation,
} from './command-line.js';

/** The settings of `was-this-helpful serve`. */
export interface ServeOptions extends StoreLocation {
  port: number;
  host: string;
  corsOrigins: string[];
  rateLimit: number;
  /** Reverse proxies in front of the server whose `X-Forwarded-For` entries are trusted; 0: none. */
  trustProxy: number;
  staticDir?: string;
  /** Content-Security-Policy header sent with the files of `staticDir`. */
  staticCsp?: string;
  /** Store follow-up comments as written, without replacing e-mail addresses and phone numbers. */
  keepPersonalData: boolean;
  /** The token of the owner's report (`/report`, `/api/report`, `/api/comments`); without it they are 404. */
  adminToken?: string;
}

export const USAGE = `Usage: was-this-helpful serve [options]

  --port N             listening port; 0 picks a free one (default 8787, or PORT)
  --host H             listening address (default 127.0.0.1)
${STORE_OPTIONS_USAGE}
  --cors-origin O      an allowed origin; may repeat; * allows any (default: same origin only)
  --rate-limit N       vote requests per minute per client address; 0 turns it off (default 60)
  --trust-proxy N      N reverse proxies in front append to X-Forwarded-For: the client address is
                       the N-th entry from its right (default 0: the header is ignored)
  --static DIR         also serve the files of DIR at /
  --static-csp POLICY  send this Content-Security-Policy header with the files of --static
  --keep-personal-data store follow-up comments as written (default: e-mail addresses become
                       [email] and phone numbers [phone] before they are stored)
  --admin-token TOKEN  serve the owner's report at /report (and /api/report, /api/comments) to
                       whoever gives this token, at least ${MIN_ADMIN_TOKEN_LENGTH} printable ASCII characters (default
                       WAS_THIS_HELPFUL_ADMIN_TOKEN; without one the report is not served)
  --help               show this text`;

function integer(value: string, name: string, min: number, max: number): number {
  if (!/^\d+$/.test(value) || Number(value) < min || Number(value) > max) {
    throw new UsageError(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
  return Number(value);
}

/** Reads the command line (after `serve`) and the environment; the command line wins. */
export function parseServeOptions(args: string[], env: NodeJS.ProcessEnv): ServeOptions | 'help' {
  const values = readOptions(args, {
    port: { type: 'string' },
    host: { type: 'string' },
    ...STORE_OPTIONS,
    'cors-origin': { type: 'string', multiple: true },
    'rate-limit': { type: 'string' },
    'trust-proxy': { type: 'string' },
    static: { type: 'string' },
    'static-csp': { type: 'string' },
    'keep-personal-data': { type: 'boolean' },
    'admin-token': { type: 'string' },
    help: { type: 'boolean' },
  });
  if (values.help) return 'help';
  const store = storeLocation(values, env);
  if (values['static-csp'] !== undefined && values.static === undefined) {
    throw new UsageError('--static-csp is the policy of the files of --static: give --static DIR too');
  }
  if (/[\r\n]/.test(values['static-csp'] ?? '')) throw new UsageError('--static-csp must be one line');
  const port = values.port ?? env.PORT ?? '8787';
  const adminToken = values['admin-token'] ?? (env.WAS_THIS_HELPFUL_ADMIN_TOKEN || undefined);
  const tokenName = values['admin-token'] !== undefined ? '--admin-token' : 'WAS_THIS_HELPFUL_ADMIN_TOKEN';
  if (adminToken !== undefined && adminToken.length < MIN_ADMIN_TOKEN_LENGTH) {
    throw new UsageError(
      `${tokenName} must be at least ${MIN_ADMIN_TOKEN_LENGTH} characters long (it is ${adminToken.length}): a short token can be guessed; make one with: openssl rand -base64 32`,
    );
  }
  // A browser can send only these in a header, and a space would end the token in `Authorization: Bearer …`.
  if (adminToken !== undefined && !/^[\x21-\x7e]+$/.test(adminToken)) {
    throw new UsageError(`${tokenName} must be printable ASCII without spaces (as openssl rand -base64 32 makes)`);
  }
  return {
    port: integer(port, values.port !== undefined ? '--port' : 'PORT', 0, 65535),
    host: values.host ?? '127.0.0.1',
    ...store,
    corsOrigins: values['cors-origin'] ?? [],
    rateLimit: integer(values['rate-limit'] ?? String(DEFAULT_RATE_LIMIT), '--rate-limit', 0, 1_000_000),
    trustProxy: integer(values['trust-proxy'] ?? '0', '--trust-proxy', 0, 10),
    staticDir: values.static,
    staticCsp: values['static-csp'],
    keepPersonalData: values['keep-personal-data'] ?? false,
    adminToken,
  };
}
