// ESLint for the whole repository: typescript-eslint everywhere; for the widget's own code, Lit's template
// rules, the web-component rules and Lit's accessibility rules for templates. Formatting is Prettier's.
import js from '@eslint/js';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Code that runs in the browser: the widget, its element tests and the demo's script. */
const browser = ['src/**/*.ts', 'test/element/**/*.ts', 'demo/**/*.js'];
/** Code that runs on Node: the server, scripts, benchmarks, the other tests and the build's configuration. */
const node = ['src/server/**', 'scripts/**', 'bench/**', 'bin/**', 'test/**/*.mjs', '*.js', '*.mjs', '*.ts'];

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'data/',
      '.test-results/',
      'demo/was-this-helpful.bundle.js',
      'demo/follow-up.bundle.js',
      'demo/strings/',
      'custom-elements.json',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  { files: browser, ignores: ['src/server/**'], languageOptions: { globals: globals.browser } },
  { files: browser, ignores: ['src/server/**'], ...lit.configs['flat/recommended'] },
  { files: browser, ignores: ['src/server/**'], ...wc.configs['flat/recommended'] },
  { files: ['src/**/*.ts'], ignores: ['src/server/**'], ...litA11y.configs.recommended },
  { files: node, languageOptions: { globals: globals.node } },
  // End-to-end tests hand functions to the browser (page.evaluate, waitForFunction): both sets of globals.
  {
    files: [
      'test/e2e/**',
      'test/package/**',
      'test/frameworks/**',
      'test/recipes/**',
      'bench/**',
      'scripts/screenshots.mjs',
    ],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
  // Chai's property assertions (`expect(x).to.exist`) are expressions.
  { files: ['test/element/**/*.ts'], rules: { '@typescript-eslint/no-unused-expressions': 'off' } },
  {
    rules: {
      // Control characters in regular expressions are this project's subject: the protocol refuses them.
      'no-control-regex': 'off',
      // `_name` marks a parameter a signature needs but the body does not use.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
);
