// Waits that end on an event or on the server's clock: the base of every scripted client.
import { type Starved, serverClock } from '../engine/server-clock.ts';
import { TIMED_OUT, within } from '../engine/wait.ts';

const STARVED_SLACK_MS = 5;

export class EventWaits {
  private waiters = new Set<() => void>();

  /**
   * How long the server has waited for a CPU so far, in ms (see starvedMs): set by the harness where
   * the scheduler tells it. Deadlines judge the server, so they count only time it could have acted.
   */
  starved: Starved = () => 0;

  /**
   * Resolve true once `predicate` holds (checked whenever `changed` is called), or false once `ms` of
   * the server's time have passed: wall time less what the server spent waiting for a CPU, so that a
   * loaded machine can't fail a correct server. Bounded all the same, by STARVED_CAP times `ms` of wall time.
   */
  async until(predicate: () => boolean, ms: number): Promise<boolean> {
    if (predicate()) return true;
    let wake!: () => void;
    const reached = new Promise<true>((resolve) => {
      wake = () => {
        if (predicate()) resolve(true);
      };
      this.waiters.add(wake);
    });
    try {
      const clock = serverClock(this.starved);
      let budget = ms;
      for (;;) {
        if ((await within(reached, budget)) !== TIMED_OUT) return true;
        const serverTime = clock();
        // Less than a scheduler tick short: it had its chance.
        if (serverTime >= ms - STARVED_SLACK_MS) return predicate();
        budget = ms - serverTime;
      }
    } finally {
      this.waiters.delete(wake);
    }
  }

  /**
   * Wait while `progress` keeps growing: 'done' once `done` holds, 'stalled' once `progress` has stood
   * still for `ms` of the server's time, 'capped' after `capMs` of the server's time (so at most
   * STARVED_CAP × `capMs` of wall time). A long transfer is judged by its pace, not its length; the cap
   * bounds a server that crawls, and a starved machine is not a crawling server.
   */
  async whileMoving(
    progress: () => number,
    done: () => boolean,
    ms: number,
    capMs: number,
  ): Promise<'done' | 'stalled' | 'capped'> {
    const used = serverClock(this.starved);
    for (;;) {
      const seen = progress();
      // A stream moves in many small steps: read the server clock only once the cap may be near.
      const wait = Math.min(ms, capMs - (used.wall() < capMs - ms ? used.wall() : used()));
      if (wait <= 0) return 'capped';
      await this.until(() => done() || progress() !== seen, wait);
      if (done()) return 'done';
      if (progress() === seen) return wait < ms ? 'capped' : 'stalled';
    }
  }

  /** Something happened: every wait checks its predicate again. */
  protected changed(): void {
    for (const wake of this.waiters) wake();
  }
}
