#!/usr/bin/env node
/**
 * `npm run bench` → the owner's report at scale: 10,000 items and 1,000,000 votes (with follow-ups on a tenth
 * of them), seeded straight into the schema the store created, then `was-this-helpful report` run through
 * the bin as an owner runs it, the whole command timed, median of 3, for the default window (30 days), the
 * whole history (`--since all`) and one item (`--item`). On SQLite always; on PostgreSQL too when
 * `DATABASE_URL` names a server, or when its binaries are installed (a throw-away server is started, as the
 * tests do). Exits 1 when the default report on SQLite takes 1 s or more.
 *
 * The data's shape: ids `https://example.org/docs/page-NNNNN`; an item's share of the votes falls off as
 * 1/rank (a few pages get most of them); each vote's time is spread evenly over the 365 days up to now; 70% of
 * votes are "yes"; 10% of votes carry a follow-up (a reason after No, a comment on half of them).
 * BENCH_VOTES and BENCH_ITEMS change the size; BENCH_DB=FILE seeds SQLite into FILE once and reads it again on
 * later runs; BENCH_POSTGRES=0 leaves PostgreSQL out.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import Database from 'better-sqlite3';
import pg from 'pg';
import { PostgresStore } from '../dist/node/server/stores/postgres-store.js';
import { SqliteStore } from '../dist/node/server/stores/sqlite-store.js';
import { findPostgresBin, startTestPostgres } from '../scripts/postgres-for-tests.mjs';
import { CLI, tempDb } from '../test/server/support/server-process.mjs';

const ITEMS = Number(process.env.BENCH_ITEMS ?? 10_000);
const VOTES = Number(process.env.BENCH_VOTES ?? 1_000_000);
const DAY_MS = 86_400_000;
const TARGET_MS = 1000;
const NO_REASONS = ['inaccurate', 'confusing', 'missing', 'outdated', 'other'];
const YES_REASONS = ['accurate', 'clear', 'complete'];

/** A small seeded generator (mulberry32), so that every run seeds the same data. */
function random(seed) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const itemId = (n) => `https://example.org/docs/page-${String(n).padStart(5, '0')}`;

/** Calls `use(row)` for each vote: `[item, voter, vote, time, reason, comment]` (a follow-up when reason or comment). */
function eachVote(use) {
  const next = random(16);
  // The item of a vote by 1/rank: the cumulative weights, searched by bisection.
  const weights = [];
  let total = 0;
  for (let rank = 1; rank <= ITEMS; rank++) weights.push((total += 1 / rank));
  const now = Date.now();
  for (let n = 0; n < VOTES; n++) {
    const target = next() * total;
    let low = 0;
    let high = ITEMS - 1;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (weights[middle] < target) low = middle + 1;
      else high = middle;
    }
    const vote = next() < 0.7 ? 'yes' : 'no';
    const time = now - Math.floor(next() * 365 * DAY_MS);
    let reason = null;
    let comment = null;
    if (next() < 0.1) {
      const reasons = vote === 'no' ? NO_REASONS : YES_REASONS;
      reason = reasons[Math.floor(next() * reasons.length)];
      if (next() < 0.5) comment = `Comment ${n}: the page ${vote === 'no' ? 'misses a step' : 'was clear'}.`;
    }
    use([itemId(low), `bench-voter-${String(n).padStart(10, '0')}`, vote, time, reason, comment]);
  }
}

/** The tallies of what `eachVote` seeds, by item. */
function seedSqlite(file) {
  new SqliteStore(file).close(); // the store creates its tables and indexes
  const db = new Database(file);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const vote = db.prepare('INSERT INTO votes (item, voter, vote, updated_at) VALUES (?, ?, ?, ?)');
  const followUp = db.prepare(
    'INSERT INTO follow_ups (item, voter, vote, reason, comment, received_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const tallies = new Map();
  db.transaction(() =>
    eachVote(([item, voter, choice, time, reason, comment]) => {
      vote.run(item, voter, choice, time);
      if (reason || comment) followUp.run(item, voter, choice, reason, comment, time);
      const tally = tallies.get(item) ?? { yes: 0, no: 0 };
      tally[choice]++;
      tallies.set(item, tally);
    }),
  )();
  const tally = db.prepare('INSERT INTO tallies (item, yes, no) VALUES (?, ?, ?)');
  db.transaction(() => tallies.forEach(({ yes, no }, item) => tally.run(item, yes, no)))();
  db.exec('ANALYZE');
  db.close();
}

async function seedPostgres(url) {
  const store = new PostgresStore(url);
  await store.init(); // creates the tables and indexes
  await store.close();
  const client = new pg.Client(url);
  await client.connect();
  let votes = [];
  let followUps = [];
  const flush = async () => {
    if (votes.length > 0)
      await client.query(
        `INSERT INTO was_this_helpful_votes (item, voter, vote, updated_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::timestamptz[])`,
        [0, 1, 2, 3].map((column) => votes.map((row) => row[column])),
      );
    if (followUps.length > 0)
      await client.query(
        `INSERT INTO was_this_helpful_follow_ups (item, voter, vote, reason, comment, received_at)
         SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::timestamptz[])`,
        [0, 1, 2, 3, 4, 5].map((column) => followUps.map((row) => row[column])),
      );
    votes = [];
    followUps = [];
  };
  const pending = [];
  eachVote(([item, voter, choice, time, reason, comment]) => {
    pending.push([item, voter, choice, new Date(time), reason, comment]);
  });
  for (const row of pending) {
    votes.push(row.slice(0, 4));
    if (row[4] || row[5]) followUps.push([...row.slice(0, 3), row[4], row[5], row[3]]);
    if (votes.length === 20_000) await flush();
  }
  await flush();
  await client.query(`INSERT INTO was_this_helpful_tallies (item, yes, no)
    SELECT item, count(*) FILTER (WHERE vote = 'yes'), count(*) FILTER (WHERE vote = 'no')
    FROM was_this_helpful_votes GROUP BY item`);
  await client.query('VACUUM ANALYZE');
  await client.end();
}

/**
 * The processor time this process's finished children took, in milliseconds (user and system, from
 * /proc/self/stat, in ticks of 10 ms), or NaN where there is no /proc. On a shared machine the command's wall
 * time waits for other processes too; its processor time does not.
 */
function childrenCpuMs() {
  if (!existsSync('/proc/self/stat')) return NaN;
  const fields = readFileSync('/proc/self/stat', 'utf8')
    .replace(/^.*\) /, '')
    .split(' ');
  return (Number(fields[13]) + Number(fields[14])) * 10; // cutime and cstime, fields 16 and 17 of stat(5)
}

/** The median of 3 runs of `was-this-helpful report …`, in milliseconds, after one run to warm the caches. */
function timeReport(args) {
  const run = () => {
    const cpuBefore = childrenCpuMs();
    const started = performance.now();
    const result = spawnSync(process.execPath, [CLI, 'report', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
    const elapsed = performance.now() - started;
    if (result.status !== 0) throw new Error(`report ${args.join(' ')} failed: ${result.stderr}`);
    return { elapsed, cpu: childrenCpuMs() - cpuBefore, rows: (result.stdout.match(/\n/g) ?? []).length };
  };
  run();
  const runs = [run(), run(), run()].sort((a, b) => a.elapsed - b.elapsed);
  return runs[1];
}

const SCENARIOS = [
  ['report (default: last 30 days, sorted by attention)', []],
  ['report --since all', ['--since', 'all']],
  ['report --item (the busiest page, 365 days)', ['--item', itemId(0), '--since', '365d']],
];

function measure(storeName, storeArgs) {
  const results = [];
  for (const [title, args] of SCENARIOS) {
    const { elapsed, cpu, rows } = timeReport([...args, ...storeArgs]);
    results.push({ store: storeName, title, ms: Math.round(elapsed), 'cpu ms': cpu, lines: rows });
    console.log(
      `${storeName}: ${title}: ${Math.round(elapsed)} ms (median of 3; its processor time ${cpu} ms), ${rows} lines of output`,
    );
  }
  return results;
}

console.log(`Seeding ${VOTES.toLocaleString('en')} votes on ${ITEMS.toLocaleString('en')} items…`);
const db = process.env.BENCH_DB ?? tempDb();
let started = performance.now();
if (existsSync(db)) console.log(`SQLite: ${db} kept from an earlier run`);
else {
  seedSqlite(db);
  console.log(`SQLite seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
}
const results = measure('SQLite', ['--db', db]);

let postgres;
let databaseUrl = process.env.DATABASE_URL;
if (process.env.BENCH_POSTGRES === '0') databaseUrl = undefined;
else if (!databaseUrl && findPostgresBin()) {
  postgres = await startTestPostgres();
  databaseUrl = postgres.url;
}
if (databaseUrl) {
  try {
    const database = `wth_bench_report_${process.pid}`;
    const admin = new pg.Client(databaseUrl);
    await admin.connect();
    await admin.query(`CREATE DATABASE ${database}`);
    await admin.end();
    const url = databaseUrl.replace(/\/[^/]*$/, `/${database}`);
    started = performance.now();
    await seedPostgres(url);
    console.log(`PostgreSQL seeded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    results.push(...measure('PostgreSQL', ['--database-url', url]));
    const cleanup = new pg.Client(databaseUrl);
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE ${database}`);
    await cleanup.end();
  } finally {
    await postgres?.stop();
  }
} else console.log('PostgreSQL: skipped (no DATABASE_URL, and no PostgreSQL installed)');

console.table(results);
console.log(
  `${cpus().length} cores, load average ${loadavg()
    .map((load) => load.toFixed(1))
    .join(' ')} at the end`,
);
const main = results[0];
if (main.ms >= TARGET_MS) {
  console.error(`The default report on SQLite took ${main.ms} ms: the target is under ${TARGET_MS} ms.`);
  process.exit(1);
}
