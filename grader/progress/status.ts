// A stage's status in a word, for the picker and for `npm run progress`.

import { t } from '../i18n/t.ts';
import type { Text } from '../i18n/text.ts';
import type { StageProgress } from './store.ts';

export type Status =
  | { kind: 'not-tried' }
  | { kind: 'failing'; held: number; total: number }
  | { kind: 'passed'; attempts: number };

export function statusOf(entry: StageProgress | undefined): Status {
  if (!entry?.last) return { kind: 'not-tried' };
  if (entry.passedAt) return { kind: 'passed', attempts: entry.attempts };
  return { kind: 'failing', held: entry.last.held, total: entry.last.total };
}

export function describeStatus(status: Status): Text {
  switch (status.kind) {
    case 'not-tried':
      return t('status.not-tried');
    case 'failing': {
      const failing = status.total - status.held;
      return t('status.failing', { failing, total: status.total });
    }
    case 'passed':
      return t('status.passed', { count: status.attempts });
  }
}
