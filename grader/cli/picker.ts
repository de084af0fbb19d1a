// `npm run grade` with no stage, in a terminal: choose one from a list that shows where you are.
import { STAGES, type Stage } from '../course/catalogue.ts';
import { t } from '../i18n/t.ts';
import type { Lang } from '../i18n/text.ts';
import { describeStatus, statusOf } from '../progress/status.ts';
import type { Progress } from '../progress/store.ts';

/** The chosen stage, or null when the learner cancelled (Ctrl-C, Esc). */
export async function pickStage(progress: Progress, lang: Lang): Promise<Stage | null> {
  const statuses = STAGES.map((stage) => statusOf(progress.stages[stage.id]));
  const firstOpen = statuses.findIndex((s) => s.kind !== 'passed');
  try {
    // Loaded here, not at start-up: a grade that names its stage never needs it.
    const { default: enquirer } = await import('enquirer');
    const { stage } = await enquirer.prompt<{ stage: string }>({
      type: 'select',
      name: 'stage',
      message: t('picker.message')[lang],
      initial: Math.max(0, firstOpen),
      // A terminal that reports no size (0 rows) would leave room for no stage at all, and enquirer would
      // say "No matching choices", in English: every stage is always shown.
      // (an option enquirer reads but does not declare in its types)
      ...({ rows: Math.max(STAGES.length + 2, process.stdout.rows || 0) } as object),
      choices: STAGES.map((stage, i) => ({
        name: stage.id,
        message: `${stage.id} · ${stage.title[lang]}`,
        hint: `— ${describeStatus(statuses[i] ?? { kind: 'not-tried' })[lang]}`,
      })),
    });
    return STAGES.find((s) => s.id === stage) ?? null;
  } catch (err) {
    // A closed terminal fails the prompt's read with EIO: that is a hang-up, and ends as one (signals.ts
    // stops every server, then lets SIGHUP end the process), never as a normal exit Node 20 can't make.
    if ((err as NodeJS.ErrnoException | undefined)?.code === 'EIO') {
      process.emit('SIGHUP', 'SIGHUP');
      return new Promise<never>(() => {});
    }
    return null; // enquirer rejects when the prompt is cancelled
  }
}
