import { Badge } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseStatus, Channel, Track } from '../../../shared/vocabulary.js';
import { stageLeaf } from '../i18n/labels.js';

const STATUS_COLORS: Record<CaseStatus, string> = {
  screening: 'gray',
  awaitingInfo: 'yellow',
  triage: 'grape',
  inChannel: 'blue',
  resolved: 'teal',
  compliance: 'cyan',
  closed: 'dark',
};

/** The lifecycle status of a case. */
export function StatusBadge({ status }: { status: CaseStatus }) {
  const { t } = useTranslation();
  return (
    <Badge color={STATUS_COLORS[status]} variant="light" radius="sm" tt="none">
      {t(`vocab.status.${status}`)}
    </Badge>
  );
}

/** The stage of a case in plain words (the deepest state of the machine). */
export function stageText(stage: string, t: (key: string) => string): string {
  const leaf = stageLeaf(stage);
  const label = t(`vocab.stage.${leaf}`);
  return label.startsWith('vocab.') ? leaf : label;
}

/** The channel of a case, or "not routed yet". */
export function ChannelBadge({ channel }: { channel: Channel | null }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={channel ? 'indigo' : 'gray'}
      variant={channel ? 'outline' : 'light'}
      radius="sm"
      tt="none"
      title={t(`vocab.channel.${channel ?? 'none'}`)}
    >
      {t(`vocab.channelShort.${channel ?? 'none'}`)}
    </Badge>
  );
}

/** The procedure track. */
export function TrackBadge({ track }: { track: Track }) {
  const { t } = useTranslation();
  return (
    <Badge
      color={track === 'fast' ? 'pink' : track === 'simple' ? 'lime' : 'gray'}
      variant="dot"
      radius="sm"
      tt="none"
    >
      {t(`vocab.track.${track}`)}
    </Badge>
  );
}
