// The stages of the course, as data: each fixes the flaw of the one before, and names what it is graded on.
import { resolve } from 'node:path';
import { t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import type { Style, StyleKey } from '../subject/style.ts';
import { PROPERTIES, type Property } from './properties/index.ts';
import { FRAMED, type Protocol, STREAM } from './protocol.ts';

export const ROOT = resolve(import.meta.dirname, '../..');

export interface Stage {
  id: string;
  title: Text;
  /** The learner's file, relative to the repository root. */
  starter: string;
  /** The reference solution, relative to the repository root. */
  solution: string;
  /** The same solution in Python, the tutorial's own language. */
  pythonSolution: string;
  /** The same solution in the other styles a learner may write (subject/style.ts): a ladder's last word names it. */
  styleSolutions: Readonly<Partial<Record<Style, string>>>;
  properties: readonly Property[];
  /**
   * Its solution serves client after client (a connection loop, from stage 3): a check that passed hands
   * its server, back at rest, to the next check of the same chain, so a grade starts fewer servers
   * (engine/grade.ts). Before, a server ends with its first client, or may.
   */
  sharesServers: boolean;
  /** How a message goes on the wire: as its bytes (stages 1–4), or framed with its length (stage 5). */
  protocol: Protocol;
  /**
   * The property whose conversation the lesson pictures (stages/<stage>/conversation.svg, drawn by
   * `npm run pictures` from a grade of the solution): one that shows the lesson, with the same events on
   * every grade.
   */
  picture: string;
  /** What passing this stage means the learner now knows: shown when it passes, and by `npm run progress`. */
  learned: Text;
}

function pick(ids: readonly string[]): Property[] {
  return ids.map((id) => {
    const property = PROPERTIES.find((p) => p.id === id);
    if (!property) throw new Error(`catalogue names unknown property ${id}`);
    return property;
  });
}

const LOOP = [
  'listens',
  'uppercases',
  'many-messages',
  'long-message',
  'split-character',
  'closes-on-eof',
  'no-busy-loop',
];
const CONNECTION_LOOP = [
  'next-client',
  'survives-reset',
  'empty-session',
  'queued-clients',
  'queued-reset',
  'no-fd-leak',
];

export const STAGES: readonly Stage[] = [
  {
    id: 'stage-1',
    title: t('stage-1.title'),
    starter: 'stages/stage-1/server.ts',
    solution: 'solutions/stage-1/server.ts',
    pythonSolution: 'solutions/stage-1/server.py',
    styleSolutions: {
      'node-callback': 'solutions/stage-1/server.callback.ts',
      'python-asyncio': 'solutions/stage-1/server.asyncio.py',
    },
    sharesServers: false,
    protocol: STREAM,
    picture: 'closes-after-reply',
    properties: pick(['listens', 'uppercases', 'closes-after-reply', 'exits-after-client']),
    learned: t('stage-1.learned'),
  },
  {
    id: 'stage-2',
    title: t('stage-2.title'),
    starter: 'stages/stage-2/server.ts',
    solution: 'solutions/stage-2/server.ts',
    pythonSolution: 'solutions/stage-2/server.py',
    styleSolutions: {
      'node-callback': 'solutions/stage-2/server.callback.ts',
      'python-asyncio': 'solutions/stage-2/server.asyncio.py',
    },
    sharesServers: false,
    protocol: STREAM,
    picture: 'closes-on-eof',
    properties: pick([...LOOP, 'exits-cleanly']),
    learned: t('stage-2.learned'),
  },
  {
    id: 'stage-3',
    title: t('stage-3.title'),
    starter: 'stages/stage-3/server.ts',
    solution: 'solutions/stage-3/server.ts',
    pythonSolution: 'solutions/stage-3/server.py',
    styleSolutions: {
      'node-callback': 'solutions/stage-3/server.callback.ts',
      'python-asyncio': 'solutions/stage-3/server.asyncio.py',
    },
    sharesServers: true,
    protocol: STREAM,
    picture: 'survives-reset',
    properties: pick([...LOOP, ...CONNECTION_LOOP]),
    learned: t('stage-3.learned'),
  },
  {
    id: 'stage-4',
    title: t('stage-4.title'),
    starter: 'stages/stage-4/server.ts',
    solution: 'solutions/stage-4/server.ts',
    pythonSolution: 'solutions/stage-4/server.py',
    styleSolutions: {
      'node-callback': 'solutions/stage-4/server.callback.ts',
      'python-asyncio': 'solutions/stage-4/server.asyncio.py',
    },
    sharesServers: true,
    protocol: STREAM,
    picture: 'idle-client-no-block',
    properties: pick([
      ...LOOP,
      ...CONNECTION_LOOP,
      'idle-client-no-block',
      'many-clients',
      'slow-reader',
      'stays-small',
    ]),
    learned: t('stage-4.learned'),
  },
  {
    id: 'stage-5',
    title: t('stage-5.title'),
    starter: 'stages/stage-5/server.ts',
    solution: 'solutions/stage-5/server.ts',
    pythonSolution: 'solutions/stage-5/server.py',
    styleSolutions: {
      'node-callback': 'solutions/stage-5/server.callback.ts',
      'python-asyncio': 'solutions/stage-5/server.asyncio.py',
    },
    sharesServers: true,
    protocol: FRAMED,
    picture: 'two-in-one',
    properties: pick([
      'listens',
      'framed-reply',
      'two-in-one',
      'split-header',
      'empty-message',
      'large-message',
      'oversized-frame',
      'mid-frame-reset',
      'closes-on-eof',
      'idle-client-no-block',
      'own-buffer',
      'no-busy-loop',
    ]),
    learned: t('stage-5.learned'),
  },
];

/** 'stage-2', 'Stage-2', 'stage2' and '2' all name the second stage. */
export function findStage(name: string): Stage | undefined {
  const number = /^(?:stage-?)?(\d+)$/i.exec(name)?.[1];
  const id = number !== undefined ? `stage-${number}` : name.toLowerCase();
  return STAGES.find((s) => s.id === id);
}

/** The stage after this one, if any. */
export function nextStage(stage: Stage): Stage | undefined {
  return STAGES[STAGES.indexOf(stage) + 1];
}

/** The stage's reference solution in the style of a server whose hints are looked up by `keys`. */
export function solutionFor(stage: Stage, keys: readonly StyleKey[]): string {
  for (const key of keys) {
    if (key === 'python') return stage.pythonSolution;
    const solution = stage.styleSolutions[key];
    if (solution) return solution;
  }
  return stage.solution;
}

/** Every reference solution of the stage: TypeScript first, then Python, then the other styles. */
export function solutionsOf(stage: Stage): string[] {
  return [stage.solution, stage.pythonSolution, ...Object.values(stage.styleSolutions)];
}
