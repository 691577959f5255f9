// `npm run live-check`'s orchestration: a scratch spreadsheet with its bound script on Google, the
// scenario through scripts.run, the same scenario in the sandbox on the same clock, the comparison
// printed in Russian, the scratch file deleted whatever happened. Exit codes: 0 no differences,
// 1 differences found, 2 the check could not run (nothing is claimed then).
import { emptyWorkbook, type WorkbookModel } from '../model';
import { createSandbox } from '../sandbox/index';
import { compareGrids, compareOutcomes, type Difference, differenceLine, gridOfWorkbook } from './compare';
import { apiErrorText, type LiveApi } from './google';
import {
  LIVE_HELPER_JS,
  LIVE_SCENARIO,
  LIVE_STEP_FUNCTION,
  type LiveStep,
  liveManifest,
  parseOutcome,
  type StepOutcome,
} from './scenario';

export interface LiveIo {
  out(line: string): void;
  err(line: string): void;
}

export interface LiveCheckInput {
  api: LiveApi;
  /** dist/Code.js */
  code: string;
  /** dist/appsscript.json, parsed */
  manifest: Record<string, unknown>;
  io: LiveIo;
  steps?: readonly LiveStep[];
  timeZone?: string;
  /** The scratch file's title (default: with the current time). */
  title?: string;
}

/** The most differences printed; the count is always printed. */
export const MAX_PRINTED = 200;

/** Runs the steps in the sandbox, each at the instant Google's run of it started, as the same account. */
export function runScenarioInSandbox(
  code: string,
  steps: readonly LiveStep[],
  clocks: readonly string[],
  title: string,
  timeZone: string,
  user?: string,
): { workbook: WorkbookModel; outcomes: StepOutcome[] } {
  const workbook = emptyWorkbook(title, timeZone);
  const first = clocks.map((c) => new Date(c)).find((d) => !Number.isNaN(d.getTime())) ?? new Date();
  const sb = createSandbox({
    workbook,
    code: `${code}\n${LIVE_HELPER_JS}`,
    now: first,
    realElapsed: false,
    ...(user ? { user } : {}),
  });
  const outcomes: StepOutcome[] = [];
  steps.forEach((step, i) => {
    const at = new Date(clocks[i] ?? '');
    if (!Number.isNaN(at.getTime())) sb.setNow(at);
    // scripts.run has no UI, like a time-driven run.
    outcomes.push(parseOutcome(sb.run(LIVE_STEP_FUNCTION, step, { trigger: 'time' })));
  });
  return { workbook, outcomes };
}

const CLOUD_HINT =
  'scripts.run требует, чтобы проект скрипта и OAuth-клиент были в одном стандартном проекте Google Cloud с включённым Apps Script API, а вход — с областями манифеста (см. README, «Проверка на настоящем Google»).';

export async function runLiveCheck(input: LiveCheckInput): Promise<number> {
  const { api, io } = input;
  const steps = input.steps ?? LIVE_SCENARIO;
  const tz = input.timeZone ?? 'Europe/Moscow';
  const title = input.title ?? `Контроль поручений — live-check ${new Date().toISOString().slice(0, 16)}`;
  let spreadsheetId: string | null = null;
  let stage = 'создание таблицы';
  let code = 2;
  try {
    spreadsheetId = await api.createSpreadsheet(title, tz, 'ru_RU');
    io.out(`Временная таблица создана: ${spreadsheetId}`);
    stage = 'создание привязанного проекта скрипта';
    const scriptId = await api.createBoundScript(spreadsheetId, title);
    stage = 'загрузка dist/ в проект';
    await api.pushContent(scriptId, [
      { name: 'appsscript', type: 'JSON', source: JSON.stringify(liveManifest(input.manifest), null, 2) },
      { name: 'Code', type: 'SERVER_JS', source: input.code },
      { name: 'LiveCheck', type: 'SERVER_JS', source: LIVE_HELPER_JS },
    ]);
    stage = 'развёртывание для Apps Script API';
    await api.deployApiExecutable(scriptId);
    const google: StepOutcome[] = [];
    for (const step of steps) {
      stage = `scripts.run, шаг «${step.title}»`;
      const a = await api.run(scriptId, LIVE_STEP_FUNCTION, [step]);
      const o = a.error ? { now: '', user: '', result: '', error: a.error, triggers: -1 } : parseOutcome(a.result);
      google.push(o);
      io.out(`Google, ${step.title}: ${o.error ? `ошибка — ${o.error}` : o.result || 'выполнено'}`);
    }
    stage = 'чтение таблицы (values.batchGet)';
    const live = await api.readAll(spreadsheetId);
    stage = 'тот же сценарий в песочнице';
    const local = runScenarioInSandbox(
      input.code,
      steps,
      google.map((o) => o.now),
      title,
      tz,
      google.find((o) => o.user)?.user,
    );
    const diffs: Difference[] = [
      ...compareOutcomes(steps, google, local.outcomes),
      ...compareGrids(live, gridOfWorkbook(local.workbook)),
    ];
    if (diffs.length === 0) {
      io.out(`Расхождений нет: ${steps.length} шагов, ${live.size} листов совпали ячейка в ячейку.`);
      code = 0;
    } else {
      io.out(`Расхождений между Google и песочницей: ${diffs.length}.`);
      for (const d of diffs.slice(0, MAX_PRINTED)) io.out(differenceLine(d));
      if (diffs.length > MAX_PRINTED) io.out(`… и ещё ${diffs.length - MAX_PRINTED}.`);
      code = 1;
    }
  } catch (err) {
    const hint = stage.startsWith('scripts.run') || stage.startsWith('развёртывание') ? ` ${CLOUD_HINT}` : '';
    io.err(`Проверка на Google прервана (${stage}): ${apiErrorText(err)}.${hint}`);
    code = 2;
  } finally {
    if (spreadsheetId)
      try {
        // The bound script lives in its container: deleting the spreadsheet removes both (and the trigger).
        await api.deleteFile(spreadsheetId);
        io.out('Временная таблица и её скрипт удалены.');
      } catch (err) {
        io.err(`Не удалось удалить временную таблицу ${spreadsheetId}: ${apiErrorText(err)} — удалите её вручную.`);
      }
  }
  return code;
}
