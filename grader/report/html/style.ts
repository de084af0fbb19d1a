// The looks of the HTML report and of its diagrams: one palette, light and dark, chosen by the reader's
// system (prefers-color-scheme). No fonts of our own: the system's, so the page never asks for a file.

const PALETTE = `
  --paper: #ffffff; --ink: #1c2430; --muted: #5d6b7c; --line: #8a97a8; --faint: #d5dbe3; --panel: #f4f6f9;
  --pass: #1a7f37; --fail: #c62828; --skip: #8a6d00; --error: #6e5494;
  --data: #1f5fbf; --reply: #0f7a6c; --fin: #7a4bc2; --rst: #c62828; --note: #fff6d6; --note-ink: #4a3b00;
  --mark: #ffd54f;
`;
const PALETTE_DARK = `
  --paper: #11161d; --ink: #e6ebf1; --muted: #9aa7b6; --line: #7b8898; --faint: #2b3440; --panel: #19202a;
  --pass: #4cc36a; --fail: #ff6b6b; --skip: #e0b84a; --error: #b59ce0;
  --data: #6ea8ff; --reply: #4fd1bd; --fin: #b794f6; --rst: #ff6b6b; --note: #3a3217; --note-ink: #f3e3a6;
  --mark: #8a6d00;
`;

/** The diagram's own rules: inside the page, and inside a lesson's picture (with the palette). */
export const SEQUENCE_CSS = `
svg.sequence { font: 12px ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; color: var(--ink); }
svg.sequence { ${PALETTE} }
@media (prefers-color-scheme: dark) { svg.sequence { ${PALETTE_DARK} } }
.sq-paper { fill: var(--paper); }
.sq-lifeline line { stroke: var(--line); stroke-width: 2; }
.sq-lifeline line.sq-faint { stroke: var(--faint); stroke-dasharray: 4 4; stroke-width: 1; }
.sq-head { fill: var(--panel); stroke: var(--line); }
.sq-name { fill: var(--ink); font-weight: 600; }
svg.sequence .sq-time { fill: var(--muted); font-size: 11px; font-weight: 400; }
svg.sequence .sq-axis { font-weight: 600; }
.sq-pause rect { fill: var(--panel); opacity: 0.8; }
.sq-skipped text { fill: var(--muted); font-style: italic; }
.sq-arrow line { stroke: var(--data); stroke-width: 2; }
.sq-arrow polygon { fill: var(--data); }
.sq-arrow .sq-label { fill: var(--ink); }
.sq-recv line { stroke: var(--reply); } .sq-recv polygon { fill: var(--reply); }
.sq-connect line { stroke: var(--line); stroke-dasharray: 6 3; } .sq-connect polygon { fill: var(--line); }
.sq-fin-out line, .sq-fin-in line { stroke: var(--fin); stroke-width: 3; }
.sq-fin-out polygon, .sq-fin-in polygon { fill: var(--fin); }
.sq-fin-out .sq-label, .sq-fin-in .sq-label { fill: var(--fin); font-weight: 700; }
.sq-rst-out line, .sq-rst-in line, .sq-refused line { stroke: var(--rst); stroke-width: 3; }
.sq-rst-out polygon, .sq-rst-in polygon { fill: var(--rst); }
.sq-rst-out .sq-label, .sq-rst-in .sq-label, .sq-refused .sq-label { fill: var(--rst); font-weight: 700; }
.sq-cross { stroke: var(--rst); stroke-width: 3; fill: none; }
.sq-note rect, .sq-printed rect, .sq-close rect { fill: var(--note); stroke: var(--line); stroke-width: 0.5; }
.sq-note text, .sq-close text { fill: var(--note-ink); }
.sq-printed rect { fill: var(--panel); }
.sq-printed text { fill: var(--muted); }
.sq-dot { fill: var(--line); }
.sq-exit rect { fill: var(--panel); stroke: var(--rst); stroke-width: 1.5; }
.sq-exit text { fill: var(--rst); font-weight: 600; }
`;

export const PAGE_CSS = `
:root { ${PALETTE} color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { ${PALETTE_DARK} } }
* { box-sizing: border-box; }
body { margin: 0; background: var(--paper); color: var(--ink);
  font: 15px/1.5 system-ui, -apple-system, "Segoe UI", "PingFang SC", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; }
main { max-width: 1100px; margin: 0 auto; padding: 24px 20px 64px; }
h1 { font-size: 1.5rem; margin: 0 0 4px; }
h2 { font-size: 1.15rem; margin: 0; }
h3 { font-size: 0.95rem; margin: 16px 0 6px; color: var(--muted); }
a { color: var(--data); }
a:focus-visible, summary:focus-visible, td a:focus-visible { outline: 3px solid var(--data); outline-offset: 2px; }
.meta { color: var(--muted); margin: 0; }
.summary { font-size: 1.1rem; font-weight: 700; margin: 16px 0; padding: 10px 14px; border-radius: 8px; background: var(--panel); border-left: 6px solid var(--fail); }
.summary.pass { border-left-color: var(--pass); }
.verdicts { list-style: none; padding: 0; margin: 0 0 24px; columns: 2 280px; }
.verdicts li { margin: 2px 0; break-inside: avoid; }
.mark { display: inline-block; width: 1.4em; font-weight: 700; }
.pass .mark, .mark.pass { color: var(--pass); } .fail .mark, .mark.fail { color: var(--fail); } .skip .mark, .mark.skip { color: var(--skip); }
code, pre, .bytes { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "Noto Sans Mono CJK SC", monospace; font-size: 13px; }
section.property { border: 1px solid var(--faint); border-radius: 10px; padding: 14px 16px; margin: 14px 0; }
section.property.fail { border-left: 6px solid var(--fail); }
section.property .message { margin: 8px 0; }
figure { margin: 8px 0; overflow-x: auto; }
figcaption { color: var(--muted); font-size: 0.85rem; margin-bottom: 4px; }
details > summary { cursor: pointer; color: var(--muted); }
pre { background: var(--panel); padding: 8px 10px; border-radius: 6px; overflow-x: auto; margin: 4px 0; white-space: pre; }
table.bytes { border-collapse: collapse; }
table.bytes th { text-align: left; padding-right: 12px; color: var(--muted); font-weight: 600; vertical-align: top; }
table.bytes td { white-space: pre-wrap; word-break: break-all; }
mark { background: var(--mark); color: inherit; outline: 2px solid var(--fail); border-radius: 2px; }
.difference { color: var(--muted); font-size: 0.85rem; }
ol.hints { margin: 4px 0; padding: 0; list-style: none; }
ol.hints li { margin: 4px 0; padding-left: 10px; border-left: 3px solid var(--skip); }
ol.hints strong { color: var(--skip); }
.learned { background: var(--panel); border-radius: 8px; padding: 10px 14px; }
table.heat { border-collapse: collapse; margin: 8px 0 24px; }
table.heat th, table.heat td { border: 1px solid var(--faint); padding: 0; text-align: center; }
table.heat th.submission, table.heat td.score { padding: 2px 10px; text-align: left; white-space: nowrap; }
table.heat thead th { vertical-align: bottom; padding: 4px 2px; font-weight: 600; font-size: 0.8rem; }
table.heat thead th span { writing-mode: vertical-rl; transform: rotate(180deg); white-space: nowrap; }
table.heat td a { display: block; width: 30px; height: 26px; line-height: 26px; text-decoration: none; font-weight: 700; }
td.pass a { background: color-mix(in srgb, var(--pass) 22%, transparent); color: var(--pass); }
td.fail a { background: color-mix(in srgb, var(--fail) 28%, transparent); color: var(--fail); }
td.skip a, td.error a { background: var(--panel); color: var(--muted); }
table.heat tfoot td { font-size: 0.75rem; color: var(--muted); padding: 2px; }
.share { display: grid; grid-template-columns: max-content 1fr max-content; gap: 4px 10px; align-items: center; margin: 8px 0 24px; }
.share .bar { height: 12px; background: var(--panel); border-radius: 6px; overflow: hidden; }
.share .bar span { display: block; height: 100%; background: var(--pass); }
ul.groups { padding-left: 1.2em; }
details.submission { border: 1px solid var(--faint); border-radius: 10px; margin: 10px 0; padding: 8px 14px; }
details.submission > summary { font-weight: 600; color: var(--ink); }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
${SEQUENCE_CSS}
`;
