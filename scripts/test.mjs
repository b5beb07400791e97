#!/usr/bin/env node
/**
 * `npm test`: builds, makes sure a real browser is there, runs every suite, and prints one total.
 * Fails loudly when a browser did not start or a suite ran no test.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { ensureBrowsers } from './ensure-browsers.mjs';

const RESULTS = '.test-results';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function addCounts(suite, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  console.log(`${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (counts.passed + counts.failed === 0) problems.push(`${suite} ran no test`);
}

if (run('npm', ['run', '--silent', 'build']) !== 0) problems.push('the build failed');

const wanted = ['chromium'];
const { ready, missing } = ensureBrowsers(wanted);
for (const { name, reason } of missing) problems.push(`${name} is not available: ${reason}`);

if (ready.length > 0) {
  const status = run('npx', ['wtr', '--config', 'web-test-runner.config.mjs'], { WTH_BROWSERS: ready.join(',') });
  for (const name of ready) {
    const file = readdirSync(RESULTS).find((entry) => entry.startsWith('element-') && entry.includes(name === 'chromium' ? 'chrom' : name));
    if (!file) {
      problems.push(`element tests in ${name}: no results (did the browser start?)`);
      continue;
    }
    const counts = JSON.parse(readFileSync(`${RESULTS}/${file}`, 'utf8'));
    addCounts(`element tests in ${name}`, counts);
    if (counts.erroredFiles > 0) problems.push(`element tests in ${name}: ${counts.erroredFiles} test file(s) failed to load`);
  }
  if (status !== 0 && totals.failed === 0) problems.push(`the element test runner exited with ${status}`);
}

const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync(`${RESULTS}/total.txt`, `${summary}\n`);
if (problems.length > 0) {
  console.error(`\nFAILED:\n- ${problems.join('\n- ')}`);
}
console.log(`\n${summary}`);
process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0);
