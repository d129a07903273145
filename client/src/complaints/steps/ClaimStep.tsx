import { Checkbox, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { REMEDIES, type Remedy } from '../../../../shared/vocabulary.js';
import { useComplaintForm, useField } from '../ComplaintFormContext.js';

type Flag = 'injunctionRequested' | 'legalAidRequested' | 'hasCounsel';
const FLAGS: Flag[] = ['injunctionRequested', 'hasCounsel', 'legalAidRequested'];

/** Step 4: what is asked — remedies, the amount, an injunction; counsel and legal aid. */
export function ClaimStep() {
  const { t } = useTranslation();
  const { draft, update, touch } = useComplaintForm();
  const amount = useField('claim.amountCny');
  const remedies = useField('claim.remedies');

  return (
    <Stack gap="lg">
      <Checkbox.Group
        id={remedies.id}
        label={t('complaint.label.claim_remedies')}
        description={t('complaint.help.remedies')}
        value={draft.claim.remedies}
        onChange={(values) => {
          update((d) => ({ ...d, claim: { ...d.claim, remedies: values as Remedy[] } }));
          touch('claim.remedies');
        }}
        error={remedies.error}
        withAsterisk
      >
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs" mt="xs">
          {REMEDIES.map((r) => (
            <Checkbox key={r} value={r} label={t(`vocab.remedy.${r}`)} />
          ))}
        </SimpleGrid>
      </Checkbox.Group>
      <TextInput
        {...amount}
        inputMode="decimal"
        label={t('complaint.label.claim_amountCny')}
        description={t('complaint.help.amount')}
        placeholder="50000"
        leftSection="¥"
        value={draft.claim.amountCny}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((d) => ({ ...d, claim: { ...d.claim, amountCny: value } }));
        }}
        maw={360}
        withAsterisk
      />
      <Checkbox.Group
        label={t('complaint.label.claimOptions')}
        value={FLAGS.filter((k) => draft[k])}
        onChange={(values) =>
          update((d) => ({
            ...d,
            ...(Object.fromEntries(FLAGS.map((k) => [k, values.includes(k)])) as Record<Flag, boolean>),
          }))
        }
      >
        <Stack gap="xs" mt="xs">
          {FLAGS.map((k) => (
            <Checkbox
              key={k}
              value={k}
              label={t(`complaint.label.${k}`)}
              description={t(`complaint.help.${k}`)}
            />
          ))}
        </Stack>
      </Checkbox.Group>
    </Stack>
  );
}
