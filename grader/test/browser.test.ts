// The browser harness's own checks, each shown able to fail: a page that reaches out is caught and served
// nothing, a page that errs is caught, a clean page is clean.
import { readFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { describeInBrowser, openHtml, SCREENSHOTS, screenshot } from './browser.ts';

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// Port 9 (discard) is closed here: even a leak would reach nothing. The routes must abort it before that.
const CLOSED = 'http://127.0.0.1:9/x.png';
// An image a self-contained page may hold: data: URLs never touch the network.
const DOT = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
// Code that runs in the page is passed as text: the project compiles without the DOM's types.

describeInBrowser('the browser harness', (browser) => {
  // A loopback server that would serve an image: its count proves the routes abort before anything is sent.
  let server: Server | undefined;
  let served = 0;
  let origin = '';
  beforeAll(async () => {
    const listening = createServer((_, response) => {
      served++;
      response.end();
    });
    await new Promise<void>((ready) => listening.listen(0, '127.0.0.1', ready));
    origin = `http://127.0.0.1:${(listening.address() as AddressInfo).port}`;
    server = listening;
  });
  // Absent when it never listened: that failure is the one to read.
  afterAll(() => new Promise<void>((done) => (server ? server.close(() => done()) : done())));

  test('a request leaves the page as a recorded URL, and is aborted before it is sent', async () => {
    const opened = await openHtml(browser(), `<img src="${CLOSED}"><img id="served" src="${origin}/y.png">`);
    try {
      expect(opened.requests).toEqual(expect.arrayContaining([CLOSED, `${origin}/y.png`]));
      expect(opened.requests).toHaveLength(2);
      expect(served).toBe(0);
      // The image the server would have answered never loaded.
      expect(await opened.page.evaluate(`document.getElementById('served').naturalWidth`)).toBe(0);
    } finally {
      await opened.close();
    }
  });

  test("a script's fetch and WebSocket are recorded too", async () => {
    const html = `<script>
      fetch('${origin}/api').catch(() => {});
      new WebSocket('ws://127.0.0.1:9/live');
    </script>`;
    const opened = await openHtml(browser(), html);
    try {
      await expect.poll(() => opened.requests.length).toBe(2);
      expect(opened.requests).toEqual(expect.arrayContaining([`${origin}/api`, 'ws://127.0.0.1:9/live']));
      expect(served).toBe(0);
    } finally {
      await opened.close();
    }
  });

  test('console.error and an uncaught exception are recorded as errors', async () => {
    const logged = await openHtml(browser(), `<script>console.error('x')</script>`);
    const thrown = await openHtml(browser(), `<script>throw new Error('boom')</script>`);
    try {
      expect(logged.errors).toEqual(['x']);
      expect(thrown.errors).toEqual([expect.stringContaining('boom')]);
    } finally {
      await Promise.all([logged.close(), thrown.close()]);
    }
  });

  test('a self-contained page records no request and no error', async () => {
    const html = `<!doctype html><html><head><style>p { color: teal }</style></head><body>
      <p>All inline.</p><img src="${DOT}"><svg width="10" height="10"><circle cx="5" cy="5" r="4"/></svg>
      <script>console.log('fine')</script></body></html>`;
    const opened = await openHtml(browser(), html);
    try {
      expect(opened.requests).toEqual([]);
      expect(opened.errors).toEqual([]);
    } finally {
      await opened.close();
    }
  });

  test('the page sees the colour scheme asked for', async () => {
    const html = `<style>
      body { color: rgb(0, 0, 0) }
      @media (prefers-color-scheme: dark) { body { color: rgb(255, 255, 255) } }
    </style><body>text</body>`;
    const colour = async (colorScheme: 'light' | 'dark') => {
      const opened = await openHtml(browser(), html, { colorScheme });
      try {
        return await opened.page.evaluate('getComputedStyle(document.body).color');
      } finally {
        await opened.close();
      }
    };
    expect(await colour('dark')).toBe('rgb(255, 255, 255)');
    expect(await colour('light')).toBe('rgb(0, 0, 0)');
  });

  test('a screenshot is written as a PNG, its folder made', async () => {
    const file = join(SCREENSHOTS, 'harness', 'plain.png');
    const opened = await openHtml(browser(), '<h1>Screenshot</h1>', { width: 400, height: 300 });
    try {
      await screenshot(opened.page, file);
      expect((await readFile(file)).subarray(0, 8)).toEqual(PNG_SIGNATURE);
    } finally {
      await opened.close();
    }
  });
});
