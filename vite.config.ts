import { defineConfig } from 'vite';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/**
 * Two outputs from one source (plus a module per language other than English, shared by both):
 * - `vite build`: the npm entry, `lit` left external so bundler users get one copy of Lit;
 * - `vite build --mode bundle`: one self-contained ES module, Lit inside, for a plain script tag.
 */
export default defineConfig(({ mode }) => {
  const bundle = mode === 'bundle';
  return {
    plugins: [minifyHtmlLiterals({ include: ['src/**/*.ts'], failOnError: true })],
    build: {
      target: 'es2022',
      emptyOutDir: !bundle,
      outDir: 'dist',
      lib: {
        entry: 'src/index.ts',
        formats: ['es'],
        fileName: () => (bundle ? 'was-this-helpful.bundle.js' : 'was-this-helpful.js'),
      },
      rolldownOptions: {
        external: bundle ? [] : [/^lit(\/.*)?$/, /^@lit\//],
        // Languages other than English: one small module each, next to the entry, fetched on demand.
        output: { minify: true, comments: false, chunkFileNames: 'strings/[name].js' },
      },
    },
  };
});
