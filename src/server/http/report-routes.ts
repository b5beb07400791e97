import type { Context, Hono } from 'hono';
import type { VoteStore } from '../stores/vote-store.js';
import { adminHeaders, requireAdminToken, type AdminAccessOptions } from './admin-access.js';
import { BadRequest, errorAnswer, NO_SNIFF } from './errors.js';
import { answerComments, answerReport, type AdminAnswer } from './report-answers.js';

/** Where the report page is served. */
export const REPORT_PAGE_PATH = '/report';
/** Where the page's script is served (the page names it relative to `/report`). */
export const REPORT_SCRIPT_PATH = '/report/report-page.js';
/** The report as JSON or CSV (CONTRACT.md section 6). */
export const REPORT_API_PATH = '/api/report';
/** The follow-ups as JSON or CSV. */
export const COMMENTS_API_PATH = '/api/comments';

/**
 * The policy the page is served under: its own script and nothing else, no inline script or style, markup
 * only through Lit's Trusted Types policy, and never inside another site's frame.
 */
export const REPORT_PAGE_CSP = "default-src 'self'; require-trusted-types-for 'script'; frame-ancestors 'none'";

/** A file of the report page, as the platform read it (Node: from `dist/report/` at start). */
export interface ReportPageFile {
  type: string;
  body: string;
}

/** The page's two files: its HTML at `REPORT_PAGE_PATH` and its script at `REPORT_SCRIPT_PATH`. */
export interface ReportPageFiles {
  html: ReportPageFile;
  script: ReportPageFile;
}

/** Every path the report owns, for `--static` to leave alone. */
export const REPORT_PATHS = [REPORT_PAGE_PATH, REPORT_SCRIPT_PATH, REPORT_API_PATH, COMMENTS_API_PATH] as const;

/** The answer of an admin API request: JSON, or CSV as an attachment with a file name. */
function send(c: Context, answer: AdminAnswer): Response {
  if (answer.format === 'csv') {
    return c.body(answer.body, 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${answer.fileName}"`,
      ...NO_SNIFF,
    });
  }
  return c.body(answer.body, 200, { 'Content-Type': 'application/json', ...NO_SNIFF });
}

/** The query of a request as one value per name; a name given twice is refused rather than half read. */
function queryValues(c: Context): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [name, value] of new URL(c.req.url).searchParams) {
    if (Object.hasOwn(values, name)) throw new BadRequest(`${name} is given more than once`);
    values[name] = value;
  }
  return values;
}

/**
 * The owner's report on `app`: the page at `/report` and its API, behind `access` (a bearer token, a lockout
 * after repeated failures, `no-store` on everything, and no CORS: the votes' CORS middleware covers
 * `/api/votes` alone). Without the page's files only the API is served.
 */
export function addReportRoutes(
  app: Hono,
  store: VoteStore,
  access: AdminAccessOptions,
  page: ReportPageFiles | undefined,
): void {
  for (const path of REPORT_PATHS) app.use(path, adminHeaders(access));
  for (const path of [REPORT_API_PATH, COMMENTS_API_PATH]) app.use(path, requireAdminToken(access));

  if (page) {
    // The address typed with a slash: the page's script is named relative to `/report`, so send the owner there.
    app.use(`${REPORT_PAGE_PATH}/`, adminHeaders(access));
    app.get(`${REPORT_PAGE_PATH}/`, (c) => c.redirect(REPORT_PAGE_PATH, 308));
    app.get(REPORT_PAGE_PATH, (c) =>
      c.body(page.html.body, 200, { 'Content-Type': page.html.type, 'Content-Security-Policy': REPORT_PAGE_CSP }),
    );
    app.get(REPORT_SCRIPT_PATH, (c) => c.body(page.script.body, 200, { 'Content-Type': page.script.type }));
  }
  app.get(REPORT_API_PATH, async (c) => send(c, await answerReport(store, queryValues(c), new Date())));
  app.get(COMMENTS_API_PATH, async (c) => send(c, await answerComments(store, queryValues(c), new Date())));

  for (const path of page ? REPORT_PATHS : [REPORT_API_PATH, COMMENTS_API_PATH]) {
    app.all(path, (c) => {
      c.header('Allow', 'GET, HEAD');
      return errorAnswer(c, 405, `${c.req.method} is not allowed here`);
    });
  }
}
