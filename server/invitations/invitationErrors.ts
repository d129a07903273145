import { HttpError } from '../http/httpErrors.js';

/** No invitation has this token (or it is malformed): nothing about any case is said. */
export const invitationUnknown = () =>
  new HttpError(404, 'Not Found', 'This invitation link is not valid. Check that it was copied whole.', {
    code: 'invitationUnknown',
  });

/** The link expired: nothing about its case is said. */
export const invitationExpired = () =>
  new HttpError(
    410,
    'Gone',
    'This invitation link has expired. Ask the organisation handling the case to send a new one.',
    { code: 'invitationExpired' },
  );

/** The link was replaced by a newer one (a resend, a new address): nothing about its case is said. */
export const invitationReplaced = () =>
  new HttpError(
    410,
    'Gone',
    'This invitation link was replaced by a newer one. Use the latest link you received.',
    {
      code: 'invitationReplaced',
    },
  );

/** The link was already used (to someone else than its claimant: nothing about its case is said). */
export const invitationClaimed = () =>
  new HttpError(
    409,
    'Conflict',
    'This invitation link was already used. Sign in with the account that used it.',
    {
      code: 'invitationClaimed',
    },
  );
