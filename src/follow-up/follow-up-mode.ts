import type { Vote } from '../protocol/types.js';

/**
 * The `follow-up` attribute's rule: whether a vote asks the follow-up form to appear. `no` (the default, and
 * what any value but `yes`, `both` and `off` means), `yes`, `both`, or `off`. The caller checks that there is
 * an endpoint: in local-only mode there is nowhere to send a follow-up.
 */
export const wantsFollowUp = (mode: string | null, vote: Vote): boolean =>
  !!vote && (mode === 'both' || vote === (mode === 'yes' || mode === 'off' ? mode : 'no'));
