/**
 * The 95% Wilson score interval of a share: where the true share of "yes" lies, given `yes` of `votes`. It
 * stays inside 0–1 and is honest for few votes (one "yes" of one is 20.7%–100%, not 100%), which is why the
 * report ranks pages by it rather than by the share itself.
 *
 * Source: E. B. Wilson, "Probable inference, the law of succession, and statistical inference", Journal of
 * the American Statistical Association 22 (1927) 209–212:
 *   (p + z²/2n ± z·√(p(1−p)/n + z²/4n²)) / (1 + z²/n), with p = yes/n.
 */

/** The standard normal quantile for a two-sided 95% interval (Φ⁻¹(0.975)). */
export const Z_95 = 1.959964;

/** The bounds of an interval, as fractions from 0 to 1. */
export interface Interval {
  low: number;
  high: number;
}

/** The 95% Wilson score interval of `yes` out of `votes` (at least one vote). */
export function wilsonInterval(yes: number, votes: number, z = Z_95): Interval {
  if (!(votes > 0) || yes < 0 || yes > votes) throw new RangeError(`no interval for ${yes} of ${votes}`);
  const share = yes / votes;
  const zz = z * z;
  const centre = share + zz / (2 * votes);
  const spread = z * Math.sqrt((share * (1 - share)) / votes + zz / (4 * votes * votes));
  const scale = 1 + zz / votes;
  // At a share of 0 or 1 the bound is exactly 0 or 1 (the formula's terms cancel); rounding would leave it a hair
  // off, and items that tie (all "yes": every upper bound is 1) must tie exactly to be ordered by their votes.
  return {
    low: yes === 0 ? 0 : (centre - spread) / scale,
    high: yes === votes ? 1 : (centre + spread) / scale,
  };
}
