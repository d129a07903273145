import { Anchor, Badge, Breadcrumbs, Flex, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconFileTypePdf, IconFileZip } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { CaseView } from '../../../shared/api/views.js';
import { saveCaseFile } from '../api/caseFile.js';
import { saveCaseFilePdf } from '../api/documents.js';
import { formatDate } from '../i18n/format.js';
import { CaseFileDownloadButton } from './CaseFileDownloadButton.js';
import { ChannelBadge, StatusBadge, TrackBadge, stageText } from './CaseBadges.js';

/** The head of a case page: number, title, status and stage, channel, track, parties. */
export function CaseHeader({
  caseView,
  backTo,
  backLabel,
}: {
  caseView: CaseView;
  backTo: string;
  backLabel: string;
}) {
  const { t, i18n } = useTranslation();
  const c = caseView;
  return (
    <Stack gap="sm" mb="lg">
      <Breadcrumbs separator="›" fz="sm">
        <Anchor component={Link} to={backTo} size="sm">
          {backLabel}
        </Anchor>
        <Text size="sm" c="dimmed" ff="monospace">
          {c.caseNo}
        </Text>
      </Breadcrumbs>
      <Paper withBorder radius="md" p="lg">
        {/* side by side from a tablet up; on a phone the badges go under the title, which keeps the width */}
        <Flex
          direction={{ base: 'column', sm: 'row' }}
          justify="space-between"
          align={{ base: 'stretch', sm: 'flex-start' }}
          gap={{ base: 'sm', sm: 'lg' }}
        >
          <Stack gap={6} style={{ minWidth: 0, flex: 1 }}>
            <Group gap="xs">
              <Text ff="monospace" fw={600} c="indigo.7" size="sm">
                {c.caseNo}
              </Text>
              <StatusBadge status={c.status} />
              <Text size="sm" c="dimmed">
                {c.status === 'closed' && c.closureReason
                  ? t(`vocab.closure.${c.closureReason}`)
                  : stageText(c.stage, t)}
              </Text>
            </Group>
            <Title order={1} fz={{ base: 20, sm: 22 }} fw={650} style={{ overflowWrap: 'anywhere' }}>
              {c.title}
            </Title>
            <Text size="sm" c="dimmed">
              {c.complainant.name}{' '}
              <Text span c="gray.5">
                ↔
              </Text>{' '}
              {c.respondent.name}
            </Text>
          </Stack>
          <Flex
            direction="column"
            gap={6}
            align={{ base: 'flex-start', sm: 'flex-end' }}
            style={{ flexShrink: 0 }}
          >
            <Group gap={6}>
              <ChannelBadge channel={c.channel} />
              <TrackBadge track={c.track} />
              <Badge variant="light" color="gray" radius="sm" tt="none">
                {t(`vocab.ipType.${c.ipType}`)}
              </Badge>
            </Group>
            <Text size="xs" c="dimmed">
              {t('case.filedOn', { date: formatDate(c.filedAt, i18n.language) })}
              {c.industry ? ` · ${c.industry}` : ''}
            </Text>
            {/* the log, the evidence and a manifest to check them by, as a ZIP */}
            <CaseFileDownloadButton
              save={() => saveCaseFile(c.id, c.caseNo)}
              label={t('case.file.download')}
              hint={t('case.file.hint')}
              icon={<IconFileZip size={14} />}
              testId="case-file"
            />
            {/* one PDF (cover, timeline, documents, evidence index) in the UI's language */}
            <CaseFileDownloadButton
              save={() => saveCaseFilePdf(c.id, c.caseNo, i18n.language.startsWith('zh') ? 'zh-CN' : 'en')}
              label={t('documents.caseFilePdf.download')}
              hint={t('documents.caseFilePdf.hint')}
              icon={<IconFileTypePdf size={14} />}
              testId="case-file-pdf"
            />
          </Flex>
        </Flex>
      </Paper>
    </Stack>
  );
}
