/**
 * localStorage that never throws. Private modes, blocked storage and a full quota all throw from
 * localStorage; every value is therefore also kept in memory, so the widget keeps working for the
 * page's lifetime and simply forgets on reload.
 */
const memory = new Map<string, string | null>();

function browserStorage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined; // Accessing the property itself throws when storage is blocked.
  }
}

/** The stored string for `key`, or `null`. */
export function readStored(key: string): string | null {
  if (memory.has(key)) return memory.get(key) ?? null;
  try {
    return browserStorage()?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

/** Stores `value` (or removes the key for `null`); returns whether it reached localStorage. */
export function writeStored(key: string, value: string | null): boolean {
  memory.set(key, value);
  try {
    const storage = browserStorage();
    if (!storage) return false;
    if (value === null) storage.removeItem(key);
    else storage.setItem(key, value);
    return true;
  } catch {
    return false;
  }
}

/** Every key starting with `prefix`, from localStorage and from memory. */
export function storedKeys(prefix: string): string[] {
  const keys = new Set<string>();
  try {
    const storage = browserStorage();
    for (let i = 0; storage && i < storage.length; i++) {
      const key = storage.key(i);
      if (key?.startsWith(prefix)) keys.add(key);
    }
  } catch {
    // Unreadable storage: memory alone answers.
  }
  for (const [key, value] of memory) {
    if (key.startsWith(prefix) && value !== null) keys.add(key);
  }
  return [...keys];
}

/** Calls `listener` with the key and new value whenever another tab changes a key starting with `prefix`. */
export function onStoredChange(prefix: string, listener: (key: string, value: string | null) => void): void {
  globalThis.addEventListener?.('storage', (event: StorageEvent) => {
    if (event.key === null || !event.key.startsWith(prefix)) return;
    memory.set(event.key, event.newValue);
    listener(event.key, event.newValue);
  });
}
