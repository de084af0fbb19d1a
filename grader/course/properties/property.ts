import type { Harness } from '../../engine/harness.ts';
import type { Hint } from '../../i18n/hint.ts';
import type { Text } from '../../i18n/text.ts';

export interface Property {
  /** Part of the grader's contract: reports, --json and other tools name properties by it. */
  id: string;
  /** What holds when it passes, as the learner reads it next to ✔ or ✘. */
  title: Text;
  /** A ladder: the first is a nudge, each next one says more, the last names the Node API (other styles: hint-styles.ts). */
  hints: Hint[];
  /**
   * How long its check takes whatever the server does, roughly, in ms of a correct server alone on a
   * quiet machine (a fixed observation window, a crowd of clients, megabytes to move); 0 when short. The
   * heaviest start first, so the short ones fill the gaps beside them and none is left to run alone at
   * the end.
   */
  weight?: number;
  /** Its own hints tell the story of a server that died or left: keep them when the server is gone. */
  aboutServerLeaving?: boolean;
  /** Those hints tell of a crash: a server that ended cleanly (status 0) gets the server-gone hint instead. */
  aboutCrashing?: boolean;
  /**
   * Holds once a fresh server accepts a first connection, which every other check's first client makes
   * anyway: judged on the grade's first server (see grade.ts), with no server of its own.
   */
  provenByListening?: boolean;
  /**
   * Measures the server against where it started (its CPU, its files, its memory, its backlog): always
   * judged on a server of its own, never on one an earlier check of a shared stage has used (grade.ts).
   */
  ownServer?: boolean;
  /** Needs Linux /proc to be measured at all: reported as a skip elsewhere. */
  needsProc?: boolean;
  /** Resolves when the property holds; throws Failure (or Skip) when it doesn't. */
  check(h: Harness): Promise<void>;
}
