import {
  Checkbox,
  Collapse,
  Divider,
  Input,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
} from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { FACTS_MIN_CHARS } from '../../../../shared/intake/triage.js';
import type { ComplaintDraft } from '../complaintDraft.js';
import { useComplaintForm, useField } from '../ComplaintFormContext.js';

type Flag =
  'foreignRelated' | 'counterfeitingAtScale' | 'repeatInfringer' | 'wilful' | 'priorDecisionIgnored';
const FLAGS: Flag[] = [
  'counterfeitingAtScale',
  'repeatInfringer',
  'wilful',
  'priorDecisionIgnored',
  'foreignRelated',
];
type EvidenceKey = keyof ComplaintDraft['evidence'];
const EVIDENCE: EvidenceKey[] = ['hasRightCertificate', 'hasInfringementProof', 'hasDamagesProof'];

/** Step 3: what happened — the facts, where (e-commerce listing, trade fair), evidence at hand. */
export function FactsStep() {
  const { t } = useTranslation();
  const { draft, update } = useComplaintForm();
  const description = useField('description');
  const platform = useField('ecommerce.platform');
  const listingUrl = useField('ecommerce.listingUrl');
  const fair = useField('tradeFair.name');
  const chars = draft.description.trim().length;

  return (
    <Stack gap="lg">
      <Textarea
        {...description}
        label={t('complaint.label.description')}
        description={t('complaint.help.description', { min: FACTS_MIN_CHARS })}
        placeholder={t('complaint.placeholder.description')}
        autosize
        minRows={5}
        maxRows={14}
        value={draft.description}
        onChange={(e) => {
          const value = e.currentTarget.value;
          update((d) => ({ ...d, description: value }));
        }}
        withAsterisk
      />
      <Text size="xs" c={chars >= FACTS_MIN_CHARS ? 'teal' : 'dimmed'} mt={-12} aria-live="polite">
        {t('complaint.charCount', { count: chars, min: FACTS_MIN_CHARS })}
      </Text>

      <Stack gap="xs">
        <Input.Label>{t('complaint.label.venue')}</Input.Label>
        <Checkbox
          id="cf-venue-ecommerce"
          label={t('complaint.label.venueEcommerce')}
          checked={draft.venue.ecommerce}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            update((d) => ({ ...d, venue: { ...d.venue, ecommerce: on } }));
          }}
        />
        <Collapse expanded={draft.venue.ecommerce}>
          <Paper withBorder p="md" radius="md" ml="xl" mb="xs" bg="var(--mantine-color-gray-0)">
            <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
              <TextInput
                {...platform}
                label={t('complaint.label.ecommerce_platform')}
                placeholder={t('complaint.placeholder.platform')}
                value={draft.ecommerce.platform}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  update((d) => ({ ...d, ecommerce: { ...d.ecommerce, platform: value } }));
                }}
                withAsterisk
              />
              <TextInput
                {...listingUrl}
                type="url"
                label={t('complaint.label.ecommerce_listingUrl')}
                placeholder="https://"
                value={draft.ecommerce.listingUrl}
                onChange={(e) => {
                  const value = e.currentTarget.value;
                  update((d) => ({ ...d, ecommerce: { ...d.ecommerce, listingUrl: value } }));
                }}
                withAsterisk
              />
            </SimpleGrid>
          </Paper>
        </Collapse>
        <Checkbox
          id="cf-venue-tradeFair"
          label={t('complaint.label.venueTradeFair')}
          checked={draft.venue.tradeFair}
          onChange={(e) => {
            const on = e.currentTarget.checked;
            update((d) => ({ ...d, venue: { ...d.venue, tradeFair: on } }));
          }}
        />
        <Collapse expanded={draft.venue.tradeFair}>
          <Paper withBorder p="md" radius="md" ml="xl" bg="var(--mantine-color-gray-0)">
            <TextInput
              {...fair}
              label={t('complaint.label.tradeFair_name')}
              placeholder={t('complaint.placeholder.tradeFair')}
              value={draft.tradeFair.name}
              onChange={(e) => {
                const value = e.currentTarget.value;
                update((d) => ({ ...d, tradeFair: { name: value } }));
              }}
              withAsterisk
            />
          </Paper>
        </Collapse>
      </Stack>

      <Divider />
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="xl">
        <Checkbox.Group
          label={t('complaint.label.evidence')}
          description={t('complaint.help.evidence')}
          value={EVIDENCE.filter((k) => draft.evidence[k])}
          onChange={(values) =>
            update((d) => ({
              ...d,
              evidence: {
                hasRightCertificate: values.includes('hasRightCertificate'),
                hasInfringementProof: values.includes('hasInfringementProof'),
                hasDamagesProof: values.includes('hasDamagesProof'),
              },
            }))
          }
        >
          <Stack gap="xs" mt="xs">
            {EVIDENCE.map((k) => (
              <Checkbox key={k} value={k} label={t(`complaint.label.evidence_${k}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group
          label={t('complaint.label.circumstances')}
          description={t('complaint.help.circumstances')}
          value={FLAGS.filter((k) => draft[k])}
          onChange={(values) =>
            update((d) => ({
              ...d,
              ...(Object.fromEntries(FLAGS.map((k) => [k, values.includes(k)])) as Record<Flag, boolean>),
            }))
          }
        >
          <Stack gap="xs" mt="xs">
            {FLAGS.map((k) => (
              <Checkbox key={k} value={k} label={t(`complaint.label.${k}`)} />
            ))}
          </Stack>
        </Checkbox.Group>
      </SimpleGrid>
    </Stack>
  );
}
