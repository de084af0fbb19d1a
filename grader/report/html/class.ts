// A class as HTML: a heat map of submissions × properties, the share of the class holding each property,
// the submissions grouped by what they fail together, and each submission's whole report a click away.
import { t } from '../../i18n/t.ts';
import type { Lang } from '../../i18n/text.ts';
import { platformNote, sandboxNote } from '../../subject/platform.ts';
import { type Cell, cellsOf, type Graded, passedAll, type Results, sandboxOf, scoreOf } from '../formats/graded.ts';
import { seedNote } from '../render.ts';
import { esc, slug } from './markup.ts';
import { htmlDocument, propertyAnchor, reportBody, reportMeta, summaryHtml } from './page.ts';

const CELL_MARKS: Record<Cell, string> = { pass: '✔', fail: '✘', skip: '–', error: '·' };

/** Each submission's id in the page: its name, made safe, numbered so two names can't collide. */
function anchorOf(graded: readonly Graded[]): Map<Graded, string> {
  return new Map(graded.map((g, i) => [g, `s${i + 1}-${slug(g.name)}`]));
}

export function classPage(results: Results, lang: Lang): string {
  const { stage, graded } = results;
  const anchors = anchorOf(graded);
  const title = `Socket Lab · ${stage.id} · ${stage.title[lang]}`;
  const platform = platformNote(stage.properties);
  const sandbox = sandboxNote(sandboxOf(results));
  const passing = graded.filter(passedAll).length;
  const ungraded = graded.filter((g) => !g.report).length;
  const body = [
    `<header><h1>${esc(title)}</h1>`,
    ...(platform ? [`<p class="meta">${esc(platform[lang])}</p>`] : []),
    ...(sandbox ? [`<p class="meta">${esc(sandbox[lang])}</p>`] : []),
    `<p class="meta">${esc(t('batch.submissions', { count: graded.length })[lang])} · ${esc(seedNote(results.seed, lang))} · ${esc(results.startedAt.toISOString().slice(0, 16).replace('T', ' '))} UTC</p></header>`,
    `<p class="summary ${passing === graded.length ? 'pass' : 'fail'}" role="status"><strong>${esc(t('html.class.passing', { passing, count: graded.length })[lang])}</strong>${ungraded > 0 ? esc(t('html.class.ungraded', { count: ungraded })[lang]) : ''}</p>`,
    `<h2 id="heat">${esc(t('html.class.heat')[lang])}</h2>`,
    heatMap(results, anchors, lang),
    `<p class="meta legend">${esc(t('html.class.legend')[lang])}</p>`,
    `<h2 id="share">${esc(t('html.class.share')[lang])}</h2>`,
    share(results, lang),
    `<h2 id="groups">${esc(t('html.class.groups')[lang])}</h2>`,
    groups(results, anchors, lang),
    `<h2 id="reports">${esc(t('html.class.reports')[lang])}</h2>`,
    ...graded.map((g) => submission(results, g, anchors.get(g) ?? '', lang)),
  ].join('\n');
  return htmlDocument(title, lang, body);
}

function heatMap(results: Results, anchors: Map<Graded, string>, lang: Lang): string {
  const { stage, graded } = results;
  const head = stage.properties
    .map((p) => `<th scope="col" title="${esc(p.title[lang])}"><span>${esc(p.id)}</span></th>`)
    .join('');
  const rows = graded.map((g) => {
    const anchor = anchors.get(g) ?? '';
    const { held, max } = scoreOf(results, g);
    const cells = cellsOf(results, g)
      .map(({ id, cell }) => {
        const label = `${g.name}: ${id} ${t(`html.cell.${cell}`)[lang]}`;
        const href = g.report ? `#${propertyAnchor(`${anchor}-`, id)}` : `#${anchor}`;
        return `<td class="${cell}" data-cell="${cell}"><a href="${esc(href)}" aria-label="${esc(label)}" title="${esc(label)}">${CELL_MARKS[cell]}</a></td>`;
      })
      .join('');
    const score = g.report ? `${held}/${max}` : esc(t('html.cell.error')[lang]);
    return `<tr data-submission="${esc(g.name)}"><th scope="row" class="submission"><a href="#${esc(anchor)}">${esc(g.name)}</a></th>${cells}<td class="score">${score}</td></tr>`;
  });
  const shares = stage.properties
    .map((p) => {
      const { held, of } = holding(results, p.id);
      return `<td>${of === 0 ? '–' : `${Math.round((100 * held) / of)}%`}</td>`;
    })
    .join('');
  return (
    `<div style="overflow-x:auto"><table class="heat" aria-describedby="heat"><thead><tr><th scope="col" class="submission">${esc(t('html.class.submission')[lang])}</th>${head}<th scope="col" class="submission">${esc(t('batch.score-label')[lang])}</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody>` +
    `<tfoot><tr><th scope="row" class="submission">${esc(t('html.class.holds')[lang])}</th>${shares}<td></td></tr></tfoot></table></div>`
  );
}

/** How many graded submissions hold a property, of those where it was measured. */
function holding(results: Results, id: string): { held: number; of: number } {
  let held = 0;
  let of = 0;
  for (const g of results.graded) {
    const cell = cellsOf(results, g).find((c) => c.id === id)?.cell;
    // Of the submissions graded: one that could not be is counted apart, not as failing everything.
    if (cell === 'pass' || cell === 'fail') of++;
    if (cell === 'pass') held++;
  }
  return { held, of };
}

/** A bar per property, the least held first: what the class needs taught again. */
function share(results: Results, lang: Lang): string {
  const rows = results.stage.properties
    .map((p, order) => ({ p, order, ...holding(results, p.id) }))
    .sort((a, b) => a.held / (a.of || 1) - b.held / (b.of || 1) || a.order - b.order)
    .map(({ p, held, of }) => {
      const percent = of === 0 ? 0 : Math.round((100 * held) / of);
      const label = t('html.class.share-row', { held, of })[lang];
      return (
        `<code>${esc(p.id)}</code><div class="bar" role="img" aria-label="${esc(`${p.id}: ${label}`)}"><span style="width:${percent}%"></span></div>` +
        `<span>${esc(label)}</span>`
      );
    });
  return `<div class="share" data-share>${rows.join('')}</div>`;
}

/** Submissions that fail exactly the same properties, the largest group first. */
function groups(results: Results, anchors: Map<Graded, string>, lang: Lang): string {
  const byKey = new Map<string, { failing: string[]; members: Graded[] }>();
  for (const g of results.graded) {
    if (!g.report) continue;
    const failing = cellsOf(results, g)
      .filter((c) => c.cell === 'fail')
      .map((c) => c.id);
    const key = failing.join(' ');
    const group = byKey.get(key) ?? { failing, members: [] };
    group.members.push(g);
    byKey.set(key, group);
  }
  const ungraded = results.graded.filter((g) => !g.report);
  const sorted = [...byKey.values()].sort(
    (a, b) => b.members.length - a.members.length || a.failing.length - b.failing.length,
  );
  const link = (g: Graded) => `<a href="#${esc(anchors.get(g) ?? '')}">${esc(g.name)}</a>`;
  const item = (key: string, members: Graded[], words: string) =>
    `<li data-group="${esc(key)}">${esc(words)}${esc(t('report.colon')[lang])}${members.map(link).join(esc(t('sep.list')[lang]))}</li>`;
  const items = sorted.map(({ failing, members }) => {
    const count = members.length;
    const words =
      failing.length === 0
        ? t('html.class.group.all-hold', { count })
        : t('html.class.group.fail', { count, ids: failing.join(t('sep.list')[lang]) });
    return item(failing.join(' '), members, words[lang]);
  });
  if (ungraded.length > 0)
    items.push(item('ungraded', ungraded, t('html.class.group.ungraded', { count: ungraded.length })[lang]));
  return `<ul class="groups">${items.join('')}</ul>`;
}

function submission(results: Results, g: Graded, anchor: string, lang: Lang): string {
  const { held, max } = scoreOf(results, g);
  const score = g.report ? `${held}/${max}` : t('html.cell.error')[lang];
  const inner = g.report
    ? [
        reportMeta(g.report, lang),
        summaryHtml(g.report, lang),
        reportBody(g.report, lang, { prefix: `${anchor}-` }),
      ].join('\n')
    : `<p class="message">${esc(g.error?.[lang] ?? '')}</p>`;
  return `<details class="submission" id="${esc(anchor)}" data-submission="${esc(g.name)}"><summary>${esc(g.name)} · ${esc(score)}</summary>${inner}</details>`;
}
