import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// The docs' tables must say what the code does: the element's, in the README, compared with the manifest
// generated from src/; the server's options, in docs/server.md, with the command's usage text.
const readme = readFileSync('README.md', 'utf8');
const serverDoc = readFileSync('docs/server.md', 'utf8');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === 'was-this-helpful');

/** The backticked names in the first column of the table in `doc` whose header starts with `header`. */
function tableNames(header, doc = readme) {
  const start = doc.indexOf(`| ${header}`);
  assert.notEqual(start, -1, `no table headed "${header}"`);
  const rows = doc.slice(start).split('\n').slice(2);
  const names = [];
  for (const row of rows) {
    if (!row.startsWith('|')) break;
    for (const [, name] of row.split('|')[1].matchAll(/`([^`]+)`/g)) names.push(name);
  }
  return names.sort();
}

const sorted = (items) => items.map((item) => item.name).sort();

describe('the docs match the code', () => {
  it('has the element in the manifest', () => assert.ok(element, 'custom-elements.json has no <was-this-helpful>'));
  it('lists every attribute, and no other', () =>
    assert.deepEqual(tableNames('attribute'), sorted(element.attributes)));
  it('lists every event, and no other', () => assert.deepEqual(tableNames('event'), sorted(element.events)));
  it('lists every CSS part, and no other', () => assert.deepEqual(tableNames('CSS part'), sorted(element.cssParts)));
  it('lists every CSS custom property, and no other', () =>
    assert.deepEqual(tableNames('CSS custom property'), sorted(element.cssProperties)));
  /** The options a command's usage text lists, but --help. */
  const usageOptions = (usage) =>
    [...usage.matchAll(/^ {2}(--[a-z-]+)/gm)]
      .map((match) => match[1])
      .filter((option) => option !== '--help')
      .sort();
  const documented = (header) =>
    tableNames(header, serverDoc)
      .map((name) => name.split(' ')[0])
      .sort();

  it('lists every option of the server, and no other', async () => {
    const { USAGE } = await import('../../dist/node/server/node/serve-options.js');
    assert.deepEqual(documented('option'), usageOptions(USAGE));
  });
  it('lists every option of the comments command, and no other', async () => {
    const { COMMENTS_USAGE } = await import('../../dist/node/server/node/comments-command.js');
    assert.deepEqual(documented('comments option'), usageOptions(COMMENTS_USAGE));
  });
  it('lists every option of the report command, and no other', async () => {
    const { REPORT_USAGE } = await import('../../dist/node/server/node/report-command.js');
    assert.deepEqual(documented('report option'), usageOptions(REPORT_USAGE));
  });
  it('lists every option of the purge command, and no other', async () => {
    const { PURGE_USAGE } = await import('../../dist/node/server/node/purge-command.js');
    assert.deepEqual(documented('purge option'), usageOptions(PURGE_USAGE));
  });
});
