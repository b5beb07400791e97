import { isReasonCode } from '../protocol/follow-up-rules.js';

/** One choice of the follow-up form: the code sent, the label shown. */
export type Reason = readonly [code: string, label: string];

/**
 * Reads a `code=Label|code=Label` list (`no-reasons`, `yes-reasons`, and the built-in lists, written the same
 * way): each pair split at its first `=`, a pair whose code the protocol would refuse (or with no label, or a
 * code already listed) left out. When no pair is left, `fallback` (the built-in list) is read instead.
 */
export function parseReasons(list: string | null | undefined, fallback: string): Reason[] {
  const reasons: Reason[] = [];
  for (const pair of (list ?? '').split('|')) {
    const at = pair.indexOf('=');
    const code = pair.slice(0, at).trim();
    const label = pair.slice(at + 1).trim();
    if (at > 0 && isReasonCode(code) && label && !reasons.some(([known]) => known === code))
      reasons.push([code, label]);
  }
  return reasons.length || list === fallback ? reasons : parseReasons(fallback, fallback);
}
