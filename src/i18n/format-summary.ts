import type { Counts } from '../protocol/types.js';

const formats = new Map<string, Intl.NumberFormat>();

/** The summary line, with `{percent}`, `{yes}`, `{no}`, `{total}` filled in the language's number format. */
export function formatSummary(template: string, { yes, no }: Counts, language: string): string {
  const values: Record<string, number> = { yes, no, total: yes + no, percent: yes / (yes + no) };
  return template.replace(/\{(percent|yes|no|total)\}/g, (_, name: string) => {
    const style = name === 'percent' ? name : 'decimal';
    // Building a NumberFormat costs far more than using one, and every element formats on each render.
    if (!formats.has(language + style))
      formats.set(language + style, new Intl.NumberFormat(language, { style, maximumFractionDigits: 0 }));
    return formats.get(language + style)!.format(values[name]!);
  });
}
