// The first-contact failures of `npm run live-check`, each as one Russian line with its fix
// (issue 24 item 5). The texts Google answers are copied from where they are documented or reported:
//  - «User has not enabled the Apps Script API. Enable it by visiting
//    https://script.google.com/home/usersettings then retry. …» — 403 PERMISSION_DENIED, when the
//    account's Apps Script API switch is off (googleworkspace/python-samples#79, google/clasp#256);
//  - «Requested entity was not found.» — 404 NOT_FOUND: scripts.run called with the script id
//    instead of the API-executable deployment id (google/clasp#1169), or a wrong script id;
//  - «The caller does not have permission» — 403 PERMISSION_DENIED from scripts.run: «the Cloud
//    Platform project used to authorize the request is not the same as the one used by the script»
//    (developers.google.com/apps-script/api/reference/rest/v1/scripts/run);
//  - «<API name> has not been used in project N before or it is disabled. Enable it by visiting
//    <activation URL> then retry. …» — 403 SERVICE_DISABLED, an API not enabled in the OAuth
//    client's Cloud project (jolly-roger#1261 quotes it for the Apps Script API);
//  - «Request had insufficient authentication scopes.» — 403, a sign-in without the scopes.

/** A Google API error as google-auth-library / gaxios throws it. */
export interface ApiErrorShape {
  message?: string;
  response?: {
    status?: number;
    data?: {
      error?: {
        code?: number;
        message?: string;
        status?: string;
        details?: { reason?: string; metadata?: Record<string, string> }[];
      };
    };
  };
}

/** What the check was doing: the line names it and the fix depends on it. */
export type LiveStage = 'project' | 'push' | 'deploy' | 'run' | 'read' | 'undeploy';

export const STAGE_TEXT: Record<LiveStage, string> = {
  project: 'чтение проекта скрипта (projects.get)',
  push: 'загрузка dist/ в проект (projects.updateContent)',
  deploy: 'версия и развёртывание для Apps Script API',
  run: 'выполнение шага через scripts.run',
  read: 'чтение таблицы (values.batchGet)',
  undeploy: 'удаление развёртывания проверки',
};

const API_NAMES: Record<string, string> = {
  'script.googleapis.com': 'Apps Script API',
  'sheets.googleapis.com': 'Google Sheets API',
  'drive.googleapis.com': 'Google Drive API',
};

export const USER_SETTINGS_URL = 'https://script.google.com/home/usersettings';

export interface LiveContext {
  scriptId?: string;
  deploymentId?: string;
}

function parts(err: unknown): { status: number; message: string; reason: string; meta: Record<string, string> } {
  const e = (err ?? {}) as ApiErrorShape;
  const body = e.response?.data?.error;
  const status = e.response?.status ?? body?.code ?? 0;
  const message = String(body?.message ?? e.message ?? String(err)).split('\n')[0];
  const info = (body?.details ?? []).find((d) => d?.reason) ?? {};
  return { status, message, reason: String(info.reason ?? ''), meta: info.metadata ?? {} };
}

/** The one line for a failure of `stage`: what happened, in Russian, and what to do. */
export function firstContactLine(err: unknown, stage: LiveStage, ctx: LiveContext = {}): string {
  const { status, message, reason, meta } = parts(err);
  const where = `Проверка на Google прервана (${STAGE_TEXT[stage]})`;
  const quoted = `${status ? `${status} ` : ''}«${message}»`;
  if (status === 403 && /has not enabled the Apps Script API/i.test(message))
    return `${where}: Apps Script API выключен в настройках вашей учётной записи (${quoted}). Включите «Google Apps Script API» на странице ${USER_SETTINGS_URL} и через несколько минут повторите.`;
  const disabled = /has not been used in project (\d+) before or it is disabled/i.exec(message);
  if (status === 403 && (disabled || reason === 'SERVICE_DISABLED')) {
    const service = meta.service ?? /apis\/api\/([a-z.]+googleapis\.com)/.exec(message)?.[1] ?? '';
    const name = API_NAMES[service] ?? (/^(.+?) has not been used/.exec(message)?.[1] || service || 'API');
    const project = meta.consumer?.replace(/^projects\//, '') ?? disabled?.[1] ?? '';
    const url =
      meta.activationUrl ??
      /(https:\/\/console\.developers\.google\.com\/\S+?)(?:\s|$)/.exec(message)?.[1] ??
      'https://console.cloud.google.com/apis/library';
    return `${where}: в проекте Google Cloud ${project} не включён ${name}. Включите его: ${url} — и через несколько минут повторите.`;
  }
  if (status === 403 && /insufficient authentication scopes/i.test(message))
    return `${where}: вход выполнен без нужных областей доступа (${quoted}). Войдите заново командой из README («Проверка на настоящем Google», шаг 4).`;
  if (status === 403 && stage === 'run')
    return `${where}: ${quoted} — проект скрипта и OAuth-клиент находятся в разных проектах Google Cloud. В редакторе скрипта откройте «Настройки проекта → Проект Google Cloud Platform → Изменить проект» и укажите номер стандартного проекта, в котором создан ваш OAuth-клиент.`;
  if (status === 403)
    return `${where}: ${quoted} — у этой учётной записи нет доступа к проекту скрипта ${ctx.scriptId ?? ''}. Войдите тем аккаунтом, которым создан проект (владельцем).`;
  if (status === 404 && stage === 'run')
    return `${where}: ${quoted} — scripts.run не нашёл развёртывание ${ctx.deploymentId ?? ''}. Вызов идёт по идентификатору развёртывания для API (не скрипта, google/clasp#1169); проверьте, что в манифесте есть блок executionApi и развёртывание не удалено.`;
  if (status === 404)
    return `${where}: ${quoted} — проект скрипта ${ctx.scriptId ?? ''} не найден. Проверьте --script-id: в редакторе скрипта «Настройки проекта → Идентификаторы → Идентификатор скрипта».`;
  return `${where}: ${quoted}.`;
}
