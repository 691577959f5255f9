// «Включить/Выключить автоматическую проверку» and the menu wrapper, through the real bundle
// (spec «Daily check»: installing twice never makes two triggers; apps-script-facts: look up
// ScriptApp.getProjectTriggers() by handler before creating). dist/Code.js or $KONTROL_CODE.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SETTING } from '../../src/domain/settings';
import { emptyWorkbook, type WorkbookModel } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';
import { TAB } from '../../src/workbook/schema';

const ROOT = join(import.meta.dirname, '..', '..');
const CODE_PATH = process.env.KONTROL_CODE ?? join(ROOT, 'dist', 'Code.js');
function code(): string {
  if (!existsSync(CODE_PATH))
    throw new Error(`${CODE_PATH} не найден: выполните npm run build (npm test собирает его сам)`);
  return readFileSync(CODE_PATH, 'utf8');
}

function prepared(prompts: string[] = []) {
  const wb: WorkbookModel = emptyWorkbook('Triggers', 'Asia/Yekaterinburg');
  const sb = createSandbox({ workbook: wb, code: code(), now: new Date('2026-03-10T05:00:00Z'), prompts });
  sb.api('setup', {});
  return { wb, sb };
}

function setHour(wb: WorkbookModel, hour: number): void {
  const s = wb.sheets.find((x) => x.name === TAB.settings);
  const row = s?.cells.find((r) => r[0]?.v === SETTING.dailyHour);
  if (!row) throw new Error('no hour row');
  row[1] = { ...row[1], v: hour };
}

describe('daily trigger', () => {
  it('enabling twice makes one trigger for dailyRun at «Час ежедневной проверки»', () => {
    const { wb, sb } = prepared();
    sb.run('menuEnableTrigger');
    sb.run('menuEnableTrigger');
    expect(wb.triggers).toHaveLength(1);
    expect(wb.triggers[0]).toMatchObject({ handler: 'dailyRun', type: 'CLOCK', atHour: 8 });
    const toasts = sb.ui.toasts.map((t) => JSON.stringify(t));
    expect(toasts.some((t) => t.includes('уже включена'))).toBe(true);
  });

  it('a new hour in «Настройки» replaces the trigger, still one', () => {
    const { wb, sb } = prepared();
    sb.run('menuEnableTrigger');
    setHour(wb, 6);
    sb.run('menuEnableTrigger');
    expect(wb.triggers).toHaveLength(1);
    expect(wb.triggers[0].atHour).toBe(6);
  });

  it('duplicates left behind are reduced to one; disabling removes every dailyRun trigger', () => {
    const { wb, sb } = prepared();
    wb.triggers.push({ id: 'old-1', handler: 'dailyRun', type: 'CLOCK', atHour: 9, everyDays: 1 });
    wb.triggers.push({ id: 'old-2', handler: 'dailyRun', type: 'CLOCK', atHour: 9, everyDays: 1 });
    wb.triggers.push({ id: 'other', handler: 'somethingElse', type: 'CLOCK', atHour: 3, everyDays: 1 });
    sb.run('menuEnableTrigger');
    expect(wb.triggers.filter((t) => t.handler === 'dailyRun')).toHaveLength(1);
    sb.run('menuDisableTrigger');
    expect(wb.triggers.map((t) => t.handler)).toEqual(['somethingElse']);
  });
});

describe('menu', () => {
  it('onOpen (a simple trigger) adds «Контроль поручений»; onInstall does the same', () => {
    const { sb } = prepared();
    sb.run('onOpen', {}, { trigger: 'simple' });
    const menus = JSON.stringify(sb.ui.menus);
    expect(menus).toContain('Контроль поручений');
    expect(menus).toContain('menuDailyNow');
    expect(menus).toContain('Отчёт об исполнении');
    const other = prepared().sb;
    expect(other.ui.menus).toHaveLength(0);
    other.run('onInstall', {}, { trigger: 'simple' });
    expect(JSON.stringify(other.ui.menus)).toBe(menus);
  });

  it('onOpen in AuthMode.NONE (reference/script/auth-mode) builds the menu and calls nothing else', () => {
    const { sb } = prepared();
    expect(() => sb.run('onOpen', {}, { trigger: 'simple', authMode: 'NONE' })).not.toThrow();
    expect(JSON.stringify(sb.ui.menus)).toContain('menuEnableTrigger');
  });

  it('a bad answer to a prompt becomes a Russian alert, not an exception', () => {
    const { sb } = prepared(['весна']);
    expect(() => sb.run('menuLeanQuarterly')).not.toThrow();
    const alerts = JSON.stringify(sb.ui.alerts);
    expect(alerts).toContain('Не удалось выполнить действие');
    expect(alerts).toContain('квартал «весна» не распознан');
  });

  it('help opens a Russian dialog', () => {
    const { sb } = prepared();
    sb.run('menuHelp');
    const dialogs = JSON.stringify(sb.ui.dialogs);
    expect(dialogs).toContain('Справка');
    expect(dialogs).toContain('Ежедневная проверка');
  });

  it('setup from the menu shows a progress toast, then its summary', () => {
    const { sb } = prepared();
    sb.run('menuSetup');
    const toasts = sb.ui.toasts.map((t) => JSON.stringify(t));
    expect(toasts.some((t) => t.includes('Создаю недостающие листы'))).toBe(true);
    expect(toasts[toasts.length - 1]).toContain('Таблица уже настроена');
  });
});
