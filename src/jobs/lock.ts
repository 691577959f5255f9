// The one lock every writer of the spreadsheet takes: the daily check, the trigger switches and the
// «Мои поручения» page. The spec has runs take the document lock; but a web app gets no document
// lock (getDocumentLock() returns null «if called from a standalone script or web app»,
// reference/lock/lock-service), so a page action could only exclude the others through the script
// lock. The supported deployment is the script bound to the one spreadsheet (README), so its script
// lock guards exactly that spreadsheet: writers take the document lock where there is one, then the
// script lock, always in that order (the page holds only the second, so no two wait on each other).
type Lock = GoogleAppsScript.Lock.Lock;

export interface HeldLocks {
  release(): void;
}

/** Both locks, or null when another execution holds either within `waitMs`. */
export function lockSpreadsheet(waitMs: number): HeldLocks | null {
  const held: Lock[] = [];
  for (const lock of [LockService.getDocumentLock(), LockService.getScriptLock()]) {
    if (!lock) continue;
    if (!lock.tryLock(waitMs)) {
      for (const l of held.reverse()) l.releaseLock();
      return null;
    }
    held.push(lock);
  }
  return {
    release: () => {
      for (const l of held.reverse()) l.releaseLock();
    },
  };
}
