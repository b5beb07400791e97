import { cpSync, rmSync } from 'node:fs';

// The demo loads the bundle the way an article page would: the file beside the page (with the language
// modules and the follow-up form's module it fetches on demand), no build step. The old modules go first, so
// none of an earlier build lingers.
cpSync('dist/was-this-helpful.bundle.js', 'demo/was-this-helpful.bundle.js');
cpSync('dist/follow-up.bundle.js', 'demo/follow-up.bundle.js');
rmSync('demo/strings', { recursive: true, force: true });
cpSync('dist/strings', 'demo/strings', { recursive: true });
