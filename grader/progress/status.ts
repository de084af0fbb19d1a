// A stage's status in a word, for the picker and for `npm run progress`.
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
      return { en: 'not tried', zh: '还没尝试' };
    case 'failing': {
      const failing = status.total - status.held;
      return { en: `failing ${failing} of ${status.total}`, zh: `${status.total} 项中 ${failing} 项未通过` };
    }
    case 'passed':
      return {
        en: `passed (${status.attempts} ${status.attempts === 1 ? 'grade' : 'grades'})`,
        zh: `已通过（评分 ${status.attempts} 次）`,
      };
  }
}
