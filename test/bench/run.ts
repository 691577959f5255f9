// `npm run bench` (issue 7): the daily check, «Настроить таблицу» on a used workbook and a year's
// «Отчёт: исполнение» on N = 1 000, 10 000 and 50 000 orders, in the local sandbox running the
// real dist/Code.js. Prints a table; with --json the last line is one JSON object.
//
//   npm run bench                       all three sizes
//   npm run bench -- --n 1000,10000     chosen sizes (or BENCH_N=1000)
//   npm run bench -- --runs 5           runs per action (median; default 5 / 3 / 3), or BENCH_RUNS
//   npm run bench -- --json             machine-readable last line
import { existsSync } from 'node:fs';
import { BUILDER_MS, CALL_MS, CELL_MS, headroom, LIMIT_MS, MAIL_MS } from './cost';
import {
  BENCH_NOW,
  BENCH_TODAY,
  type BenchAction,
  type BenchRun,
  cellsMeasured,
  codePath,
  type PageRole,
  prepareWorkbook,
  runAction,
} from './harness';

/** Every measured action: the book's three, then «Мои поручения» for the median executor and the controller (issue 23). */
const ACTIONS: [BenchAction, PageRole?][] = [
  ['daily'],
  ['setup'],
  ['report'],
  ['page-load', 'executor'],
  ['page-submit', 'executor'],
  ['page-load', 'controller'],
  ['page-submit', 'controller'],
];
const label = (r: Pick<BenchRun, 'action' | 'role'>) =>
  r.role ? `${r.action} (${r.role === 'executor' ? 'исполнитель' : 'контролёр'})` : r.action;

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(`--${name}`);
  if (i < 0) return undefined;
  return process.argv[i + 1];
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const pad = (s: string | number, w: number) => String(s).padStart(w);
const padEnd = (s: string | number, w: number) => String(s).padEnd(w);

async function main(): Promise<number> {
  const json = process.argv.includes('--json');
  // «N» or «N:A» (A rows in «Архив»; default N / 10).
  const sizes = (arg('n') ?? process.env.BENCH_N ?? '1000,10000,50000,50000:200000')
    .split(',')
    .map((s) => s.replace(/[_\s]/g, '').split(':').map(Number))
    .filter(([n]) => n > 0)
    .map(([n, a]) => ({ n, archive: a > 0 ? a : undefined }));
  const runsArg = Number(arg('runs') ?? process.env.BENCH_RUNS ?? 0);
  // «--actions page-load,page-submit» (or BENCH_ACTIONS): only these actions.
  const only = (arg('actions') ?? process.env.BENCH_ACTIONS ?? '')
    .split(',')
    .map((x) => x.trim())
    .filter(Boolean);
  const log = (s: string) => process.stdout.write(`${s}\n`);
  if (!existsSync(codePath())) {
    log('dist/Code.js не найден: сначала npm run build (npm run bench собирает сам).');
    if (json) log(JSON.stringify({ runs: [], error: 'dist/Code.js missing' }));
    return 1;
  }
  log(
    `Нагрузочный тест: «сегодня» ${BENCH_TODAY} (понедельник, первый рабочий день месяца), время ${BENCH_NOW.toISOString()}`,
  );
  log(
    `Модель Apps Script: ${CALL_MS} мс на вызов + ${CELL_MS} мс на ячейку в массиве значений + ${MAIL_MS} мс на письмо + время JavaScript, измеренное здесь; предел ${LIMIT_MS / 60000} мин.`,
  );

  const results: BenchRun[] = [];
  let failed = 0;
  for (const { n, archive } of sizes) {
    const runs = runsArg > 0 ? runsArg : n <= 1000 ? 5 : 3;
    const t0 = performance.now();
    const prep = await prepareWorkbook(n, { archive });
    log(
      `\nN = ${n}: книга готова за ${Math.round(performance.now() - t0)} мс — ${prep.rows.orders} в «Поручения», ` +
        `${prep.rows.archive} в «Архив», ${prep.cells} ячеек; ${prep.notes.join('; ') || 'подготовка без замечаний'}`,
    );
    log(
      `  «Мои поручения»: исполнитель ${prep.pageExecutor.name} — ${prep.pageExecutor.orders} строк в «Поручения» (медиана)`,
    );
    for (const [action, role] of ACTIONS.filter(([a]) => only.length === 0 || only.includes(a))) {
      const samples: BenchRun[] = [];
      for (let i = 0; i < runs; i++) {
        const r = await runAction(prep, action, role);
        samples.push(r);
        if (!r.ok) break; // a failure is reported once, not timed again
      }
      const last = samples[samples.length - 1];
      // The projection's script part is the median sample's too (one run under load can be seconds off).
      const scriptMs = Math.round(median(samples.map((s) => s.projected.scriptMs)));
      const r: BenchRun = {
        ...last,
        projected: { ...last.projected, scriptMs, totalMs: last.projected.sheetsMs + last.projected.mailMs + scriptMs },
        projectedAppsScriptMs: last.projected.sheetsMs + last.projected.mailMs + scriptMs,
        ms: Math.round(median(samples.map((s) => s.ms)) * 10) / 10,
        heapMB: Math.max(...samples.map((s) => s.heapMB)),
        samples: samples.length,
      };
      if (!r.ok) failed++;
      results.push(r);
      log(
        `  ${padEnd(label(r), 6)} ${r.ok ? 'ok ' : 'ОШИБКА'} ${pad(r.ms.toFixed(1), 9)} мс  heap ${pad(r.heapMB, 5)} МБ  ` +
          `вызовов ${pad(r.spreadsheetCalls, 5)}  ячеек ${pad(r.cells, 9)}  писем ${pad(r.mailCalls, 4)} (${r.mailRecipients} адр.)  ` +
          `Apps Script ≈ ${pad((r.projectedAppsScriptMs / 1000).toFixed(1), 6)} с (${headroom(r.projectedAppsScriptMs)})` +
          (r.ok ? '' : `\n         ${r.error}`),
      );
    }
  }

  // Summary table, then calls by method for the largest size.
  const sec = (ms: number) => (ms / 1000).toFixed(1);
  log(
    '\n| N | архив | действие | мс (медиана) | heap, МБ | вызовов Spreadsheet | ячеек | писем (адресов) | Apps Script, с: таблица + почта + скрипт = всего | от 6 мин |',
  );
  log('|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|');
  for (const r of results)
    log(
      `| ${r.n} | ${r.archived} | ${label(r)}${r.ok ? '' : ' ✗'} | ${r.ms.toFixed(1)} | ${r.heapMB} | ${r.spreadsheetCalls} | ${r.cells} | ${r.mailCalls} (${r.mailRecipients}) | ` +
        `${sec(r.projected.sheetsMs)} + ${sec(r.projected.mailMs)} + ${sec(r.projected.scriptMs)} = ${sec(r.projectedAppsScriptMs)} | ` +
        `${((r.projectedAppsScriptMs / LIMIT_MS) * 100).toFixed(1)} % |`,
    );
  const biggest = Math.max(...sizes.map((s) => s.n));
  for (const r of results.filter((x) => x.n === biggest)) {
    const top = Object.entries(r.byMethod)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    log(`\nВызовы по методам, N = ${r.n}, архив ${r.archived}, ${label(r)}: ${top || '—'}`);
    const cells = Object.entries(r.cellsByTarget)
      .sort((a, b) => b[1] - a[1])
      .map(([k, v]) => `${k} ${v}`)
      .join(', ');
    log(`Ячейки по вызовам: ${cells || '—'}`);
  }
  const targets: Record<string, unknown> = {};
  // «Мои поручения» (issue 23): what one page action costs against whose orders it shows.
  const pages = results.filter((r) => r.role);
  if (pages.length) {
    log(
      '\n| N | архив | действие | строк человека | пунктов на странице | вызовов (из них построение объекта) | ячеек | Apps Script, с | то же, если построение бесплатно |',
    );
    log('|---:|---:|---|---:|---:|---:|---:|---:|---:|');
    for (const r of pages)
      log(
        `| ${r.n} | ${r.archived} | ${label(r)}${r.ok ? '' : ' ✗'} | ${r.personOrders ?? '—'} | ${r.pageItems ?? '—'} | ${r.serviceCalls} (${r.builderCalls}) | ${r.cells} | ` +
          `${sec(r.projectedAppsScriptMs)} | ${sec(r.projectedAppsScriptMs - r.builderCalls * BUILDER_MS)} |`,
      );
    for (const r of pages) {
      const limit = r.n <= 1000 ? 1000 : 2000;
      targets[`page ${r.n}/${r.archived} ${r.action} ${r.role}`] = {
        projectedMs: r.projectedAppsScriptMs,
        ok: r.ok && r.projectedAppsScriptMs <= limit,
      };
    }
  }
  // Calls that grow with N are the bug this benchmark exists to catch: the totals must stay within
  // 2 % (issue 15; the bounded writers may differ by a few calls where a small book has fewer runs).
  const within = (a: number, b: number, share: number) => Math.abs(a - b) <= share * Math.max(a, b);
  for (const action of ['daily', 'setup', 'report'] as const) {
    const byN = results.filter((r) => r.action === action && r.ok);
    if (byN.length < 2) continue;
    const [first, ...rest] = byN;
    for (const r of rest) {
      const diff = Object.keys({ ...first.byMethod, ...r.byMethod })
        .filter((m) => (first.byMethod[m] ?? 0) !== (r.byMethod[m] ?? 0))
        .map((m) => `${m} ${first.byMethod[m] ?? 0} → ${r.byMethod[m] ?? 0}`);
      const flat = within(first.spreadsheetCalls, r.spreadsheetCalls, 0.02);
      if (diff.length)
        log(
          `${flat ? 'вызовы в пределах 2 %' : 'ВНИМАНИЕ: вызовы растут'}: ${action} при N = ${first.n} и N = ${r.n} (архив ${r.archived}): ` +
            `${first.spreadsheetCalls} → ${r.spreadsheetCalls}; ${diff.join(', ')}`,
        );
      if (action === 'daily') targets[`callsFlat ${first.n}→${r.n}/${r.archived}`] = flat;
    }
  }
  // Issue 15's targets for the daily check at the largest N, and «Архив» beside it.
  const readOf = (r: BenchRun) => r.cellsByTarget['Range.getValues «Поручения»'] ?? 0;
  const dailies = results.filter((r) => r.action === 'daily' && r.ok && r.n === biggest);
  const plain = dailies.reduce<BenchRun | undefined>((a, r) => (!a || r.archived < a.archived ? r : a), undefined);
  if (plain) {
    const ratio = readOf(plain) ? plain.cells / readOf(plain) : 0;
    Object.assign(targets, {
      cellsPerRead: Math.round(ratio * 1000) / 1000,
      cellsPerReadOk: ratio > 0 && ratio <= 1.25,
      sheetsMs: plain.projected.sheetsMs,
      sheetsMsOk: plain.projected.sheetsMs <= 65_000,
      sandboxMs: plain.ms,
      sandboxMsOk: plain.ms < 5000,
      heapMB: plain.heapMB,
    });
    log(
      `\nЦели (N = ${plain.n}, архив ${plain.archived}): ячеек ${plain.cells} = ${ratio.toFixed(3)} × одно чтение «Поручения» (≤ 1,25); ` +
        `таблица ${sec(plain.projected.sheetsMs)} с (≤ 65); песочница ${plain.ms.toFixed(0)} мс (< 5000); heap ${plain.heapMB} МБ`,
    );
    for (const r of dailies.filter((x) => x !== plain)) {
      const ok = within(plain.spreadsheetCalls, r.spreadsheetCalls, 0.02) && within(plain.cells, r.cells, 0.02);
      targets[`archive ${plain.archived}→${r.archived}`] = {
        calls: [plain.spreadsheetCalls, r.spreadsheetCalls],
        cells: [plain.cells, r.cells],
        ok,
      };
      log(
        `«Архив» ${plain.archived} → ${r.archived}: вызовов ${plain.spreadsheetCalls} → ${r.spreadsheetCalls}, ячеек ${plain.cells} → ${r.cells} (${ok ? 'в пределах 2 %' : 'БОЛЬШЕ 2 %'})`,
      );
    }
  }
  if (!cellsMeasured) log('ВНИМАНИЕ: класс Range песочницы не найден — ячейки не посчитаны, прогноз занижен.');
  if (failed) log(`\n${failed} действий завершились ошибкой — см. выше.`);
  if (json)
    log(
      JSON.stringify({
        model: { callMs: CALL_MS, cellMs: CELL_MS, mailMs: MAIL_MS, limitMs: LIMIT_MS },
        targets,
        runs: results.map((r) => ({
          n: r.n,
          archived: r.archived,
          action: r.action,
          ...(r.role ? { role: r.role, personOrders: r.personOrders, pageItems: r.pageItems } : {}),
          ok: r.ok,
          ms: r.ms,
          heapMB: r.heapMB,
          spreadsheetCalls: r.spreadsheetCalls,
          serviceCalls: r.serviceCalls,
          builderCalls: r.builderCalls,
          cells: r.cells,
          cellsByTarget: r.cellsByTarget,
          mailCalls: r.mailCalls,
          mailRecipients: r.mailRecipients,
          projectedAppsScriptMs: r.projectedAppsScriptMs,
          projected: r.projected,
          byMethod: r.byMethod,
          ...(r.error ? { error: r.error } : {}),
        })),
      }),
    );
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (e) => {
    process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
    if (process.argv.includes('--json')) process.stdout.write(`${JSON.stringify({ runs: [], error: String(e) })}\n`);
    process.exitCode = 1;
  },
);
