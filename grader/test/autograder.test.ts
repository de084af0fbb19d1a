// npm run autograder: what an instructor uploads, tried as each platform would use it. Gradescope's zip
// is unpacked into an /autograder-shaped folder, its setup.sh run (twice: it must be safe to run again)
// and its run_autograder run on a submission; PrairieLearn's entrypoint is run on a /grade-shaped
// folder; GitHub Classroom's workflow is the one the catalogue makes, step for step.
import { spawnSync } from 'node:child_process';
import {
  chmodSync,
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, test } from 'vitest';
import { STAGES } from '../course/catalogue.ts';
import { classroomWorkflow, runnerId } from '../platforms/autograder/github-classroom.ts';
import { command, fixture, ROOT } from './run-grader.ts';

const temp = mkdtempSync(join(tmpdir(), 'autograder-test-'));
afterAll(() => rmSync(temp, { recursive: true, force: true }));

function run(file: string, args: string[], cwd: string, timeout = 240_000) {
  const r = spawnSync(file, args, { cwd, encoding: 'utf8', timeout, env: { ...process.env, NO_COLOR: '1' } });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

const autograder = (...args: string[]) =>
  run(process.execPath, [...command('grader/platforms/autograder/cli.ts'), ...args], ROOT);

interface ZipEntry {
  name: string;
  mode: number;
  bytes: Buffer;
}

/** The zip read as an unzip tool reads it, from its central directory, Unix modes included. */
function readZip(zip: Buffer): ZipEntry[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const extra = zip.readUInt16LE(at + 30);
    const comment = zip.readUInt16LE(at + 32);
    const mode = zip.readUInt32LE(at + 38) >>> 16;
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const data = zip.subarray(start, start + size);
    entries.push({ name, mode, bytes: method === 8 ? inflateRawSync(data) : Buffer.from(data) });
    at += 46 + nameLength + extra + comment;
  }
  return entries;
}

describe('Gradescope', () => {
  test('the zip unpacks to /autograder/source, sets up (twice), and run_autograder leaves results.json', () => {
    const zipPath = join(temp, 'autograder.zip');
    const made = autograder('gradescope', 'stage-2', '--out', zipPath, '--points', 'listens=2');
    expect(made.code, made.out).toBe(0);
    const entries = readZip(readFileSync(zipPath));
    const names = entries.map((e) => e.name);
    // At the zip's root, as the spec asks, and executable once unpacked.
    for (const script of ['setup.sh', 'run_autograder']) {
      expect(names).toContain(script);
      expect((entries.find((e) => e.name === script)?.mode ?? 0) & 0o111).toBe(0o111);
    }
    expect(names).toContain('package-lock.json');
    // No tests, no reference solutions in what the platform keeps.
    expect(names.some((n) => n.startsWith('solutions/') || n.startsWith('grader/test/'))).toBe(false);

    const root = join(temp, 'autograder');
    for (const entry of entries) {
      const path = join(root, 'source', entry.name);
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, entry.bytes);
      chmodSync(path, entry.mode & 0o777);
    }
    // A machine with Node and Python: nothing to install but the packages. Twice: nothing breaks.
    for (let i = 0; i < 2; i++) {
      const setup = run('bash', ['setup.sh'], join(root, 'source'));
      expect(setup.code, setup.out).toBe(0);
      expect(setup.out).toMatch(/Socket Lab is ready: v2\d/);
    }
    // Gradescope copies run_autograder to /autograder and runs it from there.
    copyFileSync(join(root, 'source', 'run_autograder'), join(root, 'run_autograder'));
    chmodSync(join(root, 'run_autograder'), 0o755);
    mkdirSync(join(root, 'submission'));
    copyFileSync(join(ROOT, fixture('stage-2/never-closes.ts')), join(root, 'submission', 'server.ts'));
    const graded = run(join(root, 'run_autograder'), [], root);
    expect(graded.code, graded.out).toBe(0);
    const results = JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8'));
    expect(Object.keys(results).sort()).toEqual(
      [
        'execution_time',
        'extra_data',
        'output',
        'output_format',
        'score',
        'stdout_visibility',
        'tests',
        'visibility',
      ].sort(),
    );
    const stage = STAGES.find((s) => s.id === 'stage-2');
    expect(results.tests).toHaveLength(stage?.properties.length ?? 0);
    expect(results.tests[0]).toMatchObject({ name: expect.stringMatching(/^listens: /), max_score: 2 });
    const failed = results.tests.filter((t: { status: string }) => t.status === 'failed');
    expect(failed.length).toBeGreaterThan(0);
    expect(failed[0].output).toMatch(/FIN/);
    expect(results.score).toBe(results.tests.reduce((sum: number, t: { score: number }) => sum + t.score, 0));

    // An empty upload still leaves a result that says so.
    rmSync(join(root, 'submission', 'server.ts'));
    const empty = run(join(root, 'run_autograder'), [], root);
    expect(empty.code, empty.out).toBe(0);
    const nothing = JSON.parse(readFileSync(join(root, 'results', 'results.json'), 'utf8'));
    expect(nothing.score).toBe(0);
    expect(nothing.output).toMatch(/Nothing was submitted/);
  });
});

describe('PrairieLearn', () => {
  test('the folder holds a Dockerfile, the lab and info.json; its entrypoint grades /grade/student', () => {
    const out = join(temp, 'pl');
    const made = autograder('prairielearn', 'stage-1', '--out', out);
    expect(made.code, made.out).toBe(0);
    const dockerfile = readFileSync(join(out, 'Dockerfile'), 'utf8');
    expect(dockerfile).toMatch(/^FROM node:20/m);
    expect(dockerfile).toMatch(/python3/);
    expect(dockerfile).toMatch(/^COPY lab\/ \/socket-lab\/$/m);
    const info = JSON.parse(readFileSync(join(out, 'info.json'), 'utf8'));
    expect(info.externalGradingOptions).toMatchObject({
      enabled: true,
      entrypoint: '/socket-lab/grade-prairielearn',
      timeout: expect.any(Number),
    });
    const entry = join(out, 'lab', 'grade-prairielearn');
    expect(statSync(entry).mode & 0o111).toBe(0o111);

    // What the image's build does, then what PrairieLearn does for a submission.
    const install = run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], join(out, 'lab'));
    expect(install.code, install.out).toBe(0);
    const grade = join(temp, 'grade');
    mkdirSync(join(grade, 'student'), { recursive: true });
    copyFileSync(join(ROOT, 'solutions/stage-1/server.py'), join(grade, 'student', 'server.py'));
    const graded = run(entry, [grade], out);
    expect(graded.code, graded.out).toBe(0);
    const results = JSON.parse(readFileSync(join(grade, 'results', 'results.json'), 'utf8'));
    expect(results).toMatchObject({ gradable: true, score: 1 });
    expect(results.tests.every((t: { points: number; max_points: number }) => t.points === t.max_points)).toBe(true);
  });
});

describe('GitHub Classroom', () => {
  test('the workflow in the repository is the one the catalogue makes: a step per stage, and the reporter', () => {
    const committed = readFileSync(join(ROOT, '.github/workflows/classroom.yml'), 'utf8');
    expect(committed, 'run `npm run autograder -- github-classroom` after a change to the stages').toBe(
      classroomWorkflow(),
    );
    // The reporter's rules: this workflow name, this job, a runner per step id, env <ID>_RESULTS.
    expect(committed).toMatch(/^name: Autograding Tests$/m);
    expect(committed).toMatch(/^ {2}run-autograding-tests:$/m);
    for (const stage of STAGES) {
      const id = runnerId(stage);
      expect(id).toMatch(/^[a-zA-Z0-9]+$/);
      expect(committed).toContain(`        id: ${id}\n        continue-on-error: true\n`);
      expect(committed).toContain(`run: npm run grade -- ${stage.id} --engine github-classroom`);
      expect(committed).toContain(`${id.toUpperCase()}_RESULTS: "\${{ steps.${id}.outputs.result }}"`);
      expect(committed).toContain(`- name: ${stage.id} (${stage.properties.length} points)`);
    }
    expect(committed).toContain(`runners: ${STAGES.map(runnerId).join(',')}`);
  });
});

describe('usage', () => {
  test.each([
    [['nope', 'stage-1'], /no platform "nope"/],
    [['gradescope'], /one stage per assignment/],
    [['gradescope', 'stage-9'], /no stage "stage-9"/],
    [['prairielearn', 'stage-1', '--points', 'nosuch=1'], /not a property of stage-1/],
    [['gradescope', 'stage-1', '--time-cap', 'soon'], /--time-cap takes a whole number/],
    [[], /Usage: npm run autograder/],
  ])('%j exits 2 and says why', (args, said) => {
    const r = autograder(...args);
    expect(r.code).toBe(2);
    expect(r.out).toMatch(said);
  });
});
