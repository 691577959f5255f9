// Time zones (issue 8, item 4). Spec «Who uses it»: «every date rule is computed on calendar dates
// in that zone» — administrations span Europe/Kaliningrad to Asia/Novokuznetsk. The same scenario
// at 08:20 local time must give the same states, notices and report numbers whatever the
// spreadsheet's zone, and whatever zone the machine running the bundle is in (Apps Script servers
// run in the script's zone; the CLI runs in the user's): Node children with TZ=UTC and
// TZ=Pacific/Kiritimati (UTC+14, where the calendar date is a day ahead of most of the world).
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { TAB } from '../../src/workbook/schema';
import { GENERATED_TABS } from '../helpers/tabs';
import { CODE_PATH, loadCode, ROOT } from './harness';

const SHEET_ZONES = ['Europe/Moscow', 'Asia/Yekaterinburg', 'Asia/Novokuznetsk', 'Europe/Kaliningrad'];
const PROCESS_ZONES = ['UTC', 'Pacific/Kiritimati'];

interface Outcome {
  zone: string;
  processZone: string;
  errors: string[];
  tabs: Record<string, unknown[][]>;
  mails: { to: string; cc: string; subject: string; body: string; html: string }[];
}

function child(zone: string, tz: string): Promise<Outcome> {
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'test/reliability/tz-scenario.ts'), zone], {
      cwd: ROOT,
      env: { ...process.env, TZ: tz, KONTROL_CODE: CODE_PATH },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    // Decode as a stream: a chunk may end inside a multi-byte character.
    p.stdout.setEncoding('utf8');
    p.stderr.setEncoding('utf8');
    p.stdout.on('data', (d) => {
      out += d;
    });
    p.stderr.on('data', (d) => {
      err += d;
    });
    p.on('error', reject);
    p.on('close', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0 || !last.startsWith('{'))
        reject(new Error(`${zone} / TZ=${tz}: exit ${code}\n${err.slice(-2000)}`));
      else resolve(JSON.parse(last) as Outcome);
    });
  });
}

const outcomes: Outcome[] = [];

beforeAll(async () => {
  loadCode(); // fail early, with the build hint, when dist/Code.js is missing
  const jobs = SHEET_ZONES.flatMap((z) => PROCESS_ZONES.map((tz) => child(z, tz)));
  outcomes.push(...(await Promise.all(jobs)));
}, 120_000);

describe('one scenario in four spreadsheet zones × two machine zones', () => {
  it('every run finishes, and each child really ran in its zone', () => {
    expect(outcomes).toHaveLength(SHEET_ZONES.length * PROCESS_ZONES.length);
    for (const o of outcomes) expect(o.errors, `${o.zone} / ${o.processZone}`).toEqual([]);
    expect(new Set(outcomes.map((o) => o.processZone))).toEqual(new Set(PROCESS_ZONES));
  });

  it('the scenario does real work: states, notices and report rows', () => {
    const o = outcomes[0];
    const orders = JSON.stringify(o.tabs[TAB.orders]);
    for (const s of ['Просрочено', 'Срок наступает', 'На доработке', 'Исполнено в срок']) expect(orders).toContain(s);
    expect(o.mails.length).toBeGreaterThan(3);
    expect(JSON.stringify(o.tabs[TAB.reportExecution])).toMatch(/Итого/);
  });

  const tabs = [TAB.orders, TAB.archive, ...GENERATED_TABS];
  it.each(tabs)('«%s» is the same cell for cell in every zone', (tab) => {
    const ref = outcomes[0];
    for (const o of outcomes.slice(1)) expect(o.tabs[tab], `${o.zone} / TZ=${o.processZone}`).toEqual(ref.tabs[tab]);
  });

  it('the same e-mails go to the same people with the same text', () => {
    const ref = outcomes[0];
    for (const o of outcomes.slice(1)) expect(o.mails, `${o.zone} / TZ=${o.processZone}`).toEqual(ref.mails);
  });
});
