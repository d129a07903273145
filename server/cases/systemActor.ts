import type { Actor } from '../../shared/machine/caseEvents.js';

/** The platform itself, as the actor of clock expiries, warnings and automatic assignments. */
export const SYSTEM_ACTOR: Actor = Object.freeze({
  id: 'system',
  role: 'system',
  orgId: null,
  orgType: null,
});
