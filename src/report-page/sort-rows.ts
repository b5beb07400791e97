/**
 * The report table's own sorting, by any column, in the browser: the server's order (`attention`: the pages we
 * are surest are unhelpful first) is the table's order until the owner picks a column.
 */
import type { ReportItem } from '../server/report/report-types.js';

/** The columns of the report table, in order, with what their header says. */
export const REPORT_COLUMNS = [
  { key: 'item', label: 'Item' },
  { key: 'yes', label: 'Yes' },
  { key: 'no', label: 'No' },
  { key: 'votes', label: 'Votes' },
  { key: 'helpful', label: 'Helpful %' },
  { key: 'low', label: '95% range' },
  { key: 'previous', label: 'Before %' },
  { key: 'comments', label: 'Comments' },
  { key: 'top_reason', label: 'Top reason' },
] as const;

export type ColumnKey = (typeof REPORT_COLUMNS)[number]['key'];

/** A column and a direction, or `null` for the server's order. */
export type RowOrder = { column: ColumnKey; direction: 'ascending' | 'descending' } | null;

/** The order after the owner chose `column`: text columns start ascending, numbers descending; again: reversed. */
export function nextOrder(current: RowOrder, column: ColumnKey): RowOrder {
  if (current?.column === column)
    return { column, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  const text = column === 'item' || column === 'top_reason';
  return { column, direction: text ? 'ascending' : 'descending' };
}

/** `items` in `order`; empty cells (`null`) last either way, ties kept in the server's order. */
export function sortRows(items: readonly ReportItem[], order: RowOrder): ReportItem[] {
  if (!order) return [...items];
  const sign = order.direction === 'ascending' ? 1 : -1;
  return [...items].sort((a, b) => {
    const left = a[order.column];
    const right = b[order.column];
    if (left === null || right === null) return left === right ? 0 : left === null ? 1 : -1;
    if (typeof left === 'string' && typeof right === 'string') return sign * left.localeCompare(right);
    return sign * ((left as number) - (right as number));
  });
}
