import { spawn } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

const waitForPort = (port, timeoutMs) =>
  new Promise((resolve, reject) => {
    const deadline = Date.now() + timeoutMs;
    const attempt = () => {
      const socket = createConnection({ host: '127.0.0.1', port }, () => {
        socket.end();
        resolve();
      });
      socket.on('error', () => {
        socket.destroy();
        if (Date.now() > deadline) reject(new Error(`nothing listened on port ${port} within ${timeoutMs} ms`));
        else setTimeout(attempt, 100);
      });
    };
    attempt();
  });

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });

/**
 * Starts Xvfb on a display it picks itself (`-displayfd`), so that two test runs on one machine (two
 * checkouts, say) never share or clear each other's display. Resolves with the display, e.g. `:1`.
 */
function startXvfb(children) {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  children.push(xvfb);
  return new Promise((resolve, reject) => {
    let written = '';
    const timer = setTimeout(() => reject(new Error('Xvfb named no display within 10 s')), 10_000);
    xvfb.stdio[3].on('data', (chunk) => {
      written += chunk;
      if (!written.includes('\n')) return;
      clearTimeout(timer);
      resolve(`:${written.trim()}`);
    });
    xvfb.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`Xvfb exited with ${code} before naming a display`));
    });
  });
}

/**
 * Starts what WebKitGTK's MiniBrowser needs under test: a virtual display (Xvfb, since MiniBrowser has
 * no headless mode) and WebKitWebDriver, each on a free display and port. Returns `{ env, stop() }`; `stop`
 * ends both, and the caller must call it on every path (scripts/test.mjs does, in a finally block and on
 * signals).
 */
export async function startWebKitDriver() {
  const children = [];
  const stop = async () => {
    for (const child of children.reverse()) {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        await new Promise((resolve) => {
          const timer = setTimeout(() => (child.kill('SIGKILL'), resolve()), 3000);
          child.once('exit', () => (clearTimeout(timer), resolve()));
        });
      }
    }
  };
  try {
    const display = await startXvfb(children);
    const port = await freePort();
    const env = { ...process.env, DISPLAY: display };
    children.push(spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], { stdio: 'ignore', env }));
    await waitForPort(port, 10_000);
    return { env: { DISPLAY: display, WEBKIT_DRIVER_PORT: String(port) }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
