import { hint } from '../../i18n/hint.ts';
import { t } from '../../i18n/t.ts';
import type { Property } from './property.ts';

export const listens: Property = {
  id: 'listens',
  title: t('listens.title'),
  hints: [hint('listens.1'), hint('listens.2')],
  provenByListening: true,
  // Its check, for a stage where it has no other check's server to be judged on.
  async check(h) {
    const a = await h.connect('A');
    a.leave();
  },
};
