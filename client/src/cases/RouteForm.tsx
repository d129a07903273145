import { Badge, Group, Radio, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import type { ActionField } from '../../../shared/machine/actions/actionFields.js';
import { requiresOverrideReason } from '../../../shared/intake/routing.js';
import type { Channel } from '../../../shared/vocabulary.js';
import { ActionForm } from './ActionForm.js';
import { ReasonList } from './ReasonList.js';

/**
 * Routing (or transferring) a case: the channels ranked by the recommendation with their reasons;
 * choosing one that is not the top recommendation requires an override reason.
 */
export function RouteForm({
  caseView,
  type,
  fields,
  onDone,
  onCancel,
}: {
  caseView: CaseView;
  type: 'ROUTE' | 'TRANSFER';
  fields: readonly ActionField[];
  onDone: () => void;
  onCancel?: () => void;
}) {
  const { t } = useTranslation();
  const ranked = caseView.recommendation.ranked.filter(
    (r) => type === 'ROUTE' || r.channel !== caseView.channel,
  );
  const [channel, setChannel] = useState<Channel | ''>(() =>
    type === 'ROUTE' ? (ranked[0]?.channel ?? '') : '',
  );
  const override =
    type === 'ROUTE' && channel !== '' && requiresOverrideReason(caseView.recommendation, channel);
  const top = caseView.recommendation.ranked[0]?.score ?? 0;

  return (
    <Stack gap="md">
      <Radio.Group
        label={t('routing.chooseChannel')}
        description={type === 'ROUTE' ? t('routing.chooseHint') : t('routing.transferHint')}
        value={channel}
        onChange={(v) => setChannel(v as Channel)}
        withAsterisk
      >
        <Stack gap="xs" mt="xs">
          {ranked.map((r) => (
            <Radio.Card key={r.channel} value={r.channel} radius="md" p="sm" className="sf-radio-card">
              <Group wrap="nowrap" align="flex-start" gap="sm">
                <Radio.Indicator mt={2} />
                <Stack gap={4} style={{ flex: 1 }}>
                  <Group gap="xs">
                    <Text fw={600} size="sm">
                      {t(`vocab.channel.${r.channel}`)}
                    </Text>
                    <Badge
                      size="xs"
                      variant="light"
                      color={r.score === top && top > 0 ? 'indigo' : 'gray'}
                      radius="sm"
                      tt="none"
                    >
                      {r.score === top && top > 0
                        ? t('routing.recommended')
                        : t('routing.score', { score: r.score })}
                    </Badge>
                  </Group>
                  <ReasonList reasons={r.reasons} size="xs" showWeights={false} />
                </Stack>
              </Group>
            </Radio.Card>
          ))}
        </Stack>
      </Radio.Group>
      {override && (
        <Text size="sm" c="orange.8" role="status">
          {t('routing.overrideNotice')}
        </Text>
      )}
      <ActionForm
        caseView={caseView}
        type={type}
        fields={fields}
        // the organisation is picked by the server (no directory of organisations to choose from here)
        hideFields={['channel', 'orgId', ...(channel === 'arbitration' ? [] : ['variant'])]}
        extraBody={channel ? { channel } : {}}
        requiredOverride={override ? ['reason'] : []}
        onDone={onDone}
        onCancel={onCancel}
      />
    </Stack>
  );
}
