// How a command of the lab ends on a signal: Ctrl-C (SIGINT), SIGTERM, a closed terminal (SIGHUP), or
// a reader gone from its output (the EPIPE a write to it then fails with: `npm run grade … | head`).
// Every server it started is stopped first (and every sandbox ended), then it exits with 128 + the signal's number. Every command
// that starts servers installs this once, at its start.
import { releaseAllPorts } from './port.ts';
import { killAllNow, shutDown } from './process.ts';
import { closeAllSandboxes, killSandboxesNow } from './sandbox.ts';
import { removeScratchNow } from './scratch.ts';

export const EXIT_ON_SIGNAL = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129, SIGPIPE: 141 } as const;
export type EndingSignal = keyof typeof EXIT_ON_SIGNAL;

export interface Ending {
  /** The first signal has come (before the servers are stopped): silence the screen, say goodbye. */
  onSignal?: (signal: EndingSignal) => void;
  /** More to tidy up once every server is stopped (say, a compiled copy). */
  cleanUp?: () => Promise<void>;
  /** Just before exiting (not on a hang-up): give the terminal its mode back. */
  beforeExit?: () => void;
  /** An uncaught error that is not a closed terminal's; rethrown (a crash) when not given. */
  onCrash?: (err: Error) => void;
}

export function endOnSignals(ending: Ending = {}): void {
  let leaving = false;
  let hungUp = false;

  const onSignal = (signal: EndingSignal): void => {
    // A hang-up may come twice (EIO, then SIGHUP) and is no hurry: the stop under way finishes first.
    if (signal === 'SIGHUP') hungUp = true;
    if (leaving) {
      if (signal !== 'SIGHUP') {
        killAllNow(); // a second Ctrl-C: no more grace
        leave(signal);
      }
      return;
    }
    leaving = true;
    ending.onSignal?.(signal);
    void shutDown()
      .then(closeAllSandboxes)
      .then(() => ending.cleanUp?.())
      .finally(() => leave(hungUp ? 'SIGHUP' : signal));
  };

  const leave = (signal: EndingSignal): void => {
    if (signal === 'SIGHUP') {
      // The terminal is gone, and Node 20 aborts at a normal exit when it can't restore the terminal's
      // mode. End the way a hang-up ends a program: by the signal, with its default action. Dying by a
      // signal runs no exit handler: tidy up what those would have. The signal is sent at once, not in a
      // later turn: a check that ends in between could take a port or a place, and leave its lock behind.
      killAllNow();
      killSandboxesNow();
      removeScratchNow();
      releaseAllPorts();
      process.off('SIGHUP', onSignal);
      process.kill(process.pid, 'SIGHUP');
      return;
    }
    ending.beforeExit?.();
    process.exit(EXIT_ON_SIGNAL[signal]);
  };

  // Not SIGPIPE itself: Node ignores it, and a listener would make every write to a closed socket or
  // pipe end the grader (a client's to a server that reset, Node's acknowledgement to a sandbox's helper
  // that just ended). A reader gone from our output shows as EPIPE, below.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.on(signal, onSignal);
  process.on('exit', () => {
    killAllNow();
    killSandboxesNow();
  });
  // A closed terminal fails a read or a mode change on it with EIO (enquirer's, say), often before the
  // SIGHUP arrives: it is the hang-up, and ends as one.
  process.on('uncaughtException', (err: NodeJS.ErrnoException) => {
    if (err.code === 'EIO') onSignal('SIGHUP');
    else if (err.code === 'EPIPE') onSignal('SIGPIPE');
    else if (ending.onCrash) ending.onCrash(err);
    else throw err;
  });
}
