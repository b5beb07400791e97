import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// The README's tables must say what the code does: compared with the manifest generated from src/.
const readme = readFileSync('README.md', 'utf8');
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules.flatMap((module) => module.declarations ?? []).find((declaration) => declaration.tagName === 'was-this-helpful');

/** The backticked names in the first column of the README table whose header starts with `header`. */
function tableNames(header) {
  const start = readme.indexOf(`| ${header}`);
  assert.notEqual(start, -1, `no README table headed "${header}"`);
  const rows = readme.slice(start).split('\n').slice(2);
  const names = [];
  for (const row of rows) {
    if (!row.startsWith('|')) break;
    for (const [, name] of row.split('|')[1].matchAll(/`([^`]+)`/g)) names.push(name);
  }
  return names.sort();
}

const sorted = (items) => items.map((item) => item.name).sort();

describe('the README matches the code', () => {
  it('has the element in the manifest', () => assert.ok(element, 'custom-elements.json has no <was-this-helpful>'));
  it('lists every attribute, and no other', () => assert.deepEqual(tableNames('attribute'), sorted(element.attributes)));
  it('lists every event, and no other', () => assert.deepEqual(tableNames('event'), sorted(element.events)));
  it('lists every CSS part, and no other', () => assert.deepEqual(tableNames('CSS part'), sorted(element.cssParts)));
  it('lists every CSS custom property, and no other', () => assert.deepEqual(tableNames('CSS custom property'), sorted(element.cssProperties)));
  it('lists every option of the server, and no other', async () => {
    const { USAGE } = await import('../../dist/node/server/options.js');
    const options = [...USAGE.matchAll(/^ {2}(--[a-z-]+)/gm)].map((match) => match[1]).filter((option) => option !== '--help').sort();
    assert.deepEqual(tableNames('option').map((name) => name.split(' ')[0]), options);
  });
});
