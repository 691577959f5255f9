// Fixture builders shared by the domain tests: each test keeps its own defaults (the order it is
// about), this keeps the rest of the record blank, so a new OrderRecord field is added once.
import type { OrderRecord } from '../../src/domain/order';

/** An order on «Поручения» row 2 with `fields` set and everything else blank: no dates, counts or history. */
export function blankOrder(fields: Partial<OrderRecord>): OrderRecord {
  return {
    tab: 'Поручения',
    row: 2,
    number: '',
    protocol: '',
    text: '',
    executor: '',
    coExecutors: [],
    urgency: '',
    deadline: null,
    status: '',
    progress: '',
    doneDate: null,
    requestedDate: null,
    requestReason: '',
    decision: '',
    approvedBy: '',
    removal: '',
    enteredAt: null,
    originalDeadline: null,
    extensions: 0,
    returns: 0,
    state: '',
    overdueDays: null,
    history: '',
    archivedAt: null,
    periodicity: '',
    validUntil: null,
    interimDate: null,
    lateReason: '',
    coDeadline: null,
    invalid: [],
    ...fields,
  };
}
