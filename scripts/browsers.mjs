import { chromeLauncher } from '@web/test-runner-chrome';
import { webdriverLauncher } from '@web/test-runner-webdriver';
import * as puppeteerCore from 'puppeteer-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../test/e2e/support/chromium.mjs';

/** Where Debian puts each engine. */
export const FIREFOX_PATH = process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr';
export const MINIBROWSER_PATH = process.env.MINIBROWSER_PATH ?? '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
/** The port of the WebKitWebDriver that scripts/test.mjs starts. */
export const WEBKIT_DRIVER_PORT = Number(process.env.WEBKIT_DRIVER_PORT ?? 4444);

const launchers = {
  chromium: () =>
    chromeLauncher({ launchOptions: { executablePath: CHROMIUM_PATH, headless: true, args: CHROMIUM_ARGS } }),
  // Firefox ESR through puppeteer-core over WebDriver BiDi: no geckodriver download needed.
  firefox: () =>
    chromeLauncher({
      puppeteer: puppeteerCore,
      launchOptions: { browser: 'firefox', executablePath: FIREFOX_PATH, headless: true },
    }),
  // WebKitGTK's MiniBrowser has no headless mode: it runs under the Xvfb and WebKitWebDriver started by scripts/test.mjs.
  webkit: () =>
    webdriverLauncher({
      automationProtocol: 'webdriver',
      hostname: '127.0.0.1',
      port: WEBKIT_DRIVER_PORT,
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'wdio:enforceWebDriverClassic': true,
        'webkitgtk:browserOptions': { binary: MINIBROWSER_PATH, args: ['--automation'] },
      },
    }),
};

/** The launchers named by `WTH_BROWSERS` (comma-separated: chromium, firefox, webkit; default chromium). */
export function browsersFromEnvironment() {
  const names = (process.env.WTH_BROWSERS ?? 'chromium')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  return names.map((name) => {
    const launcher = launchers[name];
    if (!launcher)
      throw new Error(`Unknown browser "${name}" in WTH_BROWSERS; known: ${Object.keys(launchers).join(', ')}`);
    return launcher();
  });
}
