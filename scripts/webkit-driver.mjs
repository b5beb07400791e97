import { spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { createConnection } from 'node:net';

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

/**
 * Starts what WebKitGTK's MiniBrowser needs under test: a virtual display (Xvfb, since MiniBrowser has
 * no headless mode) and WebKitWebDriver. Returns `{ env, stop() }`; `stop` ends both, and the caller
 * must call it on every path (scripts/test.mjs does, in a finally block and on signals).
 */
export async function startWebKitDriver({ display = ':99', port = 4444 } = {}) {
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
    const lock = `/tmp/.X${display.slice(1)}-lock`;
    if (existsSync(lock)) rmSync(lock, { force: true }); // a display left by a killed run
    children.push(spawn('Xvfb', [display, '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], { stdio: 'ignore' }));
    await new Promise((resolve) => setTimeout(resolve, 500));
    const env = { ...process.env, DISPLAY: display };
    children.push(spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], { stdio: 'ignore', env }));
    await waitForPort(port, 10_000);
    return { env: { DISPLAY: display, WEBKIT_DRIVER_PORT: String(port) }, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}
