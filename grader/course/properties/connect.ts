import { hint } from '../../i18n/hint.ts';
import { t } from '../../i18n/t.ts';
import type { Property } from './property.ts';

export const listens: Property = {
  id: 'listens',
  title: t('listens.title'),
  hints: [hint('listens.1'), hint('listens.2')],
  async check(h) {
    const a = await h.connect('A');
    a.leave();
  },
};
