/**
 * Text measured as a terminal shows it: by display width (`string-width`: East Asian wide and full-width
 * characters take two columns, combining marks and zero-width characters none) and cut only between
 * graphemes, so that no accent, emoji or flag is split.
 */
import stringWidth from 'string-width';

const GRAPHEMES = new Intl.Segmenter('en', { granularity: 'grapheme' });
const ELLIPSIS = '…';

/**
 * Printable ASCII: one column per character, one grapheme per character (the common case of ids and numbers,
 * measured without `string-width`, whose cost a report of thousands of rows would feel).
 */
const PRINTABLE_ASCII = /^[\x20-\x7e]*$/;
/** The same, with the ellipsis that shortening puts in (one column: string-width counts it narrow). */
const ONE_COLUMN_EACH = /^[\x20-\x7e\u2026]*$/;

/** The columns `text` takes in a terminal. */
export const displayWidth = (text: string): number => (ONE_COLUMN_EACH.test(text) ? text.length : stringWidth(text));

const graphemesOf = (text: string): string[] => [...GRAPHEMES.segment(text)].map((part) => part.segment);

/** `text` as it is when it fits `width` columns, else its start and its end around `…` (ids often end in what tells them apart). */
export function shortenMiddle(text: string, width: number): string {
  if (displayWidth(text) <= width) return text;
  if (PRINTABLE_ASCII.test(text)) {
    // The same cut as below, without segmenting: each character is one grapheme of one column.
    const left = Math.ceil((width - 1) / 2);
    return `${text.slice(0, left)}${ELLIPSIS}${text.slice(text.length - (width - 1 - left))}`;
  }
  const parts = graphemesOf(text);
  let start = '';
  let end = '';
  let left = Math.ceil((width - 1) / 2);
  let right = width - 1 - left;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (displayWidth(part) > left) break;
    start += part;
    left -= displayWidth(part);
  }
  right += left; // what the start could not use, when a wide character did not fit
  for (let i = parts.length - 1; i >= 0; i--) {
    const part = parts[i]!;
    if (displayWidth(part) > right) break;
    end = part + end;
    right -= displayWidth(part);
  }
  return `${start}${ELLIPSIS}${end}`;
}

/** `text` broken into lines of at most `width` columns: at spaces where it can, inside a word that is too long. */
export function wrap(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/ +/).filter(Boolean)) {
    const candidate = line === '' ? word : `${line} ${word}`;
    if (displayWidth(candidate) <= width) {
      line = candidate;
      continue;
    }
    if (line !== '') lines.push(line);
    line = '';
    for (const part of graphemesOf(word)) {
      if (displayWidth(line + part) > width && line !== '') {
        lines.push(line);
        line = '';
      }
      line += part;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}
