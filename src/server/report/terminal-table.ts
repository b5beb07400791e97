/**
 * A table for an 80-column terminal (CONTRACT.md section 6): columns as wide as their widest cell, the
 * shrinkable ones (ids) shortened in the middle while the table is too wide; each row may carry a note (a
 * comment) wrapped below it across the whole width. Widths are display widths, and every cell and note line
 * is a bidirectional isolate, so that what one holds cannot reorder the rest of its line.
 */
import { isolate } from './bidi-isolate.js';
import { displayWidth, shortenMiddle, wrap } from './display-width.js';

export interface TableColumn {
  header: string;
  align?: 'left' | 'right';
  /** Shortened in the middle when the table is too wide (ids); other columns keep their width. */
  shrink?: boolean;
}

export interface TableRow {
  cells: readonly string[];
  /** Text shown under the row, indented and wrapped to the table's width; line breaks are kept. */
  note?: string;
}

const GAP = '  ';
const NOTE_INDENT = '  ';
/** Narrower than this, a shortened id says too little to tell it apart. */
const MIN_SHRUNK_WIDTH = 12;

/**
 * Control characters a terminal would act on (an escape sequence, a carriage return) become a visible U+FFFD;
 * the protocol refuses them, so only a database written by other means can hold them.
 */
const terminalSafe = (text: string): string => text.replace(/[\u0000-\u001F\u007F-\u009F]/g, '\uFFFD');
const oneLine = (text: string): string => terminalSafe(text.replace(/\r\n|[\r\n\t]/g, ' '));

/** The column widths: the natural ones, with the widest shrinkable column narrowed one column at a time until the table fits. */
function columnWidths(columns: readonly TableColumn[], rows: readonly string[][], width: number): number[] {
  const widths = columns.map((column, index) =>
    rows.reduce((widest, cells) => Math.max(widest, displayWidth(cells[index] ?? '')), displayWidth(column.header)),
  );
  const floor = (index: number) => Math.max(displayWidth(columns[index]!.header), MIN_SHRUNK_WIDTH);
  let total = widths.reduce((sum, each) => sum + each, 0) + GAP.length * (columns.length - 1);
  while (total > width) {
    let widest = -1;
    for (const [index, column] of columns.entries())
      if (column.shrink && widths[index]! > floor(index) && (widest === -1 || widths[index]! > widths[widest]!))
        widest = index;
    if (widest === -1) break; // nothing left to shrink: the table stays wider
    widths[widest]!--;
    total--;
  }
  return widths;
}

/** The lines of a note: its own line breaks kept, each paragraph wrapped, each line isolated. */
function noteLines(note: string, width: number): string[] {
  return note
    .split(/\r\n|\r|\n/)
    .flatMap((paragraph) =>
      paragraph.trim() === ''
        ? ['']
        : wrap(terminalSafe(paragraph.replaceAll('\t', ' ')), width - NOTE_INDENT.length).map(
            (text) => NOTE_INDENT + isolate(text),
          ),
    );
}

/** The table as lines of text, a header line first, each line ending with a line feed. */
export function renderTable(columns: readonly TableColumn[], rows: readonly TableRow[], width = 80): string {
  const cells = rows.map((row) => row.cells.map(oneLine));
  const widths = columnWidths(columns, cells, width);
  const line = (texts: readonly string[], isolated: boolean) =>
    texts
      .map((text, index) => {
        const shown = shortenMiddle(text, widths[index]!);
        const fill = ' '.repeat(Math.max(0, widths[index]! - displayWidth(shown)));
        const cell = isolated && shown !== '' ? isolate(shown) : shown; // an empty cell has nothing to isolate
        return columns[index]!.align === 'right' ? fill + cell : cell + fill;
      })
      .join(GAP)
      .trimEnd();
  const lines = [
    line(
      columns.map((column) => column.header),
      false,
    ),
  ];
  for (const [index, row] of rows.entries()) {
    lines.push(line(cells[index]!, true));
    if (row.note !== undefined) lines.push(...noteLines(row.note, width));
  }
  return lines.map((text) => `${text}\n`).join('');
}
