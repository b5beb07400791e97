import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';

// The frameworks' typings (React's and Preact's JSX, Vue's templates) take their attributes and events from
// src/frameworks/attributes.ts and src/element/events.ts: both must name what the element has, by the
// manifest generated from src/, so that an attribute added to the element is typed for every framework too.
const manifest = JSON.parse(readFileSync('custom-elements.json', 'utf8'));
const element = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .find((declaration) => declaration.tagName === 'was-this-helpful');

/** The member names of the interface `name` declared in `file`. */
function interfaceMembers(file, name) {
  const text = readFileSync(file, 'utf8');
  const body = new RegExp(`export interface ${name}\\b[^{]*\\{([\\s\\S]*?)\\n\\}`).exec(text)?.[1];
  assert.ok(body, `${file} declares no interface ${name}`);
  return [...body.matchAll(/^ {2}'?([\w-]+)'?\??:/gm)].map((match) => match[1]).sort();
}

describe("the frameworks' typings match the element", () => {
  it('type every attribute, and no other', () =>
    assert.deepEqual(
      interfaceMembers('src/frameworks/attributes.ts', 'WasThisHelpfulAttributes'),
      element.attributes.map((attribute) => attribute.name).sort(),
    ));
  it('type every event, and no other', () =>
    assert.deepEqual(
      interfaceMembers('src/element/events.ts', 'HelpfulEventDetails'),
      element.events.map((event) => event.name).sort(),
    ));
  it('give the React wrapper a prop for every event (onHelpfulVote for helpful-vote, …)', () => {
    const wrapper = readFileSync('src/frameworks/react.ts', 'utf8');
    for (const { name } of element.events) {
      const prop = `on${name.replace(/(^|-)(\w)/g, (_, _dash, letter) => letter.toUpperCase())}`;
      assert.ok(wrapper.includes(`${prop}: event('${name}')`), `the React wrapper has no ${prop} for ${name}`);
    }
  });
});
