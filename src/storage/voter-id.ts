import { isVoterId } from '../protocol/validation.js';
import { readStored, writeStored } from './safe-storage.js';

const VOTER_KEY = 'was-this-helpful:voter';

/**
 * This browser's anonymous voter id: 28 random base-36 characters (about 128 bits), created once and kept
 * in localStorage (or memory when that fails). Built from `getRandomValues` because `crypto.randomUUID`
 * exists only in secure contexts, and the widget must work on plain http: pages.
 */
export function voterId(): string {
  let id = readStored(VOTER_KEY);
  if (!isVoterId(id)) {
    id = Array.from(crypto.getRandomValues(new Uint32Array(4)), (n) => n.toString(36).padStart(7, '0')).join('');
    writeStored(VOTER_KEY, id);
  }
  return id!;
}
