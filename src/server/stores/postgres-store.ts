import pg from 'pg';
import type { ItemCounts, Vote, VoteRequest } from '../../protocol/types.js';
import { followUpOf } from '../../protocol/follow-up-rules.js';
import { commentMatches } from './comment-search.js';
import { prefixEnd } from './item-prefix.js';
import { POSTGRES_MIGRATIONS as MIGRATIONS, POSTGRES_VERSION_TABLE as VERSION_TABLE } from './postgres-schema.js';
import { itemDaysQuery, reportFollowUpsQuery, windowVotesQuery } from './postgres-report-queries.js';
import { reportCounts, type FollowUpGroupRow } from './report-counts.js';
import { pendingMigrations } from './schema-version.js';
import type {
  FollowUpFilter,
  ItemReportCounts,
  ReportQuery,
  StoreOptions,
  StoredFollowUp,
  VoteStore,
} from './vote-store.js';

// One lock id for migrations, so that several instances starting together do not race.
const SCHEMA_LOCK = 0x77746800;
/** What the PostgreSQL store takes besides its URL. */
export interface PostgresStoreOptions extends StoreOptions {
  /** Connections the store keeps open at most (default 10). */
  poolSize?: number;
}

/**
 * PostgreSQL, for several server instances sharing one store. Each vote is one transaction that first
 * locks the item's tally row, so concurrent votes on an item, from any instance, apply one at a time and
 * the tally always equals the sum of current votes. Commits are durable (`synchronous_commit` is set on
 * for the store's connections). Follow-ups are kept in `was_this_helpful_follow_ups`, written in the
 * transaction of the vote they came with.
 */
export class PostgresStore implements VoteStore {
  private readonly pool: pg.Pool;
  private readonly clock: () => number;
  private ready?: Promise<void>;

  /** `options` may be a number, the pool size, as in 0.1.0. */
  constructor(connectionString: string, options: PostgresStoreOptions | number = {}) {
    const { poolSize = 10, clock = Date.now } = typeof options === 'number' ? { poolSize: options } : options;
    this.clock = clock;
    // Set here rather than trusted from the server's or the role's settings: a 200 must mean a durable vote.
    this.pool = new pg.Pool({ connectionString, max: poolSize, options: '-c synchronous_commit=on' });
    // An idle client that loses its connection must not crash the process.
    this.pool.on('error', (error) => console.error('was-this-helpful: PostgreSQL connection error:', error.message));
  }

  /**
   * Creates or migrates the schema; safe to call from several instances at once (one migrates, the others
   * wait for its lock and then find nothing to do). Rejects with `SchemaTooNew` for a newer release's database.
   */
  init(): Promise<void> {
    this.ready ??= this.transaction(async (client) => {
      await client.query('SELECT pg_advisory_xact_lock($1)', [SCHEMA_LOCK]);
      // Read before any DDL: a role that may read and write but not create tables (PostgreSQL 15's default
      // on `public`) can then run an up-to-date database.
      const {
        rows: [table],
      } = await client.query<{ present: boolean }>(
        "SELECT to_regclass('was_this_helpful_schema') IS NOT NULL AS present",
      );
      const { rows } = table?.present
        ? await client.query<{ version: number }>('SELECT version FROM was_this_helpful_schema')
        : { rows: [] };
      const pending = pendingMigrations(rows[0]?.version ?? 0, MIGRATIONS);
      if (pending.length === 0) return;
      await client.query(VERSION_TABLE);
      for (const migration of pending) await client.query(migration);
      await client.query('DELETE FROM was_this_helpful_schema');
      await client.query('INSERT INTO was_this_helpful_schema (version) VALUES ($1)', [MIGRATIONS.length]);
    }).catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  async counts(ids: readonly string[]): Promise<ItemCounts[]> {
    await this.init();
    const { rows } = await this.pool.query<{ item: string; yes: string; no: string }>(
      'SELECT item, yes, no FROM was_this_helpful_tallies WHERE item = ANY($1::text[])',
      [ids],
    );
    const found = new Map(rows.map((row) => [row.item, row]));
    return ids.map((id) => ({ id, yes: Number(found.get(id)?.yes ?? 0), no: Number(found.get(id)?.no ?? 0) }));
  }

  async vote(request: VoteRequest): Promise<ItemCounts> {
    const { id, vote, voter } = request;
    const followUp = vote === null ? undefined : followUpOf(request);
    await this.init();
    const now = new Date(this.clock());
    return this.transaction(async (client) => {
      await client.query('INSERT INTO was_this_helpful_tallies (item) VALUES ($1) ON CONFLICT (item) DO NOTHING', [id]);
      await client.query('SELECT 1 FROM was_this_helpful_tallies WHERE item = $1 FOR UPDATE', [id]);
      const current = await client.query<{ vote: 'yes' | 'no' }>(
        'SELECT vote FROM was_this_helpful_votes WHERE item = $1 AND voter = $2',
        [id, voter],
      );
      const previous: Vote = current.rows[0]?.vote ?? null;
      // A follow-up explains the vote it came with: when the vote changes, the earlier explanation goes.
      if (previous !== vote && previous !== null)
        await client.query('DELETE FROM was_this_helpful_follow_ups WHERE item = $1 AND voter = $2', [id, voter]);
      if (followUp) {
        // A follow-up the same as the stored one changes nothing, so that a resent message keeps its first time.
        await client.query(
          `INSERT INTO was_this_helpful_follow_ups AS stored (item, voter, vote, reason, comment, received_at)
           VALUES ($1, $2, $3, $4, $5, $6)
           ON CONFLICT (item, voter) DO UPDATE SET
             vote = excluded.vote, reason = excluded.reason, comment = excluded.comment, received_at = excluded.received_at
           WHERE (stored.vote, stored.reason, stored.comment) IS DISTINCT FROM (excluded.vote, excluded.reason, excluded.comment)`,
          [id, voter, vote, followUp.reason, followUp.comment === '' ? null : followUp.comment, now],
        );
      }
      if (previous !== vote) {
        if (vote === null)
          await client.query('DELETE FROM was_this_helpful_votes WHERE item = $1 AND voter = $2', [id, voter]);
        else {
          await client.query(
            `INSERT INTO was_this_helpful_votes (item, voter, vote, updated_at) VALUES ($1, $2, $3, $4)
             ON CONFLICT (item, voter) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
            [id, voter, vote, now],
          );
        }
        const delta = (side: 'yes' | 'no') => (vote === side ? 1 : 0) - (previous === side ? 1 : 0);
        await client.query('UPDATE was_this_helpful_tallies SET yes = yes + $2, no = no + $3 WHERE item = $1', [
          id,
          delta('yes'),
          delta('no'),
        ]);
      }
      const { rows } = await client.query<{ yes: string; no: string }>(
        'SELECT yes, no FROM was_this_helpful_tallies WHERE item = $1',
        [id],
      );
      return { id, yes: Number(rows[0]?.yes ?? 0), no: Number(rows[0]?.no ?? 0) };
    });
  }

  async followUps(filter: FollowUpFilter): Promise<StoredFollowUp[]> {
    await this.init();
    const { sql, parameters } = followUpsQuery(filter);
    const { rows } = await this.pool.query<FollowUpRow>(sql, parameters);
    return rows
      .filter((row) => !filter.search || commentMatches(row.comment ?? '', filter.search))
      .map(({ received_at, comment, ...rest }) => ({ received: received_at, ...rest, comment: comment ?? '' }));
  }

  async report(query: ReportQuery): Promise<ItemReportCounts[]> {
    await this.init();
    // One snapshot for every count (REPEATABLE READ), so that the window, the one before and the follow-ups agree.
    return this.transaction(async (client) => {
      await client.query('SET TRANSACTION ISOLATION LEVEL REPEATABLE READ READ ONLY');
      const votesIn = async (from: Date | undefined, to: Date) => {
        const { sql, parameters } = windowVotesQuery({ ...query, from, to });
        const { rows } = await client.query<{ item: string; yes: string; no: string; latest: Date }>(sql, parameters);
        return rows.map(({ item, yes, no, latest }) => ({ item, yes: Number(yes), no: Number(no), latest }));
      };
      const current = await votesIn(query.from, query.to);
      const previous = query.previousFrom && query.from ? await votesIn(query.previousFrom, query.from) : [];
      const followUps = reportFollowUpsQuery(query);
      const { rows: groups } = await client.query<FollowUpGroupRow>(followUps.sql, followUps.parameters);
      let days;
      if (query.item !== undefined) {
        const daily = itemDaysQuery(query);
        const { rows } = await client.query<{ day: string; yes: string; no: string }>(daily.sql, daily.parameters);
        days = rows.map(({ day, yes, no }) => ({ day, yes: Number(yes), no: Number(no) }));
      }
      return reportCounts(
        current,
        previous,
        groups.map((group) => ({ ...group, given: Number(group.given), comments: Number(group.comments) })),
        days,
      );
    });
  }

  async purgeFollowUps(before: Date): Promise<number> {
    await this.init();
    const { rowCount } = await this.pool.query('DELETE FROM was_this_helpful_follow_ups WHERE received_at < $1', [
      before,
    ]);
    return rowCount ?? 0;
  }

  async healthy(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private async transaction<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {});
      throw error;
    } finally {
      client.release();
    }
  }
}

interface FollowUpRow {
  received_at: Date;
  item: string;
  vote: 'yes' | 'no';
  reason: string | null;
  comment: string | null;
}

/**
 * The SELECT of `followUps`: the filter's conditions on the indexed columns, newest first. Ids are compared
 * under COLLATE "C" (code point order), which the index on the item uses and a prefix's range needs.
 */
function followUpsQuery(filter: FollowUpFilter): { sql: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const where = (condition: string, value?: unknown) => {
    if (value !== undefined) parameters.push(value);
    conditions.push(condition.replace('?', `$${parameters.length}`));
  };
  if (filter.from) where('received_at >= ?', filter.from);
  if (filter.to) where('received_at < ?', filter.to);
  if (filter.item !== undefined) where('item COLLATE "C" = ?', filter.item);
  if (filter.prefix) {
    where('item COLLATE "C" >= ?', filter.prefix);
    const end = prefixEnd(filter.prefix);
    if (end !== undefined) where('item COLLATE "C" < ?', end);
  }
  if (filter.vote) where('vote = ?', filter.vote);
  if (filter.reason !== undefined) where('reason = ?', filter.reason);
  if (filter.search) where('comment IS NOT NULL');
  return {
    sql: `SELECT received_at, item, vote, reason, comment FROM was_this_helpful_follow_ups
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY received_at DESC, item COLLATE "C", voter COLLATE "C"`,
    parameters,
  };
}
