import { en } from './strings/en.js';
import type { Strings } from './strings/strings.js';

/**
 * Built-in languages. English is in the main module; the others are separate modules fetched the first
 * time an element needs them, so an English page loads none of them.
 */
const loaders: Record<string, () => Promise<{ default: Strings }>> = {
  es: () => import('./strings/es.js'),
  fr: () => import('./strings/fr.js'),
  de: () => import('./strings/de.js'),
  pt: () => import('./strings/pt.js'),
  it: () => import('./strings/it.js'),
  nl: () => import('./strings/nl.js'),
  pl: () => import('./strings/pl.js'),
  ja: () => import('./strings/ja.js'),
  zh: () => import('./strings/zh.js'),
  ar: () => import('./strings/ar.js'),
  he: () => import('./strings/he.js'),
};

const loaded = new Map<string, Strings | Promise<unknown>>([['en', en]]);

/** Languages written right to left, among the built-in ones. */
const RIGHT_TO_LEFT = ['ar', 'he'];

/** The `lang` of the nearest ancestor that has one, looking through shadow roots to their hosts. */
function inheritedLang(element: Element): string {
  for (
    let node: Node | null = element.parentNode;
    node;
    node = node instanceof ShadowRoot ? node.host : node.parentNode
  ) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang')!;
  }
  return '';
}

/**
 * The language the element speaks: its own `lang` or its nearest ancestor's (the document's included),
 * reduced from a region to the language (`pt-BR` → `pt`), and English when there is no table for it.
 */
export function resolveLanguage(element: HTMLElement): string {
  // The element's own `lang` is read as a property: a new value is there before it is reflected.
  const tag = element.lang || inheritedLang(element);
  const language = tag.split('-')[0]!.toLowerCase();
  return Object.hasOwn(loaders, language) ? language : 'en';
}

/** The strings of a language, once loaded; a promise that settles when they are, the first time. */
export function languageStrings(language: string): Strings | Promise<unknown> {
  let strings = loaded.get(language);
  if (!strings) {
    strings = loaders[language]!().then(
      (module) => loaded.set(language, module.default),
      () => loaded.set(language, en), // An unreachable table falls back to English rather than nothing.
    );
    loaded.set(language, strings);
  }
  return strings;
}

/** The strings of a loaded language (English until it is). */
export const stringsFor = (language: string): Strings => {
  const strings = loaded.get(language);
  return strings && !(strings instanceof Promise) ? strings : en;
};

export const isRightToLeft = (language: string): boolean => RIGHT_TO_LEFT.includes(language);
