// The sandbox's one-off clock triggers, copied from
// developers.google.com/apps-script/reference/script/clock-trigger-builder#after(Integer) («the
// minimum duration (in milliseconds) after the current time that the trigger runs») and #at(Date);
// a trigger stays in the project's list until deleted and counts toward the 20 triggers per user
// per script (guides/triggers/installable «Restrictions», guides/services/quotas), so a fired
// one-off trigger is still listed. The daily check's follow-up relies on all three
// (src/jobs/follow-up.ts).
import { describe, expect, it } from 'vitest';
import { emptySheet, emptyWorkbook } from '../../src/local/model';
import { createSandbox } from '../../src/local/sandbox/index';

const START = new Date('2026-06-01T05:20:00Z');
const CODE = `
function later(ms) { return ScriptApp.newTrigger('tick').timeBased().after(ms).create().getUniqueId(); }
function atTime(iso) { return ScriptApp.newTrigger('tick').timeBased().at(new Date(iso)).create().getUniqueId(); }
function mixed() { return ScriptApp.newTrigger('tick').timeBased().after(1000).everyDays(1).create(); }
function tick() {
  var p = PropertiesService.getDocumentProperties();
  p.setProperty('ticks', String(Number(p.getProperty('ticks') || 0) + 1));
  p.setProperty('at', String(Date.now()));
}
function list() {
  return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction() + ':' + t.getEventType(); }).join(',');
}
function dropAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
`;

function make() {
  const wb = emptyWorkbook();
  wb.sheets.push(emptySheet('Лист1'));
  return createSandbox({ workbook: wb, code: CODE, now: START, realElapsed: false });
}

describe('ClockTriggerBuilder.after / at: one-off clock triggers', () => {
  it('after(ms) makes a CLOCK trigger that runs once, not before ms have passed, and stays listed until deleted', () => {
    const sb = make();
    const id = sb.invoke('later', [60_000]) as string;
    expect(sb.run('list')).toBe('tick:CLOCK');
    expect(sb.workbook.triggers[0].at).toBe(START.getTime() + 60_000);
    sb.fireTrigger(id);
    const props = sb.workbook.properties.document;
    expect(props.ticks).toBe('1');
    // It ran at its time, not before: the sandbox clock moved to it.
    expect(Number(props.at)).toBeGreaterThanOrEqual(START.getTime() + 60_000);
    // Once: a second firing is refused, and the trigger is still in the list (and in the quota).
    expect(() => sb.fireTrigger(id)).toThrow(/already run/);
    expect(props.ticks).toBe('1');
    expect(sb.run('list')).toBe('tick:CLOCK');
    sb.run('dropAll');
    expect(sb.run('list')).toBe('');
  });

  it('at(date) runs once at that instant', () => {
    const sb = make();
    const id = sb.invoke('atTime', ['2026-06-01T06:00:00Z']) as string;
    sb.fireTrigger(id);
    expect(Number(sb.workbook.properties.document.at)).toBeGreaterThanOrEqual(Date.parse('2026-06-01T06:00:00Z'));
  });

  it('fired one-off triggers count toward the 20 per user until deleted (guides/services/quotas)', () => {
    const sb = make();
    for (let i = 0; i < 20; i++) sb.fireTrigger(sb.invoke('later', [1000]) as string);
    expect(() => sb.invoke('later', [1000])).toThrow(/too many triggers/);
    sb.run('dropAll');
    expect(() => sb.invoke('later', [1000])).not.toThrow();
  });

  it('a one-off trigger cannot also recur (sandbox: the page documents no such mix)', () => {
    const sb = make();
    expect(() => sb.run('mixed')).toThrow(/one-off/);
  });
});
