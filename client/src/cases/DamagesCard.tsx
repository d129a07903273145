import {
  Button,
  Checkbox,
  Divider,
  Group,
  NumberInput,
  Select,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { estimateDamages, type DamagesInput } from '../../../shared/damages/estimateDamages.js';
import { useCaseActions } from '../api/cases.js';
import { formatCny } from '../i18n/format.js';
import { SectionCard } from '../ui/SectionCard.js';
import { ActionDialog } from './ActionsPanel.js';

/** Who may use the calculator on a case: its officers, judges and arbitrators, and the parties. */
const USERS = new Set(['admin', 'officer', 'arbitrator', 'complainant', 'respondent']);

type Amount = 'actualLossCny' | 'infringerProfitCny' | 'licenceFeeCny' | 'statutoryCny' | 'expensesCny';
const AMOUNTS: Amount[] = [
  'actualLossCny',
  'infringerProfitCny',
  'licenceFeeCny',
  'statutoryCny',
  'expensesCny',
];

/**
 * The damages estimate of a case (seed plan item 5): the statutory order of methods, punitive damages
 * only for wilful infringement in serious circumstances, each line explained with its legal basis. A
 * judge who may render the judgment starts the judgment form from these figures.
 */
export function DamagesCard({ caseView, role }: { caseView: CaseView; role: string }) {
  const { t, i18n } = useTranslation();
  const [input, setInput] = useState<Omit<DamagesInput, 'ipType'>>({
    licenceMultiple: 1,
    punitiveMultiple: 1,
  });
  const [judging, setJudging] = useState(false);
  const actions = useCaseActions(caseView.id, caseView.seq, USERS.has(role));
  if (!USERS.has(role)) return null;
  const estimate = estimateDamages({ ...input, ipType: caseView.ipType });
  const judgment = actions.data?.find((a) => a.type === 'RENDER_JUDGMENT') ?? null;
  const set = (patch: Partial<DamagesInput>) => setInput((s) => ({ ...s, ...patch }));
  const cny = (n: number | null) => (n === null ? '—' : formatCny(n, i18n.language));

  return (
    <SectionCard title={t('damages.title')} id="damages">
      <Stack gap="sm">
        <Text size="xs" c="dimmed">
          {t('damages.intro')}
        </Text>
        <SimpleGrid cols={2} spacing="xs">
          {AMOUNTS.map((name) => (
            <NumberInput
              key={name}
              size="xs"
              label={t(`damages.field.${name}`)}
              min={0}
              thousandSeparator=","
              value={input[name] ?? ''}
              onChange={(v) => set({ [name]: typeof v === 'number' ? v : undefined })}
            />
          ))}
          <Select
            size="xs"
            label={t('damages.field.licenceMultiple')}
            data={['1', '2', '3']}
            value={String(input.licenceMultiple ?? 1)}
            onChange={(v) => set({ licenceMultiple: Number(v ?? 1) })}
          />
        </SimpleGrid>
        <Group gap="md">
          <Checkbox
            size="xs"
            label={t('damages.field.wilful')}
            checked={input.wilful === true}
            onChange={(e) => set({ wilful: e.currentTarget.checked })}
          />
          <Checkbox
            size="xs"
            label={t('damages.field.seriousCircumstances')}
            checked={input.seriousCircumstances === true}
            onChange={(e) => set({ seriousCircumstances: e.currentTarget.checked })}
          />
          <Select
            size="xs"
            w={120}
            aria-label={t('damages.field.punitiveMultiple')}
            data={['1', '2', '3', '4', '5'].map((v) => ({ value: v, label: t('damages.times', { n: v }) }))}
            value={String(input.punitiveMultiple ?? 1)}
            onChange={(v) => set({ punitiveMultiple: Number(v ?? 1) })}
          />
        </Group>
        <Divider />
        <Stack gap={6} data-testid="damages-steps">
          {estimate.steps.map((step) => (
            <Stack key={step.code} gap={0}>
              <Group justify="space-between" gap="xs" wrap="nowrap">
                <Text size="sm" fw={step.code === 'total' ? 650 : 450}>
                  {t(`damages.step.${step.code}`, {
                    ...step.params,
                    fee: step.params?.fee !== undefined ? cny(step.params.fee) : undefined,
                    base: step.params?.base !== undefined ? cny(step.params.base) : undefined,
                    min: step.params?.min !== undefined ? cny(step.params.min) : undefined,
                    max: step.params?.max !== undefined ? cny(step.params.max) : undefined,
                  })}
                </Text>
                <Text size="sm" fw={step.code === 'total' ? 650 : 500} style={{ whiteSpace: 'nowrap' }}>
                  {cny(step.amountCny)}
                </Text>
              </Group>
              <Text size="xs" c="dimmed">
                {step.basis}
              </Text>
            </Stack>
          ))}
        </Stack>
        {judgment && (
          <Button size="xs" variant="light" onClick={() => setJudging(true)} data-testid="damages-judge">
            {t('damages.useForJudgment')}
          </Button>
        )}
      </Stack>
      <ActionDialog
        caseView={caseView}
        action={judging ? judgment : null}
        onClose={() => setJudging(false)}
        prefill={{
          infringement: true,
          damagesCny: String(estimate.compensatoryCny + estimate.expensesCny),
          ...(estimate.punitiveCny > 0
            ? {
                punitiveDamagesCny: String(estimate.punitiveCny),
                punitiveBaseCny: String(estimate.compensatoryCny),
                wilful: true,
                seriousCircumstances: true,
              }
            : {}),
        }}
      />
    </SectionCard>
  );
}
