// ESLint for the whole repository: TypeScript with type information in src/ and test/, Lit's template
// rules, web-component rules and Lit's accessibility rules for the element's templates.
import js from '@eslint/js';
import litA11y from 'eslint-plugin-lit-a11y';
import lit from 'eslint-plugin-lit';
import wc from 'eslint-plugin-wc';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/', 'demo/was-this-helpful.bundle.js', 'demo/strings/', 'custom-elements.json', '.test-results/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['src/**/*.ts', 'test/**/*.ts'],
    ignores: ['src/server/**'],
    languageOptions: { globals: globals.browser },
    ...lit.configs['flat/recommended'],
  },
  { files: ['src/**/*.ts', 'test/**/*.ts'], ignores: ['src/server/**'], ...wc.configs['flat/recommended'] },
  { files: ['src/**/*.ts'], ignores: ['src/server/**'], ...litA11y.configs.recommended },
  { files: ['src/server/**', 'scripts/**', 'bench/**', 'bin/**', 'test/server/**', 'test/e2e/**', 'test/package/**', '*.js', '*.mjs', '*.ts'], languageOptions: { globals: globals.node } },
);
