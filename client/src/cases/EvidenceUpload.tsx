import {
  Alert,
  Button,
  Code,
  FileInput,
  Group,
  Progress,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { IconCheck, IconUpload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EVIDENCE_DESCRIPTION_MAX } from '../../../shared/schemas/evidence.js';
import { uploadEvidence } from '../api/evidence.js';
import { queryKeys } from '../api/queryKeys.js';
import type { EvidenceView } from '../api/types.js';
import { formatBytes } from '../i18n/format.js';
import { describeEvidence, EVIDENCE_KINDS, type EvidenceKind } from './evidenceKind.js';

const ACCEPT =
  '.pdf,.png,.jpg,.jpeg,.gif,.webp,.mp4,.m4v,.webm,.txt,.doc,.docx,.xls,.xlsx,.odt,image/*,video/mp4,video/webm,application/pdf,text/plain';

/** Uploads one evidence file with progress, then shows the SHA-256 the server recorded. */
export function EvidenceUpload({ caseId }: { caseId: string }) {
  const { t, i18n } = useTranslation();
  const qc = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const [kind, setKind] = useState<EvidenceKind>('other');
  const [text, setText] = useState('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<EvidenceView | null>(null);
  const abortRef = useRef<(() => void) | null>(null);
  const description = describeEvidence(kind, text);
  const tooLong = description.length > EVIDENCE_DESCRIPTION_MAX;

  const start = () => {
    if (!file || tooLong) return;
    setError(null);
    setDone(null);
    setProgress(0);
    const { promise, abort } = uploadEvidence(caseId, file, description, setProgress);
    abortRef.current = abort;
    promise
      .then((view) => {
        setDone(view);
        setFile(null);
        setText('');
        setKind('other');
        void qc.invalidateQueries({ queryKey: queryKeys.caseEvidence(caseId) });
      })
      .catch((err: unknown) => setError(problemText(t, err, i18n.language)))
      .finally(() => {
        setProgress(null);
        abortRef.current = null;
      });
  };

  return (
    <Stack gap="sm">
      <SimpleGrid cols={{ base: 1, md: 3 }} spacing="sm">
        <FileInput
          label={t('evidence.file')}
          placeholder={t('evidence.choose')}
          value={file}
          onChange={setFile}
          accept={ACCEPT}
          clearable
          leftSection={<IconUpload size={16} />}
          disabled={progress !== null}
        />
        <Select
          label={t('evidence.kind')}
          data={EVIDENCE_KINDS.map((k) => ({ value: k, label: t(`evidence.kinds.${k}`) }))}
          value={kind}
          onChange={(v) => setKind((v as EvidenceKind | null) ?? 'other')}
          allowDeselect={false}
          disabled={progress !== null}
        />
        <TextInput
          label={t('evidence.description')}
          placeholder={t('evidence.descriptionPlaceholder')}
          value={text}
          onChange={(e) => setText(e.currentTarget.value)}
          error={
            tooLong
              ? t('validation.string.max', {
                  label: t('evidence.description'),
                  limit: EVIDENCE_DESCRIPTION_MAX,
                })
              : undefined
          }
          disabled={progress !== null}
        />
      </SimpleGrid>
      <Group justify="space-between" align="center">
        <Text size="xs" c="dimmed">
          {file ? `${file.name} · ${formatBytes(file.size)}` : t('evidence.types')}
        </Text>
        <Group gap="xs">
          {progress !== null && (
            <Button variant="default" size="xs" onClick={() => abortRef.current?.()}>
              {t('common.cancel')}
            </Button>
          )}
          <Button
            size="xs"
            leftSection={<IconUpload size={14} />}
            onClick={start}
            disabled={!file || tooLong}
            loading={progress !== null}
          >
            {t('evidence.upload')}
          </Button>
        </Group>
      </Group>
      {progress !== null && (
        <Progress
          value={progress * 100}
          size="md"
          radius="xl"
          striped
          animated
          aria-label={t('evidence.uploading')}
        />
      )}
      {error && (
        <Alert color="red" variant="light" role="alert" title={t('evidence.failed')}>
          {error}
        </Alert>
      )}
      {done && (
        <Alert
          color="teal"
          variant="light"
          icon={<IconCheck size={18} />}
          title={t('evidence.uploaded', { name: done.name })}
          role="status"
        >
          <Text size="xs">{t('evidence.recordedHash')}</Text>
          <Code block mt={4} style={{ wordBreak: 'break-all' }}>
            {done.sha256}
          </Code>
        </Alert>
      )}
    </Stack>
  );
}
