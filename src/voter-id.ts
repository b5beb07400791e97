import { readStored, writeStored } from './safe-storage.js';

const VOTER_KEY = 'was-this-helpful:voter';
const VOTER_PATTERN = /^[A-Za-z0-9_-]{16,128}$/;

/**
 * 22 random base64url characters (128 bits). Built from `getRandomValues` because
 * `crypto.randomUUID` exists only in secure contexts, and the widget must work on plain http: pages.
 */
function newVoterId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

/** This browser's anonymous voter id, created once and kept in localStorage (or memory when that fails). */
export function voterId(): string {
  const stored = readStored(VOTER_KEY);
  if (stored && VOTER_PATTERN.test(stored)) return stored;
  const created = newVoterId();
  writeStored(VOTER_KEY, created);
  return created;
}
