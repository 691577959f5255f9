// Tabs of the «Эффективный регион» programme (seed 002): «План ЭР» seeded with the nine measures
// of the plan in постановление 1134-П of 02.12.2025 (our short wording), «Проекты» (the passport of
// Приложение 1 and the columns of the quarterly report, Приложение 2), «Обучение».
import { STAGE_HEADERS } from '../../domain/lean-stages';
import { PLAN_COL, PROJECT_COL, TAB, TRAINING_COL } from '../schema';
import type { Cell } from '../table';
import type { TabSpec } from '../tabspec';

const OMSU = 'Органы местного самоуправления и подведомственные организации';
const SER = 'Сектор экономического развития';

/**
 * The plan's measures: [№, measure, unit, target 2025, 2026, 2027, «Срок», responsible].
 * Targets as in the source. The source gives no deadline for 1.1–3.1: their targets are yearly
 * amounts, so «ежегодно» (by 31 December); 3.1 itself says «ежегодно». 3.2–3.4 carry the source's
 * phrases (it writes them in the target columns, which we leave without a number).
 */
export const PLAN_MEASURES: readonly (readonly [string, string, string, string, string, string, string, string])[] = [
  [
    '1.1',
    'Реализация бережливых проектов по улучшению процессов, влияющих на оказание услуг',
    'единиц',
    'не менее 1',
    'не менее 1',
    'не менее 1',
    'ежегодно',
    OMSU,
  ],
  ['1.2', 'Тиражирование проектов улучшений', 'единиц', 'не менее 1', 'не менее 1', 'не менее 1', 'ежегодно', OMSU],
  [
    '2.1',
    'Обучение муниципальных служащих и сотрудников учреждений бережливым технологиям и практикам эффективного управления',
    'единиц',
    'не менее 3',
    'не менее 3',
    'не менее 3',
    'ежегодно',
    `${SER}, АНО «ЦКК», подведомственные организации`,
  ],
  [
    '2.2',
    'Круглые столы (семинары) о ценностях, принципах и инструментах бережливого производства и клиентоцентричности',
    'единиц',
    'по мере необходимости',
    'по мере необходимости',
    'по мере необходимости',
    'по мере необходимости',
    `АНО «ЦКК», ${SER.toLowerCase()}, ${OMSU.toLowerCase()}`,
  ],
  [
    '2.3',
    'Консультации по проектной деятельности',
    'единиц',
    'по мере необходимости',
    'по мере необходимости',
    'по мере необходимости',
    'по мере необходимости',
    `АНО «ЦКК», ${SER.toLowerCase()}`,
  ],
  [
    '3.1',
    'Муниципальный конкурс лучших практик бережливого производства',
    'единиц',
    'не менее 1',
    'не менее 1',
    'не менее 1',
    'ежегодно',
    `${SER}, ${OMSU.toLowerCase()}`,
  ],
  [
    '3.2',
    'Подготовка проекта проектной деятельности на следующий год',
    '',
    '',
    '',
    '',
    'не позднее 25 декабря',
    `${SER}, ${OMSU.toLowerCase()}`,
  ],
  [
    '3.3',
    'Утверждение плана защиты бережливых проектов и предложений по улучшению на текущий год',
    '',
    '',
    '',
    '',
    'не позднее 1 марта',
    `${SER}, ${OMSU.toLowerCase()}`,
  ],
  [
    '3.4',
    'Отчёт о реализации бережливых проектов (лист «Отчёт: бережливые проекты»)',
    '',
    '',
    '',
    '',
    'ежеквартально, до 10 числа следующего месяца',
    `${SER}, ${OMSU.toLowerCase()}`,
  ],
];

export const PLAN_HEADERS: readonly string[] = Object.values(PLAN_COL);
export const PROJECT_HEADERS: readonly string[] = Object.values(PROJECT_COL);
export const TRAINING_HEADERS: readonly string[] = Object.values(TRAINING_COL);

function planSeed(): Cell[][] {
  return PLAN_MEASURES.map(([n, measure, unit, t25, t26, t27, deadline, who]) =>
    PLAN_HEADERS.map((h) => {
      switch (h) {
        case PLAN_COL.number:
          // Apostrophe: «1.1» typed into a ru sheet becomes 1 January.
          return `'${n}`;
        case PLAN_COL.measure:
          return measure;
        case PLAN_COL.unit:
          return unit;
        case PLAN_COL.target2025:
          return t25;
        case PLAN_COL.target2026:
          return t26;
        case PLAN_COL.target2027:
          return t27;
        case PLAN_COL.deadline:
          return deadline;
        case PLAN_COL.responsible:
          return who;
        default:
          return '';
      }
    }),
  );
}

export const LEAN_TAB_SPECS: TabSpec[] = [
  {
    name: TAB.plan,
    headers: PLAN_HEADERS,
    seed: planSeed,
    widths: {
      [PLAN_COL.number]: 50,
      [PLAN_COL.measure]: 380,
      [PLAN_COL.deadline]: 260,
      [PLAN_COL.responsible]: 300,
      [PLAN_COL.email]: 200,
    },
  },
  {
    name: TAB.projects,
    headers: PROJECT_HEADERS,
    dateHeaders: STAGE_HEADERS,
    widths: {
      [PROJECT_COL.participant]: 220,
      [PROJECT_COL.name]: 260,
      [PROJECT_COL.passportLink]: 200,
      [PROJECT_COL.presentationLink]: 200,
      [PROJECT_COL.goal]: 220,
    },
  },
  {
    name: TAB.training,
    headers: TRAINING_HEADERS,
    dateHeaders: [TRAINING_COL.date],
    widths: {
      [TRAINING_COL.name]: 220,
      [TRAINING_COL.org]: 200,
      [TRAINING_COL.program]: 300,
      [TRAINING_COL.document]: 220,
    },
  },
];
