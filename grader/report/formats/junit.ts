// --junit: JUnit XML as CI systems read it (Jenkins, GitLab, GitHub actions that publish test results):
// a testsuite per submission, a testcase per property, a failure with its message and story. Readers
// differ in what they show (the message attribute, or the element's text), so a reason is in both.
import type { Lang } from '../../i18n/text.ts';
import { platformNote, sandboxNote } from '../../subject/platform.ts';
import { failureText, messageOf } from '../render.ts';
import { serverOutput } from '../story.ts';
import { cellsOf, type Graded, type Results, sandboxOf } from './graded.ts';

// XML 1.0 can't hold most control characters at all, even escaped: a server's output may have them.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

function escapeXml(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&apos;');
}

const seconds = (ms: number) => (ms / 1000).toFixed(3);

/**
 * `stage.name`, with exactly one dot: readers split a classname at its dots into packages, so the
 * submission's name (a path, in a single grade: stages/stage-2/server.ts) has none, nor slashes or spaces.
 */
function classname(stage: string, graded: Graded): string {
  return `${stage}.${graded.name.replace(/[./\\]|\s+/g, '_')}`;
}

/** An element holding a reason both ways: as its message, and as its text. */
const reason = (tag: string, why: string, attributes = '') =>
  `      <${tag} message="${escapeXml(why)}"${attributes}>${escapeXml(why)}</${tag}>`;

export function resultsJunit(results: Results, lang: Lang): string {
  const stage = results.stage.id;
  const count = (cell: string) =>
    results.graded.reduce((n, g) => n + cellsOf(results, g).filter((c) => c.cell === cell).length, 0);
  const total = results.graded.length * results.stage.properties.length;
  const timestamp = results.startedAt.toISOString().replace(/\.\d+Z$/, '');
  const platform = platformNote(results.stage.properties)?.[lang];
  const sandbox = sandboxNote(sandboxOf(results))?.[lang];
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(`Socket Lab ${stage}`)}" tests="${total}" failures="${count('fail')}" errors="${count('error')}" skipped="${count('skip')}" time="${seconds(results.durationMs)}">`,
  ];
  for (const graded of results.graded) {
    const cells = cellsOf(results, graded);
    const tally = (cell: string) => cells.filter((c) => c.cell === cell).length;
    lines.push(
      `  <testsuite name="${escapeXml(graded.name)}" tests="${cells.length}" failures="${tally('fail')}" errors="${tally('error')}" skipped="${tally('skip')}" time="${seconds(graded.report?.durationMs ?? 0)}" timestamp="${timestamp}">`,
      '    <properties>',
      `      <property name="stage" value="${escapeXml(stage)}"/>`,
      `      <property name="seed" value="${results.seed}"/>`,
      `      <property name="how" value="${escapeXml(graded.how)}"/>`,
      ...(graded.report?.startMs !== undefined
        ? [`      <property name="startMs" value="${graded.report.startMs}"/>`]
        : []),
      ...(platform ? [`      <property name="platformNote" value="${escapeXml(platform)}"/>`] : []),
      ...(sandbox ? [`      <property name="sandboxNote" value="${escapeXml(sandbox)}"/>`] : []),
      '    </properties>',
    );
    const file = graded.file === undefined ? '' : ` file="${escapeXml(graded.file)}"`;
    for (const { id, cell, result } of cells) {
      const open = `    <testcase name="${escapeXml(id)}" classname="${escapeXml(classname(stage, graded))}"${file} time="${seconds(result?.durationMs ?? 0)}"`;
      const inside: string[] = [];
      if (cell === 'skip') inside.push(reason('skipped', result?.message[lang] ?? ''));
      else if (cell === 'fail' && result)
        inside.push(
          `      <failure message="${escapeXml(messageOf(result, lang))}" type="${escapeXml(id)}">${escapeXml(failureText(result, lang))}</failure>`,
        );
      else if (cell === 'error') inside.push(reason('error', graded.error?.[lang] ?? '', ' type="not-graded"'));
      // What the server printed, wherever it printed something (a pass too): CI shows it beside the test.
      const output = result ? serverOutput(result) : [];
      if (output.length > 0) inside.push(`      <system-out>${escapeXml(output.join('\n'))}</system-out>`);
      lines.push(...(inside.length > 0 ? [`${open}>`, ...inside, '    </testcase>'] : [`${open}/>`]));
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
