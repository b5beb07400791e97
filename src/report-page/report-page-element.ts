import { html, LitElement, nothing, type PropertyValues } from 'lit';
import type { ReportItem } from '../server/report/report-types.js';
import { commentList } from './comment-list.js';
import { CHART_VIEW_BOX, chartSummary, dailyChart } from './daily-chart.js';
import { reasonBars } from './reason-bars.js';
import { ReportController } from './report-controller.js';
import type { Filters } from './report-api.js';
import { reportStyles } from './report-styles.js';
import { nextOrder, REPORT_COLUMNS, sortRows, type ColumnKey, type RowOrder } from './sort-rows.js';

/** The windows the owner can pick, as the API's `since`. */
const WINDOWS = [
  { since: '7d', label: 'Last 7 days' },
  { since: '30d', label: 'Last 30 days' },
  { since: '90d', label: 'Last 90 days' },
  { since: '365d', label: 'Last 365 days' },
  { since: 'all', label: 'All time' },
] as const;

/** A percentage as the table shows it, or a dash for none. */
const percent = (value: number | null) => (value === null ? '–' : `${value.toFixed(1)}`);

/**
 * The owner's report page (`/report`): asks for the admin token once per tab, then shows the report of a
 * window and a prefix as a sortable table; choosing an item shows its daily Yes and No (a chart, and the same
 * numbers as a table), its reasons and its comments. Every view downloads as CSV.
 */
export class ReportPageElement extends LitElement {
  static override styles = reportStyles;

  static override properties = {
    since: { state: true },
    prefix: { state: true },
    order: { state: true },
    openItem: { state: true },
  };

  /** The window, as the API's `since`. */
  declare since: string;
  /** Only items whose id starts with this. */
  declare prefix: string;
  /** The table's order, or `null` for the server's (attention). */
  declare order: RowOrder;
  /** The item whose view is open, or `null` for the table. */
  declare openItem: string | null;

  readonly #data = new ReportController(this);
  /** Where focus goes after the next render (an element's id in the shadow root), if anywhere. */
  #focusAfterRender: string | null = null;

  constructor() {
    super();
    this.since = '30d';
    this.prefix = '';
    this.order = null;
    this.openItem = null;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (this.#data.token !== null) void this.#loadReport();
  }

  protected override updated(_changed: PropertyValues): void {
    if (this.#focusAfterRender === null) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`#${this.#focusAfterRender}`);
    this.#focusAfterRender = null;
    target?.focus();
  }

  /** Moves focus to the element with `id` once the next render has put it there. */
  #focusNext(id: string): void {
    this.#focusAfterRender = id;
    this.requestUpdate();
  }

  get #filters(): Filters {
    return { since: this.since, prefix: this.prefix || undefined };
  }

  async #loadReport(): Promise<void> {
    const loaded = await this.#data.loadReport(this.#filters);
    if (!loaded && this.#data.token === null) this.#focusNext('token');
  }

  async #signIn(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    const field = this.renderRoot.querySelector<HTMLInputElement>('#token')!;
    if (field.value.trim() === '') {
      this.#data.tokenMessage = 'Enter the admin token the server was started with.';
      this.#focusNext('token');
      return;
    }
    this.#data.signIn(field.value.trim());
    this.openItem = null;
    if (await this.#data.loadReport(this.#filters)) this.#focusNext('report-heading');
    else if (this.#data.token === null) this.#focusNext('token');
  }

  #applyFilters(event: Event): void {
    event.preventDefault();
    const form = this.renderRoot.querySelector<HTMLFormElement>('#filters')!;
    this.since = (form.elements.namedItem('since') as HTMLSelectElement).value;
    this.prefix = (form.elements.namedItem('prefix') as HTMLInputElement).value;
    if (this.openItem !== null) void this.#showItem(this.openItem, this.#data.item?.search ?? '');
    void this.#loadReport();
  }

  async #showItem(item: string, search = ''): Promise<void> {
    const opening = this.openItem !== item;
    this.openItem = item;
    if ((await this.#data.loadItem(this.#filters, item, search)) && opening) this.#focusNext('item-heading');
    else if (this.#data.token === null) this.#focusNext('token');
  }

  #closeItem(): void {
    const item = this.openItem;
    this.openItem = null;
    this.#data.item = undefined;
    const index = this.#rows().findIndex((row) => row.item === item);
    this.#focusNext(index === -1 ? 'report-heading' : `item-${index}`);
  }

  /** Saves the CSV of `path` for the current window and prefix, narrowed by `more`. */
  #download(path: 'api/report' | 'api/comments', more: Filters): void {
    void this.#data.download(path, { ...this.#filters, ...more });
  }

  #searchComments(event: SubmitEvent): void {
    event.preventDefault();
    const search = this.renderRoot.querySelector<HTMLInputElement>('#search')!.value;
    if (this.openItem !== null) void this.#showItem(this.openItem, search);
  }

  #rows(): ReportItem[] {
    return sortRows(this.#data.report?.items ?? [], this.order);
  }

  override render() {
    return html`<h1>Was this helpful? The owner's report</h1>
      ${this.#data.token === null ? this.#renderTokenForm() : this.#renderReport()}`;
  }

  #renderTokenForm() {
    const message = this.#data.tokenMessage;
    return html`<form @submit=${this.#signIn} aria-describedby="token-help">
        <label
          >Admin token
          <input
            id="token"
            name="token"
            type="password"
            autocomplete="current-password"
            spellcheck="false"
            aria-describedby=${message ? 'token-message' : nothing}
            aria-invalid=${message ? 'true' : 'false'}
        /></label>
        <button type="submit">Open the report</button>
      </form>
      <p id="token-help">
        The token given to <code>was-this-helpful serve --admin-token</code>; kept for this tab only.
      </p>
      <div role="alert">${message ? html`<p class="message" id="token-message">${message}</p>` : nothing}</div>`;
  }

  #renderStatus() {
    const data = this.#data;
    let text = '';
    if (data.loading) text = 'Loading…';
    else if (data.report) {
      const count = data.report.items.length;
      const { since, until } = data.report.window;
      text = `${count === 1 ? '1 item' : `${count} items`} with votes ${since ? `from ${since}` : 'up'} to ${until} (UTC days).`;
    }
    return html`<p role="status">${text}</p>
      <div role="alert">${data.error ? html`<p class="message">${data.error}</p>` : nothing}</div>`;
  }

  #renderReport() {
    return html`<form id="filters" @submit=${this.#applyFilters} @change=${this.#applyFilters}>
        <label
          >Window
          <select name="since">
            ${WINDOWS.map(
              (window) =>
                html`<option value=${window.since} ?selected=${window.since === this.since}>${window.label}</option>`,
            )}
          </select></label
        >
        <label>Item id starts with <input name="prefix" type="search" .value=${this.prefix} /></label>
        <button type="submit">Show</button>
      </form>
      ${this.#renderStatus()} ${this.openItem === null ? this.#renderTable() : this.#renderItem()}`;
  }

  #renderTable() {
    const rows = this.#rows();
    if (this.#data.report && rows.length === 0)
      return html`<h2 id="report-heading" tabindex="-1">Items</h2>
        <p>No item has a vote in this window${this.prefix ? ' with this prefix' : ''}.</p>`;
    return html`<h2 id="report-heading" tabindex="-1">Items</h2>
      <p>
        ${
          this.order === null
            ? 'Ordered by attention: the items most surely unhelpful first. Choose a column heading to sort by it.'
            : 'Choose a column heading to sort by it, again to reverse.'
        }
      </p>
      <div class="actions">
        <button type="button" @click=${() => this.#download('api/report', {})}>Download this table (CSV)</button>
      </div>
      <div class="scroll" role="region" aria-labelledby="report-heading" tabindex="0">
        <table>
          <caption class="visually-hidden">
            Votes per item in the window
          </caption>
          <thead>
            <tr>
              ${REPORT_COLUMNS.map((column) => this.#renderHeader(column.key, column.label))}
            </tr>
          </thead>
          <tbody>
            ${rows.map(
              (row, index) =>
                html`<tr>
                  <th scope="row">
                    <button
                      id=${`item-${index}`}
                      class="item-button"
                      type="button"
                      @click=${() => this.#showItem(row.item)}
                    >
                      <bdi>${row.item}</bdi>
                    </button>
                  </th>
                  <td>${row.yes}</td>
                  <td>${row.no}</td>
                  <td>${row.votes}</td>
                  <td>${percent(row.helpful)}</td>
                  <td>${percent(row.low)}–${percent(row.high)}</td>
                  <td>${percent(row.previous)}</td>
                  <td>${row.comments}</td>
                  <td><bdi>${row.top_reason ?? ''}</bdi></td>
                </tr>`,
            )}
          </tbody>
        </table>
      </div>`;
  }

  #renderHeader(key: ColumnKey, label: string) {
    const sorted = this.order?.column === key ? this.order.direction : undefined;
    return html`<th scope="col" aria-sort=${sorted ?? nothing}>
      <button type="button" @click=${() => (this.order = nextOrder(this.order, key))}>
        ${label}<span aria-hidden="true">${sorted === 'ascending' ? ' ▲' : sorted === 'descending' ? ' ▼' : ''}</span>
      </button>
    </th>`;
  }

  #renderItem() {
    const view = this.#data.item;
    const item = this.openItem!;
    const row = view?.row;
    return html`<div class="actions">
        <button type="button" @click=${this.#closeItem}>Back to all items</button>
      </div>
      <h2 id="item-heading" tabindex="-1"><bdi>${item}</bdi></h2>
      ${
        row
          ? html`<p>
                ${
                  row.votes === 0
                    ? 'No votes in this window.'
                    : `${row.yes} Yes and ${row.no} No: ${percent(row.helpful)}% helpful (95% range ${percent(row.low)}–${percent(row.high)}%).`
                }
              </p>
              ${this.#renderDays(row)}
              <h3 id="reasons-heading">Reasons</h3>
              ${reasonBars(row.reasons ?? [])}
              <div class="actions">
                <button type="button" @click=${() => this.#download('api/report', { item, part: 'reasons' })}>
                  Download the reasons (CSV)
                </button>
              </div>
              ${this.#renderComments(view)}`
          : nothing
      }`;
  }

  #renderDays(row: ReportItem) {
    const days = row.days ?? [];
    return html`<h3 id="days-heading">Daily votes</h3>
      <div class="item-view">
        <figure>
          <svg class="chart" viewBox=${CHART_VIEW_BOX} role="img" aria-label=${chartSummary(days)}>
            ${dailyChart(days)}
          </svg>
        </figure>
        <div class="scroll days" role="region" aria-label="Daily votes as a table" tabindex="0">
          <table>
            <caption class="visually-hidden">
              Daily Yes and No votes
            </caption>
            <thead>
              <tr>
                <th scope="col">Day (UTC)</th>
                <th scope="col">Yes</th>
                <th scope="col">No</th>
              </tr>
            </thead>
            <tbody>
              ${days.map(
                (day) =>
                  html`<tr>
                    <th scope="row">${day.day}</th>
                    <td>${day.yes}</td>
                    <td>${day.no}</td>
                  </tr>`,
              )}
            </tbody>
          </table>
        </div>
      </div>
      <div class="actions">
        <button type="button" @click=${() => this.#download('api/report', { item: row.item, part: 'days' })}>
          Download the daily votes (CSV)
        </button>
      </div>`;
  }

  #renderComments(view: NonNullable<ReportController['item']>) {
    const item = this.openItem!;
    return html`<h3 id="comments-heading">Comments, newest first</h3>
      <form role="search" aria-label="Comments" @submit=${this.#searchComments}>
        <label>Comments containing <input id="search" name="search" type="search" .value=${view.search} /></label>
        <button type="submit">Search</button>
        <button
          type="button"
          @click=${() => this.#download('api/comments', { item, search: view.search || undefined })}
        >
          Download these comments (CSV)
        </button>
      </form>
      ${commentList(view.comments)}`;
  }
}
