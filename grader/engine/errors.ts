import type { Text } from '../i18n/text.ts';

/** The learner asked for something the grader can't do: print usage, exit 2. */
export class UsageError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** The subject can't be started at all (missing file, empty command): exit 2, nothing graded. */
export class SubjectError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}

/** A result file could not be written (a missing permission, a folder in the way): exit 2. */
export class OutputError extends Error {
  constructor(readonly text: Text) {
    super(text.en);
  }
}
