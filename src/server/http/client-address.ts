import { isIP } from 'node:net';

/**
 * The client's address as `hops` trusted reverse proxies report it. Each proxy appends the address it
 * received the request from to `X-Forwarded-For`, so the last `hops` entries were written by them and the
 * `hops`-th from the right is the client; everything left of it came from the client and may be forged.
 * Returns `undefined` when the header has fewer entries than `hops` or that entry is not an IP address
 * (then the request did not come through all the proxies, and the connection's address is the one to use).
 */
export function forwardedClientAddress(header: string | undefined, hops: number): string | undefined {
  if (!header || hops < 1) return undefined;
  const entries = header.split(',');
  if (entries.length < hops) return undefined;
  const entry = entries[entries.length - hops]!.trim();
  // Some proxies add the client's port: "203.0.113.7:51234", "[2001:db8::1]:51234".
  const address = /^\[(.+)\](?::\d+)?$/.exec(entry)?.[1] ?? /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(entry)?.[1] ?? entry;
  return isIP(address) ? address : undefined;
}
