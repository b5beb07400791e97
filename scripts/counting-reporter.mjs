import { writeFileSync, mkdirSync } from 'node:fs';

/**
 * Writes the number of passed, failed and skipped tests of this run to
 * `.test-results/element-<WTH_BROWSERS>.json`, so the test script can print one total over every suite
 * and fail when no test ran (scripts/test.mjs runs one engine per run).
 */
export function countingReporter() {
  const tally = (suite, counts) => {
    for (const test of suite.tests) {
      if (test.skipped) counts.skipped += 1;
      else if (test.passed) counts.passed += 1;
      else counts.failed += 1;
    }
    for (const child of suite.suites) tally(child, counts);
  };
  return {
    onTestRunFinished({ sessions }) {
      const counts = { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
      for (const session of sessions) {
        if (session.testResults) tally(session.testResults, counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.erroredFiles += 1;
      }
      const name = (process.env.WTH_BROWSERS ?? 'chromium').replace(/\W+/g, '-');
      mkdirSync('.test-results', { recursive: true });
      writeFileSync(`.test-results/element-${name}.json`, JSON.stringify(counts));
    },
  };
}
