import { describe, expect, it } from 'vitest';
import {
  buildProtocolReport,
  NO_INFORMATION,
  normProtocol,
  type ProtocolOrder,
} from '../../src/domain/protocol-report';

function o(p: Partial<ProtocolOrder> & Pick<ProtocolOrder, 'number' | 'protocol'>): ProtocolOrder {
  return {
    text: `Поручение ${p.number}`,
    executor: 'Иванов И.И.',
    coExecutors: '',
    deadline: '2026-03-10',
    doneDate: null,
    progress: '',
    state: 'На исполнении',
    ...p,
  };
}

const ORDERS: ProtocolOrder[] = [
  o({ number: '12-10', protocol: '12', progress: 'Подготовлен проект' }),
  o({ number: '12-2', protocol: '12' }), // nothing written: «нет информации»
  o({ number: '12-1', protocol: '№ 12', doneDate: '2026-03-05', state: 'Исполнено в срок' }), // done without a note: has information
  o({ number: '13-1', protocol: '13' }),
  o({ number: '12-3', protocol: ' 12 ', progress: '   ' }), // blanks only: still nothing written
  o({ number: 'б/н', protocol: '' }),
];

describe('«Отчёт: протокол» (001 гл.6 п.2.2.7: table with «примечание»; 003 п.199)', () => {
  it('takes only the orders of that protocol, «№ 12» = «12», in natural № order', () => {
    const rows = buildProtocolReport(ORDERS, '12');
    expect(rows.map((r) => r.number)).toEqual(['12-1', '12-2', '12-3', '12-10']);
  });
  it('«нет информации» where the executor wrote nothing and no «Дата исполнения»', () => {
    const notes = Object.fromEntries(buildProtocolReport(ORDERS, '№12').map((r) => [r.number, r.note]));
    expect(notes).toEqual({ '12-1': '', '12-2': NO_INFORMATION, '12-3': NO_INFORMATION, '12-10': '' });
    expect(NO_INFORMATION).toBe('нет информации');
  });
  it('keeps the columns people wrote', () => {
    const r = buildProtocolReport(ORDERS, '12').find((x) => x.number === '12-1');
    expect(r).toMatchObject({
      deadline: '2026-03-10',
      doneDate: '2026-03-05',
      state: 'Исполнено в срок',
      executor: 'Иванов И.И.',
    });
  });
  it('an unknown or blank protocol gives no rows (orders without a protocol never match)', () => {
    expect(buildProtocolReport(ORDERS, '99')).toEqual([]);
    expect(buildProtocolReport(ORDERS, '  ')).toEqual([]);
    expect(normProtocol(' № 7 ')).toBe('7');
  });
});
