import type { Counts } from '../protocol/types.js';

/**
 * The summary line, with `{percent}`, `{yes}`, `{no}`, `{total}` filled in the language's number format.
 * The formats are built on each call, not cached: a render fills one or two numbers, and a cache would cost
 * every page bytes for a saving nobody sees.
 */
export function formatSummary(template: string, { yes, no }: Counts, language: string): string {
  const values: Record<string, number> = { yes, no, total: yes + no, percent: yes / (yes + no) };
  return template.replace(/\{(percent|yes|no|total)\}/g, (_, name: string) =>
    new Intl.NumberFormat(language, { style: name === 'percent' ? name : 'decimal', maximumFractionDigits: 0 }).format(
      values[name]!,
    ),
  );
}
