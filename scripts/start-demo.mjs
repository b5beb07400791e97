#!/usr/bin/env node
// `npm start`: the demo article on the reference endpoint, with its SQLite file in the git-ignored data/,
// served under the strict Content-Security-Policy of demo-csp.mjs.
import { mkdirSync } from 'node:fs';
import { main } from '../dist/node/server/node/cli.js';
import { DEMO_CSP } from './demo-csp.mjs';

mkdirSync('data', { recursive: true });
const passThrough = process.argv.slice(2);
await main(['serve', '--static', 'demo', '--static-csp', DEMO_CSP, '--db', 'data/helpful.sqlite', ...passThrough]);
