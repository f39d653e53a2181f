/**
 * Which Chromium the browser tests and the bench drive, with no apt step on a bare machine:
 *   1. LINKSHELF_CHROMIUM (a path; `npm` means "the npm-shipped one" even when a system one exists)
 *   2. the system browser (/usr/bin/chromium, Debian's package) when there is one
 *   3. the Chromium that @sparticuz/chromium ships inside its npm tarball (unpacked to /tmp on
 *      first use; headless shell, no CJK fonts — tests assert on text, not glyphs)
 * playwright-core never downloads a browser.
 */
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

const SYSTEM_CHROMIUM = '/usr/bin/chromium';

/**
 * Flags for either browser on these machines (/work/shared/toolchain.md). The npm package's own
 * `args` are meant for AWS Lambda (`--single-process`, `--disable-web-security`, ...): with them a
 * second browser context lost its navigation in the e2e loop, so they are not used.
 */
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-dev-shm-usage',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface ChromiumChoice {
  executablePath: string;
  args: string[];
  source: 'env' | 'system' | 'npm';
}

/** Resolves the browser to launch (see the file comment for the order). */
export async function chooseChromium(env: NodeJS.ProcessEnv = process.env): Promise<ChromiumChoice> {
  const wanted = env.LINKSHELF_CHROMIUM?.trim();
  if (wanted && wanted !== 'npm') {
    if (!existsSync(wanted)) throw new Error(`LINKSHELF_CHROMIUM=${wanted}: no such file`);
    return { executablePath: wanted, args: ARGS, source: 'env' };
  }
  if (wanted !== 'npm' && existsSync(SYSTEM_CHROMIUM)) return { executablePath: SYSTEM_CHROMIUM, args: ARGS, source: 'system' };
  const shipped = (await import('@sparticuz/chromium')).default;
  const executablePath = await shipped.executablePath();
  return { executablePath, args: ARGS, source: 'npm' };
}

/** Launches the chosen Chromium headless. */
export async function launchChromium(): Promise<Browser> {
  const choice = await chooseChromium();
  return chromium.launch({ executablePath: choice.executablePath, args: choice.args, headless: true });
}
