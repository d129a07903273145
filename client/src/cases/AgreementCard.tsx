import { Badge, Code, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { useAgreement } from '../api/documents.js';
import { formatDateTime } from '../i18n/format.js';
import { SectionCard } from '../ui/SectionCard.js';

/**
 * The mediation agreement as it stands: the draft's SHA-256, the signatures on it with their times,
 * and the signatures a changed draft voided. Nothing when no agreement was proposed.
 */
export function AgreementCard({ caseView }: { caseView: Pick<CaseView, 'id' | 'seq'> }) {
  const { t, i18n } = useTranslation();
  const agreement = useAgreement(caseView.id, caseView.seq);
  const draft = agreement.data;
  if (!draft) return null;
  const time = (at: string) => formatDateTime(at, i18n.language);
  return (
    <SectionCard title={t('documents.agreement.title')} id="agreement">
      <Stack gap="xs" data-testid="agreement-card">
        <Text size="xs" c="dimmed">
          {t('documents.agreement.draft', { seq: draft.draftSeq, time: time(draft.proposedAt) })}
        </Text>
        <Code fz="xs" style={{ wordBreak: 'break-all' }}>
          SHA-256 {draft.sha256}
        </Code>
        {draft.signatures.length === 0 ? (
          <Text size="sm">{t('documents.agreement.unsigned')}</Text>
        ) : (
          draft.signatures.map((s) => (
            <Text key={`${s.side}-${s.at}`} size="sm" data-testid="agreement-signature">
              {t('documents.agreement.signedBy', {
                name: s.name,
                side: t(`documents.side.${s.side}`),
                time: time(s.at),
              })}
            </Text>
          ))
        )}
        {draft.voided.map((s) => (
          <Text key={`v-${s.side}-${s.at}`} size="xs" c="dimmed" data-testid="agreement-voided">
            <Badge size="xs" color="gray" variant="light" mr={6}>
              {t('documents.agreement.voidedBadge')}
            </Badge>
            {t('documents.agreement.voided', {
              name: s.name,
              side: t(`documents.side.${s.side}`),
              time: time(s.at),
              seq: s.draftSeq,
            })}
          </Text>
        ))}
      </Stack>
    </SectionCard>
  );
}
