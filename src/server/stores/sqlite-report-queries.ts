/**
 * The SQL of the owner's report on SQLite (`report` of the store), apart so that the tests can ask the
 * database how it runs each (EXPLAIN): on the indexes of schema 3, never a scan of every vote per item.
 */
import { prefixEnd } from './item-prefix.js';
import type { ReportQuery } from './vote-store.js';

/** The conditions of a report's query on the window of `time` and the item (or the prefix) of `item`. */
function reportConditions(
  query: ReportQuery,
  columns: { time: string; item: string },
): { where: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const where = (condition: string, value: unknown) => {
    conditions.push(condition);
    parameters.push(value);
  };
  if (query.from) where(`${columns.time} >= ?`, query.from.getTime());
  where(`${columns.time} < ?`, query.to.getTime());
  if (query.item !== undefined) where(`${columns.item} = ?`, query.item);
  if (query.prefix) {
    where(`${columns.item} >= ?`, query.prefix);
    const end = prefixEnd(query.prefix);
    if (end !== undefined) where(`${columns.item} < ?`, end);
  }
  return { where: conditions.join(' AND '), parameters };
}

/**
 * Each known item (a row of `tallies`) with its votes last cast or changed in the window, and in the window
 * before: each count is a range of the index on (item, vote, updated_at), counted where it lies, and the
 * latest vote is the last entry of two such ranges. No vote is read twice, moved or sorted, which costs about
 * half of grouping the window's votes by item. Items without votes in the window come back with 0 and 0.
 */
export function windowVotesQuery(query: ReportQuery): { sql: string; parameters: unknown[] } {
  const parameters: unknown[] = [];
  /** A subquery on the votes of `t.item` with vote `vote`, from `start` (included, if any) to `end`. */
  const votes = (what: string, vote: 'yes' | 'no', start: Date | undefined, end: Date) => {
    if (start) parameters.push(start.getTime());
    parameters.push(end.getTime());
    return `(SELECT ${what} FROM votes v WHERE v.item = t.item AND v.vote = '${vote}'${start ? ' AND v.updated_at >= ?' : ''} AND v.updated_at < ?)`;
  };
  const { from, to, previousFrom } = query;
  const columns = [
    `${votes('count(*)', 'yes', from, to)} AS yes`,
    `${votes('count(*)', 'no', from, to)} AS no`,
    previousFrom && from ? `${votes('count(*)', 'yes', previousFrom, from)} AS previousYes` : '0 AS previousYes',
    previousFrom && from ? `${votes('count(*)', 'no', previousFrom, from)} AS previousNo` : '0 AS previousNo',
    // coalesce: SQLite's max() of several values is NULL when one of them is.
    `max(coalesce(${votes('max(updated_at)', 'yes', undefined, to)}, 0), coalesce(${votes('max(updated_at)', 'no', undefined, to)}, 0)) AS latest`,
  ];
  const conditions: string[] = [];
  if (query.item !== undefined) {
    conditions.push('t.item = ?');
    parameters.push(query.item);
  }
  if (query.prefix) {
    conditions.push('t.item >= ?');
    parameters.push(query.prefix);
    const end = prefixEnd(query.prefix);
    if (end !== undefined) {
      conditions.push('t.item < ?');
      parameters.push(end);
    }
  }
  return {
    sql: `SELECT t.item AS item, ${columns.join(', ')} FROM tallies t
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}`,
    parameters,
  };
}

/**
 * The follow-ups on the votes of the window, by item, vote and reason. A follow-up is received with its vote
 * or after it (a changed vote deletes it), so those received before the window's start are left out by the
 * index on the received time before the votes are looked up.
 */
export function reportFollowUpsQuery(query: ReportQuery): { sql: string; parameters: unknown[] } {
  const { where, parameters } = reportConditions(query, { time: 'v.updated_at', item: 'f.item' });
  const received = query.from ? 'f.received_at >= ? AND ' : '';
  return {
    sql: `SELECT f.item AS item, f.vote AS vote, f.reason AS reason, count(*) AS given, count(f.comment) AS comments
      FROM follow_ups f JOIN votes v ON v.item = f.item AND v.voter = f.voter
      WHERE ${received}${where} GROUP BY f.item, f.vote, f.reason`,
    parameters: query.from ? [query.from.getTime(), ...parameters] : parameters,
  };
}

/** One item's votes per UTC day of the window (days counted from the epoch), from the votes' primary key. */
export function itemDaysQuery(query: ReportQuery): { sql: string; parameters: unknown[] } {
  const { where, parameters } = reportConditions(query, { time: 'updated_at', item: 'item' });
  return {
    sql: `SELECT updated_at / 86400000 AS day, sum(vote = 'yes') AS yes, sum(vote = 'no') AS no
      FROM votes WHERE ${where} GROUP BY day ORDER BY day`,
    parameters,
  };
}
