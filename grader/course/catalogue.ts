// The stages of the course, as data: each fixes the flaw of the one before, and names what it is graded on.
import { resolve } from 'node:path';
import type { Text } from '../i18n/text.ts';
import { PROPERTIES, type Property } from './properties/index.ts';

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
  properties: readonly Property[];
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
    title: { en: 'one-shot service', zh: '一次性服务' },
    starter: 'stages/stage-1/server.ts',
    solution: 'solutions/stage-1/server.ts',
    pythonSolution: 'solutions/stage-1/server.py',
    properties: pick(['listens', 'uppercases', 'closes-after-reply', 'exits-after-client']),
    learned: {
      en: 'A server listens, accepts, reads, writes and closes. A write hands bytes to the kernel and returns; TCP carries bytes, not characters; a Node process ends once nothing is left to wait for.',
      zh: '服务器的基本步骤：监听、接受、读、写、关闭。写操作只是把字节交给内核就返回；TCP 传的是字节而不是字符；当没有任何东西可等时，Node 进程就会结束。',
    },
  },
  {
    id: 'stage-2',
    title: { en: 'communication loop', zh: '通信循环' },
    starter: 'stages/stage-2/server.ts',
    solution: 'solutions/stage-2/server.ts',
    pythonSolution: 'solutions/stage-2/server.py',
    properties: pick([...LOOP, 'exits-cleanly']),
    learned: {
      en: 'A conversation is a loop that ends on EOF: an empty read means the peer sent FIN, and a loop that ignores it spins. One read is not one message, and a character may arrive in two pieces.',
      zh: '一次对话就是一个以 EOF 结束的循环：读到空数据表示对方发了 FIN，忽略它的循环会空转。一次读取不等于一条消息，一个字符也可能分两次到达。',
    },
  },
  {
    id: 'stage-3',
    title: { en: 'connection loop', zh: '连接循环' },
    starter: 'stages/stage-3/server.ts',
    solution: 'solutions/stage-3/server.ts',
    pythonSolution: 'solutions/stage-3/server.py',
    properties: pick([...LOOP, ...CONNECTION_LOOP]),
    learned: {
      en: 'A server loops over connections: clients wait their turn in the backlog, a reset (ECONNRESET, EPIPE) is an error to catch rather than a reason to die, and every socket you are done with gets closed.',
      zh: '服务器要在连接上循环：客户端在监听队列里排队等候；重置（ECONNRESET、EPIPE）是要捕获的错误，而不是崩溃的理由；用完的每个 socket 都要关闭。',
    },
  },
  {
    id: 'stage-4',
    title: { en: 'concurrency', zh: '并发' },
    starter: 'stages/stage-4/server.ts',
    solution: 'solutions/stage-4/server.ts',
    pythonSolution: 'solutions/stage-4/server.py',
    properties: pick([
      ...LOOP,
      ...CONNECTION_LOOP,
      'idle-client-no-block',
      'many-clients',
      'slow-reader',
      'stays-small',
    ]),
    learned: {
      en: 'A server holds many conversations at once: the accept loop starts each one and moves on, the event loop (or a thread each) interleaves them, and a write that returns false means stop reading until "drain": backpressure keeps a slow reader from filling your memory.',
      zh: '服务器可以同时进行许多对话：接受连接的循环启动每个对话后就继续往下走，由事件循环（或每个客户端一个线程）把它们交错执行；write 返回 false 表示要停止读取直到 "drain"：背压让读得慢的客户端不会塞满你的内存。',
    },
  },
];

/** 'stage-2', 'Stage-2' and '2' all name the second stage. */
export function findStage(name: string): Stage | undefined {
  const id = /^\d+$/.test(name) ? `stage-${name}` : name.toLowerCase();
  return STAGES.find((s) => s.id === id);
}

/** The stage after this one, if any. */
export function nextStage(stage: Stage): Stage | undefined {
  return STAGES[STAGES.indexOf(stage) + 1];
}
