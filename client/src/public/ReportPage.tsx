import { Alert, Button, Paper, Select, Stack, Switch, Textarea, TextInput } from '@mantine/core';
import { useMutation } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { IP_TYPES } from '../../../shared/vocabulary.js';
import { isApiError } from '../api/ApiError.js';
import { PageHeader } from '../ui/PageHeader.js';
import { sendReport } from './publicApi.js';

const PLACES = ['online', 'offline', 'export'] as const;

/** The public report form of social supervision: anonymous or named, checked by the server. */
export function ReportPage() {
  const { t } = useTranslation();
  const [anonymous, setAnonymous] = useState(true);
  const [form, setForm] = useState({
    reporterName: '',
    contact: '',
    subject: '',
    place: 'online',
    location: '',
    ipType: 'trademark',
    description: '',
  });
  const field = (key: keyof typeof form) => ({
    value: form[key],
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setForm((f) => ({ ...f, [key]: value }));
    },
  });
  const send = useMutation({
    mutationFn: () =>
      sendReport({
        anonymous,
        ...(anonymous ? {} : { reporterName: form.reporterName, contact: form.contact }),
        subject: form.subject,
        place: form.place,
        location: form.location,
        ipType: form.ipType,
        description: form.description,
      }),
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    send.mutate();
  };
  const error = send.error;
  return (
    <>
      <PageHeader title={t('public.report.title')} description={t('public.report.intro')} />
      <Paper withBorder radius="md" p="lg" maw={640}>
        {send.isSuccess ? (
          <Alert color="teal" role="status">
            {t('public.report.sent', { id: send.data.id.slice(0, 8) })}
          </Alert>
        ) : (
          <form onSubmit={submit} noValidate>
            <Stack gap="md">
              <Switch
                label={t('public.report.anonymous')}
                checked={anonymous}
                onChange={(e) => setAnonymous(e.currentTarget.checked)}
              />
              {!anonymous && (
                <>
                  <TextInput
                    label={t('public.report.name')}
                    required
                    maxLength={100}
                    {...field('reporterName')}
                  />
                  <TextInput
                    label={t('public.report.contact')}
                    required
                    maxLength={200}
                    {...field('contact')}
                  />
                </>
              )}
              <TextInput label={t('public.report.subject')} required maxLength={200} {...field('subject')} />
              <Select
                label={t('public.report.place')}
                data={PLACES.map((p) => ({ value: p, label: t(`public.selfHelp.placeOption.${p}`) }))}
                value={form.place}
                onChange={(v) => v && setForm((f) => ({ ...f, place: v }))}
                allowDeselect={false}
              />
              <TextInput
                label={t('public.report.location')}
                required
                maxLength={500}
                {...field('location')}
              />
              <Select
                label={t('public.report.ipType')}
                data={IP_TYPES.map((v) => ({ value: v, label: t(`vocab.ipType.${v}`) }))}
                value={form.ipType}
                onChange={(v) => v && setForm((f) => ({ ...f, ipType: v }))}
                allowDeselect={false}
              />
              <Textarea
                label={t('public.report.description')}
                description={t('public.report.descriptionHint')}
                required
                minRows={4}
                maxLength={5000}
                {...field('description')}
              />
              {error && (
                <Alert color="red" role="alert">
                  {isApiError(error) && error.status === 429
                    ? t('public.report.tooMany')
                    : isApiError(error) && error.status === 422
                      ? t('public.report.invalid', {
                          detail: error.errors
                            .map((p) => t(`public.report.field.${p.path}`, { defaultValue: p.path }))
                            .join('、'),
                        })
                      : t('public.report.failed')}
                </Alert>
              )}
              <Button type="submit" loading={send.isPending}>
                {t('public.report.submit')}
              </Button>
            </Stack>
          </form>
        )}
      </Paper>
    </>
  );
}
