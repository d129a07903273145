import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { notifications } from '@mantine/notifications';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import type { ActionField } from '../../../shared/machine/actions/actionFields.js';
import type { CaseEventType } from '../../../shared/machine/caseEvents.js';
import { useCaseAction } from '../api/cases.js';
import { ActionFieldInput } from './ActionFieldInput.js';
import { DANGER_ACTIONS } from './actionStyle.js';
import { actionWording } from './actionLabel.js';
import { actionBody, actionErrors, initialValues, type FieldValue } from './actionValues.js';

/**
 * The form of one action, built from its payload fields and validated with the shared action
 * schema; sent with `expectedSeq`, so a case that changed meanwhile is refused and refreshed.
 */
export function ActionForm({
  caseView,
  type,
  fields,
  onDone,
  onCancel,
  extraBody,
  hideFields = [],
  requiredOverride = [],
  prefill,
}: {
  /** The case as far as sending needs it: its id and the seq the form was opened at. */
  caseView: Pick<CaseView, 'id' | 'seq'> & { orgId?: string | null; tags?: readonly string[] };
  type: CaseEventType;
  fields: readonly ActionField[];
  onDone: () => void;
  onCancel?: () => void;
  /** Values set by a custom part of the form (e.g. the channel chosen in the route form). */
  extraBody?: Record<string, unknown>;
  hideFields?: string[];
  /** Optional fields made required by a rule the schema cannot see (an override reason). */
  requiredOverride?: string[];
  /** Values the form opens with (e.g. the figures of the damages estimate). */
  prefill?: Record<string, FieldValue>;
}) {
  const { t, i18n } = useTranslation();
  const wording = actionWording(type, caseView.tags);
  /** A field's label key: its hearing wording when the action is worded as a hearing and one exists. */
  const fieldKey = (name: string) =>
    wording !== type && i18n.exists(`actions.field.${name}_hearing`)
      ? `actions.field.${name}_hearing`
      : `actions.field.${name}`;
  const [values, setValues] = useState<Record<string, FieldValue>>(() => ({
    ...initialValues(fields),
    ...prefill,
  }));
  const [showErrors, setShowErrors] = useState(false);
  const act = useCaseAction(caseView.id);
  const body = { ...actionBody(type, fields, values), ...extraBody };
  const errors = actionErrors(type, body);
  for (const name of requiredOverride) {
    if (!body[name]) errors.set(name, { type: 'any.required' });
  }
  const visible = fields.filter((f) => !hideFields.includes(f.name));
  const hiddenMissing = [...errors.keys()].filter((name) => hideFields.includes(name));

  const errorText = (name: string): string | undefined => {
    const e = errors.get(name);
    if (!e || !showErrors) return undefined;
    const label = t(`actions.field.${name}`, { defaultValue: name });
    return t(`validation.${e.type}`, {
      label,
      limit: e.limit,
      min: e.min,
      max: e.max,
      defaultValue: t('validation.invalid', { label }),
    });
  };

  const submit = () => {
    setShowErrors(true);
    if (errors.size > 0) {
      const first = visible.find((f) => errors.has(f.name));
      if (first) document.getElementById(`af-${type}-${first.name}`)?.focus();
      return;
    }
    act.mutate(
      { ...body, type, expectedSeq: caseView.seq },
      {
        onSuccess: () => {
          notifications.show({
            color: 'teal',
            message: t('actions.done', { action: t(`actions.action.${wording}`) }),
          });
          onDone();
        },
      },
    );
  };

  const failure = act.error;
  return (
    <form
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="md">
        {t(`actions.help.${wording}`, { defaultValue: '' }) && (
          <Text size="sm" c="dimmed">
            {t(`actions.help.${wording}`)}
          </Text>
        )}
        {visible.map((f) => (
          <ActionFieldInput
            key={f.name}
            holderOrgId={caseView.orgId}
            id={`af-${type}-${f.name}`}
            field={requiredOverride.includes(f.name) ? { ...f, required: true } : f}
            label={t(
              type === 'CLOSE' && f.name === 'reason' ? 'actions.field.closeReason' : fieldKey(f.name),
              {
                defaultValue: f.name,
              },
            )}
            value={values[f.name] ?? ''}
            error={errorText(f.name)}
            onChange={(v) => setValues((s) => ({ ...s, [f.name]: v }))}
          />
        ))}
        {showErrors && hiddenMissing.length > 0 && (
          <Alert color="red" variant="light" role="alert">
            {hiddenMissing
              .map((name) => t('validation.any.required', { label: t(fieldKey(name)) }))
              .join(' ')}
          </Alert>
        )}
        {failure && (
          <Alert color="red" variant="light" role="alert" title={t('actions.failed')}>
            {problemText(t, failure, i18n.language)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              {t('common.cancel')}
            </Button>
          )}
          <Button type="submit" loading={act.isPending} color={DANGER_ACTIONS.has(type) ? 'red' : undefined}>
            {t(`actions.action.${wording}`)}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
