#!/usr/bin/env node
/**
 * `npm run size`: the gzip size of what a page loads, against the budgets. Exits 1 over budget.
 * Run after `npm run build`.
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const budgets = [
  { file: 'dist/was-this-helpful.bundle.js', what: 'self-contained bundle (Lit included)', budget: 9000 },
  { file: 'dist/was-this-helpful.js', what: 'npm entry (Lit external)', budget: 3500 },
];

let over = false;
for (const { file, what, budget } of budgets) {
  const source = readFileSync(file);
  const gzip = gzipSync(source, { level: 9 }).length;
  const verdict = gzip <= budget ? 'ok' : 'OVER BUDGET';
  over ||= gzip > budget;
  console.log(`${what.padEnd(40)} ${file.padEnd(34)} ${String(source.length).padStart(6)} B raw ${String(gzip).padStart(6)} B gzip / budget ${budget} B: ${verdict}`);
}
process.exit(over ? 1 : 0);
