/**
 * Votes and follow-ups for the report page, seeded through the real SQLite store with a clock of their own:
 * one item with a vote pattern over the last 30 days (its daily numbers are known to the day), others for the
 * table's order, and comments holding markup, a formula and right-to-left text. Used by the end-to-end test of
 * the page and by the README's screenshots.
 */
import { SqliteStore } from '../../../dist/node/server/stores/sqlite-store.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const INSTALL = 'https://example.org/docs/install';
export const UPGRADE = 'https://example.org/docs/upgrade';
export const API = 'https://example.org/docs/api';
export const BLOG = 'https://example.org/blog/release-notes';
export const MARKUP = '<img src=x onerror="window.injected = true">';
export const HEBREW = 'חסר שלב ההתקנה ב-Windows';

/** The Yes and No of INSTALL on the day `ago` days before today (0: today), for days 0 to 20. */
export const installVotesOn = (ago) => (ago > 20 ? { yes: 0, no: 0 } : { yes: (ago * 7) % 4, no: (ago * 5) % 3 });

/**
 * The follow-ups of INSTALL, newest first: `[ago, reason, comment]` on one of that day's No votes.
 * @type {Array<[number, string, string]>}
 */
export const INSTALL_FOLLOW_UPS = [
  [1, 'missing', 'Step two fails on Windows: the path has a space.'],
  [2, 'confusing', MARKUP],
  [4, 'missing', HEBREW],
  [7, 'outdated', '=HYPERLINK("http://evil.example","click")'],
];

/** `YYYY-MM-DD` of `ago` days before `today`. */
export const dayAgo = (today, ago) => new Date(today.getTime() - ago * DAY_MS).toISOString().slice(0, 10);

/** Seeds the SQLite file `db` as of `today` (a Date); returns nothing, closes the store. */
export async function seedReport(db, today = new Date()) {
  let now = 0;
  const store = new SqliteStore(db, { clock: () => now });
  let voters = 0;
  /**
   * @param {string} id
   * @param {'yes' | 'no'} vote
   * @param {number} ago
   * @param {{ hour?: number, reason?: string, comment?: string }} [details]
   */
  const cast = async (id, vote, ago, { hour = 9, reason, comment } = {}) => {
    now = Date.parse(`${dayAgo(today, ago)}T${String(hour).padStart(2, '0')}:00:00.000Z`);
    await store.vote({ id, vote, voter: `voter-${String(++voters).padStart(12, '0')}`, reason, comment });
  };
  try {
    for (let ago = 20; ago >= 0; ago--) {
      const { yes, no } = installVotesOn(ago);
      for (let n = 0; n < yes; n++) await cast(INSTALL, 'yes', ago, { hour: 8 });
      const followUp = INSTALL_FOLLOW_UPS.find((entry) => entry[0] === ago);
      for (let n = 0; n < no; n++) {
        const explained = followUp && n === 0 ? { reason: followUp[1], comment: followUp[2] } : {};
        await cast(INSTALL, 'no', ago, { hour: 10, ...explained });
      }
    }
    for (let n = 0; n < 30; n++) await cast(API, n % 10 === 0 ? 'no' : 'yes', n % 25);
    for (let n = 0; n < 6; n++) await cast(UPGRADE, n < 4 ? 'no' : 'yes', n * 3, n === 0 ? { reason: 'outdated' } : {});
    for (let n = 0; n < 3; n++) await cast(BLOG, 'yes', 40 + n);
    await cast(BLOG, 'no', 2, { reason: 'other', comment: 'Links to the old forum.' });
  } finally {
    await store.close();
  }
}
