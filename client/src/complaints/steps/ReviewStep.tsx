import { Alert, Anchor, Grid, List, Paper, Stack, Table, Text } from '@mantine/core';
import { IconAlertCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../../shared/schemas/complaint.js';
import { formatCny } from '../../i18n/format.js';
import type { StepId } from '../complaintSteps.js';
import { RoutingPreviewPanel } from '../RoutingPreviewPanel.js';

/** Step 6: the complaint at a glance and, once it is valid, the routing preview before filing. */
export function ReviewStep({
  complaint,
  problems,
  onGoTo,
}: {
  complaint: Complaint | undefined;
  problems: { path: string; message: string; step: StepId }[];
  onGoTo: (step: StepId, path: string) => void;
}) {
  const { t, i18n } = useTranslation();
  if (!complaint) {
    return (
      <Alert
        color="red"
        variant="light"
        icon={<IconAlertCircle size={18} />}
        title={t('complaint.review.invalidTitle')}
      >
        <Text size="sm" mb="xs">
          {t('complaint.review.invalidBody')}
        </Text>
        <List size="sm" spacing={4}>
          {problems.map((p) => (
            <List.Item key={p.path}>
              <Anchor component="button" type="button" size="sm" onClick={() => onGoTo(p.step, p.path)}>
                {t(`complaint.step.${p.step}`)}
              </Anchor>
              {' — '}
              {p.message}
            </List.Item>
          ))}
        </List>
      </Alert>
    );
  }
  const semi = t('common.semicolon');
  const colon = t('common.colon');
  const rows: [string, string][] = [
    [t('complaint.label.ipType'), t(`vocab.ipType.${complaint.ipType}`)],
    [
      t('complaint.label.rights'),
      complaint.rights.map((r) => (r.title ? `${r.number} (${r.title})` : r.number)).join(semi),
    ],
    [t('complaint.label.title'), complaint.title],
    [t('complaint.section.complainant'), complaint.complainant.name],
    [
      t('complaint.section.respondent'),
      [complaint.respondent, ...(complaint.otherRespondents ?? [])].map((r) => r.name).join(semi),
    ],
    [
      t('complaint.label.venue'),
      [
        complaint.ecommerce
          ? `${t('complaint.label.venueEcommerce')}${colon}${complaint.ecommerce.platform}`
          : null,
        complaint.tradeFair
          ? `${t('complaint.label.venueTradeFair')}${colon}${complaint.tradeFair.name}`
          : null,
      ]
        .filter(Boolean)
        .join(semi) || t('common.none'),
    ],
    [
      t('complaint.label.claim_remedies'),
      complaint.claim.remedies.map((r) => t(`vocab.remedy.${r}`)).join(t('common.listSeparator')),
    ],
    [t('complaint.label.claim_amountCny'), formatCny(complaint.claim.amountCny, i18n.language)],
    [
      t('complaint.step.consents'),
      [
        complaint.consents.mediation ? t('complaint.review.consentsMediation') : null,
        complaint.consents.arbitrationAgreement ? t('complaint.review.arbitrationAgreement') : null,
      ]
        .filter(Boolean)
        .join(semi) || t('common.none'),
    ],
  ];
  return (
    <Grid gap="lg">
      <Grid.Col span={{ base: 12, lg: 5 }}>
        <Paper withBorder radius="md" p="md">
          <Text fw={650} size="sm" mb="xs">
            {t('complaint.review.summary')}
          </Text>
          <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
            <Table.Tbody>
              {rows.map(([k, v]) => (
                <Table.Tr key={k}>
                  <Table.Th w={140} fw={500} c="dimmed" fz="sm" bg="transparent">
                    {k}
                  </Table.Th>
                  <Table.Td fz="sm" style={{ wordBreak: 'break-word' }}>
                    {v}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      </Grid.Col>
      <Grid.Col span={{ base: 12, lg: 7 }}>
        <Stack>
          <RoutingPreviewPanel complaint={complaint} />
        </Stack>
      </Grid.Col>
    </Grid>
  );
}
