/**
 * localStorage that never throws. Private modes, blocked storage and a full quota all throw from
 * localStorage; a value that could not be stored is kept in memory instead, so the widget keeps working
 * for the page's lifetime and simply forgets on reload. Reads go to localStorage otherwise, so that they
 * see what another tab wrote a moment ago, before its `storage` event arrives.
 */
const memory = new Map<string, string | null>();

/** Runs `use` on localStorage; the property itself throws when storage is blocked, hence inside. */
function attempt<T>(use: (storage: Storage) => T): T | undefined {
  try {
    return use(localStorage);
  } catch {
    return undefined;
  }
}

/** The stored string for `key`, or `null`. */
export const readStored = (key: string): string | null =>
  memory.has(key) ? memory.get(key)! : (attempt((storage) => storage.getItem(key)) ?? null);

/** Stores `value`, or removes the key for `null`. */
export function writeStored(key: string, value: string | null): void {
  const stored = attempt((storage) => {
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  });
  if (stored) memory.delete(key);
  else memory.set(key, value);
}

/** Every key starting with `prefix`, from localStorage and from memory. */
export function storedKeys(prefix: string): string[] {
  const keys = new Set(attempt((storage) => Object.keys(storage)));
  for (const [key, value] of memory) {
    if (value === null) keys.delete(key);
    else keys.add(key);
  }
  return [...keys].filter((key) => key.startsWith(prefix));
}

/** The prefix of every key this widget stores. */
const PREFIX = 'was-this-helpful:';

/**
 * Calls `listener` with the key whenever another tab changes one of this widget's keys, after taking the
 * new value into memory; with `null` when another tab cleared the storage.
 */
export function onStoredChange(listener: (key: string | null) => void): void {
  addEventListener('storage', ({ key }) => {
    // Another tab could write: its value, now in localStorage, is newer than one kept here in memory.
    if (key === null) memory.clear();
    else if (key.startsWith(PREFIX)) memory.delete(key);
    else return;
    listener(key);
  });
}
