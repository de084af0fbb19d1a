// The line at the top of a report where the platform can't serve a stage fully: a pure function of the
// platform (and whether /proc can be read), asked here about Linux, macOS and Windows, in both languages.
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, test } from 'vitest';
import { findStage, STAGES, type Stage } from '../course/catalogue.ts';
import { PROPERTIES } from '../course/properties/index.ts';
import type { Report } from '../engine/grade.ts';
import type { Results } from '../report/formats/graded.ts';
import { gradescopeJson } from '../report/formats/gradescope.ts';
import { resultsJson } from '../report/formats/json.ts';
import { resultsJunit } from '../report/formats/junit.ts';
import { renderHead, reportData } from '../report/render.ts';
import { platformNote } from '../subject/platform.ts';
import { HAS_PROC } from '../subject/procfs.ts';

const stage = (id: string): Stage => {
  const found = findStage(id);
  if (!found) throw new Error(`no stage ${id}`);
  return found;
};

describe('platformNote', () => {
  test('Linux with /proc serves every check: no line, for any stage', () => {
    for (const s of STAGES) expect(platformNote(s.properties, 'linux', true), s.id).toBeNull();
  });

  test('macOS: the checks that need /proc, counted and named, in both languages', () => {
    expect(platformNote(stage('stage-3').properties, 'darwin', false)).toEqual({
      en: "macOS: 2 checks that need Linux's /proc are skipped here: no-busy-loop, no-fd-leak.",
      zh: 'macOS：有 2 个评分项需要 Linux 的 /proc，在这里跳过：no-busy-loop、no-fd-leak。',
    });
    expect(platformNote(stage('stage-2').properties, 'darwin', false)).toEqual({
      en: "macOS: 1 check that needs Linux's /proc is skipped here: no-busy-loop.",
      zh: 'macOS：有 1 个评分项需要 Linux 的 /proc，在这里跳过：no-busy-loop。',
    });
    // Stage 1 needs nothing of /proc: macOS serves it fully, and says nothing.
    expect(platformNote(stage('stage-1').properties, 'darwin', false)).toBeNull();
    // Off Linux there is no /proc, whatever is passed for it.
    expect(platformNote(stage('stage-4').properties, 'darwin')?.en).toBe(
      "macOS: 3 checks that need Linux's /proc are skipped here: no-busy-loop, no-fd-leak, stays-small.",
    );
  });

  test('native Windows: always a line (untested there), with the skipped checks when the stage has any', () => {
    expect(platformNote(stage('stage-1').properties, 'win32')).toEqual({
      en: "Native Windows: grading here is untested (the lab's CI checks only its unit tests on Windows). For the full grader, use WSL 2.",
      zh: '原生 Windows：在这里评分未经测试（本实验室的 CI 在 Windows 上只检查单元测试）。要使用完整的评分器，请用 WSL 2。',
    });
    expect(platformNote(stage('stage-4').properties, 'win32')).toEqual({
      en: "Native Windows: grading here is untested (the lab's CI checks only its unit tests on Windows), and 3 checks that need Linux's /proc are skipped: no-busy-loop, no-fd-leak, stays-small. For the full grader, use WSL 2.",
      zh: '原生 Windows：在这里评分未经测试（本实验室的 CI 在 Windows 上只检查单元测试），另有 3 个评分项需要 Linux 的 /proc，已跳过：no-busy-loop、no-fd-leak、stays-small。要使用完整的评分器，请用 WSL 2。',
    });
  });

  test('Linux without a readable /proc says so too; another system by its name', () => {
    expect(platformNote(stage('stage-2').properties, 'linux', false)?.en).toBe(
      "Linux: 1 check that needs Linux's /proc is skipped here: no-busy-loop.",
    );
    expect(platformNote(stage('stage-2').properties, 'freebsd')?.en).toMatch(/^FreeBSD: 1 check /);
  });

  test('one line each: no line break in any language', () => {
    for (const platform of ['darwin', 'win32'] as const)
      for (const s of STAGES) {
        const note = platformNote(s.properties, platform, false);
        for (const line of note ? [note.en, note.zh] : []) expect(line).not.toContain('\n');
      }
  });
});

describe('the line in every report, where the platform is not Linux', () => {
  const real = process.platform;
  const pretend = (platform: NodeJS.Platform) => Object.defineProperty(process, 'platform', { value: platform });
  afterEach(() => pretend(real));

  const s4 = stage('stage-4');
  const report: Report = {
    stage: s4,
    subject: 'server.ts',
    seed: 7,
    passed: false,
    capped: false,
    durationMs: 0,
    results: [],
    stopped: Promise.resolve(),
  };
  const alice = { name: 'alice', how: 'server.ts', report };
  const results: Results = {
    stage: s4,
    seed: 7,
    graded: [alice],
    durationMs: 0,
    startedAt: new Date(0),
  };

  test.each(['en', 'zh'] as const)('macOS (%s): under the title, in --json, --out, --junit, --gradescope', (lang) => {
    pretend('darwin');
    const note = platformNote(s4.properties, 'darwin')?.[lang] ?? '';
    expect(note).not.toBe('');
    expect(renderHead(report, lang, false).split('\n')[1]).toBe(note);
    expect(reportData(report, lang).platformNote).toBe(note);
    expect(JSON.parse(resultsJson(results, lang)).platformNote).toBe(note);
    expect(resultsJunit(results, lang)).toContain(
      `<property name="platformNote" value="${note.replaceAll("'", '&apos;')}"/>`,
    );
    expect(JSON.parse(gradescopeJson(results, alice, lang)).output.split('\n')[0]).toBe(note);
  });

  test('native Windows: the line in the head', () => {
    pretend('win32');
    expect(renderHead({ ...report, stage: stage('stage-1') }, 'en', false).split('\n')[1]).toMatch(
      /^Native Windows: grading here is untested/,
    );
  });

  // Only where /proc is really there: on a macOS or Windows runner, pretending is not enough.
  test.skipIf(!HAS_PROC).each(['en', 'zh'] as const)('Linux (%s): nothing added', (lang) => {
    pretend('linux');
    const head = renderHead(report, lang, false).split('\n');
    expect(head[1]).toContain('server.ts'); // the subject's line, right under the title
    expect(reportData(report, lang).platformNote).toBeNull();
    expect(JSON.parse(resultsJson(results, lang)).platformNote).toBeNull();
    expect(resultsJunit(results, lang)).not.toContain('platformNote');
  });
});

describe("the READMEs' first lines say what runs where", () => {
  const needsProc = PROPERTIES.filter((p) => p.needsProc).map((p) => p.id);
  test.each([
    ['README.md', '**Where it runs.**', 'three checks'],
    ['README.zh-CN.md', '**在哪里运行。**', '三个评分项'],
  ])('%s: near the top, naming every check that needs /proc', (file, heading, count) => {
    const top = readFileSync(new URL(`../../${file}`, import.meta.url), 'utf8')
      .split(/\r?\n/)
      .slice(0, 16)
      .join(' ');
    expect(top).toContain(heading);
    expect(top).toContain(count);
    expect(needsProc).toHaveLength(3);
    for (const id of needsProc) expect(top).toContain(`\`${id}\``);
    for (const name of ['Linux', 'macOS', 'Windows', 'WSL 2']) expect(top).toContain(name);
  });
});
