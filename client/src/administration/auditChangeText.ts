import type { TFunction } from 'i18next';

/** One value of a changed field, in words (an organisation by its name when known). */
function valueText(
  field: string,
  value: unknown,
  t: TFunction,
  orgName: (id: string) => string | undefined,
): string {
  if (value === null || value === undefined || value === '') return t('administration.audit.empty_value');
  if (field === 'orgId' && typeof value === 'string') return orgName(value) ?? value;
  if (typeof value === 'boolean') return value ? t('administration.audit.yes') : t('administration.audit.no');
  const vocab: Record<string, string> = {
    role: 'vocab.role',
    type: 'vocab.orgType',
    channel: 'vocab.channel',
    expertise: 'vocab.ipType',
    languages: 'administration.language',
    status: 'supervision.status',
  };
  const key = vocab[field];
  if (Array.isArray(value)) {
    if (value.length === 0) return t('administration.audit.empty_value');
    return value.map((v) => (key ? t(`${key}.${String(v)}`) : String(v))).join(t('common.listSeparator'));
  }
  return key ? t(`${key}.${String(value)}`) : String(value as string | number);
}

/** The changes of an administrative entry, field by field: `field: before → after`. */
export function auditChangeText(
  before: Record<string, unknown> | null,
  after: Record<string, unknown> | null,
  t: TFunction,
  orgName: (id: string) => string | undefined = () => undefined,
): string[] {
  if (!after) return [];
  return Object.keys(after).map((field) => {
    const label = t(`administration.audit.fields.${field}`, { defaultValue: field });
    const next = valueText(field, after[field], t, orgName);
    return before
      ? `${label}${t('common.colon')}${valueText(field, before[field], t, orgName)} → ${next}`
      : `${label}${t('common.colon')}${next}`;
  });
}
