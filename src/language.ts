import { en } from './strings/en.js';
import type { Strings } from './strings/strings.js';

const builtIn: Record<string, Strings> = { en };

/**
 * The language the element speaks: its own `lang` or its nearest ancestor's, reduced from a region to
 * the language (`pt-BR` → `pt`), and English when there is no table for it or the tag is invalid.
 */
export function resolveLanguage(element: Element): string {
  const tag = element.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang;
  const language = tag.split('-')[0]!.toLowerCase();
  return Object.hasOwn(builtIn, language) ? language : 'en';
}

/** The built-in strings of a language `resolveLanguage` returned. */
export const stringsFor = (language: string): Strings => builtIn[language] ?? en;
