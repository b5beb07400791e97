import { isIPv4, isIPv6 } from 'node:net';

/** The eight 16-bit groups of a valid IPv6 address (`::` expanded, an IPv4 tail read as two groups). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const ipv4Tail = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
  if (ipv4Tail) {
    const [a, b, c, d] = ipv4Tail.slice(1).map(Number) as [number, number, number, number];
    text = `${text.slice(0, ipv4Tail.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const groupsOf = (part: string) => (part === '' ? [] : part.split(':').map((group) => parseInt(group, 16)));
  const [head = '', tail] = text.split('::');
  if (tail === undefined) return groupsOf(head);
  const left = groupsOf(head);
  const right = groupsOf(tail);
  return [...left, ...Array<number>(8 - left.length - right.length).fill(0), ...right];
}

/**
 * What the rate limit counts a client by. An IPv4 client is its address. An IPv6 client is its /64: a
 * customer is usually given a whole /64, and keyed by full address could vote from a new one each time.
 * An IPv4-mapped address (`::ffff:192.0.2.1`, how a dual-stack listener sees IPv4 clients) is its IPv4
 * address. Anything that is not an IP address is a key of its own, apart from every address.
 */
export function rateLimitKey(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  const ip = address.replace(/%.*$/, ''); // a zone ("fe80::1%eth0") names the interface, not the client
  if (isIPv4(ip)) return ip;
  if (!isIPv6(ip)) return `not an address: ${address}`;
  const groups = ipv6Groups(ip);
  if (groups.slice(0, 5).every((group) => group === 0) && groups[5] === 0xffff) {
    return [groups[6]! >> 8, groups[6]! & 0xff, groups[7]! >> 8, groups[7]! & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((group) => group.toString(16))
    .join(':')}::/64`;
}
