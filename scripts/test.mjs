#!/usr/bin/env node
/**
 * `npm test`: builds, makes sure a real browser (and PostgreSQL) is there, runs every suite, and prints
 * one total. Fails loudly when a browser did not start or a suite ran no test.
 *
 * Suites: element tests in the browser (web-test-runner), server tests against the real server process
 * (node:test), end-to-end tests of the demo in Chromium (playwright-core), the package as packed and
 * installed in an empty project, and the package in framework apps, docs-platform sites and deployments.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, readdirSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import { ensureBrowsers } from './ensure-browsers.mjs';
import { findPostgresBin, startTestPostgres } from './postgres-for-tests.mjs';
import { startWebKitDriver } from './webkit-driver.mjs';

const RESULTS = '.test-results';
// WTH_SUITES=element,server,e2e,package,integrations and WTH_ENGINES=chromium,firefox,webkit narrow a run
// (default: everything).
const suites = new Set((process.env.WTH_SUITES ?? 'element,server,e2e,package,integrations').split(','));
const CI = Boolean(process.env.CI) && process.env.CI !== 'false';
rmSync(RESULTS, { recursive: true, force: true });
mkdirSync(RESULTS, { recursive: true });

const totals = { passed: 0, failed: 0, skipped: 0 };
const problems = [];
const lines = [];
const skippedEngines = [];

// Helper processes (Xvfb, WebKitWebDriver, PostgreSQL) are stopped on every path, Ctrl-C included.
const cleanups = new Set();
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    await Promise.allSettled([...cleanups].map((cleanup) => cleanup()));
    process.exit(130);
  });
}

function run(command, args, env = {}) {
  console.log(`\n$ ${[command, ...args].join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } }).status ?? 1;
}

function addCounts(suite, counts) {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
  lines.push(`${suite}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  if (counts.passed + counts.failed === 0) problems.push(`${suite} ran no test`);
}

/** Counts from a node:test TAP file (`# pass N`, `# fail N`, `# skipped N`, `# cancelled N`). */
function tapCounts(file) {
  if (!existsSync(file)) return undefined;
  const text = readFileSync(file, 'utf8');
  const number = (name) => Number(new RegExp(`^# ${name} (\\d+)$`, 'm').exec(text)?.[1] ?? 0);
  return {
    passed: number('pass'),
    failed: number('fail') + number('cancelled'),
    skipped: number('skipped') + number('todo'),
  };
}

function nodeSuite(name, files, env = {}) {
  const tap = `${RESULTS}/${name.replace(/\W+/g, '-')}.tap`;
  const status = run(
    process.execPath,
    [
      '--test',
      '--test-concurrency=1',
      '--test-reporter=spec',
      '--test-reporter-destination=stdout',
      '--test-reporter=tap',
      `--test-reporter-destination=${tap}`,
      ...files,
    ],
    env,
  );
  const counts = tapCounts(tap);
  if (!counts) return problems.push(`${name}: no results`);
  addCounts(name, counts);
  if (status !== 0 && counts.failed === 0) problems.push(`${name}: node --test exited with ${status}`);
}

const testFiles = (dir) =>
  readdirSync(dir)
    .filter((file) => file.endsWith('.test.mjs'))
    .map((file) => `${dir}/${file}`);

// 1. Build: the bundle test, the server tests and the demo use the build output.
if (run('npm', ['run', '--silent', 'typecheck']) !== 0) problems.push('the type check failed');
if (run('npm', ['run', '--silent', 'build']) !== 0) problems.push('the build failed');

// 2. Element tests, one engine at a time (in parallel they would compete for two cores and make
// timing-sensitive tests flaky). Under CI a missing engine is a failure; elsewhere it is skipped, loudly.
const engines = (process.env.WTH_ENGINES ?? 'chromium,firefox,webkit').split(',').filter(Boolean);
const { ready, missing } = ensureBrowsers(engines);
for (const { name, reason } of missing) {
  if (CI) problems.push(`${name} is not available: ${reason}`);
  else skippedEngines.push(`${name} (${reason})`);
}
for (const name of suites.has('element') ? ready : []) {
  let driver;
  try {
    if (name === 'webkit') {
      driver = await startWebKitDriver();
      cleanups.add(driver.stop);
    }
    const file = `${RESULTS}/element-${name}.json`;
    const status = run('npx', ['wtr', '--config', 'web-test-runner.config.mjs'], {
      WTH_BROWSERS: name,
      ...driver?.env,
    });
    if (!existsSync(file)) {
      problems.push(`element tests in ${name}: no results (did the browser start?)`);
      continue;
    }
    const counts = JSON.parse(readFileSync(file, 'utf8'));
    addCounts(`element tests in ${name}`, counts);
    if (counts.erroredFiles > 0)
      problems.push(`element tests in ${name}: ${counts.erroredFiles} test file(s) failed to load`);
    if (status !== 0 && counts.failed === 0)
      problems.push(`element tests in ${name}: the runner exited with ${status}`);
  } catch (error) {
    problems.push(`element tests in ${name}: ${error.message}`);
  } finally {
    if (driver) {
      cleanups.delete(driver.stop);
      await driver.stop();
    }
  }
}

// 3. Server tests, on SQLite and on PostgreSQL: the one DATABASE_URL names (the tests create databases named
// wth_* in it), else a throw-away one when PostgreSQL is installed.
let postgres;
if (!suites.has('server')) {
  // not asked for
} else if (process.env.DATABASE_URL) {
  console.log('\nPostgreSQL store tests: on DATABASE_URL (they create databases named wth_* there).');
  postgres = { url: process.env.DATABASE_URL, stop: async () => {} };
} else if (findPostgresBin()) {
  try {
    postgres = await startTestPostgres();
    cleanups.add(postgres.stop);
  } catch (error) {
    problems.push(`PostgreSQL did not start: ${error.message}`);
  }
} else if (CI) {
  problems.push('PostgreSQL is not installed (apt-get install postgresql); CI needs it for the PostgreSQL store tests');
} else {
  console.log(
    '\nPostgreSQL is not installed: the PostgreSQL store tests are skipped (apt-get install postgresql to run them).',
  );
}
try {
  const files = [...testFiles('test/server'), ...testFiles('test/docs')];
  if (suites.has('server'))
    nodeSuite('server and docs tests', files, postgres ? { WTH_TEST_DATABASE_URL: postgres.url } : {});
} finally {
  await postgres?.stop();
}

// 4. End-to-end tests of the demo in Chromium.
if (!suites.has('e2e')) {
  // not asked for
} else if (ensureBrowsers(['chromium']).ready.length > 0)
  nodeSuite('end-to-end tests in chromium', testFiles('test/e2e'));
else problems.push('end-to-end tests need Chromium (apt-get install chromium)');

// 5. The package as a site owner installs it: packed, installed in an empty project, used three ways.
if (!suites.has('package')) {
  // not asked for
} else if (ensureBrowsers(['chromium']).ready.length > 0)
  nodeSuite('package tests in chromium', testFiles('test/package'));
else problems.push('the package tests need Chromium (apt-get install chromium)');

// 6. The package where sites use it: React, Vue and Preact apps built from the packed package, the
// documentation platforms' recipes built with their generators, and the deployment files run by nginx,
// Caddy and systemd; in Chromium.
if (!suites.has('integrations')) {
  // not asked for
} else if (ensureBrowsers(['chromium']).ready.length > 0)
  nodeSuite('framework, docs-platform and deployment tests in chromium', [
    ...testFiles('test/frameworks'),
    ...testFiles('test/recipes'),
    ...testFiles('test/deploy'),
  ]);
else problems.push('the framework, docs-platform and deployment tests need Chromium (apt-get install chromium)');

const summary = `${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`;
writeFileSync(`${RESULTS}/total.txt`, `${summary}\n`);
console.log(`\n${lines.join('\n')}`);
if (skippedEngines.length > 0)
  console.log(`\nSKIPPED ENGINES (not installed; CI=true makes this a failure):\n- ${skippedEngines.join('\n- ')}`);
if (problems.length > 0) console.error(`\nFAILED:\n- ${problems.join('\n- ')}`);
console.log(`\n${summary}`);
process.exit(problems.length > 0 || totals.failed > 0 ? 1 : 0);
