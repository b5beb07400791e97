import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

/** Debian packages that provide each engine's binary. */
export const ENGINES = {
  chromium: { binaries: ['/usr/bin/chromium'], packages: ['chromium'] },
  firefox: { binaries: ['/usr/bin/firefox-esr'], packages: ['firefox-esr'] },
  webkit: {
    binaries: ['/usr/bin/WebKitWebDriver', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/bin/Xvfb'],
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
  },
};

const installed = (engine) => engine.binaries.every((binary) => existsSync(binary));

const isRoot = () => process.getuid?.() === 0;
const hasApt = () => existsSync('/usr/bin/apt-get');

let aptUpdated = false;
function aptInstall(packages) {
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  if (!aptUpdated) {
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    aptUpdated = true;
  }
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

/**
 * Makes sure each named engine is installed: as root on Debian it installs what is missing with apt-get;
 * elsewhere it says what to install. Returns `{ ready: [...], missing: [{ name, reason }] }`.
 */
export function ensureBrowsers(names) {
  const ready = [];
  const missing = [];
  for (const name of names) {
    const engine = ENGINES[name];
    if (!engine) throw new Error(`Unknown engine "${name}"; known: ${Object.keys(ENGINES).join(', ')}`);
    if (!installed(engine) && isRoot() && hasApt()) {
      console.log(`Installing ${name} (${engine.packages.join(' ')}) with apt-get…`);
      try {
        aptInstall(engine.packages);
      } catch (error) {
        missing.push({ name, reason: `apt-get install ${engine.packages.join(' ')} failed: ${error.message}` });
        continue;
      }
    }
    if (installed(engine)) ready.push(name);
    else {
      const absent = engine.binaries.filter((binary) => !existsSync(binary)).join(', ');
      missing.push({
        name,
        reason: `${absent} not found; install with: sudo apt-get install ${engine.packages.join(' ')}`,
      });
    }
  }
  return { ready, missing };
}
