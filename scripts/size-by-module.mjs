#!/usr/bin/env node
/**
 * `npm run size:modules`: what each source module costs the npm entry, in gzip bytes: the entry built
 * by Vite without minification, then minified and gzipped whole and once without each module. A module's
 * figure is what the entry would lose without it (its share of the compression included), so the
 * figures do not add up to the whole exactly. For deciding what the byte budget can afford.
 */
import { transform } from 'esbuild';
import { build } from 'vite';
import { gzipSync } from 'node:zlib';

const [{ output }] = await build({
  logLevel: 'silent',
  build: {
    write: false,
    lib: { entry: 'src/index.ts', formats: ['es'], fileName: () => 'entry.js' },
    rolldownOptions: { output: { minify: false } },
  },
});
// Without its `export` line, which would name what a variant removes (esbuild's transform keeps unused code).
const entry = output.find((chunk) => chunk.type === 'chunk' && chunk.isEntry).code.replace(/^export \{[^}]*\};?$/m, '');
// Rolldown starts each module's code with a `// src/<file>` line; the entry ends with its `export`.
const regions = [...entry.matchAll(/^\/\/ (src\/\S+)\n[\s\S]*?(?=^\/\/ src\/|(?![\s\S]))/gm)];
const gzipped = async (code) =>
  gzipSync((await transform(code, { minify: true, format: 'esm', target: 'es2022' })).code, { level: 9 }).length;

const whole = await gzipped(entry);
const costs = [];
for (const [region, path] of regions) costs.push({ path, bytes: whole - (await gzipped(entry.replace(region, ''))) });
costs.sort((a, b) => b.bytes - a.bytes);
for (const { path, bytes } of costs) console.log(`${String(bytes).padStart(6)} B  ${path}`);
console.log(
  `${String(whole).padStart(6)} B  the whole npm entry, gzip -9 (esbuild's minifier; the build's may differ by a few bytes)`,
);
