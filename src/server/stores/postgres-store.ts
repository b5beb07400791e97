import pg from 'pg';
import type { ItemCounts, Vote, VoteRequest } from '../../protocol/types.js';
import { pendingMigrations } from './schema-version.js';
import type { VoteStore } from './vote-store.js';

// One lock id for migrations, so that several instances starting together do not race.
const SCHEMA_LOCK = 0x77746800;
/** Where the schema's version is kept: one row. */
const VERSION_TABLE = 'CREATE TABLE IF NOT EXISTS was_this_helpful_schema (version INTEGER NOT NULL)';
/**
 * Migration `n` brings the schema from version `n` to `n + 1`. The first is written with IF NOT EXISTS:
 * databases set up by 0.1.0, before versions were recorded, read as version 0 and are adopted as they are.
 */
const MIGRATIONS = [
  `
  CREATE TABLE IF NOT EXISTS was_this_helpful_votes (
    item TEXT NOT NULL,
    voter TEXT NOT NULL,
    vote TEXT NOT NULL CHECK (vote IN ('yes', 'no')),
    updated_at TIMESTAMPTZ NOT NULL DEFAULT now(),
    PRIMARY KEY (item, voter)
  );
  CREATE TABLE IF NOT EXISTS was_this_helpful_tallies (
    item TEXT PRIMARY KEY,
    yes BIGINT NOT NULL DEFAULT 0 CHECK (yes >= 0),
    no BIGINT NOT NULL DEFAULT 0 CHECK (no >= 0)
  );
`,
];

/**
 * PostgreSQL, for several server instances sharing one store. Each vote is one transaction that first
 * locks the item's tally row, so concurrent votes on an item, from any instance, apply one at a time and
 * the tally always equals the sum of current votes. Commits are durable (`synchronous_commit` is set on
 * for the store's connections).
 */
export class PostgresStore implements VoteStore {
  private readonly pool: pg.Pool;
  private ready?: Promise<void>;

  constructor(connectionString: string, poolSize = 10) {
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

  async vote({ id, vote, voter }: VoteRequest): Promise<ItemCounts> {
    await this.init();
    return this.transaction(async (client) => {
      await client.query('INSERT INTO was_this_helpful_tallies (item) VALUES ($1) ON CONFLICT (item) DO NOTHING', [id]);
      await client.query('SELECT 1 FROM was_this_helpful_tallies WHERE item = $1 FOR UPDATE', [id]);
      const current = await client.query<{ vote: 'yes' | 'no' }>(
        'SELECT vote FROM was_this_helpful_votes WHERE item = $1 AND voter = $2',
        [id, voter],
      );
      const previous: Vote = current.rows[0]?.vote ?? null;
      if (previous !== vote) {
        if (vote === null)
          await client.query('DELETE FROM was_this_helpful_votes WHERE item = $1 AND voter = $2', [id, voter]);
        else {
          await client.query(
            `INSERT INTO was_this_helpful_votes (item, voter, vote) VALUES ($1, $2, $3)
             ON CONFLICT (item, voter) DO UPDATE SET vote = excluded.vote, updated_at = now()`,
            [id, voter, vote],
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
