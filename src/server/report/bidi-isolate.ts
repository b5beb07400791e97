/**
 * Text from readers and pages (comments, ids) shown among other text, in a terminal or a file, is wrapped in a
 * bidirectional isolate (U+2068 FIRST STRONG ISOLATE … U+2069 POP DIRECTIONAL ISOLATE), so that right-to-left
 * text or the direction controls a comment may hold cannot reorder the columns around it (issue 12). The closing
 * PDI ends every embedding and override opened inside; a PDI inside with no isolate of its own to close would
 * close ours early, so it is dropped.
 */
const FIRST_STRONG_ISOLATE = '\u2068';
const POP_DIRECTIONAL_ISOLATE = '\u2069';
const ISOLATE_MARKS = /[\u2066-\u2069]/g;

/** `text` in an isolate of its own. */
export function isolate(text: string): string {
  let open = 0;
  const balanced = text.replace(ISOLATE_MARKS, (mark) => {
    if (mark !== POP_DIRECTIONAL_ISOLATE) open++;
    else if (open > 0) open--;
    else return '';
    return mark;
  });
  return `${FIRST_STRONG_ISOLATE}${balanced}${POP_DIRECTIONAL_ISOLATE}`;
}
