/**
 * A private X display (Xvfb) for the sync bench's headed browser: Chrome's permission prompt,
 * answered with xdotool's keys, only exists in a real window (headless, `permissions.request`
 * never returns). Debian packages: xvfb, xdotool.
 */
import { spawn } from 'node:child_process';

/** Start Xvfb on a free display; `keys` presses keys in the focused window, `stop` kills Xvfb by its pid. */
export async function startDisplay() {
  // -displayfd: Xvfb picks a free display number and writes it to the given descriptor.
  const server = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  const number = await new Promise((resolve, reject) => {
    let text = '';
    server.stdio[3]?.on('data', (/** @type {Buffer} */ chunk) => {
      text += chunk.toString();
      if (text.includes('\n')) resolve(text.trim());
    });
    server.once('exit', (code) => reject(new Error(`Xvfb exited (${code}): apt-get install -y xvfb xdotool`)));
    setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
  });
  const display = `:${number}`;
  return {
    display,
    /** @param {string[]} keys xdotool key names */
    keys: async (...keys) => {
      const tool = spawn('/usr/bin/xdotool', ['key', ...keys], { env: { ...process.env, DISPLAY: display }, stdio: 'ignore' });
      await new Promise((resolve) => tool.once('exit', resolve));
    },
    stop: () => void server.kill(),
  };
}
