/**
 * The admin token, kept for this browser tab only (`sessionStorage`): asked once per tab, gone when the tab
 * closes, never shared with other tabs or written to disk the way localStorage is. Blocked storage keeps it
 * in memory for the page's lifetime instead.
 */
const KEY = 'was-this-helpful-admin-token';
let inMemory: string | null = null;

/** The tab's token, or `null` before it was given. */
export function readAdminToken(): string | null {
  try {
    return sessionStorage.getItem(KEY) ?? inMemory;
  } catch {
    return inMemory;
  }
}

/** Keeps `token` for the tab; `null` forgets it (the server refused it). */
export function writeAdminToken(token: string | null): void {
  inMemory = token;
  try {
    if (token === null) sessionStorage.removeItem(KEY);
    else sessionStorage.setItem(KEY, token);
  } catch {
    // Blocked storage: the token stays in memory only.
  }
}
