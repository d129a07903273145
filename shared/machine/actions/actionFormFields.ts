/**
 * The fields a form offers for an action now: the payload fields of its type, without those no
 * accepted payload can carry in the case's current state (an administrative extension is a fixed
 * period by its rule, so its form has no days field that the machine would then refuse).
 */
import { actionPayloadFields, type ActionField } from './actionFields.js';
import type { Actor, CaseEvent, CaseEventType } from '../caseEvents.js';
import type { CaseSnapshot } from '../machineApi.js';

/** The form fields of `type` for this actor now. */
export function actionFormFields(
  snapshot: CaseSnapshot,
  actor: Actor,
  at: string,
  type: CaseEventType,
): readonly ActionField[] {
  const fields = actionPayloadFields(type);
  if (type !== 'REQUEST_EXTENSION') return fields;
  const withDays = { type, days: 1, actor, at } as CaseEvent;
  return snapshot.can(withDays) ? fields : fields.filter((f) => f.name !== 'days');
}
