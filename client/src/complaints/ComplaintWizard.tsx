import { Alert, Button, Group, Paper, Stepper, Text, Title } from '@mantine/core';
import { problemText } from '../api/problemText.js';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconArrowRight, IconCloudCheck, IconSend } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useFileComplaint } from '../api/cases.js';
import type { SessionUser } from '../auth/sessionStore.js';
import { PageHeader } from '../ui/PageHeader.js';
import { ComplaintFormContext, type ComplaintForm } from './ComplaintFormContext.js';
import { fieldId, labelKeyOf, validateDraft, type DraftError } from './complaintValidation.js';
import { STEPS, stepOf, type StepId } from './complaintSteps.js';
import { useComplaintDraft } from './useComplaintDraft.js';
import { ClaimStep } from './steps/ClaimStep.js';
import { ConsentStep } from './steps/ConsentStep.js';
import { FactsStep } from './steps/FactsStep.js';
import { PartiesStep } from './steps/PartiesStep.js';
import { ReviewStep } from './steps/ReviewStep.js';
import { RightStep } from './steps/RightStep.js';

function focusField(path: string): void {
  const el = document.getElementById(fieldId(path));
  if (!el) return;
  const target = el.matches('input, textarea, select, button')
    ? el
    : el.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select, button');
  target?.focus();
}

/**
 * The guided complaint form: five steps validated as the user types with the shared Joi schema, then
 * the routing preview with its reasons, then filing. The draft lives in sessionStorage, so an
 * expired session comes back to it after signing in again.
 */
export function ComplaintWizard({ user }: { user: SessionUser }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const { draft, step, key, update, setStep, reset } = useComplaintDraft(user.id, user.name);
  const validation = useMemo(() => validateDraft(draft), [draft]);
  const [touched, setTouched] = useState<Set<string>>(() => new Set());
  const [submittedSteps, setSubmittedSteps] = useState<Set<StepId>>(() => new Set());
  const file = useFileComplaint();
  /** Set from the first submit until its filing is answered (before React renders `isPending`). */
  const filing = useRef(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const active = STEPS.indexOf(step);
  const firstRender = useRef(true);

  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    headingRef.current?.focus();
  }, [step]);

  const messageOf = useCallback(
    (err: DraftError): string => {
      const index = /\.(\d+)\./.exec(err.path)?.[1];
      const label = t(`complaint.label.${labelKeyOf(err.path).replace(/\./g, '_')}`, {
        n: index === undefined ? '' : Number(index) + 1,
        defaultValue: t('complaint.label.field'),
      });
      return t(`validation.${err.type}`, {
        label,
        limit: err.limit,
        defaultValue: t('validation.invalid', { label }),
      });
    },
    [t],
  );

  const form: ComplaintForm = useMemo(
    () => ({
      draft,
      update,
      errorFor: (path) => {
        const err = validation.errors.get(path);
        if (!err) return undefined;
        const seen = touched.has(path) || [...touched].some((p) => p.startsWith(`${path}.`));
        if (!seen && !submittedSteps.has(stepOf(path))) return undefined;
        return messageOf(err);
      },
      touch: (path) => setTouched((s) => (s.has(path) ? s : new Set(s).add(path))),
    }),
    [draft, update, validation, touched, submittedSteps, messageOf],
  );

  const problems = [...validation.errors.values()].map((e) => ({
    path: e.path,
    step: stepOf(e.path),
    message: messageOf(e),
  }));
  const stepProblems = (s: StepId) => problems.filter((p) => p.step === s);

  const goTo = (target: StepId, path?: string) => {
    setStep(target);
    if (path) {
      setSubmittedSteps((s) => new Set(s).add(target));
      window.setTimeout(() => focusField(path), 50);
    }
  };

  const next = () => {
    const own = stepProblems(step);
    if (own.length > 0) {
      setSubmittedSteps((s) => new Set(s).add(step));
      const first = own[0];
      if (first) window.setTimeout(() => focusField(first.path), 0);
      return;
    }
    const following = STEPS[active + 1];
    if (following) setStep(following);
  };

  const submit = () => {
    // one filing at a time: a second click (or Enter) before the first is answered does nothing
    if (!validation.value || filing.current) return;
    filing.current = true;
    file.mutate(
      { complaint: validation.value, key },
      {
        onSettled: () => {
          filing.current = false;
        },
        onSuccess: (created) => {
          reset();
          notifications.show({
            color: 'teal',
            title: t('complaint.filedTitle'),
            message: t('complaint.filedBody', { caseNo: created.caseNo }),
          });
          void navigate(`/cases/${created.id}`);
        },
      },
    );
  };

  const stepBody: Record<StepId, ReactNode> = {
    right: <RightStep />,
    parties: <PartiesStep />,
    facts: <FactsStep />,
    claim: <ClaimStep />,
    consents: <ConsentStep />,
    review: <ReviewStep complaint={validation.value} problems={problems} onGoTo={goTo} />,
  };

  return (
    <ComplaintFormContext.Provider value={form}>
      <PageHeader
        title={t('complaint.pageTitle')}
        description={t('complaint.pageDescription')}
        actions={
          <Group gap={6} c="dimmed">
            <IconCloudCheck size={16} />
            <Text size="xs">{t('complaint.draftSaved')}</Text>
            <Button
              variant="subtle"
              size="compact-xs"
              color="gray"
              onClick={() => {
                reset();
                setTouched(new Set());
                setSubmittedSteps(new Set());
              }}
            >
              {t('complaint.discard')}
            </Button>
          </Group>
        }
      />
      <Paper withBorder radius="md" p="lg">
        <Stepper
          active={active}
          onStepClick={(i) => {
            const target = STEPS[i];
            if (target && i < active) setStep(target);
          }}
          allowNextStepsSelect={false}
          size="sm"
          mb="xl"
        >
          {STEPS.map((s) => (
            <Stepper.Step
              key={s}
              label={t(`complaint.step.${s}`)}
              description={t(`complaint.stepHint.${s}`)}
            />
          ))}
        </Stepper>
        <Title order={2} fz="lg" mb={4} ref={headingRef} tabIndex={-1} style={{ outline: 'none' }}>
          {t(`complaint.stepTitle.${step}`)}
        </Title>
        <Text size="sm" c="dimmed" mb="lg">
          {t(`complaint.stepIntro.${step}`)}
        </Text>
        <form
          noValidate
          onSubmit={(e) => {
            e.preventDefault();
            if (step === 'review') submit();
            else next();
          }}
        >
          {stepBody[step]}
          {file.isError && (
            <Alert color="red" variant="light" mt="lg" title={t('complaint.fileFailed')} role="alert">
              {problemText(t, file.error, i18n.language)}
            </Alert>
          )}
          <Group
            justify="space-between"
            mt="xl"
            pt="md"
            style={{ borderTop: '1px solid var(--mantine-color-gray-2)' }}
          >
            <Button
              variant="default"
              leftSection={<IconArrowLeft size={16} />}
              disabled={active === 0}
              onClick={() => {
                const prev = STEPS[active - 1];
                if (prev) setStep(prev);
              }}
            >
              {t('common.back')}
            </Button>
            {step === 'review' ? (
              <Button
                type="submit"
                leftSection={<IconSend size={16} />}
                loading={file.isPending}
                disabled={!validation.value || file.isPending}
              >
                {t('complaint.file')}
              </Button>
            ) : (
              <Button type="submit" rightSection={<IconArrowRight size={16} />}>
                {active === STEPS.length - 2 ? t('complaint.toReview') : t('common.next')}
              </Button>
            )}
          </Group>
        </form>
      </Paper>
    </ComplaintFormContext.Provider>
  );
}
