// «Критерии самооценки» and «Самооценка» (issue 6): the check-list of seed 002 (Приложение № 1
// к Порядку проведения самооценки) as reference rows people may edit, and the yearly answers.
import { CRITERIA_COL, SELF_ASSESSMENT_COL, TAB, YES_NO } from '../schema';
import type { Cell } from '../table';
import type { ListRule, TabSpec } from '../tabspec';

export interface CriterionSeed {
  n: number;
  name: string;
  /** Marked * in the source: each level adds to the ones below it. */
  cumulative: boolean;
  /** null: the source gives none (criterion 3). */
  coefficient: number | null;
  /** [score, short description in our words]. */
  levels: readonly (readonly [number, string])[];
}

/** The eight criteria of 002 Приложение № 1 к Порядку, levels retold briefly. */
export const CRITERIA_SEED: readonly CriterionSeed[] = [
  {
    n: 1,
    name: 'Участие в реализации программы «Эффективный регион»',
    cumulative: true,
    coefficient: 1,
    levels: [
      [0, 'Не участвует в программе'],
      [1, 'Участвует на региональном уровне, утверждена муниципальная «дорожная карта»'],
      [2, 'Вдобавок оптимизирует внутренние процессы подразделений администрации'],
      [3, 'Вдобавок улучшает жизненные ситуации и (или) муниципальные услуги (сервисы)'],
    ],
  },
  {
    n: 2,
    name: 'Визуализация показателей деятельности (дашборды, диаграммы, схемы)',
    cumulative: true,
    coefficient: 0.3,
    levels: [
      [0, 'Показатели наглядно не представлены'],
      [1, 'Визуализация используется на уровне главы округа'],
      [2, 'Вдобавок на уровне заместителей главы и руководителей подведомственных организаций'],
      [3, 'Вдобавок на уровне руководителей структурных подразделений администрации'],
    ],
  },
  {
    n: 3,
    name: 'Центр компетенций по клиентоцентричности и бережливым технологиям',
    cumulative: false,
    coefficient: null,
    levels: [
      [0, 'Центр не создан, ответственных нет'],
      [1, 'Есть ответственные сотрудники, совмещающие эту работу с основной должностью'],
      [2, 'Есть ответственные сотрудники, освобождённые от основных обязанностей'],
      [
        3,
        'Создан центр компетенций (проектный офис), в подведомственных организациях есть сотрудники с опытом бережливых проектов',
      ],
    ],
  },
  {
    n: 4,
    name: 'Образец лучших практик бережливого и клиентоцентричного управления',
    cumulative: false,
    coefficient: 0.5,
    levels: [
      [0, 'Образец не создан'],
      [2, 'Образец создан в подведомственной организации'],
      [3, 'Образец создан в самой администрации округа'],
    ],
  },
  {
    n: 5,
    name: 'Обучение сотрудников бережливым технологиям и работе с клиентами',
    cumulative: true,
    coefficient: 0.9,
    levels: [
      [0, 'Обучение не проводится'],
      [1, 'Сотрудники проходят обучение: есть списки с датами и документы об обучении'],
      [2, 'Вдобавок обучение включено в план подготовки сотрудников администрации'],
      [3, 'Вдобавок владение бережливыми инструментами внесено в квалификационные требования к должностям'],
    ],
  },
  {
    n: 6,
    name: 'Стимулирование и мотивация сотрудников (закреплены локальным актом)',
    cumulative: false,
    coefficient: 0.5,
    levels: [
      [0, 'Системы стимулирования за участие в программе нет'],
      [1, 'Есть система стимулирования за участие в программе'],
      [
        2,
        'Стимулирование нацелено на разработку, внедрение и тиражирование бережливых проектов, улучшающих показатели отрасли и региона',
      ],
    ],
  },
  {
    n: 7,
    name: 'Обмен опытом между организациями (материалы, семинары, ППКО)',
    cumulative: false,
    coefficient: 0.6,
    levels: [
      [0, 'Обмена опытом нет'],
      [1, 'Обмен опытом (в том числе ППКО) внутри своей отрасли в округе'],
      [2, 'Обмен опытом с другими отраслями округа или с другими муниципалитетами'],
      [3, 'Обмен опытом на «площадках-образцах», в клубных сообществах, на межрегиональных конференциях'],
    ],
  },
  {
    n: 8,
    name: 'Конкурсы лучших практик бережливого производства',
    cumulative: false,
    coefficient: 0.4,
    levels: [
      [0, 'В конкурсах не участвуют'],
      [1, 'Участвуют в муниципальном конкурсе'],
      [2, 'Орган местного самоуправления — организатор или соорганизатор конкурса'],
      [3, 'Участвуют в конкурсе между муниципальными образованиями'],
      [4, 'В отрасли есть победители или призёры конкурса между муниципальными образованиями'],
    ],
  },
];

/**
 * Seed rows in the header order of CRITERIA_COL: one row per level. The name, «Накопительный» and
 * the coefficient stand in the criterion's first row only, as in the source's table, so a changed
 * coefficient is one cell.
 */
export function criteriaSeedRows(): Cell[][] {
  const rows: Cell[][] = [];
  for (const c of CRITERIA_SEED)
    c.levels.forEach(([score, description], i) => {
      const first = i === 0;
      rows.push([
        c.n,
        first ? c.name : '',
        first ? (c.cumulative ? 'Да' : 'Нет') : '',
        first && c.coefficient !== null ? c.coefficient : '',
        score,
        description,
      ]);
    });
  return rows;
}

/** Allowed scores of criterion n as the source gives them (the dropdowns of «Самооценка»). */
export function seededAllowedScores(n: number): string[] {
  const c = CRITERIA_SEED.find((x) => x.n === n);
  return c ? c.levels.map(([s]) => String(s)) : [];
}

const SCORE_COLUMNS: readonly string[] = [
  SELF_ASSESSMENT_COL.k1,
  SELF_ASSESSMENT_COL.k2,
  SELF_ASSESSMENT_COL.k3,
  SELF_ASSESSMENT_COL.k4,
  SELF_ASSESSMENT_COL.k5,
  SELF_ASSESSMENT_COL.k6,
  SELF_ASSESSMENT_COL.k7,
  SELF_ASSESSMENT_COL.k8,
];

/** «К1» … «К8»: the header of criterion n's score. */
export function scoreColumn(n: number): string {
  return SCORE_COLUMNS[n - 1] ?? `К${n}`;
}

export const RATING_TAB_SPECS: TabSpec[] = [
  {
    name: TAB.criteria,
    headers: Object.values(CRITERIA_COL),
    lists: [{ header: CRITERIA_COL.cumulative, values: YES_NO }],
    seed: criteriaSeedRows,
    widths: {
      [CRITERIA_COL.criterion]: 70,
      [CRITERIA_COL.name]: 320,
      [CRITERIA_COL.cumulative]: 110,
      [CRITERIA_COL.coefficient]: 100,
      [CRITERIA_COL.score]: 60,
      [CRITERIA_COL.description]: 520,
    },
  },
  {
    name: TAB.selfAssessment,
    headers: Object.values(SELF_ASSESSMENT_COL),
    lists: SCORE_COLUMNS.map((header, i): ListRule => ({ header, values: seededAllowedScores(i + 1) })),
    widths: {
      [SELF_ASSESSMENT_COL.year]: 60,
      [SELF_ASSESSMENT_COL.org]: 260,
      ...Object.fromEntries(SCORE_COLUMNS.map((h) => [h, 50])),
      [SELF_ASSESSMENT_COL.documents]: 360,
    },
  },
];
