import { Alert, Anchor, Button, Divider, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { problemText } from '../api/problemText.js';
import { formatDateTime } from '../i18n/format.js';
import { LoadingState } from '../ui/LoadingState.js';
import { ErrorState } from '../ui/ErrorState.js';
import { ReportStatusBadge } from './ReportStatusBadge.js';
import { useReport, useReportAction } from './supervisionApi.js';

/** One line of the report: a label and its value. */
function Field({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
        {children}
      </Text>
    </div>
  );
}

/**
 * A report in full, and what the office does with it: acknowledge a new one; mark it handled with a
 * note and, if it led to one, the number of the case it concerns.
 */
export function ReportDetail({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const report = useReport(id);
  const act = useReportAction();
  const [note, setNote] = useState('');
  const [caseNo, setCaseNo] = useState('');

  if (report.isPending) return <LoadingState minHeight={240} />;
  if (report.isError) return <ErrorState error={report.error} onRetry={() => void report.refetch()} />;
  const r = report.data;

  const handle = (e: FormEvent) => {
    e.preventDefault();
    act.mutate({
      id,
      body: { type: 'handle', note: note.trim(), ...(caseNo.trim() ? { caseNo: caseNo.trim() } : {}) },
    });
  };

  return (
    <Stack gap="sm" data-testid="report-detail">
      <Group justify="space-between">
        <ReportStatusBadge status={r.status} />
        <Text size="xs" c="dimmed">
          {t('supervision.reference')}
          {t('common.colon')}
          {r.id.slice(0, 8)}
        </Text>
      </Group>
      <Field label={t('supervision.received')}>{formatDateTime(r.createdAt, i18n.language)}</Field>
      <Field label={t('supervision.subject')}>{r.subject}</Field>
      <Group grow align="flex-start">
        <Field label={t('supervision.kind')}>{t(`vocab.ipType.${r.ipType}`)}</Field>
        <Field label={t('supervision.place')}>{t(`public.selfHelp.placeOption.${r.place}`)}</Field>
      </Group>
      <Field label={t('supervision.location')}>{r.location}</Field>
      <Field label={t('supervision.description')}>{r.description}</Field>
      <Field label={t('supervision.reporter')}>
        {r.anonymous ? t('supervision.anonymous') : `${r.reporterName ?? ''}（${r.contact ?? ''}）`}
      </Field>
      <Divider />
      {r.status === 'handled' ? (
        <Stack gap="sm">
          <Field label={t('supervision.handledBy')}>
            {r.handlerName} · {formatDateTime(r.updatedAt, i18n.language)}
          </Field>
          <Field label={t('supervision.note')}>{r.note}</Field>
          {r.caseId && (
            <Field label={t('supervision.case')}>
              <Anchor component={Link} to={`/cases/${r.caseId}`}>
                {r.caseNo ?? r.caseId}
              </Anchor>
            </Field>
          )}
        </Stack>
      ) : (
        <form onSubmit={handle}>
          <Stack gap="sm">
            {r.status === 'acknowledged' && (
              <Text size="sm" c="dimmed">
                {t('supervision.acknowledgedBy', {
                  name: r.handlerName,
                  at: formatDateTime(r.updatedAt, i18n.language),
                })}
              </Text>
            )}
            {r.status === 'new' && (
              <Button
                variant="light"
                loading={act.isPending && act.variables?.body.type === 'acknowledge'}
                onClick={() => act.mutate({ id, body: { type: 'acknowledge' } })}
              >
                {t('supervision.acknowledge')}
              </Button>
            )}
            <Textarea
              label={t('supervision.note')}
              description={t('supervision.noteHint')}
              required
              autosize
              minRows={3}
              maxLength={2000}
              value={note}
              onChange={(e) => setNote(e.currentTarget.value)}
            />
            <TextInput
              label={t('supervision.caseNo')}
              description={t('supervision.caseNoHint')}
              maxLength={60}
              value={caseNo}
              onChange={(e) => setCaseNo(e.currentTarget.value)}
            />
            <Button
              type="submit"
              disabled={!note.trim()}
              loading={act.isPending && act.variables?.body.type === 'handle'}
            >
              {t('supervision.handle')}
            </Button>
          </Stack>
        </form>
      )}
      {act.isError && (
        <Alert color="red" variant="light" role="alert">
          {problemText(t, act.error, i18n.language)}
        </Alert>
      )}
    </Stack>
  );
}
