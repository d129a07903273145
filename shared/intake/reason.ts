/**
 * One explained factor of a triage, routing or intake decision: a stable machine code (for tests,
 * statistics and UI keys), a plain-English sentence for people, and the weight it added, if any.
 */
export interface Reason {
  /** Stable identifier of the rule or factor, e.g. `arbitration.agreement`. */
  code: string;
  /** A plain-English sentence explaining the factor. */
  text: string;
  /** What the factor added to the score (0 or absent when it only explains). */
  weight?: number;
}

/** Builds a reason; the weight is kept only when one is given. */
export function reason(code: string, text: string, weight?: number): Reason {
  return weight === undefined ? { code, text } : { code, text, weight };
}

/** Sums the weights of some reasons (absent weights count as 0). */
export function totalWeight(reasons: readonly Reason[]): number {
  return reasons.reduce((sum, r) => sum + (r.weight ?? 0), 0);
}

/** Formats an amount in yuan for reason texts, e.g. `CNY 1,250,000`. */
export function formatCny(amount: number): string {
  const [whole = '0', cents] = Math.abs(amount).toFixed(2).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = cents && cents !== '00' ? `.${cents}` : '';
  return `CNY ${amount < 0 ? '-' : ''}${grouped}${fraction}`;
}
