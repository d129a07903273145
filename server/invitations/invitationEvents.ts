/**
 * The record events of invitations (facts in the case log; service itself is the machine's `SERVE`).
 * `INVITATION_SENT`: a link was issued and its mail queued (on routing, a resend or a new address);
 * `INVITATION_OPENED`: the link was first opened; `RESPONDENT_ADDRESS_CHANGED`: staff changed the
 * respondent's address (old → new; staff-only, `visibility: 'staff'`).
 */
export const INVITATION_SENT = 'INVITATION_SENT';
/** The invitation link was opened for the first time. */
export const INVITATION_OPENED = 'INVITATION_OPENED';
/** Staff changed the respondent's e-mail address. */
export const RESPONDENT_ADDRESS_CHANGED = 'RESPONDENT_ADDRESS_CHANGED';
