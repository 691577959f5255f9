// Demo data of the «Эффективный регион» programme: four lean projects at different stages (one
// closed last year, one opening next year), a year of training records, and addresses and typed
// facts on the plan that «Настроить таблицу» seeded. Dates are relative to `today`.
import { addDays, addMonths, type IsoDate, yearOf } from '../../domain/dates';
import { PLAN_COL, PROJECT_COL, TAB, TRAINING_COL } from '../../workbook/schema';
import type { WorkbookModel } from '../model';
import { DEMO_ORGANIZATION } from './orders';
import { appendRows, type DemoValue, sheetOf } from './util';

const d = (iso: IsoDate): DemoValue => ({ date: iso });

/** Stage cells from a start date, a stage every `step` days; stages after `upTo` are left blank. */
function stages(start: IsoDate, step: number, upTo: number): Record<string, DemoValue> {
  const out: Record<string, DemoValue> = {};
  const at = (n: number) => addDays(start, (n - 1) * step);
  const cols: [number, string, string?][] = [
    [1, PROJECT_COL.stage1],
    [2, PROJECT_COL.stage2Start, PROJECT_COL.stage2End],
    [3, PROJECT_COL.stage3Start, PROJECT_COL.stage3End],
    [4, PROJECT_COL.stage4Start, PROJECT_COL.stage4End],
    [5, PROJECT_COL.stage5Start, PROJECT_COL.stage5End],
    [6, PROJECT_COL.stage6Start, PROJECT_COL.stage6End],
    [7, PROJECT_COL.stage7Start, PROJECT_COL.stage7End],
    [8, PROJECT_COL.stage8Start, PROJECT_COL.stage8End],
    [9, PROJECT_COL.stage9],
    [10, PROJECT_COL.stage10],
  ];
  for (const [n, s, e] of cols) {
    if (n > upTo) break;
    out[s] = d(at(n));
    if (e) out[e] = d(addDays(at(n + 1), -1));
  }
  return out;
}

export function addDemoLean(model: WorkbookModel, today: IsoDate): void {
  const y = yearOf(today);
  const common = {
    [PROJECT_COL.participant]: DEMO_ORGANIZATION,
    [PROJECT_COL.customer]: 'Заместитель главы округа',
  };
  appendRows(model, TAB.projects, [
    {
      ...common,
      [PROJECT_COL.direction]: 'Муниципальное управление',
      [PROJECT_COL.name]: 'Выдача архивных справок без очереди',
      [PROJECT_COL.process]: 'Выдача архивных справок',
      [PROJECT_COL.leader]: 'Иванова Мария Петровна',
      [PROJECT_COL.contacts]: '8 (000) 000-00-17 (вымышленный), archive@example.org',
      [PROJECT_COL.team]: 'Архивный отдел',
      [PROJECT_COL.orgShort]: 'Администрация ПМО',
      [PROJECT_COL.openYear]: y - 1,
      [PROJECT_COL.passportLink]: 'https://example.org/lean/archive/passport.pdf',
      [PROJECT_COL.presentationLink]: 'https://example.org/lean/archive/slides.pdf',
      [PROJECT_COL.significance]: 3,
      [PROJECT_COL.goal]: 'Время выдачи справки, рабочих дней',
      [PROJECT_COL.currentValue]: 15,
      [PROJECT_COL.targetValue]: 5,
      // Closed last year: stage 9 in its autumn, monitoring of stability in December.
      ...stages(`${y - 1}-02-03`, 28, 10),
    },
    {
      ...common,
      [PROJECT_COL.direction]: 'Образование',
      [PROJECT_COL.name]: 'Запись в первый класс',
      [PROJECT_COL.process]: 'Приём заявлений в первый класс',
      [PROJECT_COL.leader]: 'Орлова Ирина Ивановна',
      [PROJECT_COL.contacts]: 'edu@example.org',
      [PROJECT_COL.team]: 'Управление образования, школы № 1 и 2',
      [PROJECT_COL.orgShort]: 'УО',
      [PROJECT_COL.openYear]: yearOf(addMonths(today, -7)),
      [PROJECT_COL.passportLink]: 'https://example.org/lean/school/passport.pdf',
      [PROJECT_COL.significance]: 2,
      [PROJECT_COL.goal]: 'Время подачи заявления, минут',
      [PROJECT_COL.currentValue]: 40,
      [PROJECT_COL.targetValue]: 10,
      // Under way: implementing improvements.
      ...stages(addMonths(today, -7), 30, 7),
    },
    {
      ...common,
      [PROJECT_COL.direction]: 'Социальная защита',
      [PROJECT_COL.name]: 'Назначение мер социальной поддержки',
      [PROJECT_COL.process]: 'Назначение выплат',
      [PROJECT_COL.leader]: 'Ковалёва Оксана Викторовна',
      [PROJECT_COL.contacts]: 'uszn@example.org',
      [PROJECT_COL.orgShort]: 'УСЗН',
      [PROJECT_COL.openYear]: yearOf(addDays(today, -40)),
      [PROJECT_COL.significance]: 2,
      // Just started: mapping the current state.
      ...stages(addDays(today, -40), 30, 3),
    },
    {
      ...common,
      [PROJECT_COL.direction]: 'ЖКХ',
      [PROJECT_COL.name]: 'Согласование земляных работ',
      [PROJECT_COL.process]: 'Выдача разрешений на земляные работы',
      [PROJECT_COL.leader]: 'Гусев Артём Анатольевич',
      [PROJECT_COL.orgShort]: 'УЖС',
      [PROJECT_COL.openYear]: y + 1,
      // Opens next year: only the passport approval is planned.
      [PROJECT_COL.stage1]: d(`${y + 1}-02-02`),
    },
  ]);

  // A year of training: four sessions back from today, several people each.
  const sessions: [number, string][] = [
    [-330, 'Основы бережливого управления'],
    [-240, 'Картирование потока создания ценности'],
    [-120, 'Клиентоцентричность в муниципальном управлении'],
    [-30, 'Фабрика офисных процессов'],
  ];
  const people: [string, string][] = [
    ['Соколова Людмила Николаевна', 'Администрация ПМО'],
    ['Лебедева Альбина Петровна', 'Администрация ПМО'],
    ['Иванова Мария Петровна', 'Администрация ПМО'],
    ['Орлова Ирина Ивановна', 'УО'],
  ];
  const training: Record<string, DemoValue>[] = [];
  sessions.forEach(([offset, program], i) => {
    for (const [name, org] of people.slice(0, 2 + (i % 3))) {
      training.push({
        [TRAINING_COL.name]: name,
        [TRAINING_COL.org]: org,
        [TRAINING_COL.program]: program,
        [TRAINING_COL.date]: d(addDays(today, offset)),
        [TRAINING_COL.document]: `https://example.org/lean/certificates/${i + 1}.pdf`,
      });
    }
  });
  appendRows(model, TAB.training, training);

  // The plan's rows come from setup: give them a responsible address and a typed fact.
  const plan = sheetOf(model, TAB.plan);
  const header = (plan.cells[0] ?? []).map((c) => String(c.v ?? '').trim());
  const emailCol = header.indexOf(PLAN_COL.email);
  const numCol = header.indexOf(PLAN_COL.number);
  const factCol = header.indexOf(`Факт ${y - 1}`);
  for (let r = 1; r < plan.cells.length; r++) {
    const row = plan.cells[r];
    if (!row || numCol < 0 || !row[numCol] || !row[numCol].v) continue;
    if (emailCol >= 0) row[emailCol] = { v: 'econom@example.org' };
    if (factCol >= 0 && ['1.2', '3.1'].includes(String(row[numCol].v))) row[factCol] = { v: 1 };
  }
}
