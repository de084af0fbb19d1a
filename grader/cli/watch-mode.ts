// How saves are noticed: announced by the system, or looked for where announcements don't arrive. A save
// made by another system (Windows, for a Windows drive under WSL; another machine, for a network drive)
// sends the grader's kernel no file event; inotify sees only what passes through it.
import { realpathSync } from 'node:fs';
import { t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import { mountsAndVersion } from '../subject/procfs.ts';
import { type Watching, watchEvents } from './watch-events.ts';
import { POLL_MS, pollForSaves } from './watch-poll.ts';

/** 1: always look for saves; 0: never (trust the events even where they are usually missing). */
export const POLL_ENV = 'SOCKET_LAB_WATCH_POLL';

// Shared and network filesystems (FUSE's too, but not fuse-overlayfs: a container's own disk).
const NO_EVENTS =
  /^(9p|drvfs|v9fs|virtiofs|vboxsf|prl_fs|vmhgfs|cifs|smb3?|smbfs|nfs4?|fuse|fuse\.(?!fuse-overlayfs$).+)$/;

/** The filesystem type `path` lives on, from /proc/mounts' text: the longest mount point above it. */
export function fsTypeOf(path: string, mounts: string): string | null {
  let best: { point: string; type: string } | null = null;
  for (const line of mounts.split('\n')) {
    const [, escaped, type] = line.split(' ');
    if (escaped === undefined || type === undefined) continue;
    const point = escaped.replace(/\\([0-7]{3})/g, (_, octal: string) =>
      String.fromCharCode(Number.parseInt(octal, 8)),
    );
    const above = point === '/' || path === point || path.startsWith(`${point}/`);
    if (above && point.length >= (best?.point.length ?? 0)) best = { point, type };
  }
  return best?.type ?? null;
}

export interface System {
  mounts: string | null;
  version: string | null;
}

/** Why saves under `folder` must be looked for, or null when the system announces them. */
export function pollReason(folder: string, env: NodeJS.ProcessEnv, system: System): Text | null {
  const asked = env[POLL_ENV];
  if (asked === '1') return t('watch.polling.asked', { setting: `${POLL_ENV}=1` });
  if (asked === '0') return null;
  if (system.version && /microsoft/i.test(system.version) && /^\/mnt\/[a-z](\/|$)/.test(folder)) {
    return t('watch.polling.wsl');
  }
  const type = system.mounts === null ? null : fsTypeOf(folder, system.mounts);
  return type !== null && NO_EVENTS.test(type) ? t('watch.polling.filesystem', { fs: type }) : null;
}

export interface SaveWatch extends Watching {
  /** Said once to the learner when saves are looked for, and why. */
  polling: Text | null;
}

const pollingNote = (why: Text): Text => t('watch.polling', { seconds: POLL_MS / 1000, why });

/** Call onSave on each save under `folder`; resolves once watching, so a save from then on is seen. */
export async function watchForSaves(folder: string, env: NodeJS.ProcessEnv, onSave: () => void): Promise<SaveWatch> {
  let real = folder;
  try {
    real = realpathSync(folder);
  } catch {
    // not there (yet): the path as given
  }
  const why = pollReason(real, env, mountsAndVersion());
  if (why) return { ...(await pollForSaves(folder, onSave)), polling: pollingNote(why) };
  try {
    return { ...(await watchEvents(folder, onSave)), polling: null };
  } catch (err) {
    // Over the system's limit of watches (ENOSPC, EMFILE), say: looking still works.
    const code = (err as NodeJS.ErrnoException).code ?? String(err);
    return { ...(await pollForSaves(folder, onSave)), polling: pollingNote(t('watch.polling.refused', { code })) };
  }
}
