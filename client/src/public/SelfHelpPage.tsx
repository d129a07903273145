import {
  Badge,
  Button,
  Checkbox,
  Grid,
  Group,
  NumberInput,
  Paper,
  Radio,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { IP_TYPES, type IpType } from '../../../shared/vocabulary.js';
import { RecommendationList } from '../cases/RecommendationList.js';
import { PageHeader } from '../ui/PageHeader.js';
import { adviceFor, SELF_HELP_KEY, type Place, type SelfHelpAnswers, type Want } from './selfHelpAdvice.js';

const WANTS: Want[] = ['stop', 'damages', 'settle'];
const PLACES: Place[] = ['online', 'offline', 'export'];

/**
 * The guided self-help questionnaire (no sign-in): the kind of right, where it is infringed, what the
 * holder wants, the amount and urgency; the channels are ranked by the same triage and routing rules
 * a filing goes through, each explained, and "start a complaint" carries the answers into the form.
 */
export function SelfHelpPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [answers, setAnswers] = useState<SelfHelpAnswers>({
    ipType: 'trademark',
    place: 'online',
    wants: ['stop'],
    amountCny: 50_000,
    urgent: false,
    mediationOk: true,
  });
  const set = (change: Partial<SelfHelpAnswers>) => setAnswers((a) => ({ ...a, ...change }));
  const advice = useMemo(() => adviceFor(answers, new Date()), [answers]);
  const top = advice.routing.ranked.filter((r) => r.score > 0).slice(0, 3);

  const start = () => {
    sessionStorage.setItem(SELF_HELP_KEY, JSON.stringify(answers));
    void navigate('/cases/new');
  };

  return (
    <>
      <PageHeader title={t('public.selfHelp.title')} description={t('public.selfHelp.intro')} />
      <Grid gap="lg">
        <Grid.Col span={{ base: 12, md: 5 }}>
          <Paper withBorder radius="md" p="lg">
            <Stack gap="md">
              <Select
                label={t('public.selfHelp.ipType')}
                data={IP_TYPES.map((v) => ({ value: v, label: t(`vocab.ipType.${v}`) }))}
                value={answers.ipType}
                onChange={(v) => v && set({ ipType: v as IpType })}
                allowDeselect={false}
              />
              <Radio.Group
                label={t('public.selfHelp.place')}
                value={answers.place}
                onChange={(v) => set({ place: v as Place })}
              >
                <Stack gap={6} mt={6}>
                  {PLACES.map((p) => (
                    <Radio key={p} value={p} label={t(`public.selfHelp.placeOption.${p}`)} />
                  ))}
                </Stack>
              </Radio.Group>
              <Checkbox.Group
                label={t('public.selfHelp.wants')}
                value={answers.wants}
                onChange={(v) => set({ wants: v as Want[] })}
              >
                <Stack gap={6} mt={6}>
                  {WANTS.map((w) => (
                    <Checkbox key={w} value={w} label={t(`public.selfHelp.want.${w}`)} />
                  ))}
                </Stack>
              </Checkbox.Group>
              <NumberInput
                label={t('public.selfHelp.amount')}
                value={answers.amountCny}
                min={0}
                max={1_000_000_000}
                thousandSeparator=","
                onChange={(v) => set({ amountCny: typeof v === 'number' ? v : 0 })}
              />
              <Checkbox
                label={t('public.selfHelp.urgent')}
                checked={answers.urgent}
                onChange={(e) => set({ urgent: e.currentTarget.checked })}
              />
              <Checkbox
                label={t('public.selfHelp.mediationOk')}
                checked={answers.mediationOk}
                onChange={(e) => set({ mediationOk: e.currentTarget.checked })}
              />
            </Stack>
          </Paper>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 7 }}>
          <Stack gap="md" data-testid="self-help-advice">
            <Group gap="sm">
              <Title order={2} fz="lg">
                {t('public.selfHelp.result')}
              </Title>
              <Text size="sm" c="dimmed">
                {t('public.selfHelp.track')}
              </Text>
              <Badge variant="light" tt="none">
                {t(`vocab.track.${advice.track}`)}
              </Badge>
            </Group>
            {top.map((r) => (
              <Paper key={r.channel} withBorder radius="md" p="sm">
                <Text fw={650} size="sm">
                  {t(`vocab.channel.${r.channel}`)}
                </Text>
                <Text size="sm" c="dimmed">
                  {t(`public.selfHelp.channelExplain.${r.channel}`)}
                </Text>
              </Paper>
            ))}
            <RecommendationList ranked={advice.routing.ranked} />
            <Text size="xs" c="dimmed">
              {t('public.selfHelp.resultNote')}
            </Text>
            <Group>
              <Button onClick={start}>{t('public.selfHelp.file')}</Button>
              <Text size="xs" c="dimmed">
                {t('public.selfHelp.fileHint')}
              </Text>
            </Group>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
