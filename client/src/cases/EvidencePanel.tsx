import { ActionIcon, Badge, CopyButton, Divider, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { IconCheck, IconCopy, IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { useEvidence } from '../api/evidence.js';
import { formatBytes, formatDateTime } from '../i18n/format.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { EvidenceUpload } from './EvidenceUpload.js';
import { evidenceKindOf } from './evidenceKind.js';
import { saveEvidence } from './useEvidenceBlobUrl.js';
import { notifications } from '@mantine/notifications';
import { isApiError } from '../api/ApiError.js';

/** The evidence of a case with its recorded SHA-256, and the upload form while the case is open. */
export function EvidencePanel({ caseView }: { caseView: CaseView }) {
  const { t, i18n } = useTranslation();
  const evidence = useEvidence(caseView.id);
  return (
    <Stack gap="md">
      {caseView.status !== 'closed' && (
        <>
          <EvidenceUpload caseId={caseView.id} />
          <Divider />
        </>
      )}
      {evidence.isPending ? (
        <LoadingState />
      ) : evidence.isError ? (
        <ErrorState error={evidence.error} onRetry={() => void evidence.refetch()} />
      ) : evidence.data.length === 0 ? (
        <EmptyBlock compact title={t('evidence.empty')} description={t('evidence.emptyHint')} />
      ) : (
        <Table verticalSpacing="sm" layout="fixed">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('evidence.col.name')}</Table.Th>
              <Table.Th w={260}>SHA-256</Table.Th>
              <Table.Th w={170}>{t('evidence.col.uploaded')}</Table.Th>
              <Table.Th w={56} />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {evidence.data.map((e) => {
              const { kind, text } = evidenceKindOf(e);
              return (
                <Table.Tr key={e.id} data-evidence-id={e.id}>
                  <Table.Td>
                    <Stack gap={2}>
                      <Group gap={6} wrap="nowrap">
                        <Text size="sm" fw={550} lineClamp={1} title={e.name}>
                          {e.name}
                        </Text>
                        {kind !== 'other' && (
                          <Badge
                            size="xs"
                            variant="light"
                            color={kind === 'registeredDesign' ? 'indigo' : 'orange'}
                            radius="sm"
                            tt="none"
                            style={{ flexShrink: 0 }}
                          >
                            {t(`evidence.kinds.${kind}`)}
                          </Badge>
                        )}
                      </Group>
                      <Text size="xs" c="dimmed" lineClamp={2}>
                        {[formatBytes(e.size), text].filter(Boolean).join(' · ')}
                      </Text>
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    <Group gap={4} wrap="nowrap">
                      <Text size="xs" ff="monospace" truncate title={e.sha256} data-testid="sha256">
                        {e.sha256}
                      </Text>
                      <CopyButton value={e.sha256}>
                        {({ copied, copy }) => (
                          <Tooltip label={copied ? t('common.copied') : t('common.copy')} withArrow>
                            <ActionIcon
                              variant="subtle"
                              color={copied ? 'teal' : 'gray'}
                              size="sm"
                              onClick={copy}
                              aria-label={t('evidence.copyHash')}
                            >
                              {copied ? <IconCheck size={14} /> : <IconCopy size={14} />}
                            </ActionIcon>
                          </Tooltip>
                        )}
                      </CopyButton>
                    </Group>
                  </Table.Td>
                  <Table.Td>
                    <Text size="xs">
                      {t(`vocab.role.${e.uploadedBy.role}`, { defaultValue: e.uploadedBy.role })}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {formatDateTime(e.uploadedAt, i18n.language)}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Tooltip label={t('evidence.download')} withArrow>
                      <ActionIcon
                        variant="subtle"
                        onClick={() =>
                          void saveEvidence(caseView.id, e.id, e.name).catch((err: unknown) =>
                            notifications.show({
                              color: 'red',
                              title: t('evidence.downloadFailed', { name: e.name }),
                              message:
                                isApiError(err) && err.code === 'integrityCheckFailed'
                                  ? t('evidence.integrityFailed')
                                  : isApiError(err) && !err.isNetwork
                                    ? problemText(t, err, i18n.language)
                                    : t('evidence.downloadRetry'),
                              autoClose: false,
                            }),
                          )
                        }
                        aria-label={t('evidence.downloadNamed', { name: e.name })}
                      >
                        <IconDownload size={16} />
                      </ActionIcon>
                    </Tooltip>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}
