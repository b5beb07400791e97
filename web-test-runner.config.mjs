import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter, summaryReporter } from '@web/test-runner';
import { browsersFromEnvironment } from './scripts/browsers.mjs';
import { countingReporter } from './scripts/counting-reporter.mjs';
import { rawFilesRoute } from './test/element/support/raw-files-route.mjs';
import { votesRoute } from './test/element/support/votes-route.mjs';

export default {
  files: 'test/element/**/*.test.ts',
  nodeResolve: true,
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  middleware: [votesRoute(), rawFilesRoute()],
  browsers: browsersFromEnvironment(),
  // Test files share one origin, so one localStorage and one outbox: run them one at a time.
  concurrency: 1,
  // Lit's dev-mode notice is printed once per file and says nothing about the tests.
  filterBrowserLogs: ({ args }) => !String(args[0]).includes('Lit is in dev mode'),
  testFramework: { config: { timeout: 15000 } },
  testsFinishTimeout: 300_000,
  browserStartTimeout: 60_000,
  reporters: [defaultReporter(), summaryReporter({ flatten: false }), countingReporter()],
};
