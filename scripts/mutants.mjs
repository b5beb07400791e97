#!/usr/bin/env node
/**
 * `npm run mutants`: do the tests notice when the product breaks? Makes each mutation of
 * scripts/mutant-list.mjs, one at a time, in a scratch copy of this checkout (its files as they are now, with
 * node_modules linked), runs the test files the mutation names (element tests in Chromium, server tests with
 * `node --test` after compiling the server again), and counts it caught when they fail. Prints each survivor
 * and ends with `mutants: N, caught: C, survived: S`; exits 1 when one survived.
 *
 * Stryker was not used: it has no runner for @web/test-runner. `--only TEXT` runs the mutations whose name or
 * file contains TEXT; `--check` only checks that the list matches the code (each text found once, each test
 * file there), which the docs tests do on every run.
 */
import { execFileSync, spawn } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MUTANTS } from './mutant-list.mjs';
import { findPostgresBin, startTestPostgres } from './postgres-for-tests.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** A test run that takes longer than this is stopped; a mutation that hangs the tests is caught. */
const RUN_TIMEOUT_MS = 180_000;

const checkOnly = process.argv.includes('--check');
const only = process.argv.includes('--only') ? (process.argv[process.argv.indexOf('--only') + 1] ?? '') : '';
const mutants = MUTANTS.filter((mutant) => `${mutant.name} ${mutant.file}`.includes(only));
const isElementTest = (file) => file.endsWith('.test.ts');
const isServerTest = (file) => file.startsWith('test/server/') && file.endsWith('.test.mjs');
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

/** Checks the whole list before anything runs: a text that moved or became ambiguous stops the run at once. */
function checkList() {
  const problems = [];
  for (const mutant of mutants) {
    const source = existsSync(join(ROOT, mutant.file)) ? readFileSync(join(ROOT, mutant.file), 'utf8') : undefined;
    const found = source?.split(mutant.find).length - 1;
    if (source === undefined) problems.push(`${mutant.file} does not exist`);
    else if (found !== 1)
      problems.push(`${mutant.file}: "${mutant.find}" occurs ${found} times, not once (${mutant.name})`);
    for (const test of mutant.tests) {
      if (!existsSync(join(ROOT, test))) problems.push(`${test} does not exist (${mutant.name})`);
      else if (!isElementTest(test) && !isServerTest(test))
        problems.push(`${test} is neither an element nor a server test file`);
    }
  }
  if (mutants.length === 0) problems.push(`no mutation matches --only ${JSON.stringify(only)}`);
  if (problems.length > 0) {
    console.error(`scripts/mutant-list.mjs does not match the code:\n- ${problems.join('\n- ')}`);
    process.exit(2);
  }
}

/** A copy of the checkout's files (tracked, and new ones not ignored) with node_modules linked, not copied. */
function scratchCopy() {
  const dir = mkdtempSync(join(tmpdir(), 'wth-mutants-'));
  // Readable by others, as a checkout is: the store tests run the command as "nobody" when run as root.
  chmodSync(dir, 0o755);
  const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], {
    cwd: ROOT,
    encoding: 'utf8',
  });
  for (const file of files.split('\0').filter(Boolean)) {
    if (!existsSync(join(ROOT, file))) continue; // deleted but not yet committed
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    copyFileSync(join(ROOT, file), join(dir, file));
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'), 'dir');
  // The report page, which `serve --admin-token` reads at start: built once, no mutation touches it.
  execFileSync('npx', ['vite', 'build', '--config', 'vite.report.config.ts', '--logLevel', 'error'], { cwd: dir });
  return dir;
}

/** The process group of the command running now, stopped with this script on Ctrl-C. */
let running;
const stopGroup = (child) => {
  try {
    process.kill(-child.pid, 'SIGKILL');
  } catch {
    // already gone
  }
};

/** Runs a command in the scratch copy, stopping it (and the browser it started) after `RUN_TIMEOUT_MS`. */
function run(cwd, command, args, env = {}) {
  return new Promise((done) => {
    const child = spawn(command, args, {
      cwd,
      env: { ...process.env, ...env },
      detached: true,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    running = child;
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      stopGroup(child);
    }, RUN_TIMEOUT_MS);
    child.on('close', (code) => {
      clearTimeout(timer);
      running = undefined;
      done({ passed: code === 0 && !timedOut, timedOut, output: output.replace(/\x1b\[[0-9;]*[A-Za-z]/g, '') });
    });
  });
}

/** The names of the tests that failed, from web-test-runner's or node:test's (TAP) output. */
function failedTests(output) {
  const names = [...output.matchAll(/^\s*❌ (.+)$/gm), ...output.matchAll(/^\s*not ok \d+ - (.+)$/gm)].map((match) =>
    match[1].trim(),
  );
  return [...new Set(names)];
}

/** A mutation may leave a name unused (a deleted call, say): that is a bug to catch, not a list to fix. */
const TYPES_ONLY = ['--noUnusedLocals', 'false', '--noUnusedParameters', 'false'];

/** Runs `tests` in the scratch copy as it is now; resolves with whether they all passed, and what failed. */
async function runTests(dir, tests, postgresUrl) {
  const element = tests.filter(isElementTest);
  const server = tests.filter(isServerTest);
  const results = [];
  if (server.length > 0) {
    const build = await run(dir, 'npx', ['tsc', '-p', 'tsconfig.server.json', ...TYPES_ONLY]);
    if (!build.passed) return { passed: false, broken: `the server does not compile:\n${build.output}` };
  }
  if (element.length > 0) {
    const typecheck = await run(dir, 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit', ...TYPES_ONLY]);
    if (!typecheck.passed) return { passed: false, broken: `the element does not type-check:\n${typecheck.output}` };
    results.push(
      await run(dir, 'npx', ['wtr', '--config', 'web-test-runner.config.mjs', '--files', ...element], {
        WTH_BROWSERS: 'chromium',
      }),
    );
  }
  if (server.length > 0) {
    const env = postgresUrl ? { WTH_TEST_DATABASE_URL: postgresUrl } : {};
    results.push(
      await run(dir, process.execPath, ['--test', '--test-concurrency=1', '--test-reporter=tap', ...server], env),
    );
  }
  return {
    passed: results.every((result) => result.passed),
    timedOut: results.some((result) => result.timedOut),
    failed: results.flatMap((result) => failedTests(result.output)),
    output: results.map((result) => result.output).join('\n'),
  };
}

checkList();
if (checkOnly) {
  console.log(`scripts/mutant-list.mjs matches the code: ${mutants.length} mutations`);
  process.exit(0);
}
const started = performance.now();
const dir = scratchCopy();
let postgres;
const cleanUp = async () => {
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
};
process.on('SIGINT', async () => {
  if (running) stopGroup(running);
  await cleanUp();
  process.exit(130);
});

try {
  const needsPostgres = mutants.some((mutant) => mutant.postgres);
  if (process.env.DATABASE_URL) postgres = { url: process.env.DATABASE_URL, stop: async () => {} };
  else if (findPostgresBin()) postgres = await startTestPostgres();
  else if (needsPostgres)
    console.log('PostgreSQL is not installed: the mutations only PostgreSQL can notice are skipped.');

  // Without any mutation every named test must pass, or a failure would count as a catch.
  const allTests = [...new Set(mutants.flatMap((mutant) => mutant.tests))];
  console.log(`scratch copy: ${dir}\nbaseline: ${allTests.length} test files without any mutation…`);
  const baseline = await runTests(dir, allTests, postgres?.url);
  if (!baseline.passed) {
    console.error(
      baseline.broken ??
        `${baseline.output}\nThe tests fail without any mutation (${baseline.failed.join('; ')}): fix them first.`,
    );
    process.exitCode = 2;
  } else {
    console.log(`baseline passed in ${seconds(started)}\n`);
    const survivors = [];
    const skipped = [];
    let caught = 0;
    for (const [index, mutant] of mutants.entries()) {
      const label = `[${String(index + 1).padStart(2)}/${mutants.length}] ${mutant.file}: ${mutant.name}`;
      if (mutant.postgres && !postgres) {
        skipped.push(mutant);
        console.log(`${label}\n        skipped: no PostgreSQL`);
        continue;
      }
      const file = join(dir, mutant.file);
      const original = readFileSync(file, 'utf8');
      const since = performance.now();
      writeFileSync(
        file,
        original.replace(mutant.find, () => mutant.replace),
      );
      let result;
      try {
        result = await runTests(dir, mutant.tests, postgres?.url);
      } finally {
        writeFileSync(file, original);
      }
      if (result.broken) {
        console.error(`${label}\n        the mutation itself is broken: ${result.broken}`);
        process.exitCode = 2;
        break;
      }
      if (result.passed) {
        survivors.push(mutant);
        console.log(`${label}\n        SURVIVED ${mutant.tests.join(' ')} (${seconds(since)})`);
      } else {
        caught += 1;
        const by = result.timedOut
          ? `a test run that did not finish in ${RUN_TIMEOUT_MS / 1000} s`
          : result.failed.join('; ') || 'a failed run (see its output)';
        console.log(`${label}\n        caught by: ${by} (${seconds(since)})`);
      }
    }
    if (process.exitCode !== 2) {
      if (survivors.length > 0)
        console.log(
          `\nSurvivors (no test noticed them):\n${survivors.map((m) => `- ${m.file}: ${m.name}\n    ${m.find} → ${m.replace || '(removed)'}`).join('\n')}`,
        );
      if (skipped.length > 0) console.log(`\nSkipped (no PostgreSQL): ${skipped.length}`);
      console.log(`\ntook ${seconds(started)}`);
      console.log(`mutants: ${caught + survivors.length}, caught: ${caught}, survived: ${survivors.length}`);
      if (survivors.length > 0) process.exitCode = 1;
    }
  }
} finally {
  await cleanUp();
}
