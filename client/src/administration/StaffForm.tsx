import {
  Alert,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  NumberInput,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { STAFF_LANGUAGES } from '../../../shared/admin/staffLanguages.js';
import { STAFF_ROLES } from '../../../shared/admin/staffRoles.js';
import { IP_TYPES } from '../../../shared/vocabulary.js';
import { useSaveStaff } from '../api/administration.js';
import type { AccountView } from '../api/types.js';
import { saveFailure } from './saveFailure.js';

/**
 * The form of a new account of an organisation — invited by e-mail to choose its password (the
 * default), or with an initial password the administrator hands over — or of one being edited
 * (`user`). Only the platform supervisor names a lead.
 */
export function StaffForm({
  orgId,
  user,
  mayNameLead,
  onDone,
}: {
  orgId: string;
  user: AccountView | null;
  mayNameLead: boolean;
  onDone: (saved: AccountView) => void;
}) {
  const { t } = useTranslation();
  const save = useSaveStaff();
  const [values, setValues] = useState({
    name: user?.name ?? '',
    email: user?.email ?? '',
    password: '',
    access: 'invite' as 'invite' | 'password',
    role: user?.role ?? 'mediator',
    expertise: user?.expertise ?? [],
    languages: user?.languages ?? ['zh'],
    capacity: user?.capacity ?? 10,
    lead: user?.lead ?? false,
  });
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const common = {
      name: values.name,
      role: values.role,
      expertise: values.expertise,
      languages: values.languages,
      capacity: values.capacity,
      ...(mayNameLead ? { lead: values.role === 'officer' && values.lead } : {}),
    };
    const access = values.access === 'invite' ? { invite: true } : { password: values.password };
    const body = user ? common : { ...common, email: values.email, ...access, orgId };
    save.mutate({ id: user?.id ?? null, body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        <TextInput
          label={t('administration.staff.name')}
          required
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        {user === null && (
          <>
            <TextInput
              label={t('administration.staff.email')}
              type="email"
              required
              value={values.email}
              onChange={(e) => set('email', e.currentTarget.value.trim())}
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="staff-access-label">
                {t('staffInvitation.access')}
              </Text>
              <SegmentedControl
                aria-labelledby="staff-access-label"
                data-testid="staff-access"
                data={[
                  { value: 'invite', label: t('staffInvitation.sendInvitation') },
                  { value: 'password', label: t('staffInvitation.setPassword') },
                ]}
                value={values.access}
                onChange={(v) => set('access', v as 'invite' | 'password')}
              />
            </Stack>
            {values.access === 'invite' ? (
              <Text size="xs" c="dimmed">
                {t('staffInvitation.invitationHint')}
              </Text>
            ) : (
              <PasswordInput
                label={t('administration.staff.password')}
                description={t('administration.staff.passwordHint')}
                required
                autoComplete="new-password"
                value={values.password}
                onChange={(e) => set('password', e.currentTarget.value)}
              />
            )}
          </>
        )}
        <Group grow align="flex-start">
          <Select
            label={t('administration.staff.role')}
            allowDeselect={false}
            data={STAFF_ROLES.map((r) => ({ value: r, label: t(`vocab.role.${r}`) }))}
            value={values.role}
            onChange={(v) => v && set('role', v)}
          />
          <NumberInput
            label={t('administration.staff.capacity')}
            min={1}
            max={200}
            allowDecimal={false}
            value={values.capacity}
            onChange={(v) => typeof v === 'number' && set('capacity', v)}
          />
        </Group>
        <MultiSelect
          label={t('administration.staff.expertise')}
          data={IP_TYPES.map((ip) => ({ value: ip, label: t(`vocab.ipType.${ip}`) }))}
          value={values.expertise}
          onChange={(v) => set('expertise', v)}
        />
        <MultiSelect
          label={t('administration.staff.languages')}
          data={STAFF_LANGUAGES.map((l) => ({ value: l, label: t(`administration.language.${l}`) }))}
          value={values.languages}
          onChange={(v) => set('languages', v)}
        />
        {mayNameLead && values.role === 'officer' && (
          <Checkbox
            label={t('administration.staff.lead')}
            description={t('administration.staff.leadHint')}
            checked={values.lead}
            onChange={(e) => set('lead', e.currentTarget.checked)}
          />
        )}
        {save.isError && (
          <Alert color="red" variant="light" role="alert">
            {saveFailure(save.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {user === null ? t('administration.staff.create') : t('administration.staff.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
