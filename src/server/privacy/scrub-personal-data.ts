/**
 * Privacy by default (CONTRACT.md section 5): before a follow-up comment is stored, e-mail addresses become
 * `[email]` and phone numbers `[phone]`, unless the owner runs the server with `--keep-personal-data`.
 *
 * A phone number is a run of 9 to 15 digits, with an optional leading `+` and single spaces, dots, dashes,
 * slashes or brackets between digit groups. What readers write also holds numbers of that shape that are not
 * phone numbers, and those are kept: dates and times (`2024-01-05 12:30`), version numbers
 * (`Chrome 120.0.6099.109`), IPv4 addresses, prices (`€ 123 456 789`, `1,234,567,890`), and ids, which are glued
 * to letters or to a marker (`#123456789`, `INV-2024-123456`, `?id=1234567890`, UUIDs). A bare run of 9 to 15
 * digits is taken for a phone number: keeping a reader's number by mistake costs more than losing an id.
 */

/** Letters, combining marks, digits and `_`: a number touching one of them is part of a word or an id. */
const WORD = String.raw`\p{L}\p{M}\p{N}_`;
/** Digits of any script: readers write phone numbers in Arabic-Indic or full-width digits too. */
const DIGIT = String.raw`\p{Nd}`;

/** `2024-01-05`, `2024/1/5`, `05.01.2024`, `1/5/2024`: the same separator twice, a four-digit year first or last. */
const DATE = ['-', '/', '\\.']
  .flatMap((s) => [`${DIGIT}{4}${s}${DIGIT}{1,2}${s}${DIGIT}{1,2}`, `${DIGIT}{1,2}${s}${DIGIT}{1,2}${s}${DIGIT}{4}`])
  .map((date) => `(?:${date})(?!${DIGIT})`)
  .join('|');

/** Between two digit groups: one space, dot, dash or slash, and brackets (`+44 (0)20`, `(555) 123-4567`). */
const SEPARATOR = String.raw`(?:[ .\-/]|\)[ .\-/]?\(?|[ .\-/]?\()`;

/**
 * Where a number cannot start: inside a word or an id (after a letter or digit, also across one dot, dash or
 * slash: `INV-123…`, `/docs/123…`), after an id's or a price's marker (`#`, `=`, `@`, `&`, `%`, a currency sign,
 * also `€ ` with a space), and after a time's colon or a number's comma (`12:30`, `1,234`).
 */
const NOT_AFTER = String.raw`(?<![${WORD}#=@&%+\p{Sc}]|[${WORD}][.\-/]|${DIGIT}[:,]|\p{Sc}\s)`;

/** What a phone number cannot be followed by: more of a word, a price or percentage, a time's colon, a comma's digits. */
const NOT_BEFORE = new RegExp(String.raw`^(?:[${WORD}%\p{Sc}]|[.\-/][${WORD}]|[:,]${DIGIT}|\s\p{Sc})`, 'u');

/** A candidate run of digit groups; it stops before a date, so that `call 0612345678 2024-01-05` keeps the date. */
const PHONE = String.raw`${NOT_AFTER}\+?(?:\(\+?${DIGIT}+\)|${DIGIT}+)(?:${SEPARATOR}(?!${DATE})${DIGIT}+)*`;

/**
 * An e-mail address as people write them: a local part of letters, digits and `._%+-` (the rarer characters
 * the standard allows would also take in URLs: `/?x=a@b.org`), `@`, and a domain of at least two labels whose
 * last is letters (or an IDN's `xn--` form).
 */
const EMAIL = String.raw`[\p{L}\p{M}\p{N}._%+-]+@(?:[\p{L}\p{M}\p{N}](?:[\p{L}\p{M}\p{N}-]*[\p{L}\p{M}\p{N}])?\.)+(?:xn--[a-z0-9-]+|\p{L}{2,})`;

/**
 * Dates come first, so that a date is left alone even where a phone number could start at the same place;
 * then e-mail addresses, so that `0612345678@example.org` is an address.
 */
const PERSONAL_DATA = new RegExp(`(?<date>${DATE})|(?<email>${EMAIL})|(?<phone>${PHONE})`, 'giu');

const ALL_DIGITS = new RegExp(DIGIT, 'gu');
const DOTTED_GROUPS = new RegExp(`^${DIGIT}+(?:\\.${DIGIT}+)+$`, 'u');

/**
 * Dotted numbers that are not phone numbers: versions (`120.0.6099.109`, `10.0.19045.2965`: three or more
 * groups, one of one digit after the first; a phone number's groups have two or more) and IPv4 addresses
 * (`192.168.100.200`: four groups of one to three digits).
 */
function isVersionOrAddress(run: string): boolean {
  if (!DOTTED_GROUPS.test(run)) return false;
  const groups = run.split('.');
  const version = groups.length >= 3 && groups.slice(1).some((group) => [...group].length === 1);
  const address = groups.length === 4 && groups.every((group) => [...group].length <= 3);
  return version || address;
}

/** Whether a candidate run of digit groups, ending at `end` in `text`, is a phone number. */
function isPhoneNumber(run: string, text: string, end: number): boolean {
  const digits = run.match(ALL_DIGITS)?.length ?? 0;
  if (digits < 9 || digits > 15) return false;
  return !NOT_BEFORE.test(text.slice(end, end + 2)) && !isVersionOrAddress(run);
}

/** `text` with its e-mail addresses replaced by `[email]` and its phone numbers by `[phone]`. */
export function scrubPersonalData(text: string): string {
  return text.replace(PERSONAL_DATA, (...args: unknown[]) => {
    const match = args[0] as string;
    const groups = args.at(-1) as { date?: string; email?: string; phone?: string };
    const offset = args.at(-3) as number;
    if (groups.email !== undefined) return '[email]';
    if (groups.phone !== undefined && isPhoneNumber(match, text, offset + match.length)) return '[phone]';
    return match;
  });
}
