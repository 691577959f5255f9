// `npm run live-check -- --script-id ID`'s orchestration on the user's prepared project (issue 24
// item 2): find the spreadsheet the script is bound to, push dist/ with the helper, make a version
// and an API-executable deployment, reset the project (kontrolLiveReset), run the scenario through
// scripts.run on that deployment, read the spreadsheet back, run the same steps in the sandbox from
// the same start on the same clock, print the differences in Russian, remove the deployment. The
// spreadsheet is left with the scenario's result for a look; the next run resets it first.
// Exit codes: 0 no differences, 1 differences found, 2 the check could not run (nothing is claimed).
import { emptySheet, emptyWorkbook, type WorkbookModel } from '../model';
import { createSandbox } from '../sandbox/index';
import { compareGrids, compareOutcomes, type Difference, differenceLine, gridOfWorkbook } from './compare';
import { firstContactLine, type LiveStage } from './errors';
import type { LiveApi } from './google';
import {
  LIVE_HELPER_JS,
  LIVE_RESET_FUNCTION,
  LIVE_SCENARIO,
  LIVE_STEP_FUNCTION,
  type LiveStep,
  liveManifest,
  parseOutcome,
  parseReset,
  type ResetOutcome,
  START_SHEET,
  type StepOutcome,
} from './scenario';

export interface LiveIo {
  out(line: string): void;
  err(line: string): void;
}

export interface LiveCheckInput {
  api: LiveApi;
  /** The prepared project's script id (`--script-id`). */
  scriptId: string;
  /** dist/Code.js */
  code: string;
  /** dist/appsscript.json, parsed */
  manifest: Record<string, unknown>;
  io: LiveIo;
  steps?: readonly LiveStep[];
  timeZone?: string;
}

/** The most differences printed; the count is always printed. */
export const MAX_PRINTED = 200;

/** The sandbox's start: what kontrolLiveReset leaves on Google — one empty «Лист1», nothing else. */
export function startWorkbook(id: string, name: string, timeZone: string): WorkbookModel {
  const wb = emptyWorkbook(name, timeZone);
  wb.id = id;
  wb.sheets.push(emptySheet(START_SHEET));
  return wb;
}

/**
 * Runs the reset and the steps in the sandbox as scripts.run runs them on Google (trigger 'api': no
 * UI; with KONTROL_NO_ACTIVE=1 no active spreadsheet either), each step at the instant Google's run
 * of it started, as the same account.
 */
export function runScenarioInSandbox(
  code: string,
  steps: readonly LiveStep[],
  clocks: readonly string[],
  start: { id: string; name: string; timeZone: string },
  user?: string,
): { workbook: WorkbookModel; outcomes: StepOutcome[]; reset: ResetOutcome } {
  const workbook = startWorkbook(start.id, start.name, start.timeZone);
  const first = clocks.map((c) => new Date(c)).find((d) => !Number.isNaN(d.getTime())) ?? new Date();
  const sb = createSandbox({
    workbook,
    code: `${code}\n${LIVE_HELPER_JS}`,
    now: first,
    realElapsed: false,
    ...(user ? { user } : {}),
  });
  const reset = parseReset(sb.invoke(LIVE_RESET_FUNCTION, [start.id, start.timeZone], { trigger: 'api' }));
  const outcomes: StepOutcome[] = [];
  steps.forEach((step, i) => {
    const at = new Date(clocks[i] ?? '');
    if (!Number.isNaN(at.getTime())) sb.setNow(at);
    outcomes.push(parseOutcome(sb.run(LIVE_STEP_FUNCTION, step, { trigger: 'api' })));
  });
  return { workbook, outcomes, reset };
}

/** The line that settles issue 26 on this account: did scripts.run get an active spreadsheet? */
export function activeLine(active: boolean): string {
  return active
    ? 'Google дал активную таблицу при вызове через Apps Script API: SpreadsheetApp.getActive() вернул таблицу, к которой привязан скрипт.'
    : 'Google не дал активной таблицы при вызове через Apps Script API (SpreadsheetApp.getActive() вернул null, как написано в руководстве guides/bound): дополнение открыло свою таблицу по записанному идентификатору.';
}

export async function runLiveCheck(input: LiveCheckInput): Promise<number> {
  const { api, io, scriptId } = input;
  const steps = input.steps ?? LIVE_SCENARIO;
  const tz = input.timeZone ?? 'Europe/Moscow';
  let stage: LiveStage = 'project';
  let deploymentId = '';
  let code = 2;
  try {
    const container = await api.containerOf(scriptId);
    if (!container) {
      io.err(
        `Проект ${scriptId} не привязан к таблице: создайте его командой «npx clasp create --type sheets» (таблица и привязанный к ней скрипт) и передайте его идентификатор (README, «Проверка на настоящем Google»).`,
      );
      return 2;
    }
    io.out(`Проект ${scriptId}, таблица ${container}.`);
    stage = 'push';
    await api.pushContent(scriptId, [
      { name: 'appsscript', type: 'JSON', source: JSON.stringify(liveManifest(input.manifest), null, 2) },
      { name: 'Code', type: 'SERVER_JS', source: input.code },
      { name: 'LiveCheck', type: 'SERVER_JS', source: LIVE_HELPER_JS },
    ]);
    stage = 'deploy';
    deploymentId = await api.deployApiExecutable(scriptId);
    io.out(`Развёртывание для Apps Script API: ${deploymentId}.`);
    stage = 'run';
    const r = await api.run(deploymentId, LIVE_RESET_FUNCTION, [container, tz]);
    const reset = r.error ? { ...parseReset('{}'), error: r.error } : parseReset(r.result);
    if (reset.error) {
      io.err(`Проверка на Google прервана (сброс таблицы и проекта перед сценарием): ${reset.error}.`);
      return 2;
    }
    io.out(activeLine(reset.active));
    const google: StepOutcome[] = [];
    for (const step of steps) {
      const a = await api.run(deploymentId, LIVE_STEP_FUNCTION, [step]);
      const o = a.error ? { now: '', user: '', result: '', error: a.error, triggers: -1 } : parseOutcome(a.result);
      google.push(o);
      io.out(`Google, ${step.title}: ${o.error ? `ошибка — ${o.error}` : o.result || 'выполнено'}`);
    }
    stage = 'read';
    const live = await api.readAll(container);
    const local = runScenarioInSandbox(
      input.code,
      steps,
      google.map((o) => o.now),
      { id: container, name: reset.name, timeZone: reset.timeZone || tz },
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
    io.err(firstContactLine(err, stage, { scriptId, deploymentId }));
    code = 2;
  } finally {
    if (deploymentId)
      try {
        await api.removeDeployment(scriptId, deploymentId);
        io.out(
          'Развёртывание проверки удалено; проект готов к следующему запуску (таблица оставлена с результатом сценария).',
        );
      } catch (err) {
        io.err(firstContactLine(err, 'undeploy', { scriptId, deploymentId }));
      }
  }
  return code;
}
