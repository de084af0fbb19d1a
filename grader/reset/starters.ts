// Where a stage's untouched starter comes from, for `npm run reset`.
//
// It can't be derived: starter N is solution N−1 with the lesson in its comments, and some code changed
// too (stage 3 drops stage 2's try/catch, stage 4 rewrites upperAscii). A pristine copy under the
// grader would be a second copy of every starter to keep in step. So each starter is named here by its
// git blob id, and its bytes are taken from the repository's object store: any commit that ever held
// the starter holds them, HEAD or older, even after the learner committed their own work over it. The
// id also tells an untouched file apart without git. A copy with no git history (a zip download)
// can't be reset, and is told so. When a starter changes, the reset test prints its new id.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';

export const STARTER_BLOBS: Readonly<Record<string, string>> = {
  'stage-1': '53cfdd263c4afd492c23bbeb1a679e73cc62cfc5',
  'stage-2': '8edf8c618caa880a0e7fecc5ae63ede0278e69a2',
  'stage-3': '183ab5cd2850eef7e5ed23541f52e59c31ab90a7',
  'stage-4': '7cd71ef434e07afe5df5dfbe54a9c0b93ba3de16',
};

/** What `git hash-object` says of these bytes. */
export function blobId(bytes: Buffer): string {
  return createHash('sha1').update(`blob ${bytes.length}\0`).update(bytes).digest('hex');
}

/** Whether these bytes are the starter, as checked out (a Windows checkout may have turned LF into CRLF). */
export function isStarter(bytes: Buffer, id: string): boolean {
  return (
    blobId(bytes) === id || blobId(Buffer.from(bytes.toString('latin1').replaceAll('\r\n', '\n'), 'latin1')) === id
  );
}

/** The starter's bytes from the git objects of the repository at `root`, or null: no git, or no such object. */
export function starterFromGit(root: string, id: string): Buffer | null {
  try {
    const bytes = execFileSync('git', ['cat-file', 'blob', id], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'ignore'],
      maxBuffer: 16 * 1024 * 1024,
    });
    return blobId(bytes) === id ? bytes : null;
  } catch {
    return null;
  }
}
