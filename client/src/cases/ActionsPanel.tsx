import { Button, Modal, Stack, Text } from '@mantine/core';
import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import type { CaseEventType } from '../../../shared/machine/caseEvents.js';
import { useCaseActions } from '../api/cases.js';
import type { AvailableActionView } from '../api/types.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { SectionCard } from '../ui/SectionCard.js';
import { LazyActionForm, LazyRouteForm, preloadActionForms } from './actionForms.js';
import { DANGER_ACTIONS } from './actionStyle.js';
import { actionWording } from './actionLabel.js';
import { SignAgreementForm } from './SignAgreementForm.js';
import type { FieldValue } from './actionValues.js';

/** Actions never offered as buttons (the platform's clock sends them). */
const SYSTEM_ONLY = new Set<string>(['DEADLINE']);

/**
 * The dialog of one action: the route form for ROUTE/TRANSFER, the agreement's full text for
 * SIGN_AGREEMENT, the generic form otherwise (their chunk loads on first use, with a spinner meanwhile).
 */
export function ActionDialog({
  caseView,
  action,
  onClose,
  prefill,
}: {
  caseView: CaseView;
  action: AvailableActionView | null;
  onClose: () => void;
  /** Values the form opens with. */
  prefill?: Record<string, FieldValue>;
}) {
  const { t } = useTranslation();
  return (
    <Modal
      opened={action !== null}
      onClose={onClose}
      title={
        action ? (
          <Text fw={650}>{t(`actions.action.${actionWording(action.type, caseView.tags)}`)}</Text>
        ) : null
      }
      size={
        action?.type === 'ROUTE' || action?.type === 'TRANSFER' || action?.type === 'SIGN_AGREEMENT'
          ? 'xl'
          : 'lg'
      }
      centered
    >
      {action && (
        <Suspense fallback={<LoadingState />}>
          {action.type === 'SIGN_AGREEMENT' ? (
            <SignAgreementForm caseView={caseView} onDone={onClose} onCancel={onClose} />
          ) : action.type === 'ROUTE' || action.type === 'TRANSFER' ? (
            <LazyRouteForm
              caseView={caseView}
              type={action.type}
              fields={action.fields}
              onDone={onClose}
              onCancel={onClose}
            />
          ) : (
            <LazyActionForm
              caseView={caseView}
              type={action.type}
              fields={action.fields}
              onDone={onClose}
              onCancel={onClose}
              prefill={prefill}
            />
          )}
        </Suspense>
      )}
    </Modal>
  );
}

/**
 * The actions the signed-in user may take on the case now, exactly as `GET /actions` returns them
 * (nothing else is ever shown), each opening its form.
 */
export function ActionsPanel({
  caseView,
  only,
  exclude = [],
  title,
  emptyText,
  hideWhenEmpty = false,
}: {
  caseView: CaseView;
  /** Show only these action types (in this order). */
  only?: readonly CaseEventType[];
  /** Leave these out (shown elsewhere). */
  exclude?: readonly CaseEventType[];
  /** Render nothing when no action is available. */
  hideWhenEmpty?: boolean;
  title?: string;
  emptyText?: string;
}) {
  const { t } = useTranslation();
  const actions = useCaseActions(caseView.id, caseView.seq);
  const [open, setOpen] = useState<AvailableActionView | null>(null);
  const items = (actions.data ?? [])
    .filter((a) => !SYSTEM_ONLY.has(a.type))
    .filter((a) => !only || only.includes(a.type))
    .filter((a) => !exclude.includes(a.type))
    .sort((a, b) => (only ? only.indexOf(a.type) - only.indexOf(b.type) : 0));
  const offersActions = items.length > 0;
  // the buttons are on screen: fetch their forms now, so a click opens the dialog at once
  useEffect(() => {
    if (offersActions) preloadActionForms();
  }, [offersActions]);

  if (hideWhenEmpty && actions.isSuccess && items.length === 0) return null;
  return (
    <SectionCard title={title ?? t('actions.title')}>
      {actions.isPending ? (
        <LoadingState minHeight={80} />
      ) : actions.isError ? (
        <ErrorState error={actions.error} onRetry={() => void actions.refetch()} />
      ) : items.length === 0 ? (
        <Text size="sm" c="dimmed">
          {emptyText ?? t('actions.none')}
        </Text>
      ) : (
        <Stack gap="xs" data-testid="actions">
          {items.map((a) => (
            <Button
              key={a.type}
              variant={DANGER_ACTIONS.has(a.type) ? 'light' : 'filled'}
              color={DANGER_ACTIONS.has(a.type) ? 'red' : undefined}
              fullWidth
              justify="flex-start"
              onClick={() => setOpen(a)}
              data-action={a.type}
            >
              {t(`actions.action.${actionWording(a.type, caseView.tags)}`)}
            </Button>
          ))}
        </Stack>
      )}
      <ActionDialog caseView={caseView} action={open} onClose={() => setOpen(null)} />
    </SectionCard>
  );
}
