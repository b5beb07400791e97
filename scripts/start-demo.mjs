#!/usr/bin/env node
// `npm start`: the demo article on the reference endpoint, with its SQLite file in the git-ignored data/.
import { mkdirSync } from 'node:fs';
import { main } from '../dist/node/server/cli.js';

mkdirSync('data', { recursive: true });
const passThrough = process.argv.slice(2);
await main(['serve', '--static', 'demo', '--db', 'data/helpful.sqlite', ...passThrough]);
