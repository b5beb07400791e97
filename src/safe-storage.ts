/**
 * localStorage that never throws. Private modes, blocked storage and a full quota all throw from
 * localStorage; every value is therefore also kept in memory, so the widget keeps working for the
 * page's lifetime and simply forgets on reload.
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
  memory.has(key) ? memory.get(key)! : attempt((storage) => storage.getItem(key)) ?? null;

/** Stores `value`, or removes the key for `null`. */
export function writeStored(key: string, value: string | null): void {
  memory.set(key, value);
  attempt((storage) => (value === null ? storage.removeItem(key) : storage.setItem(key, value)));
}

/** Every key starting with `prefix`, from localStorage and from memory. */
export function storedKeys(prefix: string): string[] {
  const keys = new Set(attempt((storage) => Object.keys(storage)));
  for (const [key, value] of memory) (value === null ? keys.delete(key) : keys.add(key));
  return [...keys].filter((key) => key.startsWith(prefix));
}

/** Calls `listener` with the key and new value whenever another tab changes a key starting with `prefix`. */
export function onStoredChange(prefix: string, listener: (key: string, value: string | null) => void): void {
  addEventListener('storage', ({ key, newValue }) => {
    if (!key?.startsWith(prefix)) return;
    memory.set(key, newValue);
    listener(key, newValue);
  });
}
