import { cpSync } from 'node:fs';

// The demo loads the bundle the way an article page would: the file beside the page (with the language
// modules it fetches on demand), no build step.
cpSync('dist/was-this-helpful.bundle.js', 'demo/was-this-helpful.bundle.js');
cpSync('dist/strings', 'demo/strings', { recursive: true });
