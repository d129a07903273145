/** Actions whose wording depends on the stage: at a hearing (court trial, arbitral hearing) a session is a hearing. */
const HEARING_WORDED = new Set<string>(['SCHEDULE_SESSION', 'RECORD_SESSION']);

/**
 * The i18n key suffix of an action's label, help and timeline sentence: `SCHEDULE_SESSION_hearing` when
 * the stage carries the machine's `hearing` tag (开庭, not 调解会议), the type itself otherwise.
 */
export function actionWording(type: string, tags: readonly string[] | undefined): string {
  return HEARING_WORDED.has(type) && tags?.includes('hearing') ? `${type}_hearing` : type;
}
