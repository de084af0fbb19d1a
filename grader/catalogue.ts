// The stages of the course, as data: each fixes the flaw of the one before, and names what it is graded on.
import { resolve } from 'node:path';
import { PROPERTIES, type Property } from './properties/index.ts';
import type { Text } from './text.ts';

export const ROOT = resolve(import.meta.dirname, '..');

export interface Stage {
  id: string;
  title: Text;
  /** The learner's file, relative to the repository root. */
  starter: string;
  /** The reference solution, relative to the repository root. */
  solution: string;
  properties: readonly Property[];
}

function pick(ids: readonly string[]): Property[] {
  return ids.map((id) => {
    const property = PROPERTIES.find((p) => p.id === id);
    if (!property) throw new Error(`catalogue names unknown property ${id}`);
    return property;
  });
}

const LOOP = ['listens', 'uppercases', 'many-messages', 'long-message', 'split-character', 'closes-on-eof', 'no-busy-loop'];

export const STAGES: readonly Stage[] = [
  {
    id: 'stage-1',
    title: { en: 'one-shot service', zh: '一次性服务' },
    starter: 'stages/stage-1/server.ts',
    solution: 'solutions/stage-1/server.ts',
    properties: pick(['listens', 'uppercases', 'closes-after-reply', 'exits-after-client']),
  },
  {
    id: 'stage-2',
    title: { en: 'communication loop', zh: '通信循环' },
    starter: 'stages/stage-2/server.ts',
    solution: 'solutions/stage-2/server.ts',
    properties: pick(LOOP),
  },
  {
    id: 'stage-3',
    title: { en: 'connection loop', zh: '连接循环' },
    starter: 'stages/stage-3/server.ts',
    solution: 'solutions/stage-3/server.ts',
    properties: pick([...LOOP, 'next-client', 'survives-reset', 'empty-session', 'queued-clients', 'no-fd-leak']),
  },
];

/** 'stage-2', 'Stage-2' and '2' all name the second stage. */
export function findStage(name: string): Stage | undefined {
  const id = /^\d+$/.test(name) ? `stage-${name}` : name.toLowerCase();
  return STAGES.find((s) => s.id === id);
}
