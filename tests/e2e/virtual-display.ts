import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { afterAll, beforeAll } from 'vitest';
import { Tend } from './harness';

/**
 * A private X display (Xvfb) for the few tests that need a headed browser: Chrome's native context
 * menu only exists in a real window. Debian packages: xvfb, xdotool (.ci/run installs them).
 */
export class VirtualDisplay {
  private constructor(
    readonly display: string,
    private readonly server: ChildProcess,
  ) {}

  static async start(): Promise<VirtualDisplay> {
    for (const tool of ['/usr/bin/Xvfb', '/usr/bin/xdotool']) {
      if (!existsSync(tool)) throw new Error(`${tool} is missing: apt-get install -y xvfb xdotool`);
    }
    // -displayfd: Xvfb picks a free display number and writes it to the given descriptor.
    const server = spawn('/usr/bin/Xvfb', ['-displayfd', '3', '-screen', '0', '1280x800x24', '-nolisten', 'tcp'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
    });
    const number = await new Promise<string>((resolve, reject) => {
      let text = '';
      server.stdio[3]!.on('data', (chunk: Buffer) => {
        text += chunk.toString();
        if (text.includes('\n')) resolve(text.trim());
      });
      server.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
      setTimeout(() => reject(new Error('Xvfb did not start within 10 s')), 10_000);
    });
    return new VirtualDisplay(`:${number}`, server);
  }

  /** Press keys in the focused window (xdotool key names). */
  async keys(...keys: string[]): Promise<void> {
    const tool = spawn('/usr/bin/xdotool', ['key', ...keys], { env: { ...process.env, DISPLAY: this.display }, stdio: 'ignore' });
    await new Promise((resolve) => tool.once('exit', resolve));
  }

  stop(): void {
    this.server.kill();
  }
}

/**
 * A headed Tend in a private display for one test file: started before its tests, closed after
 * (read `tend` and `display` inside the tests).
 */
export function headedTend(): { tend: Tend; display: VirtualDisplay } {
  const headed = {} as { tend: Tend; display: VirtualDisplay };
  beforeAll(async () => {
    headed.display = await VirtualDisplay.start();
    headed.tend = await Tend.launch('', headed.display.display);
  });
  afterAll(async () => {
    await headed.tend?.close();
    headed.display?.stop();
  });
  return headed;
}
