/**
 * What the report page asks the server and what it got: the token of this tab, the report for the chosen
 * window and prefix, and one item's days, reasons and comments. A refused token is forgotten and the page
 * asks for it again; any other failure becomes a message. The element only renders what is here.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CommentRow, ReportAnswer, ReportItem } from '../server/report/report-types.js';
import { readAdminToken, writeAdminToken } from './admin-token.js';
import { downloadCsv, fetchComments, fetchReport, TokenRefused, type Filters } from './report-api.js';

/** One item's view: its row with `days` and `reasons`, and its comments for the current search. */
export interface ItemView {
  row: ReportItem;
  comments: CommentRow[];
  search: string;
}

export class ReportController implements ReactiveController {
  /** The tab's token, or `null` while the page asks for it. */
  token: string | null = readAdminToken();
  /** Why the page asks for the token again, if it does. */
  tokenMessage = '';
  report?: ReportAnswer;
  item?: ItemView;
  /** What is under way, or what went wrong, for the page's status line. */
  loading = false;
  error = '';
  readonly #host: ReactiveControllerHost;
  /**
   * Counts the requests of each kind, so that a slow earlier answer never replaces a newer one of its kind; the
   * report and an item load side by side (a new window asks for both).
   */
  readonly #generations = { report: 0, item: 0 };
  /** The loads under way, for the status line. */
  #pending = 0;

  constructor(host: ReactiveControllerHost) {
    this.#host = host;
    host.addController(this);
  }

  hostConnected(): void {}

  /** Keeps `token` for the tab; the next load uses it. */
  signIn(token: string): void {
    writeAdminToken(token);
    this.token = token;
    this.tokenMessage = '';
  }

  /** A refused token is forgotten (the page asks again); anything else is shown. */
  #failed(error: Error): void {
    if (error instanceof TokenRefused) {
      writeAdminToken(null);
      this.token = null;
      this.report = undefined;
      this.item = undefined;
      this.tokenMessage = 'The server refused that token. Enter the admin token again.';
    } else {
      this.error = error.message;
    }
  }

  /** Runs `work` with the token; a refusal asks for the token again, other failures become `error`. */
  async #withToken<T>(kind: 'report' | 'item', work: (token: string) => Promise<T>): Promise<T | undefined> {
    const token = this.token;
    if (token === null) return undefined;
    const generation = ++this.#generations[kind];
    const latest = () => generation === this.#generations[kind];
    this.#pending++;
    this.loading = true;
    this.error = '';
    this.#host.requestUpdate();
    try {
      const result = await work(token);
      return latest() ? result : undefined;
    } catch (error) {
      if (latest()) this.#failed(error as Error);
      return undefined;
    } finally {
      this.loading = --this.#pending > 0;
      this.#host.requestUpdate();
    }
  }

  /** Loads the report for `filters`; says whether it arrived. */
  async loadReport(filters: Filters): Promise<boolean> {
    const report = await this.#withToken('report', (token) => fetchReport(filters, token));
    if (!report) return false;
    this.report = report;
    this.#host.requestUpdate();
    return true;
  }

  /** Loads one item's row (with its days and reasons) and its comments containing `search`. */
  async loadItem(filters: Filters, item: string, search = ''): Promise<boolean> {
    const view = await this.#withToken('item', async (token) => {
      const query = { ...filters, item, search: search || undefined };
      const [report, comments] = await Promise.all([
        fetchReport({ ...filters, item }, token),
        fetchComments(query, token),
      ]);
      const row = report.items[0] ?? { ...emptyRow(item), days: [], reasons: [] };
      return { row, comments: comments.comments, search };
    });
    if (!view) return false;
    this.item = view;
    this.#host.requestUpdate();
    return true;
  }

  /** Saves a CSV of `path` for `filters`; apart from the loads, so that a download never cancels one. */
  async download(path: 'api/report' | 'api/comments', filters: Filters): Promise<void> {
    if (this.token === null) return;
    this.error = '';
    try {
      await downloadCsv(path, filters, this.token);
    } catch (error) {
      this.#failed(error as Error);
      this.#host.requestUpdate();
    }
  }
}

/** An item without votes in the window still gets a view (its comments may be older than its last vote). */
const emptyRow = (item: string): ReportItem => ({
  item,
  yes: 0,
  no: 0,
  votes: 0,
  helpful: 0,
  low: 0,
  high: 0,
  previous: null,
  comments: 0,
  top_reason: null,
});
