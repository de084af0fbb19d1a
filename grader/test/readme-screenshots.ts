// npm run screenshots: the README's pictures of the HTML report, made by the lab itself. A real grade of a
// broken fixture (a server that a client's reset kills) and a real batch of the fixture class, rendered
// by Chromium. Run it after changing how the report looks.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { launchBrowser, openHtml } from './browser.ts';
import { fixture, ROOT, runGrader } from './run-grader.ts';

const OUT = resolve(ROOT, 'docs');
const work = mkdtempSync(join(tmpdir(), 'socket-lab-screenshots-'));

async function gradeToHtml(name: string, args: string[]): Promise<string> {
  const file = join(work, `${name}.html`);
  const run = await runGrader([...args, '--seed', '7', '--html', file]);
  if (run.code === 2 || run.code === null) throw new Error(`${args.join(' ')}: exit ${run.code}\n${run.stderr}`);
  return readFileSync(file, 'utf8');
}

const browser = await launchBrowser();
try {
  mkdirSync(OUT, { recursive: true });
  const single = await gradeToHtml('diagram', ['stage-3', '--file', fixture('stage-3/crashes-on-reset.ts')]);
  const classHtml = await gradeToHtml('class', [
    'stage-3',
    '--batch',
    fixture('class'),
    '--max-memory',
    '128',
    '--time-cap',
    '60',
  ]);
  for (const scheme of ['light', 'dark'] as const) {
    const suffix = scheme === 'dark' ? '-dark' : '';
    const page = await openHtml(browser, single, { width: 1100, height: 900, colorScheme: scheme });
    try {
      // One failure, whole: what a learner scrolls to from the summary.
      await page.page
        .locator('section[data-property="survives-reset"]')
        .screenshot({ path: join(OUT, `report-diagram${suffix}.png`) });
    } finally {
      await page.close();
    }
    const cls = await openHtml(browser, classHtml, { width: 1100, height: 900, colorScheme: scheme });
    try {
      // The heat map, the shares and the groups: the class at a glance, above the reports.
      const top = await cls.page.evaluate("document.querySelector('h2#reports').getBoundingClientRect().top");
      await cls.page.screenshot({
        path: join(OUT, `report-class${suffix}.png`),
        clip: { x: 0, y: 0, width: 1100, height: Number(top) },
        fullPage: true,
      });
    } finally {
      await cls.close();
    }
  }
  process.stdout.write(`Wrote ${OUT}/report-diagram.png, report-class.png (and -dark).\n`);
} finally {
  await browser.close();
  rmSync(work, { recursive: true, force: true });
}
