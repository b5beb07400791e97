import type { Counts, ItemCounts } from './types.js';

/**
 * The widget's reading of the endpoint's answers: exactly the protocol's shapes, or nothing (an answer of
 * another shape is a failed request, never rendered).
 */

/** A count is a safe, non-negative integer: anything else would render as "NaN%" or a lie. */
export const isCount = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;

/** Reads `{"id", "yes", "no"}`, or returns `undefined` when the value is not exactly of that shape. */
export function parseItemCounts(value: unknown): ItemCounts | undefined {
  const item = value as Partial<ItemCounts> | null | undefined;
  if (typeof item?.id === 'string' && isCount(item.yes) && isCount(item.no))
    return { id: item.id, yes: item.yes, no: item.no };
  return undefined;
}

/** Reads a GET answer `{"items": [...]}` into counts by id, or `undefined` when any part is malformed. */
export function parseCountsResponse(value: unknown): Map<string, Counts> | undefined {
  const items = (value as { items?: unknown } | null | undefined)?.items;
  if (!Array.isArray(items)) return undefined;
  const parsed = items.map(parseItemCounts);
  if (!parsed.every(Boolean)) return undefined;
  return new Map(parsed.map((item) => [item!.id, { yes: item!.yes, no: item!.no }]));
}
