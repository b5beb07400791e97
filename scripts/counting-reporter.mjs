import { writeFileSync, mkdirSync } from 'node:fs';

/**
 * Writes the number of passed, failed and skipped tests per browser to `.test-results/<browser>.json`,
 * so the test script can print one total over every suite and fail when no test ran.
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
      const byBrowser = new Map();
      for (const session of sessions) {
        const name = session.browser.name;
        const counts = byBrowser.get(name) ?? { passed: 0, failed: 0, skipped: 0, erroredFiles: 0 };
        if (session.testResults) tally(session.testResults, counts);
        if (!session.passed && (session.errors?.length ?? 0) > 0) counts.erroredFiles += 1;
        byBrowser.set(name, counts);
      }
      mkdirSync('.test-results', { recursive: true });
      for (const [name, counts] of byBrowser) {
        writeFileSync(`.test-results/element-${name.toLowerCase().replace(/\W+/g, '-')}.json`, JSON.stringify(counts));
      }
    },
  };
}
