// npm run autograder -- <platform> [<stage>] [--out <path>] [--lang, --points, --time-cap, --max-memory]
// What an instructor uploads to a platform, made from this lab: Gradescope's autograder.zip,
// PrairieLearn's image folder, or GitHub Classroom's workflow. The grade's options given here are baked
// into what runs there. Exit status: 0 written, 2 usage or a file that can't be written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import { argumentError } from '../../cli/argument-error.ts';
import { type Flag, parseFlags } from '../../cli/flag-table.ts';
import { shellCommand } from '../../cli/shell-quote.ts';
import { closest } from '../../cli/suggest.ts';
import { findStage, ROOT, STAGES, type Stage } from '../../course/catalogue.ts';
import { UsageError } from '../../engine/errors.ts';
import { joined, t } from '../../i18n/t.ts';
import { detectLang, isLang, type Lang, langInArgv } from '../../i18n/text.ts';
import { type Points, parsePoints } from '../../report/formats/points.ts';
import { userCwd } from '../../subject/launch.ts';
import { ENGINE_IDS, type EngineId, isEngineId } from '../engine-ids.ts';
import { classroomWorkflow } from './github-classroom.ts';
import { gradescopeZip } from './gradescope.ts';
import { writePrairielearnFolder } from './prairielearn.ts';

const FLAGS = {
  out: { type: 'string', group: 'common' },
  lang: { type: 'string', group: 'common' },
  points: { type: 'string', group: 'common' },
  'time-cap': { type: 'string', group: 'common' },
  'max-memory': { type: 'string', group: 'common' },
  help: { type: 'boolean', short: 'h', group: 'common' },
} as const satisfies Record<string, Flag>;

/**
 * PrairieLearn's timeout, as the README advises for Gradescope: room for a slow container, where stage
 * 4's heaviest checks move 64 MiB each way.
 */
const TIMEOUT_S = { heavy: 600, other: 300 };

export interface AutograderIo {
  env: NodeJS.ProcessEnv;
  out: (line: string) => void;
  err: (line: string) => void;
}

export function autograderCommand(argv: readonly string[], io: AutograderIo): number {
  let lang: Lang = langInArgv(argv) ?? detectLang(io.env);
  try {
    const kept = flagsNpmKept(io.env, argv);
    if (kept) throw new UsageError(t('main.npm-kept-flags', kept));
    const { values, positionals } = parseFlags(
      FLAGS,
      argv,
      (err) => new UsageError(argumentError(err, Object.keys(FLAGS))),
    );
    if (values.lang !== undefined) {
      if (!isLang(values.lang)) throw new UsageError(t('args.bad-lang', { lang: values.lang }));
      lang = values.lang;
    }
    if (values.help) {
      io.out(t('autograder.usage')[lang]);
      return 0;
    }
    const [platform, stageName, ...extra] = positionals;
    if (platform === undefined || extra.length > 0) throw new UsageError(t('autograder.usage'));
    if (!isEngineId(platform)) {
      throw new UsageError(t('autograder.unknown-platform', { name: platform, known: joined(ENGINE_IDS, 'sep.or') }));
    }
    const stage = stageName === undefined ? undefined : stageOf(stageName);
    if (!stage && platform !== 'github-classroom') throw new UsageError(t('autograder.needs-stage', { platform }));
    if (values.points !== undefined && !stage) throw new UsageError(t('autograder.points-need-stage'));
    const points = stage && values.points !== undefined ? parsePoints(values.points, stage) : undefined;
    const baked = bakedFlags(values);
    const base = userCwd(io.env);
    const written = make(platform, stage, baked, values.out, base, timeoutOf(stage, values['time-cap']), points);
    io.out(t(`autograder.wrote.${platform}`, { ...written, stage: stage?.id ?? '' })[lang]);
    return 0;
  } catch (err) {
    if (err instanceof UsageError) {
      io.err(err.text[lang]);
      return 2;
    }
    const reason = (err as NodeJS.ErrnoException).message;
    io.err(t('autograder.write-failed', { reason })[lang]);
    return 2;
  }
}

function stageOf(name: string): Stage {
  const stage = findStage(name);
  if (stage) return stage;
  const ids = STAGES.map((s) => s.id);
  const suggestion = closest(name, ids);
  throw new UsageError(
    suggestion
      ? t('main.no-such-stage.did-you-mean', { stage: name, suggestion })
      : t('main.no-such-stage', { stage: name, known: joined(ids, 'sep.list') }),
  );
}

/** The grade's options to bake in, as words: checked here, so that nothing fails later on the platform. */
function bakedFlags(values: Partial<Record<'lang' | 'points' | 'time-cap' | 'max-memory', string>>): string[] {
  const words: string[] = [];
  for (const flag of ['lang', 'points', 'time-cap', 'max-memory'] as const) {
    const value = values[flag];
    if (value === undefined) continue;
    if ((flag === 'time-cap' || flag === 'max-memory') && !/^\d+$/.test(value)) {
      throw new UsageError(
        t('args.whole-number', { flag, min: 1, max: flag === 'time-cap' ? 3600 : 1048576, raw: value }),
      );
    }
    words.push(`--${flag}`, value);
  }
  return words;
}

/** PrairieLearn's timeout: at least the grade's time cap, with room for the server to start and the report. */
function timeoutOf(stage: Stage | undefined, timeCap: string | undefined): number {
  const base = stage?.id === 'stage-4' ? TIMEOUT_S.heavy : TIMEOUT_S.other;
  return timeCap === undefined ? base : Math.max(base, Number(timeCap) + 60);
}

/**
 * Options npm kept for itself, given without `--`: `npm run autograder gradescope stage-2 --points x=2`
 * hands --points to npm, which tells us only through npm_config_points. Said with the command fixed.
 */
function flagsNpmKept(env: NodeJS.ProcessEnv, argv: readonly string[]): { flags: string; fixed: string } | null {
  if (env.npm_lifecycle_event !== 'autograder') return null;
  const kept = Object.keys(FLAGS).flatMap((flag) => {
    const value = env[`npm_config_${flag.replaceAll('-', '_')}`];
    return value === undefined || value === '' ? [] : [[flag, value] as const];
  });
  // npm reads --lang as switches of its own (-l -a -n -g) and leaves its value, a bare zh or en.
  const words = [...argv];
  const stray = words.slice(2).findIndex(isLang);
  const lang = stray >= 0 ? ['--lang', ...words.splice(stray + 2, 1)] : [];
  if (kept.length === 0 && lang.length === 0) return null;
  // A kept option's value, when npm took the option for a switch, is left among the words after the
  // platform and the stage: paired back in order.
  const loose = words.splice(2);
  const flags = kept.flatMap(([flag, value]) => {
    if (value !== 'true') return [`--${flag}`, value];
    const given = FLAGS[flag as keyof typeof FLAGS].type === 'string' ? loose.shift() : undefined;
    return given === undefined ? [`--${flag}`] : [`--${flag}`, given];
  });
  const fixed = ['npm', 'run', 'autograder', '--', ...words, ...loose, ...flags, ...lang];
  const named = [...kept.map(([flag]) => `--${flag}`), ...(lang.length > 0 ? ['--lang'] : [])];
  return { flags: named.join(' '), fixed: shellCommand(fixed) };
}

function make(
  platform: EngineId,
  stage: Stage | undefined,
  baked: string[],
  out: string | undefined,
  base: string,
  timeoutS: number,
  points: Points | undefined,
): { path: string; size: string; stages: string } {
  const args = shellCommand([...(stage ? [stage.id] : []), ...baked]);
  // Relative to where the instructor is, unless that climbs out of it.
  const shown = (path: string) => {
    const rel = relative(base, path);
    return rel === '' ? '.' : rel.startsWith('..') ? path : rel;
  };
  switch (platform) {
    case 'gradescope': {
      const path = resolve(base, out ?? `autograder-${stage?.id}.zip`);
      const zip = gradescopeZip(ROOT, args);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, zip);
      return { path: shown(path), size: `${Math.round(zip.length / 1024)} KiB`, stages: '' };
    }
    case 'prairielearn': {
      const path = resolve(base, out ?? `prairielearn-${stage?.id}`);
      if (stage) writePrairielearnFolder(ROOT, path, stage, args, timeoutS);
      return { path: shown(path), size: '', stages: '' };
    }
    case 'github-classroom': {
      const path = resolve(base, out ?? resolve(ROOT, '.github/workflows/classroom.yml'));
      const stages = stage ? [stage] : STAGES;
      const flags = shellCommand(baked);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, classroomWorkflow(stages, flags, points));
      return { path: shown(path), size: '', stages: stages.map((s) => s.id).join(', ') };
    }
  }
}
