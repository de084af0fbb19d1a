// --csv: one row per submission, one column per property (pass, fail, skip, or error when it could not
// be graded), and the score: how many properties hold. RFC 4180 quoting, CRLF line ends.
import { cellsOf, type Results, scoreOf } from './graded.ts';

function field(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

export function resultsCsv(results: Results): string {
  const header = ['submission', ...results.stage.properties.map((p) => p.id), 'score'];
  const rows = results.graded.map((graded) => [
    graded.name,
    ...cellsOf(results, graded).map((c) => c.cell),
    String(scoreOf(results, graded).held),
  ]);
  return `${[header, ...rows].map((row) => row.map(field).join(',')).join('\r\n')}\r\n`;
}
