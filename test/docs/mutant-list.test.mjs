import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { it } from 'node:test';

// `npm run mutants` is not run on every change (it takes minutes); its list must still match the code, so
// that a change which moves a mutated line is told to update the list at once rather than at the next run.
it('the mutations of npm run mutants each name a text found once in their file, and test files that exist', () => {
  const { status, stdout, stderr } = spawnSync(process.execPath, ['scripts/mutants.mjs', '--check'], {
    encoding: 'utf8',
  });
  assert.equal(status, 0, stderr);
  assert.match(stdout, /matches the code: \d+ mutations/);
});
