// Step 3: «Состояние» and «Просрочка, раб. дн.» of every order (domain/order-state.ts; spec
// «Состояние»). Written on non-working days too: the row colours follow «Состояние».
import { orderState, overdueWorkingDays } from '../order-state';
import type { OrderRule } from './rule';

export const state: OrderRule = {
  name: 'state',
  stage: 'state',
  modes: ['daily', 'notify', 'refresh'],
  apply(o, { today, settings: s, calendar: cal }, { protocol }) {
    const st = { ...o, protocolDate: protocol?.date ?? null };
    return {
      fix: { set: { state: orderState(st, today, s, cal), overdueDays: overdueWorkingDays(st, today, s, cal) } },
    };
  },
};
