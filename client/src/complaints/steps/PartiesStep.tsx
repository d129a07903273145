import { Checkbox, Divider, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useComplaintForm, useField } from '../ComplaintFormContext.js';
import { OtherRespondentsFields } from './OtherRespondentsFields.js';
import { PartyTypeRadio } from './PartyTypeRadio.js';

/** Step 2: who complains (prefilled from the account) and against whom. */
export function PartiesStep() {
  const { t } = useTranslation();
  const { draft, update } = useComplaintForm();
  const cName = useField('complainant.name');
  const cType = useField('complainant.type');
  const rName = useField('respondent.name');
  const rType = useField('respondent.type');
  const rEmail = useField('respondent.email');
  const rCount = useField('respondentCount');

  return (
    <Stack gap="lg">
      <Text fw={650}>{t('complaint.section.complainant')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          {...cName}
          label={t('complaint.label.complainant_name')}
          value={draft.complainant.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            update((d) => ({ ...d, complainant: { ...d.complainant, name } }));
          }}
          withAsterisk
        />
        <PartyTypeRadio
          id={cType.id}
          label={t('complaint.label.complainant_type')}
          value={draft.complainant.type}
          onChange={(type) => update((d) => ({ ...d, complainant: { ...d.complainant, type } }))}
        />
      </SimpleGrid>
      <Checkbox
        id="cf-complainant-sme"
        label={t('complaint.label.complainant_sme')}
        description={t('complaint.help.sme')}
        checked={draft.complainant.sme}
        onChange={(e) => {
          const sme = e.currentTarget.checked;
          update((d) => ({ ...d, complainant: { ...d.complainant, sme } }));
        }}
      />
      <Divider />
      <Text fw={650}>{t('complaint.section.respondent')}</Text>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
        <TextInput
          {...rName}
          label={t('complaint.label.respondent_name')}
          placeholder={t('complaint.placeholder.respondentName')}
          value={draft.respondent.name}
          onChange={(e) => {
            const name = e.currentTarget.value;
            update((d) => ({ ...d, respondent: { ...d.respondent, name } }));
          }}
          withAsterisk
        />
        <PartyTypeRadio
          id={rType.id}
          label={t('complaint.label.respondent_type')}
          value={draft.respondent.type}
          onChange={(type) => update((d) => ({ ...d, respondent: { ...d.respondent, type } }))}
        />
        <TextInput
          {...rEmail}
          type="email"
          label={t('complaint.label.respondent_email')}
          description={t('complaint.help.respondentEmail')}
          placeholder="name@example.com"
          value={draft.respondent.email}
          onChange={(e) => {
            const email = e.currentTarget.value;
            update((d) => ({ ...d, respondent: { ...d.respondent, email } }));
          }}
        />
        <TextInput
          {...rCount}
          inputMode="numeric"
          label={t('complaint.label.respondentCount')}
          description={t('complaint.help.respondentCount')}
          placeholder="1"
          value={draft.respondentCount}
          onChange={(e) => {
            const value = e.currentTarget.value;
            update((d) => ({ ...d, respondentCount: value }));
          }}
        />
      </SimpleGrid>
      <OtherRespondentsFields />
    </Stack>
  );
}
