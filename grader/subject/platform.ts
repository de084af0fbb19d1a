// What this machine can't do of a grade, said once at the top of every report. Linux with /proc serves
// every check; elsewhere the checks that need /proc are skipped, and native Windows is untested besides.
// A pure function of the platform, so a test can ask it about any of them.
import { joined, t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import { HAS_PROC } from './procfs.ts';
import type { SandboxSupport } from './sandbox.ts';

const NAMES: Partial<Record<NodeJS.Platform, string>> = {
  darwin: 'macOS',
  linux: 'Linux',
  freebsd: 'FreeBSD',
  openbsd: 'OpenBSD',
  sunos: 'SunOS',
  aix: 'AIX',
};

/**
 * The one line a report starts with where this platform can't serve a stage fully, or null where it can
 * (Linux with /proc, and any platform for a stage with no check that needs /proc, but native Windows).
 */
export function platformNote(
  properties: readonly { id: string; needsProc?: boolean }[],
  platform: NodeJS.Platform = process.platform,
  hasProc: boolean = platform === 'linux' && HAS_PROC,
): Text | null {
  const skipped = hasProc ? [] : properties.filter((p) => p.needsProc).map((p) => p.id);
  const ids = joined(skipped, 'sep.list');
  if (platform === 'win32')
    return skipped.length > 0 ? t('platform.windows', { count: skipped.length, ids }) : t('platform.windows.all-run');
  if (skipped.length === 0) return null;
  return t('platform.no-proc', { platform: NAMES[platform] ?? platform, count: skipped.length, ids });
}

/** The line a sandboxed grade's report starts with when this machine could not provide every limit. */
export function sandboxNote(sandbox: SandboxSupport | undefined): Text | null {
  if (!sandbox || sandbox.missing.length === 0) return null;
  // Limits missing for one reason are named together: "no namespaces" takes all three at once.
  const reasons = [...new Set(sandbox.missing.map((m) => m.reason))];
  const missing = reasons.map((reason) => {
    const limits = sandbox.missing.filter((m) => m.reason === reason).map((m) => t(`sandbox.limit.${m.limit}`));
    return t(`sandbox.missing.${reason}`, { limits: joined(limits, 'sep.list') });
  });
  return t('sandbox.missing', { missing: joined(missing, 'sep.clause') });
}
