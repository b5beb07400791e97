import { defineConfig } from 'vite';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/**
 * The owner's report page (`src/report-page/`), built apart from the widget into `dist/report/`: one
 * self-contained script, Lit inside, and the page's HTML copied beside it. `was-this-helpful serve
 * --admin-token` serves both from there, so the owner runs no build step.
 */
export default defineConfig({
  plugins: [minifyHtmlLiterals({ include: ['src/**/*.ts'], failOnError: true })],
  publicDir: 'src/report-page/public',
  build: {
    target: 'es2022',
    emptyOutDir: true,
    outDir: 'dist/report',
    lib: {
      entry: { 'report-page': 'src/report-page/index.ts' },
      formats: ['es'],
      fileName: (_format, name) => `${name}.js`,
    },
    rolldownOptions: { output: { minify: true, comments: false } },
  },
});
