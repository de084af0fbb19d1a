// The broken servers, each with the exact set of properties it must fail. Every property must appear in
// some row's set: a property no broken server fails is a check that was never seen failing.
import { fixture } from './run-grader.ts';

export interface Row {
  stage: string;
  subject: string[];
  fails: string[];
}

const file = (path: string) => ['--file', fixture(path)];
const python = (path: string) => ['--cmd', `python3 ${fixture(path)}`];

export const FIXTURE_ROWS: Row[] = [
  {
    stage: 'stage-1',
    subject: file('hostile/crashes-at-start.ts'),
    fails: ['closes-after-reply', 'exits-after-client', 'listens', 'uppercases'],
  },
  { stage: 'stage-1', subject: file('stage-1/adds-newline.ts'), fails: ['uppercases'] },
  { stage: 'stage-1', subject: file('stage-1/uppercases-everything.ts'), fails: ['uppercases'] },
  { stage: 'stage-1', subject: file('stage-1/waits-for-client-to-close.ts'), fails: ['closes-after-reply'] },
  { stage: 'stage-1', subject: file('stage-1/keeps-listening.ts'), fails: ['exits-after-client'] },
  { stage: 'stage-1', subject: file('stage-1/exits-with-error.ts'), fails: ['exits-after-client'] },
  { stage: 'stage-1', subject: python('stage-1/one_shot.py'), fails: [] },
  { stage: 'stage-2', subject: file('correct/slow-replies.ts'), fails: [] },
  { stage: 'stage-3', subject: file('correct/byte-at-a-time.ts'), fails: [] },
  { stage: 'stage-2', subject: file('stage-2/tires-after-four.ts'), fails: ['many-messages'] },
  { stage: 'stage-2', subject: file('stage-2/truncates-chunks.ts'), fails: ['long-message'] },
  { stage: 'stage-2', subject: file('stage-2/decodes-each-chunk.ts'), fails: ['split-character'] },
  { stage: 'stage-2', subject: file('stage-2/never-closes.ts'), fails: ['closes-on-eof'] },
  { stage: 'stage-2', subject: file('stage-2/spins-after-close.ts'), fails: ['no-busy-loop'] },
  { stage: 'stage-2', subject: file('stage-2/unsettled-await.ts'), fails: ['exits-cleanly'] },
  { stage: 'stage-2', subject: python('stage-2/classic_loop.py'), fails: ['closes-on-eof', 'no-busy-loop'] },
  { stage: 'stage-2', subject: python('stage-2/prints_while_spinning.py'), fails: ['closes-on-eof', 'no-busy-loop'] },
  { stage: 'stage-3', subject: file('stage-3/awaits-first-message.ts'), fails: ['empty-session'] },
  { stage: 'stage-3', subject: file('stage-3/once-per-client.ts'), fails: ['no-fd-leak', 'queued-clients'] },
  {
    stage: 'stage-3',
    subject: file('stage-3/serves-first-client-only.ts'),
    fails: ['next-client', 'survives-reset', 'empty-session', 'queued-clients', 'queued-reset', 'no-fd-leak'],
  },
  {
    stage: 'stage-3',
    subject: file('stage-3/crashes-on-reset.ts'),
    fails: ['empty-session', 'no-fd-leak', 'queued-reset', 'survives-reset'],
  },
  { stage: 'stage-3', subject: file('stage-3/reads-waiting-clients.ts'), fails: ['queued-reset'] },
  { stage: 'stage-3', subject: file('stage-3/reads-waiting-clients-late.ts'), fails: ['queued-reset'] },
  { stage: 'stage-3', subject: python('stage-3/leaks_sockets.py'), fails: ['no-fd-leak'] },
  {
    stage: 'stage-3',
    subject: python('stage-3/reset_only_fix.py'),
    fails: [
      'closes-on-eof',
      'empty-session',
      'next-client',
      'no-busy-loop',
      'no-fd-leak',
      'queued-clients',
      'queued-reset',
    ],
  },
  { stage: 'stage-3', subject: python('stage-3/connection_loop.py'), fails: [] },
  // Stage 3's own answers serve one client at a time: the Node one also ignores write()'s return value,
  // the Python one holds up B while it waits in sendall() for A to read.
  {
    stage: 'stage-4',
    subject: ['--file', 'solutions/stage-3/server.ts'],
    fails: ['idle-client-no-block', 'many-clients', 'slow-reader'],
  },
  {
    stage: 'stage-4',
    subject: ['--cmd', 'python3 solutions/stage-3/server.py'],
    fails: ['idle-client-no-block', 'many-clients', 'slow-reader'],
  },
  { stage: 'stage-4', subject: file('stage-4/waits-for-first-byte.ts'), fails: ['idle-client-no-block'] },
  { stage: 'stage-4', subject: file('stage-4/serves-fifty-at-once.ts'), fails: ['many-clients'] },
  // listen(5) with a thread per client: judged from the backlog itself, and only by many-clients.
  { stage: 'stage-4', subject: python('styles/threads_small_backlog.py'), fails: ['many-clients'] },
  { stage: 'stage-4', subject: file('stage-4/ignores-write-return.ts'), fails: ['slow-reader'] },
  { stage: 'stage-4', subject: python('stage-4/asyncio_without_drain.py'), fails: ['slow-reader'] },
  { stage: 'stage-4', subject: file('stage-4/keeps-a-mebibyte-per-client.ts'), fails: ['stays-small'] },
  {
    stage: 'stage-5',
    subject: file('stage-5/one-read-one-message.ts'),
    fails: ['large-message', 'own-buffer', 'split-header', 'two-in-one'],
  },
  { stage: 'stage-5', subject: python('stage-5/header_in_one_recv.py'), fails: ['split-header'] },
  {
    stage: 'stage-5',
    subject: python('stage-5/one_recv_per_message.py'),
    fails: ['large-message', 'own-buffer', 'oversized-frame', 'split-header', 'two-in-one'],
  },
  {
    stage: 'stage-5',
    subject: python('stage-5/native_byte_order.py'),
    fails: [
      'empty-message',
      'framed-reply',
      'idle-client-no-block',
      'large-message',
      'mid-frame-reset',
      'oversized-frame',
      'own-buffer',
      'split-header',
      'two-in-one',
    ],
  },
  { stage: 'stage-5', subject: python('stage-5/empty_message_as_leaving.py'), fails: ['empty-message'] },
  { stage: 'stage-5', subject: file('stage-5/no-length-limit.ts'), fails: ['oversized-frame'] },
  { stage: 'stage-5', subject: file('stage-5/crashes-on-reset.ts'), fails: ['mid-frame-reset'] },
  {
    stage: 'stage-5',
    subject: file('stage-5/shared-buffer.ts'),
    fails: ['mid-frame-reset', 'oversized-frame', 'own-buffer'],
  },
  {
    stage: 'stage-5',
    subject: python('stage-5/one_client_at_a_time.py'),
    fails: ['idle-client-no-block', 'own-buffer'],
  },
];
