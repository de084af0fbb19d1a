// The lab as a grading image needs it: the grader and the stages, the package files to install from.
// Not the tests, the bench, or the reference solutions (a PrairieLearn image is often public).
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { ROOT } from '../../course/catalogue.ts';

const TOP = ['package.json', 'package-lock.json', 'tsconfig.json', 'grader', 'stages'];
const LEFT_OUT = new Set(['grader/test', 'grader/bench', 'node_modules']);

export interface LabFile {
  /** Relative to the lab's root, with forward slashes. */
  path: string;
  bytes: Buffer;
  mode: number;
}

export function labFiles(root: string): LabFile[] {
  const files: LabFile[] = [];
  const walk = (path: string) => {
    const rel = relative(root, path).split('\\').join('/');
    if (LEFT_OUT.has(rel) || rel.split('/').some((part) => part.startsWith('.'))) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) walk(join(path, name));
    else if (stat.isFile()) files.push({ path: rel, bytes: readFileSync(path), mode: stat.mode & 0o777 });
  };
  for (const top of TOP) walk(join(root, top));
  return files;
}

/** A template of files/ with its placeholders filled. */
export function template(name: string, fill: Readonly<Record<string, string>>): string {
  // From the lab's root, not from this module: the commands run from a bundle elsewhere.
  const text = readFileSync(resolve(ROOT, 'grader/platforms/autograder/files', name), 'utf8');
  return text.replace(/@([A-Z]+)@/g, (hole, key: string) => fill[key] ?? hole);
}
