/** Actions that end or refuse something: red buttons. */
export const DANGER_ACTIONS = new Set<string>([
  'REJECT',
  'WITHDRAW',
  'DECLINE',
  'DECLINE_ASSIGNMENT',
  'DECLARE_IMPASSE',
  'REFUSE_CONFIRMATION',
]);
