import { Anchor, Stack, Text, Tooltip } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { notifications } from '@mantine/notifications';
import { IconFileTypePdf } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { DocumentView } from '../../../shared/api/documentView.js';
import type { CaseView } from '../../../shared/api/views.js';
import { saveDocument, useDocuments } from '../api/documents.js';
import { formatDateTime } from '../i18n/format.js';
import { SectionCard } from '../ui/SectionCard.js';

/**
 * The documents the platform generated for the case (notices, agreements, rulings, decisions…), in
 * the reader's language, each downloaded as a PDF checked against its SHA-256.
 */
export function DocumentsCard({ caseView }: { caseView: Pick<CaseView, 'id' | 'seq'> }) {
  const { t, i18n } = useTranslation();
  const documents = useDocuments(caseView.id, caseView.seq);
  const lang = i18n.language.startsWith('zh') ? 'zh-CN' : 'en';
  const mine = (documents.data ?? []).filter((d) => d.lang === lang);
  if (mine.length === 0) return null;
  const open = async (doc: DocumentView) => {
    try {
      await saveDocument(caseView.id, doc);
    } catch (err) {
      notifications.show({
        color: 'red',
        title: t('documents.failed'),
        message: problemText(t, err, i18n.language),
      });
    }
  };
  return (
    <SectionCard title={t('documents.title')}>
      <Stack gap={6} data-testid="documents">
        {mine.map((doc) => (
          <Tooltip key={doc.id} label={`SHA-256 ${doc.sha256}`} withArrow multiline maw={340}>
            <Anchor component="button" type="button" size="sm" ta="left" onClick={() => void open(doc)}>
              <IconFileTypePdf size={14} style={{ verticalAlign: 'middle', marginRight: 4 }} />
              {t(`documents.kind.${doc.kind}`)}
              <Text span size="xs" c="dimmed" ml={6}>
                {formatDateTime(doc.issuedAt, i18n.language)}
              </Text>
            </Anchor>
          </Tooltip>
        ))}
      </Stack>
    </SectionCard>
  );
}
