// --junit: JUnit XML as CI systems read it (Jenkins, GitLab, GitHub actions that publish test results):
// a testsuite per submission, a testcase per property, a failure with its message and story.
import type { Lang } from '../../i18n/text.ts';
import { platformNote } from '../../subject/platform.ts';
import { failureText, messageOf } from '../render.ts';
import { cellsOf, type Results } from './graded.ts';

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

export function resultsJunit(results: Results, lang: Lang): string {
  const stage = results.stage.id;
  const count = (cell: string) =>
    results.graded.reduce((n, g) => n + cellsOf(results, g).filter((c) => c.cell === cell).length, 0);
  const total = results.graded.length * results.stage.properties.length;
  const timestamp = results.startedAt.toISOString().replace(/\.\d+Z$/, '');
  const platform = platformNote(results.stage.properties)?.[lang];
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
      '    </properties>',
    );
    for (const { id, cell, result } of cells) {
      const open = `    <testcase name="${escapeXml(id)}" classname="${escapeXml(`${stage}.${graded.name}`)}" time="${seconds(result?.durationMs ?? 0)}"`;
      if (cell === 'pass') lines.push(`${open}/>`);
      else if (cell === 'skip')
        lines.push(
          `${open}>`,
          `      <skipped message="${escapeXml(result?.message[lang] ?? '')}"/>`,
          '    </testcase>',
        );
      else if (cell === 'fail' && result) {
        lines.push(
          `${open}>`,
          `      <failure message="${escapeXml(messageOf(result, lang))}" type="${escapeXml(id)}">${escapeXml(failureText(result, lang))}</failure>`,
          '    </testcase>',
        );
      } else {
        const why = graded.error?.[lang] ?? '';
        lines.push(`${open}>`, `      <error message="${escapeXml(why)}" type="not-graded"/>`, '    </testcase>');
      }
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
