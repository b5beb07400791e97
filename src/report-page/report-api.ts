/**
 * The report page's requests: `GET api/report` and `GET api/comments` (relative to the page, so a server
 * mounted under a path prefix works too) with the admin token as a bearer token.
 */
import type { CommentsAnswer, ReportAnswer } from '../server/report/report-types.js';

/** The server refused the token (401): the page forgets it and asks again. */
export class TokenRefused extends Error {}

/** Any other failure, with a message the owner can read. */
export class ReportRequestFailed extends Error {}

/** A request's filters, as the API names them; `undefined` values are left out. */
export type Filters = Record<string, string | undefined>;

function requestUrl(path: string, filters: Filters): URL {
  const url = new URL(path, document.baseURI);
  for (const [name, value] of Object.entries(filters)) if (value !== undefined) url.searchParams.set(name, value);
  return url;
}

async function request(path: string, filters: Filters, token: string): Promise<Response> {
  let response: Response;
  try {
    response = await fetch(requestUrl(path, filters), { headers: { Authorization: `Bearer ${token}` } });
  } catch {
    throw new ReportRequestFailed('The server could not be reached. Check that it is running, then try again.');
  }
  if (response.status === 401) throw new TokenRefused('The server refused this token.');
  if (!response.ok) {
    const body = (await response.json().catch(() => undefined)) as { error?: string } | undefined;
    const wait = response.headers.get('Retry-After');
    const hint = response.status === 429 && wait ? ` Try again in ${Math.ceil(Number(wait) / 60)} min.` : '';
    throw new ReportRequestFailed(`${body?.error ?? `The server answered ${response.status}`}.${hint}`);
  }
  return response;
}

/** The report (`items`) for `filters`. */
export const fetchReport = async (filters: Filters, token: string): Promise<ReportAnswer> =>
  (await request('api/report', { ...filters, format: 'json' }, token)).json() as Promise<ReportAnswer>;

/** The follow-ups (`comments`) for `filters`. */
export const fetchComments = async (filters: Filters, token: string): Promise<CommentsAnswer> =>
  (await request('api/comments', { ...filters, format: 'json' }, token)).json() as Promise<CommentsAnswer>;

/**
 * Saves the CSV of `path` for `filters` as a file: fetched with the token (a plain link could not send it),
 * then handed to the browser as a download from a blob, under the name the server gave.
 */
export async function downloadCsv(path: 'api/report' | 'api/comments', filters: Filters, token: string) {
  const response = await request(path, { ...filters, format: 'csv' }, token);
  const name = /filename="([^"]+)"/.exec(response.headers.get('Content-Disposition') ?? '')?.[1] ?? 'report.csv';
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.click();
  // Released once the browser has surely read it; revoking at once can cancel a slow download.
  setTimeout(() => URL.revokeObjectURL(url), 30_000);
}
