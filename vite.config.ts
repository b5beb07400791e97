import { defineConfig } from 'vite';
import minifyHtmlLiterals from '@lit-labs/rollup-plugin-minify-html-literals';

/**
 * Two outputs from one source (plus a module per language other than English, shared by both):
 * - `vite build`: the npm entries, `lit` left external so bundler users get one copy of Lit:
 *   `was-this-helpful.js` (registers the element and exports it), `element.js` (the class alone) and
 *   `define.js` (the registration alone), which share one copy of the code, and `react.js` (the React wrapper);
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
        entry: (bundle
          ? { 'was-this-helpful.bundle': 'src/index.ts' }
          : {
              'was-this-helpful': 'src/index.ts',
              element: 'src/element/index.ts',
              define: 'src/define.ts',
              react: 'src/frameworks/react.ts',
            }) as Record<string, string>,
        formats: ['es'],
        fileName: (_format, name) => `${name}.js`,
      },
      rolldownOptions: {
        // React and @lit/react are the React wrapper's, which the app that uses it installs.
        external: bundle ? [] : [/^lit(\/.*)?$/, /^@lit\//, /^react(\/.*)?$/],
        // The entries may export more than their own names: what the follow-up module shares with them is then
        // exported by the entry that loads it, instead of going into a chunk of its own loaded at start.
        preserveEntrySignatures: 'allow-extension',
        output: {
          minify: true,
          comments: false,
          // Languages other than English: one small module each, next to the entry, fetched on demand. So is
          // the follow-up form, one per build (the bundle's takes Lit from the bundle, the npm entry's from
          // `lit`). Anything else the entries share is one module of its own.
          chunkFileNames: (chunk) =>
            chunk.facadeModuleId?.includes('/i18n/strings/')
              ? 'strings/[name].js'
              : chunk.facadeModuleId?.includes('/follow-up/')
                ? `follow-up${bundle ? '.bundle' : ''}.js`
                : '[name].js',
        },
      },
    },
  };
});
