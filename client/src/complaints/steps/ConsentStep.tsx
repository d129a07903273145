import { Alert, Checkbox, Collapse, Paper, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useComplaintForm, useField } from '../ComplaintFormContext.js';

/** Step 5: consent to mediation, an arbitration agreement, membership of the same association. */
export function ConsentStep() {
  const { t } = useTranslation();
  const { draft, update } = useComplaintForm();
  const association = useField('sameAssociation.name');
  return (
    <Stack gap="lg">
      <Alert variant="light" color="blue" icon={<IconInfoCircle size={18} />}>
        {t('complaint.help.consents')}
      </Alert>
      <Checkbox
        id="cf-consents-mediation"
        label={t('complaint.label.consents_mediation')}
        description={t('complaint.help.mediation')}
        checked={draft.consents.mediation}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          update((d) => ({ ...d, consents: { ...d.consents, mediation: on } }));
        }}
      />
      <Checkbox
        id="cf-consents-arbitrationAgreement"
        label={t('complaint.label.consents_arbitrationAgreement')}
        description={t('complaint.help.arbitration')}
        checked={draft.consents.arbitrationAgreement}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          update((d) => ({ ...d, consents: { ...d.consents, arbitrationAgreement: on } }));
        }}
      />
      <Checkbox
        id="cf-sameAssociation-member"
        label={t('complaint.label.sameAssociation')}
        description={t('complaint.help.sameAssociation')}
        checked={draft.sameAssociation.member}
        onChange={(e) => {
          const on = e.currentTarget.checked;
          update((d) => ({ ...d, sameAssociation: { ...d.sameAssociation, member: on } }));
        }}
      />
      <Collapse expanded={draft.sameAssociation.member}>
        <Paper withBorder p="md" radius="md" ml="xl" bg="var(--mantine-color-gray-0)">
          <TextInput
            {...association}
            label={t('complaint.label.sameAssociation_name')}
            value={draft.sameAssociation.name}
            onChange={(e) => {
              const name = e.currentTarget.value;
              update((d) => ({ ...d, sameAssociation: { ...d.sameAssociation, name } }));
            }}
            withAsterisk
          />
        </Paper>
      </Collapse>
    </Stack>
  );
}
