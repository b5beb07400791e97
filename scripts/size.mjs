#!/usr/bin/env node
/**
 * `npm run size`: the gzip size (level 9) of what a page loads before anyone votes, against the budgets.
 * Exits 1 over budget. Run after `npm run build`.
 *
 * - The self-contained bundle: the file, as a script tag loads it.
 * - The npm entry: `import 'was-this-helpful-widget'` as a bundler puts it into a page, Lit aside: the entry
 *   built into one module with this project's own build settings (the published entry is split into
 *   `was-this-helpful.js`, `element.js` and `define.js` over one shared module, which a bundler joins again).
 * Neither counts the language modules or the follow-up form's module, fetched on demand.
 * - The follow-up form's module, which a page fetches the first time a reader's vote asks for the form: the
 *   bundle's (`dist/follow-up.bundle.js`) and the npm entry's, each measured against the same budget.
 * - The owner's report page (`dist/report/report-page.js`), loaded on /report only, with a budget of its own.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { build } from 'vite';

const [{ output }] = await build({
  logLevel: 'silent',
  build: { write: false, lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'entry.js' } },
});
const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry).code;
const followUp = output.find((chunk) => chunk.type === 'chunk' && chunk.facadeModuleId?.includes('/follow-up/')).code;

const measured = [
  {
    what: 'self-contained bundle (Lit included), dist/was-this-helpful.bundle.js',
    code: readFileSync('dist/was-this-helpful.bundle.js'),
    budget: 11_000,
  },
  { what: 'npm entry (Lit external), as one module', code: Buffer.from(entry), budget: 5500 },
  {
    what: 'follow-up module of the bundle, dist/follow-up.bundle.js',
    code: readFileSync('dist/follow-up.bundle.js'),
    budget: 3000,
  },
  { what: 'follow-up module of the npm entry', code: Buffer.from(followUp), budget: 3000 },
  // Loaded by the owner on /report only, never by a reader's page.
  {
    what: "owner's report page (Lit included), dist/report/report-page.js",
    code: readFileSync('dist/report/report-page.js'),
    budget: 12000,
  },
];

let over = false;
for (const { what, code, budget } of measured) {
  const gzip = gzipSync(code, { level: 9 }).length;
  over ||= gzip > budget;
  console.log(
    `${what}: ${code.length} B raw, ${gzip} B gzip / budget ${budget} B: ${gzip <= budget ? 'ok' : 'OVER BUDGET'}`,
  );
}
process.exit(over ? 1 : 0);
