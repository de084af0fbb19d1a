// The HTML report (--html, --open) in a real headless browser: a failing grade, a passing one and a class,
// each checked for its structure (a diagram per failing property, a lifeline per party, an element per wire
// event), for requests leaving the page and console errors, in light and dark, and photographed.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findStage, type Stage } from '../course/catalogue.ts';
import type { PropertyResult } from '../engine/grade.ts';
import { resultsHtml } from '../report/formats/html.ts';
import { describeInBrowser, openHtml, SCREENSHOTS, screenshot } from './browser.ts';
import { fixture, type JsonReport, parseReport, ROOT, runGrader } from './run-grader.ts';

const shots = (name: string) => join(SCREENSHOTS, 'html', name);

/** Evaluate an expression in the page (the suite has no DOM types: the code goes as a string). */
async function inPage<T>(page: Page, expression: string): Promise<T> {
  return (await page.evaluate(expression)) as T;
}

/** What a failing property's section must draw, from the --json story of the same grade. */
function expectedDiagrams(report: JsonReport) {
  return report.properties
    .filter((p) => p.status === 'fail' && (p.wire?.length ?? 0) > 0)
    .map((p) => ({
      id: p.id,
      events: p.wire?.length ?? 0,
      lifelines: lifelinesOf((p.wire ?? []).map((e) => e.who)),
    }));
}

/** A lifeline per party: the server, each client, and a crowd of numbered clients (#1, #2, …) as one. */
function lifelinesOf(parties: string[]): string[] {
  const clients = [...new Set(parties)].filter((who) => who !== 'grader' && who !== 'server');
  const crowd = clients.filter((who) => /^#\d+$/.test(who));
  const numbers = crowd.map((who) => Number(who.slice(1))).sort((a, b) => a - b);
  const lanes =
    crowd.length > 3
      ? [...clients.filter((who) => !crowd.includes(who)), `#${numbers[0]}…#${numbers.at(-1)}`]
      : clients;
  return [...lanes, 'server'].sort();
}

const WIRE_KINDS = [
  'connect',
  'refused',
  'send',
  'recv',
  'fin-out',
  'fin-in',
  'rst-out',
  'rst-in',
  'close',
  'exit',
  'note',
];
/** Only the wire's own kinds are drawn as events. */
const drawnKinds = (kinds: string[]) => kinds.filter((kind) => WIRE_KINDS.includes(kind));

interface DrawnDiagram {
  id: string;
  events: number;
  lifelines: string[];
  labelled: boolean;
  textLines: number;
}

const DRAWN = `[...document.querySelectorAll('section.property')].filter((s) => s.querySelector('svg.sequence')).map((s) => {
  const svg = s.querySelector('svg.sequence');
  const ids = (svg.getAttribute('aria-labelledby') || '').split(' ');
  return {
    id: s.dataset.property,
    events: svg.querySelectorAll('[data-event]').length,
    lifelines: [...svg.querySelectorAll('[data-lifeline]')].map((l) => l.dataset.lifeline).sort(),
    labelled: svg.getAttribute('role') === 'img' && ids.length === 2 && ids.every((id) => (document.getElementById(id)?.textContent || '').length > 10),
    textLines: (s.querySelector('figure details pre')?.textContent || '').split('\\n').filter((l) => l.trim() !== '').length,
  };
})`;

describeInBrowser('the HTML report in a browser', (browser: () => Browser) => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'socket-lab-html-test-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** Grade with --html and --json at once: the page, and the story it must draw. */
  async function gradeToHtml(name: string, args: string[]): Promise<{ html: string; report: JsonReport }> {
    const file = join(work, `${name}.html`);
    const run = await runGrader([...args, '--seed', '7', '--json', '--html', file]);
    expect(run.stderr).toBe('');
    return { html: readFileSync(file, 'utf8'), report: parseReport(run) };
  }

  test('a failing grade: a diagram per failing property, a lifeline per party, an element per event; nothing leaves the page', async () => {
    const { html, report } = await gradeToHtml('crashes-on-reset', [
      'stage-3',
      '--file',
      fixture('stage-3/crashes-on-reset.ts'),
    ]);
    const expected = expectedDiagrams(report);
    // The fixture's failures are the stories a diagram is for: a reset, the server's exit, a refused connect.
    expect(expected.map((d) => d.id)).toEqual(['survives-reset', 'empty-session', 'queued-reset', 'no-fd-leak']);
    const opened = await openHtml(browser(), html, { width: 1200, height: 900 });
    try {
      const drawn = await inPage<DrawnDiagram[]>(opened.page, DRAWN);
      expect(drawn.map(({ id, events, lifelines }) => ({ id, events, lifelines }))).toEqual(expected);
      for (const d of drawn) {
        expect(d.labelled, `${d.id}: the diagram names its title and description`).toBe(true);
        expect(d.textLines, `${d.id}: the wire story as text, a line per event`).toBe(
          expected.find((e) => e.id === d.id)?.events,
        );
      }
      const kinds = await inPage<string[]>(
        opened.page,
        `[...new Set([...document.querySelectorAll('[data-event]')].map((e) => e.dataset.event))].sort()`,
      );
      // What the fixture's clients always do; the server's end (an exit, a refused or a reset connect) is
      // a race with the next client's connect, and each story draws whichever happened.
      expect(kinds).toEqual(expect.arrayContaining(['connect', 'rst-out', 'send']));
      expect(drawnKinds(kinds)).toEqual(kinds);
      // Passing properties draw nothing; each failure says why in words above its picture.
      expect(await inPage<number>(opened.page, `document.querySelectorAll('section.pass svg').length`)).toBe(0);
      expect(await inPage<string>(opened.page, `document.querySelector('.summary').textContent`)).toContain(
        '9/13 properties hold',
      );
      expect(opened.requests).toEqual([]);
      expect(opened.errors).toEqual([]);
      await screenshot(opened.page, shots('failing-light.png'));
    } finally {
      await opened.close();
    }
  });

  test('the bytes expected and received, the first difference marked; dark colours in a dark system; keyboard reaches every property', async () => {
    const { html, report } = await gradeToHtml('decodes-each-chunk', [
      'stage-2',
      '--file',
      fixture('stage-2/decodes-each-chunk.ts'),
    ]);
    const split = report.properties.find((p) => p.id === 'split-character');
    expect(split?.status).toBe('fail');
    const opened = await openHtml(browser(), html, { width: 1200, height: 900, colorScheme: 'dark' });
    try {
      const marked = await inPage<{ rows: number; marks: string[] }>(
        opened.page,
        `(() => { const t = document.querySelector('section[data-property="split-character"] table.bytes');
          return { rows: t.querySelectorAll('tr').length, marks: [...t.querySelectorAll('mark')].map((m) => m.textContent) }; })()`,
      );
      expect(marked.rows).toBe(2);
      expect(marked.marks).toHaveLength(2);
      expect(await inPage<string>(opened.page, `getComputedStyle(document.body).backgroundColor`)).toBe(
        'rgb(17, 22, 29)',
      );
      // Tab from the top lands on the verdicts' links; Enter on the first failure goes to its section.
      await opened.page.keyboard.press('Tab');
      expect(await inPage<string>(opened.page, `document.activeElement.textContent`)).toBe('listens');
      const anchor = `#p-${report.properties.find((p) => p.status === 'fail')?.id}`;
      await opened.page.focus(`a[href="${anchor}"]`);
      await opened.page.keyboard.press('Enter');
      // A fragment navigation: its hashchange comes as a task of its own, so wait for it (bounded).
      await opened.page.waitForFunction(`location.hash === '${anchor}'`, undefined, { timeout: 10_000 });
      expect(opened.requests).toEqual([]);
      expect(opened.errors).toEqual([]);
      await screenshot(opened.page, shots('failing-dark.png'));
    } finally {
      await opened.close();
    }
  });

  test('a passing grade: the summary and what the stage taught, no diagram; in Chinese with --lang zh', async () => {
    const file = join(work, 'pass-zh.html');
    const run = await runGrader(['stage-1', '--solution', '--seed', '7', '--html', file, '--lang', 'zh']);
    expect(run.code).toBe(0);
    const opened = await openHtml(browser(), readFileSync(file, 'utf8'));
    try {
      expect(await inPage<string>(opened.page, 'document.documentElement.lang')).toBe('zh-CN');
      expect(await inPage<number>(opened.page, `document.querySelectorAll('svg.sequence').length`)).toBe(0);
      expect(await inPage<string>(opened.page, `document.querySelector('.summary').textContent`)).toContain(
        '本阶段通过',
      );
      expect(await inPage<string>(opened.page, `document.querySelector('.learned').textContent`)).toContain('你学到了');
      expect(opened.requests).toEqual([]);
      expect(opened.errors).toEqual([]);
      await screenshot(opened.page, shots('passing-zh.png'));
    } finally {
      await opened.close();
    }
  });

  test('a class: a heat map cell per submission and property, the share holding each, the groups; a click opens the report', async () => {
    const stage = findStage('stage-1') as Stage;
    const folder = join(work, 'class');
    for (const [name, from] of [
      ['ada', 'solutions/stage-1/server.ts'],
      ['bo', fixture('class/hana/server.js')],
      ['cy', 'solutions/stage-1/server.ts'],
    ] as const) {
      mkdirSync(join(folder, name), { recursive: true });
      cpSync(resolve(ROOT, from), join(folder, name, from.endsWith('.js') ? 'server.js' : 'server.ts'));
    }
    mkdirSync(join(folder, 'dee'), { recursive: true }); // nothing to run
    const file = join(work, 'class.html');
    const run = await runGrader(['stage-1', '--batch', folder, '--seed', '7', '--html', file]);
    expect(run.code).toBe(1);
    const opened = await openHtml(browser(), readFileSync(file, 'utf8'), { width: 1200, height: 900 });
    try {
      const cells = await inPage<Record<string, string[]>>(
        opened.page,
        `Object.fromEntries([...document.querySelectorAll('table.heat tbody tr')].map((tr) => [tr.dataset.submission, [...tr.querySelectorAll('td[data-cell]')].map((td) => td.dataset.cell)]))`,
      );
      const n = stage.properties.length;
      expect(cells).toEqual({
        ada: Array(n).fill('pass'),
        bo: Array(n).fill('fail'),
        cy: Array(n).fill('pass'),
        dee: Array(n).fill('error'),
      });
      expect(await inPage<number>(opened.page, `document.querySelectorAll('.share .bar').length`)).toBe(n);
      expect(
        await inPage<string[]>(
          opened.page,
          `[...document.querySelectorAll('ul.groups li')].map((li) => li.textContent)`,
        ),
      ).toEqual([
        '2 submissions hold every property: ada, cy',
        `1 submission fails ${stage.properties.map((p) => p.id).join(', ')}: bo`,
        '1 submission could not be graded: dee',
      ]);
      // Folded until asked for: a cell's link opens bo's report at that property.
      const report = 'details[data-submission="bo"]';
      expect(await inPage<boolean>(opened.page, `document.querySelector('${report}').open`)).toBe(false);
      await opened.page.click('tr[data-submission="bo"] td[data-cell] a');
      await opened.page.waitForFunction(`document.querySelector('${report}').open`, undefined, { timeout: 10_000 });
      expect(opened.requests).toEqual([]);
      expect(opened.errors).toEqual([]);
      await screenshot(opened.page, shots('class-light.png'), false);
    } finally {
      await opened.close();
    }
  });

  test("a server's bytes and output are text, never markup: nothing runs and nothing is fetched", async () => {
    const stage = findStage('stage-2') as Stage;
    const hostile = '<img src="http://127.0.0.1:9/x.png" onerror="console.error(1)"><script>console.error(2)</script>';
    const result: PropertyResult = {
      id: 'uppercases',
      title: { en: 'uppercases', zh: 'uppercases' },
      status: 'fail',
      message: { en: hostile, zh: hostile },
      hints: [{ en: hostile, zh: hostile }],
      durationMs: 1,
      expected: Buffer.from('HELLO'),
      actual: Buffer.from(hostile),
      wire: [
        { at: 1, who: 'A', kind: 'connect', detail: '127.0.0.1 port 1' },
        { at: 2, who: 'A', kind: 'send', bytes: Buffer.from(hostile) },
        { at: 3, who: 'grader', kind: 'note', detail: hostile },
      ],
      port: 1,
      exit: null,
      output: [`stdout | ${hostile}`],
      printed: [{ at: 1.5, line: `stdout | ${hostile}` }],
    };
    const report = {
      stage,
      subject: hostile,
      seed: 1,
      passed: false,
      capped: false,
      durationMs: 1,
      results: [result],
      stopped: Promise.resolve(),
    };
    const html = resultsHtml(
      { stage, seed: 1, graded: [{ name: hostile, how: hostile, report }], durationMs: 1, startedAt: new Date() },
      'en',
      false,
    );
    const opened = await openHtml(browser(), html);
    try {
      expect(opened.requests).toEqual([]);
      expect(opened.errors).toEqual([]);
      // The page's own script, and nothing the server wrote.
      expect(await inPage<number>(opened.page, `document.querySelectorAll('img').length`)).toBe(0);
      expect(await inPage<number>(opened.page, `document.querySelectorAll('script').length`)).toBe(1);
      expect(await inPage<string>(opened.page, `document.querySelector('section .message').textContent`)).toBe(hostile);
    } finally {
      await opened.close();
    }
  });
});

describe('--open', () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'socket-lab-open-test-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  /** A browser that copies the page it is given: the proof that it was handed the report. */
  function fakeBrowser(copy: string): string {
    const script = join(work, 'browser.sh');
    writeFileSync(script, `#!/bin/sh\ncp "$1" '${copy}.tmp' && mv '${copy}.tmp' '${copy}'\n`, { mode: 0o755 });
    return script;
  }

  async function waitForFile(path: string, ms = 20_000): Promise<void> {
    const until = performance.now() + ms;
    // The browser is started and let go: its copy is watched for, within a bound.
    while (!existsSync(path)) {
      if (performance.now() > until) throw new Error(`no ${path} after ${ms} ms`);
      await new Promise((done) => setTimeout(done, 50));
    }
  }

  test('writes .socket-lab/report.html beside the progress file and hands it to $BROWSER', async () => {
    const copy = join(work, 'seen.html');
    const progress = join(work, 'lab', 'progress.json');
    const run = await runGrader(['stage-1', '--solution', '--open'], {
      BROWSER: fakeBrowser(copy),
      SOCKET_LAB_PROGRESS: progress,
    });
    const page = join(work, 'lab', 'report.html');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Report: ${page} (opened in your browser)`);
    expect(run.stdout).not.toContain('Results written');
    await waitForFile(copy);
    expect(readFileSync(copy, 'utf8')).toBe(readFileSync(page, 'utf8'));
    expect(readFileSync(page, 'utf8')).toMatch(/^<!doctype html>/);
  });

  test('with no browser, says where the page is; beside --json, on stderr', async () => {
    const progress = join(work, 'none', 'progress.json');
    // No $BROWSER and no desktop to show a page on: over ssh, in CI.
    const run = await runGrader(['stage-1', '--solution', '--open', '--json'], {
      BROWSER: '',
      DISPLAY: '',
      WAYLAND_DISPLAY: '',
      WSL_DISTRO_NAME: '',
      SOCKET_LAB_PROGRESS: progress,
    });
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).passed).toBe(true);
    expect(run.stderr).toBe(`Report: ${join(work, 'none', 'report.html')} (no browser here: open it in one)\n`);
  });

  test('a browser that cannot start is said so; BROWSER=none opens nothing and names the page', async () => {
    const progress = join(work, 'fails', 'progress.json');
    const failed = await runGrader(['stage-1', '--solution', '--open'], {
      BROWSER: join(work, 'no-such-browser'),
      SOCKET_LAB_PROGRESS: progress,
    });
    const page = join(work, 'fails', 'report.html');
    expect(failed.stdout).toContain(`Report: ${page} (your browser could not be started: open the file in one)`);
    const none = await runGrader(['stage-1', '--solution', '--open'], {
      BROWSER: 'none',
      SOCKET_LAB_PROGRESS: progress,
    });
    expect(none.stdout).toContain(`Report: ${page}\n`);
  });

  test('--html naming a folder is a usage error before anything is graded', async () => {
    const run = await runGrader(['stage-1', '--solution', '--html', `${work}/`]);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(
      `--html names a file, and ${work}/ is a folder: name a file in it, like ${work}/report.html.`,
    );
  });

  test('goes with a single grade, not with --watch', async () => {
    const run = await runGrader(['stage-1', '--watch', '--open']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('result files and --open go with a single grade');
  });
});
