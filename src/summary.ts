import type { Counts } from './protocol.js';

const formats = new Map<string, Intl.NumberFormat>();

// Building a NumberFormat costs far more than using one, and every element formats on each render.
function numberFormat(language: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = language + JSON.stringify(options);
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(language, options)));
  return format;
}

/** The summary line, with `{percent}`, `{yes}`, `{no}`, `{total}` filled in the language's number format. */
export function formatSummary(template: string, counts: Counts, language: string): string {
  const total = counts.yes + counts.no;
  const integer = numberFormat(language, {});
  const values: Record<string, string> = {
    percent: numberFormat(language, { style: 'percent', maximumFractionDigits: 0 }).format(total ? counts.yes / total : 0),
    yes: integer.format(counts.yes),
    no: integer.format(counts.no),
    total: integer.format(total),
  };
  return template.replace(/\{(percent|yes|no|total)\}/g, (_, name: string) => values[name] ?? '');
}
