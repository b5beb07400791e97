import { protocolSuite } from './protocol-suite.mjs';
import { tempDb } from './server-process.mjs';

protocolSuite('SQLite', () => ['--db', tempDb()]);
