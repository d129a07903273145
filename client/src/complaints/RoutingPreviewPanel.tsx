import { Alert, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconAlertTriangle, IconRoute } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { Complaint } from '../../../shared/schemas/complaint.js';
import { previewRouting } from '../api/cases.js';
import { ReasonList } from '../cases/ReasonList.js';
import { RecommendationList } from '../cases/RecommendationList.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';

/** The routing preview of a valid complaint: its track, the ranked channels and every reason. */
export function RoutingPreviewPanel({ complaint }: { complaint: Complaint }) {
  const { t } = useTranslation();
  const body = JSON.stringify(complaint);
  const preview = useQuery({
    queryKey: ['routingPreview', body],
    queryFn: ({ signal }) => previewRouting(complaint, signal),
    staleTime: 60_000,
  });

  if (preview.isPending) return <LoadingState label={t('complaint.preview.loading')} />;
  if (preview.isError) return <ErrorState error={preview.error} onRetry={() => void preview.refetch()} />;
  const { triage, recommendation, flags } = preview.data;
  const trackReason = triage.reasons[0];

  return (
    <Stack gap="md" data-testid="routing-preview">
      <Group gap="xs">
        <IconRoute size={20} color="var(--mantine-color-indigo-6)" />
        <Title order={3} fz="md">
          {t('complaint.preview.title')}
        </Title>
      </Group>
      <Text size="sm" c="dimmed">
        {t('complaint.preview.intro')}
      </Text>
      <Paper withBorder radius="md" p="md">
        <Group gap="sm" mb="xs">
          <Text fw={650} size="sm">
            {t('complaint.preview.track')}
          </Text>
          <Badge
            color={triage.track === 'fast' ? 'pink' : triage.track === 'simple' ? 'lime' : 'gray'}
            radius="sm"
            tt="none"
          >
            {t(`vocab.track.${triage.track}`)}
          </Badge>
        </Group>
        {trackReason && <ReasonList reasons={[trackReason]} showWeights={false} />}
        <Text size="xs" c="dimmed" mt="sm" mb={4}>
          {t('complaint.preview.factors')}
        </Text>
        <ReasonList reasons={triage.reasons.slice(1)} size="xs" />
      </Paper>
      {(flags.duplicate.length > 0 || flags.parallel.length > 0 || flags.paeRisk.held) && (
        <Alert
          color="orange"
          variant="light"
          icon={<IconAlertTriangle size={18} />}
          title={t('complaint.preview.flagsTitle')}
        >
          <ReasonList
            reasons={[
              ...flags.duplicate.map((d) => d.reason),
              ...flags.parallel.map((d) => d.reason),
              ...(flags.paeRisk.held ? [{ code: 'pae.held', text: t('complaint.preview.paeHeld') }] : []),
            ]}
            showWeights={false}
          />
        </Alert>
      )}
      <Text fw={650} size="sm">
        {t('complaint.preview.channels')}
      </Text>
      <RecommendationList ranked={recommendation.ranked} />
      <Text size="xs" c="dimmed">
        {t('complaint.preview.note')}
      </Text>
    </Stack>
  );
}
