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
  'stage-1': '10197f37d45e541391d67dd67a99915bf8422bf9',
  'stage-2': 'a72e67bd4e39f94e7002822f1e6a0ee0fe7bdc8a',
  'stage-3': '81f65b7b670c06e17877ca820c3ee7634e429e0b',
  'stage-4': '02f8a9fc0fe2644d58cfb2a38caafaa8af60600d',
  'stage-5': '55638163686831bfc05790ec656e7c8cb5179bc4',
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
