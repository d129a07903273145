import type { TFunction } from 'i18next';

/** A credit entry's decision (`infringement:<outcome>` or `nonCompliance`) in the UI language. */
export function decisionLabel(t: TFunction, decision: string): string {
  if (decision === 'nonCompliance') return t('creditRegister.decision.nonCompliance');
  const [, outcome] = decision.split(':');
  const base = t('creditRegister.decision.infringement');
  return outcome ? `${base} · ${t(`vocab.outcomeKind.${outcome}`, { defaultValue: base })}` : base;
}
