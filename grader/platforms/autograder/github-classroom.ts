// .github/workflows/classroom.yml: GitHub Classroom's autograding for a repository made from this lab
// as a template. One step per stage, worth a point per property, each setting its `result` output;
// classroom-resources/autograding-grading-reporter adds them up. The reporter's rules: the workflow is
// named "Autograding Tests", its one job "run-autograding-tests", and a runner id names the step.
import { STAGES, type Stage } from '../../course/catalogue.ts';
import { addPoints, type Points, pointsOf } from '../../report/formats/points.ts';

/** A step id the reporter accepts: letters and digits only (stage-2 → stage2). */
export const runnerId = (stage: Stage): string => stage.id.replace(/[^A-Za-z0-9]/g, '');

export function classroomWorkflow(stages: readonly Stage[] = STAGES, flags = '', points?: Points): string {
  const worth = (stage: Stage) => addPoints(stage.properties.map((p) => pointsOf(points, p.id)));
  const steps = stages.flatMap((stage) => [
    `      - name: ${stage.id} (${worth(stage)} points)`,
    `        id: ${runnerId(stage)}`,
    // A failing stage must not stop the next ones, nor the reporter: it fails the job itself.
    '        continue-on-error: true',
    `        run: npm run grade -- ${stage.id} --engine github-classroom${flags ? ` ${flags}` : ''}`,
  ]);
  return [
    '# GitHub Classroom autograding for Socket Lab: one step per stage, one point per property.',
    '# Made by `npm run autograder -- github-classroom`; the template repository itself is not graded.',
    'name: Autograding Tests',
    "'on':",
    '  - push',
    '  - repository_dispatch',
    'permissions:',
    '  checks: write',
    '  actions: read',
    '  contents: read',
    'jobs:',
    '  run-autograding-tests:',
    '    runs-on: ubuntu-latest',
    "    if: github.actor != 'github-classroom[bot]' && !github.event.repository.is_template",
    '    timeout-minutes: 15',
    '    steps:',
    '      - name: Checkout code',
    '        uses: actions/checkout@v4',
    '      - uses: actions/setup-node@v4',
    '        with:',
    '          node-version: 20',
    '      - run: npm ci --no-audit --no-fund',
    ...steps,
    '      - name: Autograding Reporter',
    '        uses: classroom-resources/autograding-grading-reporter@v1',
    '        env:',
    ...stages.map(
      (stage) =>
        `          ${runnerId(stage).toUpperCase()}_RESULTS: "\${{ steps.${runnerId(stage)}.outputs.result }}"`,
    ),
    '        with:',
    `          runners: ${stages.map(runnerId).join(',')}`,
    '',
  ].join('\n');
}
