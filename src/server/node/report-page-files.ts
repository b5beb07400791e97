import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { ReportPageFiles } from '../http/report-routes.js';
import { CommandFailed } from './command-line.js';

/** Where the build puts the page: `dist/report/`, beside `dist/node/` (this file is `dist/node/server/node/…`). */
const REPORT_PAGE_FOLDER = new URL('../../../report/', import.meta.url);

/**
 * The report page as `npm run build` wrote it (`dist/report/`), read once at start: the owner runs no build
 * step, and a checkout that was never built says so instead of serving a 404 later.
 */
export function readReportPage(): ReportPageFiles {
  const read = (name: string) => {
    try {
      return readFileSync(new URL(name, REPORT_PAGE_FOLDER), 'utf8');
    } catch {
      throw new CommandFailed(
        `the report page is missing from ${fileURLToPath(REPORT_PAGE_FOLDER)}${name}: run npm run build first`,
      );
    }
  };
  return {
    html: { type: 'text/html; charset=utf-8', body: read('report.html') },
    script: { type: 'text/javascript; charset=utf-8', body: read('report-page.js') },
  };
}
