import { chromeLauncher } from '@web/test-runner-chrome';

/** Debian's Chromium, started the way that works on these machines (as root, no network beyond loopback). */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-quic',
  '--disable-sync',
  '--no-first-run',
];

/** The launchers named by `WTH_BROWSERS` (comma-separated; default `chromium`). */
export function browsersFromEnvironment() {
  const names = (process.env.WTH_BROWSERS ?? 'chromium').split(',').map((name) => name.trim()).filter(Boolean);
  return names.map((name) => {
    if (name === 'chromium') {
      return chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: chromiumArgs } });
    }
    throw new Error(`Unknown browser "${name}" in WTH_BROWSERS`);
  });
}
