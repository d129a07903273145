/** Roles staff of an organisation can hold (an organisation's lead manages these in their organisation). */
export const STAFF_ROLES = ['officer', 'mediator', 'arbitrator', 'investigator'] as const;
/** A staff role. */
export type StaffRole = (typeof STAFF_ROLES)[number];
