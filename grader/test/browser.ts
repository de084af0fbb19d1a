// Loads HTML in a real headless Chromium for the tests: the system's browser (never a downloaded one), and a
// page that can reach nothing, so a report that needs the network shows up as a recorded request.
import { accessSync, constants } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe } from 'vitest';

export const SCREENSHOTS = resolve(import.meta.dirname, '../../.socket-lab/screenshots');

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome-stable',
  '/usr/bin/google-chrome',
];

// Chromium reaches for Google's hosts at start (updates, sync, field trials); the network here refuses them,
// and nothing may leave loopback anyway.
const ARGS = [
  '--headless',
  '--no-sandbox', // root in a container has no user namespaces for the sandbox
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  // Whatever still tries a host name resolves to nothing: only loopback is reachable by name.
  '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE localhost, EXCLUDE 127.0.0.1',
];

// Generous: on a loaded 2-core machine a launch takes seconds, a page load a few more. They guard against a hang.
const LAUNCH_MS = 60_000;
const LOAD_MS = 30_000;
const CLOSE_MS = 15_000;

export const INSTALL_HINT = 'install Chromium (sudo apt-get install chromium) or set SOCKET_LAB_CHROMIUM to its path';

function isExecutable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** SOCKET_LAB_CHROMIUM when it names an executable (no fallback: it was asked for), else the first system one. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const chosen = env.SOCKET_LAB_CHROMIUM;
  if (chosen) return isExecutable(chosen) ? chosen : undefined;
  return CANDIDATES.find(isExecutable);
}

export async function launchBrowser(): Promise<Browser> {
  const executablePath = findChromium();
  if (!executablePath) throw new Error(`No Chromium found: ${INSTALL_HINT}.`);
  return chromium.launch({ executablePath, args: ARGS, timeout: LAUNCH_MS });
}

/** Rejects when `promise` has not settled in `ms`: a close that hangs must not hang the suite. */
async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} took more than ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

export interface OpenedPage {
  page: Page;
  /** Every URL the page asked for (HTTP and WebSocket), each aborted: a self-contained page has none. */
  requests: string[];
  /** console.error messages and uncaught exceptions, in order. */
  errors: string[];
  close(): Promise<void>;
}

export interface OpenOptions {
  width?: number;
  height?: number;
  colorScheme?: 'light' | 'dark';
}

export async function openHtml(browser: Browser, html: string, options: OpenOptions = {}): Promise<OpenedPage> {
  const { width = 1280, height = 800, colorScheme = 'light' } = options;
  const context = await browser.newContext({
    viewport: { width, height },
    colorScheme,
    serviceWorkers: 'block', // a worker's fetches would bypass the routes below
  });
  const close = () => within(context.close(), CLOSE_MS, 'closing a page');
  const requests: string[] = [];
  const errors: string[] = [];
  try {
    // setContent writes into about:blank: the document itself is no request, so nothing needs filtering.
    await context.route('**/*', (route) => {
      requests.push(route.request().url());
      return route.abort();
    });
    // Never connected to a server: the socket is closed as soon as it opens.
    await context.routeWebSocket(
      () => true,
      (socket) => {
        requests.push(socket.url());
        return socket.close();
      },
    );
    const page = await context.newPage();
    page.setDefaultTimeout(LOAD_MS);
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    await page.setContent(html, { waitUntil: 'load', timeout: LOAD_MS });
    return { page, requests, errors, close };
  } catch (error) {
    await close().catch(() => {}); // the first failure is the one to report
    throw error;
  }
}

/** Writes a PNG of the page to `file`, making its folder. */
export async function screenshot(page: Page, file: string, fullPage = true): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  await page.screenshot({ path: file, fullPage, timeout: LOAD_MS });
}

/**
 * A describe block with one browser for its tests, read through `browser()` inside a test. Without Chromium it
 * is skipped, saying how to get one; except in CI, where a test that cannot run must not pass for one that did:
 * there every test fails with the reason (a failed hook would leave them counted as skipped).
 */
export function describeInBrowser(name: string, fn: (browser: () => Browser) => void): void {
  if (!findChromium() && !process.env.CI) {
    console.warn(`Skipping the browser tests "${name}": no Chromium found; ${INSTALL_HINT}.`);
    describe.skip(name, () => fn(() => unlaunched(undefined)));
    return;
  }
  describe(name, () => {
    let launched: Browser | undefined;
    let failure: unknown;
    beforeAll(async () => {
      launched = await launchBrowser().catch((error: unknown) => {
        failure = error;
        return undefined;
      });
    }, LAUNCH_MS + 10_000);
    afterAll(async () => {
      if (launched) await within(launched.close(), CLOSE_MS, 'closing the browser');
    }, CLOSE_MS + 5_000);
    fn(() => launched ?? unlaunched(failure));
  });
}

function unlaunched(failure: unknown): never {
  throw failure ?? new Error('No browser: it was not launched.');
}
