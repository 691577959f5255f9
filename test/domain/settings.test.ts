import { describe, expect, it } from 'vitest';
import { defaultSettingsRows, parseSettings, SETTING } from '../../src/domain/settings';

describe('«Настройки»', () => {
  it('defaults follow the seeds: remind 1 day (000 п.10), cut-off 3 (000 п.11), keep 5 (000 п.14), entry 1 (000 п.7)', () => {
    const { settings, issues } = parseSettings([], 'Europe/Moscow');
    expect(issues).toEqual([]);
    expect(settings.remindDays).toBe(1);
    expect(settings.extensionCutoffDays).toBe(3);
    expect(settings.keepDoneDays).toBe(5);
    expect(settings.entryDays).toBe(1);
    expect(settings.weeklyReportWeekday).toBe(1); // 003: every Monday
    expect(settings.urgentDays).toBe(3); // 001 7.2.2.18
    expect(settings.operativeDays).toBe(10);
    expect(settings.defaultTerm).toEqual({ unit: 'month', n: 1 }); // 001 7.2.2.20
    expect(settings.mailEnabled).toBe(true);
    expect(settings.nonWorkingDeadline).toBe('previous'); // 001 8.2.4.2
  });
  it('«Снятие с контроля»: «Готово» closes the order by default (000 п.13–14); «решением давшего поручение» (001 гл.7 п.2.4.15, 003 п.199)', () => {
    expect(parseSettings([], 'Europe/Moscow').settings.removalMode).toBe('executor');
    const giver = parseSettings([[SETTING.removalMode, ' Решением давшего поручение ']], 'Europe/Moscow');
    expect(giver.issues).toEqual([]);
    expect(giver.settings.removalMode).toBe('giver');
    const bad = parseSettings([[SETTING.removalMode, 'когда-нибудь']], 'Europe/Moscow');
    expect(bad.settings.removalMode).toBe('executor');
    expect(bad.issues[0]?.message).toContain('решением давшего поручение');
    const hint = defaultSettingsRows('Europe/Moscow').find((r) => r[0] === SETTING.removalMode)?.[2] ?? '';
    expect(hint).toContain('по умолчанию');
  });
  it('the seeded rows parse back to the defaults', () => {
    const rows = defaultSettingsRows('Asia/Novokuznetsk').map(([k, v]) => [k, v] as const);
    const { settings, issues } = parseSettings(rows, 'Europe/Moscow');
    expect(issues).toEqual([]);
    expect(settings.timeZone).toBe('Asia/Novokuznetsk');
  });
  it('reads values people type, tolerant of case and spacing', () => {
    const { settings, issues } = parseSettings(
      [
        [` ${SETTING.mailEnabled.toUpperCase()} `, 'нет'],
        [SETTING.weeklyReportDay, 'Пятница'],
        [SETTING.defaultTerm, '30 дней'],
        [SETTING.nonWorkingDeadline, 'без переноса'],
        [SETTING.summaryRecipients, 'glava@adm.ru, zam@adm.ru;  zam2@adm.ru'],
      ],
      'Europe/Moscow',
    );
    expect(issues).toEqual([]);
    expect(settings.mailEnabled).toBe(false);
    expect(settings.weeklyReportWeekday).toBe(5);
    expect(settings.defaultTerm).toEqual({ unit: 'day', n: 30 });
    expect(settings.nonWorkingDeadline).toBe('keep');
    expect(settings.summaryRecipients).toEqual(['glava@adm.ru', 'zam@adm.ru', 'zam2@adm.ru']);
  });
  it('a bad value keeps the default and is reported in Russian', () => {
    const { settings, issues } = parseSettings(
      [
        [SETTING.dailyHour, '25'],
        [SETTING.mailEnabled, 'может быть'],
        [SETTING.controllerEmail, 'не адрес'],
        [SETTING.timeZone, 'Mars/Olympus'],
        [SETTING.weeklyReportDay, 'пн-вт'],
        [SETTING.defaultTerm, 'скоро'],
      ],
      'Europe/Moscow',
    );
    expect(settings.dailyHour).toBe(8);
    expect(settings.mailEnabled).toBe(true);
    expect(settings.controllerEmail).toBe('');
    expect(settings.timeZone).toBe('Europe/Moscow');
    expect(issues.map((i) => i.param)).toEqual([
      SETTING.timeZone,
      SETTING.controllerEmail,
      SETTING.weeklyReportDay,
      SETTING.defaultTerm,
      SETTING.mailEnabled,
      SETTING.dailyHour,
    ]);
    for (const i of issues) expect(i.message).toMatch(/[а-яА-Я]/);
  });
});
