import type { Counts } from '../protocol/types.js';

const formats = new Map<string, Intl.NumberFormat>();

// Building a NumberFormat costs far more than using one, and every element formats on each render.
const format = (language: string, value: number, style: Intl.NumberFormatOptions['style'] = 'decimal'): string => {
  const key = language + style;
  if (!formats.has(key)) formats.set(key, new Intl.NumberFormat(language, { style, maximumFractionDigits: 0 }));
  return formats.get(key)!.format(value);
};

/** The summary line, with `{percent}`, `{yes}`, `{no}`, `{total}` filled in the language's number format. */
export function formatSummary(template: string, { yes, no }: Counts, language: string): string {
  const total = yes + no;
  const values: Record<string, number> = { yes, no, total };
  return template.replace(/\{(percent|yes|no|total)\}/g, (_, name: string) =>
    name === 'percent' ? format(language, yes / total, 'percent') : format(language, values[name]!),
  );
}
