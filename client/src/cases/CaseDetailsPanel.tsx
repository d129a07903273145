import { Alert, Badge, Blockquote, Grid, Group, Stack, Table, Text } from '@mantine/core';
import { IconAlertTriangle } from '@tabler/icons-react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { formatCny, formatSessionTime } from '../i18n/format.js';
import { SectionCard } from '../ui/SectionCard.js';
import { ReasonList } from './ReasonList.js';
import { RecommendationList } from './RecommendationList.js';

function Facts({ rows }: { rows: [string, ReactNode][] }) {
  return (
    <Table variant="vertical" layout="fixed" withRowBorders={false} verticalSpacing={6}>
      <Table.Tbody>
        {rows.map(([k, v]) => (
          <Table.Tr key={k}>
            <Table.Th w={130} fw={500} c="dimmed" fz="sm" bg="transparent">
              {k}
            </Table.Th>
            <Table.Td fz="sm" style={{ wordBreak: 'break-word' }}>
              {v}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

/** The complaint as filed, the procedure so far, and the triage and routing with their reasons. */
export function CaseDetailsPanel({
  caseView,
  showRouting = true,
  stacked = false,
}: {
  caseView: CaseView;
  showRouting?: boolean;
  /** Routing first, then the complaint, each full width (narrow columns, triage). */
  stacked?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const c = caseView.complaint;
  const sep = t('common.listSeparator');
  const flags = caseView.flags;
  const related = [...flags.duplicate, ...flags.parallel];
  const flagReasons = related.map((d) => d.reason);
  // staff see which cases a complaint may duplicate or run parallel to
  const relatedNos = [...new Set(related.map((d) => d.caseNo).filter((n): n is string => Boolean(n)))];

  return (
    <Stack gap="md">
      {(flagReasons.length > 0 || flags.paeRisk.held) && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('case.flagsTitle')}
        >
          {flagReasons.length > 0 && <ReasonList reasons={flagReasons} showWeights={false} />}
          {relatedNos.length > 0 && (
            <Text size="xs" c="dimmed" mt={4}>
              {t('case.flagCases', { cases: relatedNos.join(t('common.listSeparator')) })}
            </Text>
          )}
          {flags.paeRisk.held && (
            <Stack gap={4} mt={flagReasons.length ? 'xs' : 0}>
              <Text size="sm" fw={550}>
                {t('case.paeHeld')}
              </Text>
              {flags.paeRisk.reasons.length > 0 && <ReasonList reasons={flags.paeRisk.reasons} />}
            </Stack>
          )}
        </Alert>
      )}
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: showRouting && !stacked ? 6 : 12 }} order={stacked ? 2 : 1}>
          <SectionCard title={t('case.complaint')}>
            <Facts
              rows={[
                [t('complaint.label.ipType'), t(`vocab.ipType.${c.ipType}`)],
                [
                  t('complaint.label.rights'),
                  c.rights.map((r) => (r.title ? `${r.number} (${r.title})` : r.number)).join(sep),
                ],
                [
                  t('complaint.label.claim_remedies'),
                  c.claim.remedies.map((r) => t(`vocab.remedy.${r}`)).join(sep),
                ],
                [t('complaint.label.claim_amountCny'), formatCny(c.claim.amountCny, i18n.language)],
                ...(c.ecommerce
                  ? ([
                      [
                        t('complaint.label.venueEcommerce'),
                        `${c.ecommerce.platform} · ${c.ecommerce.listingUrl}`,
                      ],
                    ] as [string, ReactNode][])
                  : []),
                ...(c.tradeFair
                  ? ([[t('complaint.label.venueTradeFair'), c.tradeFair.name]] as [string, ReactNode][])
                  : []),
                [
                  t('complaint.step.consents'),
                  [
                    c.consents.mediation ? t('complaint.review.consentsMediation') : null,
                    c.consents.arbitrationAgreement ? t('complaint.review.arbitrationAgreement') : null,
                  ]
                    .filter(Boolean)
                    .join(sep) || t('common.none'),
                ],
              ]}
            />
            <Text size="xs" c="dimmed" mt="sm" mb={4}>
              {t('complaint.label.description')}
            </Text>
            <Blockquote color="gray" p="sm" fz="sm" iconSize={0} style={{ whiteSpace: 'pre-wrap' }}>
              {c.description}
            </Blockquote>
          </SectionCard>
        </Grid.Col>
        {showRouting && (
          <Grid.Col span={{ base: 12, lg: stacked ? 12 : 6 }} order={stacked ? 1 : 2}>
            <SectionCard
              title={t('case.triageAndRouting')}
              extra={
                <Badge
                  color={caseView.triage.track === 'fast' ? 'pink' : 'gray'}
                  variant="light"
                  radius="sm"
                  tt="none"
                >
                  {t(`vocab.track.${caseView.triage.track}`)}
                </Badge>
              }
            >
              <ReasonList reasons={caseView.triage.reasons.slice(0, 1)} showWeights={false} />
              <Text size="xs" c="dimmed" mt="md" mb="xs">
                {t('case.recommendation')}
              </Text>
              <RecommendationList ranked={caseView.recommendation.ranked} chosen={caseView.channel} />
            </SectionCard>
          </Grid.Col>
        )}
      </Grid>
      <ProcedureCard caseView={caseView} />
    </Stack>
  );
}

function ProcedureCard({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation();
  const p = caseView.procedure;
  const rows: [string, ReactNode][] = [];
  if (p.sessions.length > 0)
    rows.push([
      t('case.sessions'),
      <Stack gap={2} key="s">
        {p.sessions.map((s, i) => (
          <Text size="sm" key={i}>
            {formatSessionTime(s.at, i18n.language)}
            {s.notes ? ` — ${s.notes}` : ''}
          </Text>
        ))}
      </Stack>,
    ]);
  if (p.agreementTerms)
    rows.push([
      t('case.agreement'),
      <Stack gap={4} key="a">
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {p.agreementTerms}
        </Text>
        <Group gap={6}>
          <Badge size="xs" color={p.signatures.complainant ? 'teal' : 'gray'} variant="light" tt="none">
            {t('vocab.role.complainant')} ·{' '}
            {p.signatures.complainant ? t('case.signed') : t('case.notSigned')}
          </Badge>
          <Badge size="xs" color={p.signatures.respondent ? 'teal' : 'gray'} variant="light" tt="none">
            {t('vocab.role.respondent')} · {p.signatures.respondent ? t('case.signed') : t('case.notSigned')}
          </Badge>
        </Group>
      </Stack>,
    ]);
  if (p.extension.requestedDays !== null)
    rows.push([
      t('case.extension'),
      t(p.extension.granted ? 'case.extensionGranted' : 'case.extensionRequested', {
        days: p.extension.requestedDays,
      }),
    ]);
  const applied = p.confirmationApplications;
  if (applied && (applied.complainant || applied.respondent))
    rows.push([
      t('case.confirmationApplications'),
      (['complainant', 'respondent'] as const)
        .map(
          (side) => `${t(`vocab.role.${side}`)} · ${t(applied[side] ? 'case.applied' : 'case.notApplied')}`,
        )
        .join(' / '),
    ]);
  if (p.respondentAnswer) rows.push([t('case.answer'), p.respondentAnswer.answer]);
  if (p.techReport)
    rows.push([
      t('case.techReport'),
      `${p.techReport.match ? t('actions.event.match') : t('actions.event.noMatch')} — ${p.techReport.summary}`,
    ]);
  for (const tr of p.transfers)
    rows.push([
      t('case.transfer'),
      `${tr.from ? t(`vocab.channel.${tr.from}`) : '—'} → ${t(`vocab.channel.${tr.to}`)}: ${tr.reason}`,
    ]);
  if (caseView.outcome)
    rows.push([
      t('case.outcome'),
      `${t(`vocab.outcomeKind.${caseView.outcome.kind}`)} · ${caseView.outcome.infringementFound ? t('actions.event.found') : t('actions.event.notFound')}${
        caseView.outcome.damagesCny ? ` · ${formatCny(caseView.outcome.damagesCny, i18n.language)}` : ''
      }`,
    ]);
  if (rows.length === 0) return null;
  return (
    <SectionCard title={t('case.procedure')}>
      <Facts rows={rows} />
    </SectionCard>
  );
}
