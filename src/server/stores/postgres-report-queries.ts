/**
 * The SQL of the owner's report on PostgreSQL (`report` of the store), apart so that the tests can ask the
 * database how it runs each (EXPLAIN): on the indexes of schema 3, never a scan of every vote per item.
 */
import { prefixEnd } from './item-prefix.js';
import type { ReportQuery } from './vote-store.js';

/**
 * The conditions of a report's query on the window of `time` and the item (or the prefix) of `item`, with
 * their parameters numbered from `$1`. A prefix is a range in code point order (COLLATE "C").
 */
function reportConditions(
  query: ReportQuery,
  columns: { time: string; item: string },
  parameters: unknown[] = [],
): { where: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const where = (condition: string, value: unknown) => {
    parameters.push(value);
    conditions.push(condition.replace('?', `$${parameters.length}`));
  };
  if (query.from) where(`${columns.time} >= ?`, query.from);
  where(`${columns.time} < ?`, query.to);
  if (query.item !== undefined) where(`${columns.item} = ?`, query.item);
  if (query.prefix) {
    where(`${columns.item} COLLATE "C" >= ?`, query.prefix);
    const end = prefixEnd(query.prefix);
    if (end !== undefined) where(`${columns.item} COLLATE "C" < ?`, end);
  }
  return { where: conditions.join(' AND '), parameters };
}

/** Each item's votes last cast or changed in the window, from the index on (updated_at, item, vote). */
export function windowVotesQuery(query: ReportQuery): { sql: string; parameters: unknown[] } {
  const { where, parameters } = reportConditions(query, { time: 'updated_at', item: 'item' });
  return {
    sql: `SELECT item, count(*) FILTER (WHERE vote = 'yes') AS yes, count(*) FILTER (WHERE vote = 'no') AS no,
        max(updated_at) AS latest
      FROM was_this_helpful_votes WHERE ${where} GROUP BY item`,
    parameters,
  };
}

/**
 * The follow-ups on the votes of the window, by item, vote and reason. A follow-up is received with its vote
 * or after it (a changed vote deletes it), so those received before the window's start are left out by the
 * index on the received time before the votes are looked up.
 */
export function reportFollowUpsQuery(query: ReportQuery): { sql: string; parameters: unknown[] } {
  const { where, parameters } = reportConditions(
    query,
    { time: 'v.updated_at', item: 'f.item' },
    query.from ? [query.from] : [],
  );
  const received = query.from ? 'f.received_at >= $1 AND ' : '';
  return {
    sql: `SELECT f.item, f.vote, f.reason, count(*) AS given, count(f.comment) AS comments
      FROM was_this_helpful_follow_ups f
      JOIN was_this_helpful_votes v ON v.item = f.item AND v.voter = f.voter
      WHERE ${received}${where} GROUP BY f.item, f.vote, f.reason`,
    parameters,
  };
}

/** One item's votes per UTC day of the window, from the votes' primary key. */
export function itemDaysQuery(query: ReportQuery): { sql: string; parameters: unknown[] } {
  const { where, parameters } = reportConditions(query, { time: 'updated_at', item: 'item' });
  return {
    sql: `SELECT to_char(updated_at AT TIME ZONE 'UTC', 'YYYY-MM-DD') AS day,
        count(*) FILTER (WHERE vote = 'yes') AS yes, count(*) FILTER (WHERE vote = 'no') AS no
      FROM was_this_helpful_votes WHERE ${where} GROUP BY 1 ORDER BY 1`,
    parameters,
  };
}
