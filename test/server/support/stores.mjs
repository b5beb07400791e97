/**
 * The stores the load and crash tests run on: SQLite (two processes on one file) always, PostgreSQL when
 * the test script started one (WTH_TEST_DATABASE_URL). Each `fresh()` gives an empty store: the server
 * arguments that open it, and direct reads of what it holds, to check against what the clients saw (and `exec`
 * with `tallyTable` to tamper with it, `all(sql, parameters)` to ask it with parameters); `open(options)` opens the store's class on it, in this process (to seed
 * it with a clock of the test's own).
 */
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresStore } from '../../../dist/node/server/stores/postgres-store.js';
import { SqliteStore } from '../../../dist/node/server/stores/sqlite-store.js';
import { tempDb } from './server-process.mjs';
import { votesByPair } from './voters.mjs';

const postgresUrl = process.env.WTH_TEST_DATABASE_URL;
let databases = 0;

async function freshPostgres() {
  const database = `wth_${process.pid}_${Date.now()}_${databases++}`;
  const admin = new pg.Client(postgresUrl);
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();
  const url = postgresUrl.replace(/\/[^/]*$/, `/${database}`);
  /** @type {(sql: string, parameters?: unknown[]) => Promise<any[]>} */
  const query = async (sql, parameters) => {
    const client = new pg.Client(url);
    await client.connect();
    try {
      return (await client.query(sql, parameters)).rows;
    } finally {
      await client.end();
    }
  };
  return {
    args: ['--database-url', url],
    tallyTable: 'was_this_helpful_tallies',
    exec: (sql) => query(sql),
    all: (sql, parameters) => query(sql, parameters),
    schemaVersion: async () =>
      (await query("SELECT to_regclass('was_this_helpful_schema') IS NOT NULL AS present"))[0].present
        ? ((await query('SELECT version FROM was_this_helpful_schema'))[0]?.version ?? 0)
        : 0,
    tables: async () =>
      (await query("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1")).map(
        (row) => row.tablename,
      ),
    indexes: async () =>
      (await query("SELECT indexname FROM pg_indexes WHERE schemaname = 'public' ORDER BY 1")).map(
        (row) => row.indexname,
      ),
    votes: () => query('SELECT item, voter, vote FROM was_this_helpful_votes'),
    followUps: async () =>
      (
        await query(
          'SELECT item, voter, vote, reason, comment, received_at FROM was_this_helpful_follow_ups ORDER BY item COLLATE "C", voter COLLATE "C"',
        )
      ).map((row) => ({ ...row, received_at: row.received_at.getTime() })),
    open: (options) => new PostgresStore(url, options),
    tallies: async () =>
      (await query('SELECT item, yes, no FROM was_this_helpful_tallies')).map((row) => ({
        ...row,
        yes: Number(row.yes),
        no: Number(row.no),
      })),
  };
}

function freshSqlite() {
  const file = tempDb();
  const query = (sql) => {
    const db = new Database(file);
    try {
      return db.prepare(sql).all();
    } finally {
      db.close();
    }
  };
  const withDb = (use) => {
    const db = new Database(file);
    try {
      return use(db);
    } finally {
      db.close();
    }
  };
  return {
    args: ['--db', file],
    tallyTable: 'tallies',
    exec: async (sql) => withDb((db) => db.exec(sql)),
    all: async (sql, parameters) => withDb((db) => db.prepare(sql).all(parameters)),
    schemaVersion: async () => withDb((db) => db.pragma('user_version', { simple: true })),
    tables: async () =>
      withDb((db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY 1").pluck().all()),
    indexes: async () =>
      withDb((db) => db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' ORDER BY 1").pluck().all()),
    votes: async () => query('SELECT item, voter, vote FROM votes'),
    followUps: async () =>
      query('SELECT item, voter, vote, reason, comment, received_at FROM follow_ups ORDER BY item, voter'),
    open: (options) => new SqliteStore(file, options),
    tallies: async () => query('SELECT item, yes, no FROM tallies'),
  };
}

/** `[{ name, fresh }]`, or for PostgreSQL `{ name, skip }` when no PostgreSQL is available. */
export const storesUnderTest = [
  { name: 'SQLite', fresh: async () => freshSqlite() },
  postgresUrl
    ? { name: 'PostgreSQL', fresh: freshPostgres }
    : { name: 'PostgreSQL', skip: 'no PostgreSQL for this run (npm test starts one when it is installed)' },
];

/** Tallies computed from stored vote rows, by item. */
export function talliesOfVotes(rows) {
  const tallies = new Map();
  for (const { item, vote } of rows) {
    const tally = tallies.get(item) ?? { yes: 0, no: 0 };
    tally[vote]++;
    tallies.set(item, tally);
  }
  return tallies;
}

/** Checks that each tally the store holds is the sum of its stored votes. */
export async function assertTalliesMatchVotes(store, rows) {
  const fromVotes = talliesOfVotes(rows ?? (await store.votes()));
  for (const { item, yes, no } of await store.tallies()) {
    assert.deepEqual(
      { yes, no },
      fromVotes.get(item) ?? { yes: 0, no: 0 },
      `the tally of ${item} is not the sum of its votes`,
    );
  }
}

/** Checks that the store holds exactly each voter's last vote of `plan`, and tallies that are their sum. */
export async function assertStoreHolds(store, plan) {
  const rows = await store.votes();
  const intended = new Map([...plan.finalVotes].filter(([, vote]) => vote !== null));
  assert.deepEqual(votesByPair(rows), intended, "the stored votes are not each voter's last vote");
  await assertTalliesMatchVotes(store, rows);
}
