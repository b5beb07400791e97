/**
 * Debian's Chromium, started the way that works on these machines, for the element suite, the
 * end-to-end tests and the benchmarks alike.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox', // required as root
  '--disable-gpu',
  '--disable-background-networking', // these machines refuse every connection but loopback
  '--disable-component-update',
  '--disable-quic',
  '--disable-sync',
  '--no-first-run',
];
