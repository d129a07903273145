import { ActionIcon, Button, Divider, Group, Input, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_OTHER_RESPONDENTS } from '../../../../shared/machine/respondents.js';
import { useComplaintForm, useField } from '../ComplaintFormContext.js';
import { PartyTypeRadio } from './PartyTypeRadio.js';

/** The complaint's other respondents: each named with type and e-mail, added and removed one by one. */
export function OtherRespondentsFields() {
  const { t } = useTranslation();
  const { draft, update } = useComplaintForm();
  const list = draft.otherRespondents ?? [];
  const all = useField('otherRespondents');
  return (
    <Stack gap="sm" data-testid="other-respondents">
      <Divider />
      <div>
        <Input.Label>{t('respondents.form.title')}</Input.Label>
        <Input.Description>{t('respondents.form.help')}</Input.Description>
      </div>
      {list.map((_, i) => (
        <OtherRespondentRow key={i} index={i} />
      ))}
      {all.error && (
        <Text size="xs" c="red" role="alert">
          {all.error}
        </Text>
      )}
      {list.length < MAX_OTHER_RESPONDENTS && (
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() =>
              update((d) => ({
                ...d,
                otherRespondents: [
                  ...(d.otherRespondents ?? []),
                  { name: '', type: 'enterprise', email: '' },
                ],
              }))
            }
          >
            {t('respondents.form.add')}
          </Button>
        </Group>
      )}
    </Stack>
  );
}

function OtherRespondentRow({ index }: { index: number }) {
  const { t } = useTranslation();
  const { draft, update } = useComplaintForm();
  const row = draft.otherRespondents[index]!;
  const n = index + 1;
  const name = useField(`otherRespondents.${index}.name`);
  const type = useField(`otherRespondents.${index}.type`);
  const email = useField(`otherRespondents.${index}.email`);
  const set = (change: Partial<typeof row>) =>
    update((d) => ({
      ...d,
      otherRespondents: d.otherRespondents.map((r, i) => (i === index ? { ...r, ...change } : r)),
    }));
  return (
    <Group align="flex-start" wrap="nowrap" gap="xs">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm" style={{ flex: 1 }}>
        <TextInput
          {...name}
          label={t('respondents.form.name', { n })}
          value={row.name}
          onChange={(e) => set({ name: e.currentTarget.value })}
          withAsterisk
        />
        <PartyTypeRadio
          id={type.id}
          label={t('respondents.form.type', { n })}
          value={row.type}
          onChange={(value) => set({ type: value })}
        />
        <TextInput
          {...email}
          type="email"
          label={t('respondents.form.email', { n })}
          placeholder="name@example.com"
          value={row.email}
          onChange={(e) => set({ email: e.currentTarget.value })}
        />
      </SimpleGrid>
      <ActionIcon
        mt={28}
        variant="subtle"
        color="red"
        aria-label={t('respondents.form.remove', { n })}
        onClick={() =>
          update((d) => ({ ...d, otherRespondents: d.otherRespondents.filter((_, i) => i !== index) }))
        }
      >
        <IconTrash size={16} />
      </ActionIcon>
    </Group>
  );
}
