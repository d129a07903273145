import { ActionIcon, Button, Group, Input, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { MAX_RIGHTS } from '../../../../shared/schemas/complaint.js';
import { IP_TYPES, type IpType } from '../../../../shared/vocabulary.js';
import { useComplaintForm, useField } from '../ComplaintFormContext.js';

/** Step 1: the kind of right, its number(s) and a title for the complaint. */
export function RightStep() {
  const { t } = useTranslation();
  const { draft, update, touch } = useComplaintForm();
  const ipType = useField('ipType');
  const title = useField('title');
  const industry = useField('industry');
  const rights = useField('rights');

  return (
    <Stack gap="lg">
      <Radio.Group
        id={ipType.id}
        label={t('complaint.label.ipType')}
        description={t('complaint.help.ipType')}
        value={draft.ipType}
        onChange={(v) => {
          update((d) => ({ ...d, ipType: v as IpType }));
          touch('ipType');
        }}
        error={ipType.error}
        withAsterisk
      >
        <SimpleGrid cols={{ base: 2, md: 4 }} spacing="sm" mt="xs">
          {IP_TYPES.map((type) => (
            <Radio.Card key={type} value={type} radius="md" p="sm" className="sf-radio-card">
              <Group wrap="nowrap" gap="sm">
                <Radio.Indicator />
                <Text size="sm" fw={500}>
                  {t(`vocab.ipType.${type}`)}
                </Text>
              </Group>
            </Radio.Card>
          ))}
        </SimpleGrid>
      </Radio.Group>

      <Stack gap="xs">
        <div>
          <Input.Label required>{t('complaint.label.rights')}</Input.Label>
          <Input.Description>{t('complaint.help.rights')}</Input.Description>
        </div>
        {draft.rights.map((right, i) => (
          <RightRow
            key={i}
            index={i}
            number={right.number}
            title={right.title}
            canRemove={draft.rights.length > 1}
          />
        ))}
        {rights.error && (
          <Text size="xs" c="red" role="alert">
            {rights.error}
          </Text>
        )}
        {draft.rights.length < MAX_RIGHTS && (
          <Group>
            <Button
              variant="subtle"
              size="xs"
              leftSection={<IconPlus size={14} />}
              onClick={() => update((d) => ({ ...d, rights: [...d.rights, { number: '', title: '' }] }))}
            >
              {t('complaint.addRight')}
            </Button>
          </Group>
        )}
      </Stack>

      <TextInput
        {...title}
        label={t('complaint.label.title')}
        description={t('complaint.help.title')}
        placeholder={t('complaint.placeholder.title')}
        value={draft.title}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((d) => ({ ...d, title: value }));
        }}
        withAsterisk
      />
      <TextInput
        {...industry}
        label={t('complaint.label.industry')}
        description={t('complaint.help.industry')}
        placeholder={t('complaint.placeholder.industry')}
        value={draft.industry}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((d) => ({ ...d, industry: value }));
        }}
      />
    </Stack>
  );
}

function RightRow({
  index,
  number,
  title,
  canRemove,
}: {
  index: number;
  number: string;
  title: string;
  canRemove: boolean;
}) {
  const { t } = useTranslation();
  const { update, errorFor } = useComplaintForm();
  const numberField = useField(`rights.${index}.number`);
  // a repeated number is reported on the row itself
  const rowError = errorFor(`rights.${index}`);
  const titleField = useField(`rights.${index}.title`);
  const set = (key: 'number' | 'title', value: string) =>
    update((d) => ({ ...d, rights: d.rights.map((r, i) => (i === index ? { ...r, [key]: value } : r)) }));
  return (
    <Group align="flex-start" gap="sm" wrap="nowrap">
      <TextInput
        {...numberField}
        error={numberField.error ?? rowError}
        label={t('complaint.label.rights_number', { n: index + 1 })}
        placeholder={t('complaint.placeholder.rightNumber')}
        value={number}
        onChange={(e) => set('number', e.currentTarget.value)}
        style={{ flex: '0 0 280px' }}
        withAsterisk
      />
      <TextInput
        {...titleField}
        label={t('complaint.label.rights_title')}
        placeholder={t('complaint.placeholder.rightTitle')}
        value={title}
        onChange={(e) => set('title', e.currentTarget.value)}
        style={{ flex: 1 }}
      />
      {canRemove && (
        <ActionIcon
          variant="subtle"
          color="gray"
          mt={26}
          size="lg"
          aria-label={t('complaint.removeRight', { n: index + 1 })}
          onClick={() => update((d) => ({ ...d, rights: d.rights.filter((_, i) => i !== index) }))}
        >
          <IconTrash size={16} />
        </ActionIcon>
      )}
    </Group>
  );
}
