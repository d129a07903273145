import { Checkbox, MultiSelect, NumberInput, Select, TagsInput, TextInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ActionField } from '../../../shared/machine/actions/actionFields.js';
import { useOrgsLike, useUsers } from '../api/directory.js';

/** Date-time fields are entered in Beijing time, whatever the browser's zone. */
const BEIJING_TIME = '北京时间 / Beijing time (Asia/Shanghai)';
import type { FieldValue } from './actionValues.js';

const ID_ROLES: Record<string, string> = {
  mediatorId: 'mediator',
  arbitratorId: 'arbitrator',
  investigatorId: 'investigator',
  respondentId: 'respondent',
};

/** Options of an enum field, translated by what the field holds. */
function optionLabel(
  field: ActionField,
  option: string,
  t: (k: string, o?: Record<string, unknown>) => string,
): string {
  const vocab: Record<string, string> = {
    channel: 'vocab.channel',
    track: 'vocab.track',
    variant: 'vocab.variant',
    remedy: 'vocab.remedy',
    outcome: 'vocab.outcome',
    reason: 'vocab.closure',
    partiesWithoutDomicile: 'vocab.role',
    approvedBy: 'vocab.trialExtensionApprover',
    forum: 'vocab.forum',
    means: 'vocab.serviceMeans',
  };
  const base = vocab[field.name];
  return base ? t(`${base}.${option}`, { defaultValue: option }) : option;
}

/** One input of an action form, chosen by the field's kind. */
export function ActionFieldInput({
  field,
  value,
  error,
  onChange,
  id,
  label,
  holderOrgId,
}: {
  field: ActionField;
  value: FieldValue;
  error?: string;
  onChange: (value: FieldValue) => void;
  id: string;
  label: string;
  /** The organisation holding the case: an `orgId` field chooses among the others of its type. */
  holderOrgId?: string | null;
}) {
  const { t, i18n } = useTranslation();
  const orgs = useOrgsLike(holderOrgId, field.name === 'orgId');
  const role = ID_ROLES[field.name];
  const users = useUsers(role ?? '', field.kind === 'id' && Boolean(role));
  const common = { id, label, error, withAsterisk: field.required };
  const text = typeof value === 'string' ? value : '';

  switch (field.kind) {
    case 'boolean':
      return (
        <Checkbox
          id={id}
          label={label}
          checked={value === true}
          onChange={(e) => onChange(e.currentTarget.checked)}
          error={error}
        />
      );
    case 'text':
      return (
        <Textarea
          {...common}
          autosize
          minRows={3}
          maxRows={10}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'number':
      return (
        <NumberInput
          {...common}
          value={text}
          min={field.min}
          max={field.max}
          allowDecimal={!field.integer}
          thousandSeparator=","
          onChange={(v) => onChange(String(v))}
        />
      );
    case 'date':
      return (
        <TextInput
          {...common}
          type="datetime-local"
          description={BEIJING_TIME}
          value={text}
          onChange={(e) => onChange(e.currentTarget.value)}
        />
      );
    case 'enum':
      if (field.multiple) {
        return (
          <MultiSelect
            {...common}
            data={(field.options ?? []).map((o) => ({ value: o, label: optionLabel(field, o, t) }))}
            value={Array.isArray(value) ? value : []}
            onChange={(v) => onChange(v)}
            comboboxProps={{ withinPortal: true }}
          />
        );
      }
      return (
        <Select
          {...common}
          data={(field.options ?? []).map((o) => ({ value: o, label: optionLabel(field, o, t) }))}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          clearable={!field.required}
          placeholder={t('actions.choose')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    case 'id':
      if (field.name === 'orgId' && holderOrgId)
        return (
          <Select
            {...common}
            data={(orgs.data ?? []).map((o) => ({
              value: o.id,
              label: i18n.language.startsWith('zh') ? o.nameZh : o.name,
            }))}
            value={text || null}
            onChange={(v) => onChange(v ?? '')}
            searchable
            placeholder={orgs.isPending ? t('common.loading') : t('actions.choose')}
            nothingFoundMessage={t('actions.noOrgs')}
            comboboxProps={{ withinPortal: true }}
          />
        );
      if (!role)
        return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
      return (
        <Select
          {...common}
          data={(users.data ?? []).map((u) => ({ value: u.id, label: u.name }))}
          value={text || null}
          onChange={(v) => onChange(v ?? '')}
          searchable
          placeholder={users.isPending ? t('common.loading') : t('actions.choose')}
          nothingFoundMessage={t('actions.noPeople')}
          comboboxProps={{ withinPortal: true }}
        />
      );
    default:
      if (field.multiple) {
        return (
          <TagsInput
            {...common}
            description={t('actions.fieldHint.items')}
            value={Array.isArray(value) ? value : []}
            onChange={(v) => onChange(v)}
          />
        );
      }
      return <TextInput {...common} value={text} onChange={(e) => onChange(e.currentTarget.value)} />;
  }
}
