import Database from 'better-sqlite3';
import type { ItemCounts, Vote, VoteRequest } from '../../protocol/types.js';
import { followUpOf } from '../../protocol/follow-up-rules.js';
import { commentMatches } from './comment-search.js';
import { prefixEnd } from './item-prefix.js';
import { dayNumberToDate, reportCounts, type FollowUpGroupRow } from './report-counts.js';
import { itemDaysQuery, reportFollowUpsQuery, windowVotesQuery } from './sqlite-report-queries.js';
import { pendingMigrations } from './schema-version.js';
import { SQLITE_MIGRATIONS as MIGRATIONS } from './sqlite-schema.js';
import {
  StoreBusy,
  type FollowUpFilter,
  type ItemReportCounts,
  type ReportQuery,
  type StoreOptions,
  type StoredFollowUp,
  type VoteStore,
} from './vote-store.js';

/**
 * Items whose tallies are kept in memory at most (about 100 bytes each), and the total length of their ids:
 * anyone may read counts of made-up ids, 100 of up to 512 code points per request, so the ids' length is
 * bounded too (10 M UTF-16 units, 20 MB).
 */
const MAX_CACHED_ITEMS = 100_000;
const MAX_CACHED_ID_UNITS = 10_000_000;

/** How long a write waits for another process's write lock. */
const BUSY_TIMEOUT_MS = 5000;

/**
 * Pages the WAL grows to before a commit copies them back into the database file (SQLite's default is
 * 1,000). A checkpoint fsyncs twice and copies each page it finds once however often the WAL has it, so
 * fewer checkpoints make votes cheaper, for a WAL of up to 16 MB (BENCHMARKS.md).
 */
const CHECKPOINT_PAGES = 4000;

/**
 * Puts the file in WAL mode. Switching a new file needs exclusive access, and SQLite answers SQLITE_BUSY at
 * once rather than wait for it (busy_timeout does not apply), so when another process opens the same new
 * file at that moment this tries again, within the busy timeout. WAL mode stays with the file, so a retry
 * usually finds it set by the other process.
 */
function switchToWal(db: Database.Database): void {
  const deadline = Date.now() + BUSY_TIMEOUT_MS;
  for (;;) {
    try {
      db.pragma('journal_mode = WAL');
      return;
    } catch (error) {
      if ((error as { code?: string }).code !== 'SQLITE_BUSY' || Date.now() > deadline) throw error;
    }
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 5 + Math.random() * 20); // sleep: this is start-up
  }
}

interface Pending {
  request: VoteRequest;
  resolve(counts: ItemCounts): void;
  reject(error: unknown): void;
}

/**
 * The embedded store: one SQLite file in WAL mode with `synchronous = NORMAL`. A vote is in the WAL file
 * (handed to the operating system) before it is acknowledged, so killing the process loses nothing; the
 * WAL is fsync'd at checkpoints, so a power loss can lose the last acknowledged votes but never corrupts
 * the file. (`FULL`, an fsync per commit, costs about 40% of the votes per second: BENCHMARKS.md.) Per-voter votes and per-item tallies change in one transaction, so the tallies always
 * equal the sum of current votes. Votes that arrive in the same turn of the event loop are committed in one
 * transaction, each answered with the counts right after it; if that transaction fails, each is tried alone,
 * so one vote SQLite refuses fails no other.
 *
 * Several processes on one machine may share the file: writes take SQLite's write lock first
 * (`BEGIN IMMEDIATE`, waiting up to `busy_timeout`), and the tally cache is dropped whenever another
 * connection has committed (`PRAGMA data_version`). SQLite's locks need a local filesystem, not a network one.
 *
 * Follow-ups are kept in `follow_ups`, written in the transaction of the vote they came with.
 */
export class SqliteStore implements VoteStore {
  private readonly db: Database.Database;
  private readonly clock: () => number;
  private readonly statements;
  private readonly applyVotes: Database.Transaction<(requests: VoteRequest[]) => ItemCounts[]>;
  private queue: Pending[] = [];
  /**
   * Tallies already read, kept in memory so that reads skip SQLite. Exact after each of this process's
   * commits; valid as long as `PRAGMA data_version` (which moves only when another connection commits)
   * still reads `dataVersion`.
   */
  private readonly cache = new Map<string, ItemCounts>();
  private cachedIdUnits = 0;
  private dataVersion: number;
  /** Set once `data_version` was read in this turn of the event loop; see `noticeOthersCommits`. */
  private checkedThisTurn = false;
  /** Moves whenever a tally may have changed: after each of this process's commits and whenever the cache is dropped. */
  private revision = 0;

  constructor(file: string, { clock = Date.now }: StoreOptions = {}) {
    this.clock = clock;
    this.db = new Database(file);
    this.db.pragma(`busy_timeout = ${BUSY_TIMEOUT_MS}`);
    switchToWal(this.db);
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma(`wal_autocheckpoint = ${CHECKPOINT_PAGES}`);
    // Under the write lock from the start: a second process creating the tables at the same moment would
    // otherwise leave this one with a stale snapshot, which SQLite refuses to write from (SQLITE_BUSY_SNAPSHOT).
    this.db.transaction(() => this.migrate()).immediate();
    this.statements = {
      current: this.db.prepare<[string, string], { vote: 'yes' | 'no' }>(
        'SELECT vote FROM votes WHERE item = ? AND voter = ?',
      ),
      upsert: this.db.prepare(
        `INSERT INTO votes (item, voter, vote, updated_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (item, voter) DO UPDATE SET vote = excluded.vote, updated_at = excluded.updated_at`,
      ),
      remove: this.db.prepare('DELETE FROM votes WHERE item = ? AND voter = ?'),
      // No RETURNING: SQLite runs an UPDATE with RETURNING under a statement journal, whose 64 KiB buffer
      // would be allocated and freed at each vote.
      adjust: this.db.prepare<[number, number, string]>('UPDATE tallies SET yes = yes + ?, no = no + ? WHERE item = ?'),
      // Only for an item's first vote, when `adjust` found no row (not an upsert: a CHECK applies to the
      // candidate row before ON CONFLICT, so an upsert cannot take a -1).
      addTally: this.db.prepare<[string, number, number]>('INSERT INTO tallies (item, yes, no) VALUES (?, ?, ?)'),
      tally: this.db.prepare<[string], { yes: number; no: number }>('SELECT yes, no FROM tallies WHERE item = ?'),
      tallies: this.db.prepare<[string], { item: string; yes: number; no: number }>(
        'SELECT item, yes, no FROM tallies WHERE item IN (SELECT value FROM json_each(?))',
      ),
      // A follow-up the same as the stored one changes nothing, so that a resent message keeps its first time.
      putFollowUp: this.db.prepare<[string, string, string, string | null, string | null, number]>(
        `INSERT INTO follow_ups (item, voter, vote, reason, comment, received_at) VALUES (?, ?, ?, ?, ?, ?)
         ON CONFLICT (item, voter) DO UPDATE SET
           vote = excluded.vote, reason = excluded.reason, comment = excluded.comment, received_at = excluded.received_at
         WHERE vote IS NOT excluded.vote OR reason IS NOT excluded.reason OR comment IS NOT excluded.comment`,
      ),
      removeFollowUp: this.db.prepare<[string, string]>('DELETE FROM follow_ups WHERE item = ? AND voter = ?'),
      purgeFollowUps: this.db.prepare<[number]>('DELETE FROM follow_ups WHERE received_at < ?'),
      ping: this.db.prepare('SELECT 1'),
      dataVersion: this.db.prepare<[], number>('PRAGMA data_version').pluck(),
    };
    this.dataVersion = this.statements.dataVersion.get()!;
    this.applyVotes = this.db.transaction((requests: VoteRequest[]) => {
      // Under the write lock, the snapshot is the newest: drop what another process made stale.
      this.dropCacheIfOthersWrote();
      return requests.map((request) => this.applyVote(request));
    });
  }

  async counts(ids: readonly string[]): Promise<ItemCounts[]> {
    this.noticeOthersCommits();
    const missing = ids.filter((id) => !this.cache.has(id));
    if (missing.length > 0) {
      const units = missing.reduce((sum, id) => sum + id.length, 0);
      if (this.cache.size + missing.length > MAX_CACHED_ITEMS || this.cachedIdUnits + units > MAX_CACHED_ID_UNITS)
        this.clearCache();
      this.cachedIdUnits += units;
      const found = new Map(this.statements.tallies.all(JSON.stringify(missing)).map((row) => [row.item, row]));
      for (const id of missing) this.cache.set(id, { id, yes: found.get(id)?.yes ?? 0, no: found.get(id)?.no ?? 0 });
    }
    return ids.map((id) => this.cache.get(id)!);
  }

  countsRevision(): number {
    this.noticeOthersCommits();
    return this.revision;
  }

  vote(request: VoteRequest): Promise<ItemCounts> {
    return new Promise((resolve, reject) => {
      this.queue.push({ request, resolve, reject });
      if (this.queue.length === 1) setImmediate(() => this.commitQueue());
    });
  }

  async followUps(filter: FollowUpFilter): Promise<StoredFollowUp[]> {
    const { sql, parameters } = followUpsQuery(filter);
    const found: StoredFollowUp[] = [];
    for (const row of this.db.prepare<unknown[], FollowUpRow>(sql).iterate(parameters)) {
      if (filter.search && !commentMatches(row.comment ?? '', filter.search)) continue;
      const { received_at, comment, ...rest } = row;
      found.push({ received: new Date(received_at), ...rest, comment: comment ?? '' });
    }
    return found;
  }

  async report(query: ReportQuery): Promise<ItemReportCounts[]> {
    // One read transaction, so that the counts of the window, of the one before and of the follow-ups agree.
    return this.db.transaction(() => {
      const window = windowVotesQuery(query);
      const rows = this.db
        .prepare<unknown[], Record<'yes' | 'no' | 'previousYes' | 'previousNo' | 'latest', number> & { item: string }>(
          window.sql,
        )
        .all(window.parameters);
      const current = rows
        .filter((row) => row.yes + row.no > 0)
        .map(({ item, yes, no, latest }) => ({ item, yes, no, latest: new Date(latest) }));
      const previous = rows.map(({ item, previousYes, previousNo }) => ({ item, yes: previousYes, no: previousNo }));
      const followUps = reportFollowUpsQuery(query);
      const groups = this.db.prepare<unknown[], FollowUpGroupRow>(followUps.sql).all(followUps.parameters);
      let days;
      if (query.item !== undefined) {
        const daily = itemDaysQuery(query);
        days = this.db
          .prepare<unknown[], { day: number; yes: number; no: number }>(daily.sql)
          .all(daily.parameters)
          .map(({ day, yes, no }) => ({ day: dayNumberToDate(day), yes, no }));
      }
      return reportCounts(current, previous, groups, days);
    })();
  }

  async purgeFollowUps(before: Date): Promise<number> {
    // Under the write lock from the start, like a vote: a deferred transaction that another process's write
    // overtook could not take the lock without starting again.
    return this.db.transaction(() => this.statements.purgeFollowUps.run(before.getTime()).changes).immediate();
  }

  async healthy(): Promise<boolean> {
    try {
      this.statements.ping.get();
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    this.commitQueue();
    this.db.close();
  }

  private commitQueue(): void {
    const batch = this.queue;
    this.queue = [];
    if (batch.length > 0) this.commit(batch);
  }

  /** Commits the votes of `batch` in one transaction, then answers each with the counts right after it. */
  private commit(batch: Pending[]): void {
    try {
      const results = this.applyVotes.immediate(batch.map((pending) => pending.request));
      this.revision++;
      batch.forEach((pending, index) => pending.resolve(results[index]!));
    } catch (error) {
      this.clearCache(); // The transaction rolled back, taking back tallies the cache already had; read the truth again.
      if (String((error as { code?: unknown }).code).startsWith('SQLITE_BUSY')) {
        const busy = new StoreBusy(`another process held the database's write lock for over ${BUSY_TIMEOUT_MS} ms`);
        for (const pending of batch) pending.reject(busy);
      } else if (batch.length > 1) {
        // One vote that fails must not fail the votes that arrived with it: each is tried again on its own.
        for (const pending of batch) this.commit([pending]);
      } else batch[0]!.reject(error);
    }
  }

  /** Brings the schema up to date; run under the write lock, so one process migrates and the others wait. */
  private migrate(): void {
    const current = this.db.pragma('user_version', { simple: true }) as number;
    const pending = pendingMigrations(current, MIGRATIONS);
    for (const migration of pending) this.db.exec(migration);
    if (pending.length > 0) this.db.pragma(`user_version = ${MIGRATIONS.length}`);
  }

  private clearCache(): void {
    this.cache.clear();
    this.cachedIdUnits = 0;
    this.revision++;
  }

  private noticeOthersCommits(): void {
    if (this.checkedThisTurn) return;
    // Reading data_version opens a read transaction, a large part of the cost of a GET answered from the
    // cache, so it is read once per turn of the event loop: a read can miss another process's vote only if that vote
    // committed during the same turn, and the next turn sees it.
    this.checkedThisTurn = true;
    setImmediate(() => (this.checkedThisTurn = false));
    this.dropCacheIfOthersWrote();
  }

  private dropCacheIfOthersWrote(): void {
    const version = this.statements.dataVersion.get()!;
    if (version !== this.dataVersion) {
      this.clearCache();
      this.dataVersion = version;
    }
  }

  /**
   * Applies one vote under the write lock and returns the item's counts after it. The tally cache is exact
   * here (`applyVotes` dropped it if another process wrote), so a cached tally is moved by the vote rather
   * than read again; if the transaction rolls back, `commit` drops the cache.
   */
  private applyVote(request: VoteRequest): ItemCounts {
    const { id, vote, voter } = request;
    const previous: Vote = this.statements.current.get(id, voter)?.vote ?? null;
    const now = this.clock();
    // A follow-up explains the vote it came with: when the vote changes, the earlier explanation goes.
    if (previous !== vote && previous !== null) this.statements.removeFollowUp.run(id, voter);
    const followUp = vote === null ? undefined : followUpOf(request);
    if (followUp) {
      const { reason, comment } = followUp;
      this.statements.putFollowUp.run(id, voter, vote!, reason, comment === '' ? null : comment, now);
    }
    const known = this.cache.get(id);
    if (previous === vote) return known ?? this.readTally(id);
    if (vote === null) this.statements.remove.run(id, voter);
    else this.statements.upsert.run(id, voter, vote, now);
    const yes = (vote === 'yes' ? 1 : 0) - (previous === 'yes' ? 1 : 0);
    const no = (vote === 'no' ? 1 : 0) - (previous === 'no' ? 1 : 0);
    if (this.statements.adjust.run(yes, no, id).changes === 0) this.statements.addTally.run(id, yes, no);
    if (!known) return this.readTally(id);
    const counts = { id, yes: known.yes + yes, no: known.no + no };
    this.cache.set(id, counts);
    return counts;
  }

  private readTally(id: string): ItemCounts {
    const tally = this.statements.tally.get(id);
    return { id, yes: tally?.yes ?? 0, no: tally?.no ?? 0 };
  }
}

interface FollowUpRow {
  received_at: number;
  item: string;
  vote: 'yes' | 'no';
  reason: string | null;
  comment: string | null;
}

/** The SELECT of `followUps`: the filter's conditions on the indexed columns, newest first. */
function followUpsQuery(filter: FollowUpFilter): { sql: string; parameters: unknown[] } {
  const conditions: string[] = [];
  const parameters: unknown[] = [];
  const where = (condition: string, ...values: unknown[]) => {
    conditions.push(condition);
    parameters.push(...values);
  };
  if (filter.from) where('received_at >= ?', filter.from.getTime());
  if (filter.to) where('received_at < ?', filter.to.getTime());
  if (filter.item !== undefined) where('item = ?', filter.item);
  if (filter.prefix) {
    where('item >= ?', filter.prefix);
    const end = prefixEnd(filter.prefix);
    if (end !== undefined) where('item < ?', end);
  }
  if (filter.vote) where('vote = ?', filter.vote);
  if (filter.reason !== undefined) where('reason = ?', filter.reason);
  if (filter.search) where('comment IS NOT NULL');
  return {
    sql: `SELECT received_at, item, vote, reason, comment FROM follow_ups
      ${conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : ''}
      ORDER BY received_at DESC, item, voter`,
    parameters,
  };
}
