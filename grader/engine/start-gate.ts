// How the servers of one grade start. The first starts alone, the pathfinder: it shows whether the server
// starts at all, and how long that takes, without a dozen copies competing for the CPU (a launcher's
// helpers, an interpreter loading, a compiler's cache filling). If it never listens, the others are not
// started: their properties can't be judged. Once it listens, the others start, at most twice as many
// at a time as the machine has cores, counted across every grader running on the machine (one server
// starting typically keeps one core busy and waits on the disk now and then; more at once only add
// contention for the checks already under way).
import { availableParallelism } from 'node:os';
import { claim, release } from '../subject/machine-locks.ts';
import { pause } from './wait.ts';

/** How often to look for a place freed by another grader (places freed here wake the waiters at once). */
const LOOK_AGAIN_MS = 20;

export interface StartTicket {
  /** The first server of the grade: whether the grade goes on depends on it. */
  readonly pathfinder: boolean;
  /** The server listens, `ms` after it was spawned: its place is free for the next. */
  listening(ms: number): void;
  /** The check is over; `failedToStart` when its server never listened (for the pathfinder: final). */
  done(failedToStart?: boolean): void;
}

export class StartGate<Failure> {
  private state: 'first' | 'waiting' | 'open' | 'closed' = 'first';
  private failure: Failure | null = null;
  private firstDecided!: () => void;
  private readonly firstOutcome = new Promise<void>((resolve) => (this.firstDecided = resolve));
  private readonly freed = new Set<() => void>();
  /** How long the pathfinder took to listen, once it did. */
  startMs: number | null = null;

  constructor(
    private readonly slots: number = 2 * availableParallelism(),
    /** Which machine-wide places (a folder of lock files): every grader's gate shares 'starts'. */
    private readonly kind = 'starts',
  ) {}

  /**
   * Wait for the right moment to start a server: null when the pathfinder never listened (then `failed`
   * tells how), else a ticket that holds one place among the servers starting until it listens.
   */
  async enter(): Promise<StartTicket | null> {
    const pathfinder = this.state === 'first';
    if (pathfinder) this.state = 'waiting';
    else await this.firstOutcome;
    if (this.state === 'closed') return null;
    const place = await this.takePlace();
    let held = true;
    const free = () => {
      if (!held) return;
      held = false;
      release(this.kind, place);
      for (const wake of this.freed) wake();
    };
    return {
      pathfinder,
      listening: (ms) => {
        free();
        if (pathfinder && this.state === 'waiting') {
          this.startMs = ms;
          this.state = 'open';
          this.firstDecided();
        }
      },
      done: (failedToStart = false) => {
        free();
        if (pathfinder && this.state === 'waiting') {
          this.state = failedToStart ? 'closed' : 'open';
          this.firstDecided();
        }
      },
    };
  }

  /** How the pathfinder failed, once the gate is closed. */
  failed(): Failure | null {
    return this.failure;
  }

  /** The pathfinder never listened: every server not yet started stays so, with this as the reason. */
  close(failure: Failure): void {
    this.failure = failure;
  }

  /**
   * One of the machine's places for a starting server, shared with every grader running on it. The
   * servers of this grade wait for theirs in turn: one looks at a time (the next looks once it has one),
   * so a dozen waiting servers cost one look every LOOK_AGAIN_MS, not a dozen.
   */
  private async takePlace(): Promise<string> {
    const turn = this.turns;
    let next!: () => void;
    this.turns = new Promise<void>((resolve) => (next = resolve));
    await turn;
    try {
      for (;;) {
        for (let i = 0; i < this.slots; i++) if (claim(this.kind, String(i))) return String(i);
        // Woken when a server of this grader listens; another grader's is seen at the next look.
        await new Promise<void>((resolve) => {
          const wake = () => {
            this.freed.delete(wake);
            resolve();
          };
          this.freed.add(wake);
          void pause(LOOK_AGAIN_MS).then(wake);
        });
      }
    } finally {
      next();
    }
  }

  /** Resolves when the server before this one in the queue has its place. */
  private turns: Promise<void> = Promise.resolve();
}
