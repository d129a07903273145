import { Center, Group, Image, Paper, SegmentedControl, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconPhotoOff } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useEvidence } from '../api/evidence.js';
import type { EvidenceView } from '../api/types.js';
import { evidenceKindOf, isImage } from '../cases/evidenceKind.js';
import { useEvidenceBlobUrl } from '../cases/useEvidenceBlobUrl.js';
import { EmptyBlock } from '../ui/EmptyBlock.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';

function EvidenceImage({ caseId, evidence }: { caseId: string; evidence: EvidenceView | undefined }) {
  const { t } = useTranslation();
  const blob = useEvidenceBlobUrl(caseId, evidence?.id ?? '', Boolean(evidence));
  if (!evidence)
    return (
      <Center h={300} bg="var(--mantine-color-gray-0)" style={{ borderRadius: 8 }}>
        <Stack align="center" gap={4}>
          <IconPhotoOff size={28} color="var(--mantine-color-gray-5)" />
          <Text size="sm" c="dimmed">
            {t('center.compare.noImage')}
          </Text>
        </Stack>
      </Center>
    );
  if (blob.isPending) return <LoadingState minHeight={300} />;
  if (blob.isError) return <ErrorState error={blob.error} />;
  return (
    <Stack gap={4}>
      <Image
        src={blob.data}
        alt={evidence.name}
        h={300}
        fit="contain"
        radius="md"
        bg="var(--mantine-color-gray-0)"
      />
      <Text size="xs" c="dimmed" ta="center" lineClamp={1}>
        {evidence.name} · SHA-256 {evidence.sha256.slice(0, 12)}…
      </Text>
    </Stack>
  );
}

function Side({
  title,
  color,
  caseId,
  images,
}: {
  title: string;
  color: string;
  caseId: string;
  images: EvidenceView[];
}) {
  const [index, setIndex] = useState(0);
  const current = images[Math.min(index, images.length - 1)];
  return (
    <Paper withBorder radius="md" p="sm" style={{ borderTop: `3px solid var(--mantine-color-${color}-5)` }}>
      <Group justify="space-between" mb="xs">
        <Text fw={650} size="sm">
          {title}
        </Text>
        {images.length > 1 && (
          <SegmentedControl
            size="xs"
            value={String(Math.min(index, images.length - 1))}
            onChange={(v) => setIndex(Number(v))}
            data={images.map((_, i) => ({ value: String(i), label: String(i + 1) }))}
          />
        )}
      </Group>
      <EvidenceImage caseId={caseId} evidence={current} />
    </Paper>
  );
}

/** The registered design and the accused product side by side, from the case's image evidence. */
export function DesignComparison({ caseId }: { caseId: string }) {
  const { t } = useTranslation();
  const evidence = useEvidence(caseId);
  if (evidence.isPending) return <LoadingState />;
  if (evidence.isError) return <ErrorState error={evidence.error} onRetry={() => void evidence.refetch()} />;
  const images = evidence.data.filter(isImage);
  if (images.length === 0) {
    return (
      <EmptyBlock compact title={t('center.compare.empty')} description={t('center.compare.emptyHint')} />
    );
  }
  const registered = images.filter((e) => evidenceKindOf(e).kind === 'registeredDesign');
  const accused = images.filter((e) => evidenceKindOf(e).kind === 'accusedProduct');
  // untagged images fill whichever side is empty
  const others = images.filter((e) => evidenceKindOf(e).kind === 'other');
  const left = registered.length > 0 ? registered : others.slice(0, 1);
  const right = accused.length > 0 ? accused : others.filter((e) => !left.includes(e));
  return (
    <SimpleGrid cols={2} spacing="md" data-testid="design-comparison">
      <Side title={t('center.compare.registered')} color="indigo" caseId={caseId} images={left} />
      <Side title={t('center.compare.accused')} color="orange" caseId={caseId} images={right} />
    </SimpleGrid>
  );
}
