/** Statuses of a credit-register entry (`pendingAppeal` is never listed publicly). */
export const CREDIT_STATUSES = ['pendingAppeal', 'final', 'objected', 'corrected', 'removed'] as const;
/** A status of a credit-register entry. */
export type CreditStatus = (typeof CREDIT_STATUSES)[number];
