/**
 * The window of days the owner's commands read (CONTRACT.md section 6): `--since` (`30d` by default: the
 * `--until` day and the 29 days before it; `all`; or a date) to `--until` (today by default), both days
 * included. Days are UTC calendar days, everywhere.
 */
import { InvalidFilter } from './invalid-filter.js';

/** The days a report covers, and the instants that bound them. */
export interface ReportWindow {
  /** The first day, `YYYY-MM-DD`, or `null` for no limit (`all`). */
  since: string | null;
  /** The last day, `YYYY-MM-DD`, included. */
  until: string;
  /** The start of `since` (00:00 UTC), or `undefined` for no limit. */
  from?: Date;
  /** The end of `until`: the start of the next day, excluded. */
  to: Date;
}

/** A `--since`, `--until` or `--before` the commands cannot read; the message is for the person who typed it. */
export class InvalidWindow extends InvalidFilter {}

const DAY_MS = 24 * 60 * 60 * 1000;
/** The most days `--since Nd` may name: about 270 years, more than any database holds. */
const MAX_DAYS = 99_999;

/** The UTC day of an instant, `YYYY-MM-DD`. */
export const dayOf = (instant: Date): string => instant.toISOString().slice(0, 10);

/** The start (00:00 UTC) of a `YYYY-MM-DD` day; `InvalidWindow` for anything else, or a day that does not exist. */
export function startOfDay(day: string, option: string): Date {
  const start = /^\d{4}-\d{2}-\d{2}$/.test(day) ? new Date(`${day}T00:00:00Z`) : undefined;
  if (!start || Number.isNaN(start.getTime()) || dayOf(start) !== day)
    throw new InvalidWindow(`${option} must be a date YYYY-MM-DD (a UTC day), not ${JSON.stringify(day)}`);
  return start;
}

/** The window of `--since` and `--until` (each `undefined` when not given), seen on the day of `now`. */
export function reportWindow(options: { since?: string; until?: string }, now: Date): ReportWindow {
  const { since = '30d', until = dayOf(now) } = options;
  const to = new Date(startOfDay(until, '--until').getTime() + DAY_MS);
  if (since === 'all') return { since: null, until, to };
  const days = /^(\d+)d$/.exec(since);
  if (days) {
    const count = Number(days[1]);
    if (count < 1 || count > MAX_DAYS)
      throw new InvalidWindow(`--since ${since}: the number of days must be from 1 to ${MAX_DAYS}`);
    const from = new Date(to.getTime() - count * DAY_MS);
    return { since: dayOf(from), until, from, to };
  }
  if (!/^\d{4}-/.test(since))
    throw new InvalidWindow(
      `--since must be a number of days (30d), all, or a date YYYY-MM-DD, not ${JSON.stringify(since)}`,
    );
  const from = startOfDay(since, '--since');
  if (from >= to) throw new InvalidWindow(`--since ${since} is after --until ${until}`);
  return { since, until, from, to };
}
