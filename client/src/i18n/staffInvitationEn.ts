/** Staff invitations (the administration screen, the invitation link's page). */
export const staffInvitationEn = {
  access: 'Sign-in',
  sendInvitation: 'Send an invitation e-mail',
  setPassword: 'Set an initial password',
  invitationHint: 'They receive an e-mail with a single-use link to choose their own password and sign in.',
  invited: 'Invited, not yet signed in',
  resend: 'Resend invitation',
  resent: 'A new invitation went to {{email}}; the earlier link no longer works.',
  created: 'Created the account of {{name}} and sent an invitation to {{email}}.',
  pageTitle: 'Choose your password to join Sevenfold',
  pageIntro: '{{name}} ({{email}}), choose the password of your staff account; you are then signed in.',
  checking: 'Checking the invitation link…',
  submit: 'Choose password and sign in',
  invalidTitle: 'This invitation link cannot be used',
};
