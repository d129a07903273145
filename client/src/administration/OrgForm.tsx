import { Alert, Button, Group, MultiSelect, NumberInput, Select, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { CHANNELS, IP_TYPES, ORG_TYPES } from '../../../shared/vocabulary.js';
import { useSaveOrg } from '../api/administration.js';
import type { OrgView } from '../api/types.js';
import { saveFailure } from './saveFailure.js';

/** The form of a new organisation, or of one being edited (`org`). */
export function OrgForm({ org, onDone }: { org: OrgView | null; onDone: (saved: OrgView) => void }) {
  const { t } = useTranslation();
  const save = useSaveOrg();
  const [values, setValues] = useState({
    id: org?.id ?? 'org-',
    name: org?.name ?? '',
    nameZh: org?.nameZh ?? '',
    type: org?.type ?? 'mediation',
    channel: org?.channel ?? null,
    capacity: org?.capacity ?? null,
    expertise: org?.expertise ?? [],
    region: org?.region ?? '',
  });
  const set = <K extends keyof typeof values>(key: K, value: (typeof values)[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const isCenter = values.type === 'protectionCenter';

  const submit = (e: FormEvent) => {
    e.preventDefault();
    const body = {
      name: values.name,
      nameZh: values.nameZh,
      type: values.type,
      channel: isCenter ? values.channel : values.type,
      capacity: values.capacity,
      expertise: values.expertise,
      region: values.region,
    };
    save.mutate({ create: org === null, id: values.id, body }, { onSuccess: onDone });
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack gap="sm">
        {org === null && (
          <TextInput
            label={t('administration.orgs.id')}
            description={t('administration.orgs.idHint')}
            required
            value={values.id}
            onChange={(e) => set('id', e.currentTarget.value.trim())}
          />
        )}
        <TextInput
          label={t('administration.orgs.nameZh')}
          required
          value={values.nameZh}
          onChange={(e) => set('nameZh', e.currentTarget.value)}
        />
        <TextInput
          label={t('administration.orgs.name')}
          required
          value={values.name}
          onChange={(e) => set('name', e.currentTarget.value)}
        />
        <Group grow align="flex-start">
          <Select
            label={t('administration.orgs.type')}
            required
            allowDeselect={false}
            data={ORG_TYPES.map((o) => ({ value: o, label: t(`vocab.orgType.${o}`) }))}
            value={values.type}
            onChange={(v) => v && set('type', v)}
          />
          <Select
            label={t('administration.orgs.channel')}
            description={t('administration.orgs.channelHint')}
            disabled={!isCenter}
            clearable
            placeholder={t('administration.orgs.channelNone')}
            data={CHANNELS.map((c) => ({ value: c, label: t(`vocab.channel.${c}`) }))}
            value={isCenter ? values.channel : values.type}
            onChange={(v) => set('channel', v)}
          />
        </Group>
        <Group grow align="flex-start">
          <NumberInput
            label={t('administration.orgs.capacity')}
            description={t('administration.orgs.capacityHint')}
            min={1}
            max={100000}
            allowDecimal={false}
            value={values.capacity ?? ''}
            onChange={(v) => set('capacity', typeof v === 'number' ? v : null)}
          />
          <TextInput
            label={t('administration.orgs.region')}
            value={values.region}
            onChange={(e) => set('region', e.currentTarget.value)}
          />
        </Group>
        <MultiSelect
          label={t('administration.orgs.expertise')}
          placeholder={values.expertise.length === 0 ? t('administration.orgs.expertiseAll') : undefined}
          data={IP_TYPES.map((ip) => ({ value: ip, label: t(`vocab.ipType.${ip}`) }))}
          value={values.expertise}
          onChange={(v) => set('expertise', v)}
        />
        {save.isError && (
          <Alert color="red" variant="light" role="alert">
            {saveFailure(save.error, t)}
          </Alert>
        )}
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {org === null ? t('administration.orgs.create') : t('administration.orgs.save')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
