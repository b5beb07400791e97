/** How the owner's commands print what they found: `--format table|csv|json`. */
export const OUTPUT_FORMATS = ['table', 'csv', 'json'] as const;

export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export const isOutputFormat = (value: string): value is OutputFormat =>
  (OUTPUT_FORMATS as readonly string[]).includes(value);
