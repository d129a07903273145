import { Badge, Grid, Paper, ScrollArea, Stack, Tabs } from '@mantine/core';
import { IconFileText, IconHistory, IconInfoCircle, IconMessages, IconTimeline } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { isApiError } from '../api/ApiError.js';
import { CaseAccessLog } from '../administration/CaseAccessLog.js';
import { useCase } from '../api/cases.js';
import { useEvidence } from '../api/evidence.js';
import { useMessages } from '../api/messages.js';
import { roleHome } from '../auth/roleHome.js';
import { useSession } from '../auth/useSession.js';
import { useCaseFeed } from '../realtime/hooks.js';
import { ErrorState } from '../ui/ErrorState.js';
import { LoadingState } from '../ui/LoadingState.js';
import { SectionCard } from '../ui/SectionCard.js';
import { ActionsPanel } from './ActionsPanel.js';
import { CaseDetailsPanel } from './CaseDetailsPanel.js';
import { CaseHeader } from './CaseHeader.js';
import { CaseNotFound } from './CaseNotFound.js';
import { CaseTimeline } from './CaseTimeline.js';
import { ClocksCard } from './ClocksCard.js';
import { CreditEntryCard } from './CreditEntryCard.js';
import { DamagesCard } from './DamagesCard.js';
import { AgreementCard } from './AgreementCard.js';
import { DocumentsCard } from './DocumentsCard.js';
import { EvidencePanel } from './EvidencePanel.js';
import { MessagesPanel } from './MessagesPanel.js';
import { PartiesCard } from './PartiesCard.js';
import { RespondentsCard } from './RespondentsCard.js';
import { InvitationsCard } from '../invitations/InvitationsCard.js';

/**
 * A case: header, timeline in plain words, messages, evidence, details, and on the side the actions
 * the user may take now, the clocks and who is online. The mediator of the case gets the workspace
 * layout (timeline, conversations and actions side by side). Live through the case feed.
 */
export function CasePage() {
  const { id = '' } = useParams();
  const { t } = useTranslation();
  const session = useSession();
  const caseQuery = useCase(id);
  const evidence = useEvidence(id, caseQuery.isSuccess);
  const messages = useMessages(id, caseQuery.isSuccess);
  useCaseFeed(id, caseQuery.isSuccess);
  const home = session ? roleHome(session.user) : '/';

  if (caseQuery.isPending) return <LoadingState minHeight={320} />;
  if (caseQuery.isError) {
    if (isApiError(caseQuery.error, 404) || isApiError(caseQuery.error, 400))
      return <CaseNotFound home={home} />;
    return <ErrorState error={caseQuery.error} onRetry={() => void caseQuery.refetch()} />;
  }
  const c = caseQuery.data;
  const isMediator = Boolean(session && c.mediatorId === session.user.id);
  const backLabel = t(`nav.homeOf.${session?.user.role ?? 'complainant'}`);
  // admins and the officers of the organisation handling the case read who opened it
  const seesAccessLog =
    session?.user.role === 'admin' ||
    (session?.user.role === 'officer' && c.orgId !== null && c.orgId === session.user.orgId);

  const aside = (
    <Stack gap="md">
      <ActionsPanel caseView={c} />
      <AgreementCard caseView={c} />
      <ClocksCard caseView={c} />
      <RespondentsCard caseView={c} />
      <DocumentsCard caseView={c} />
      {session && (session.user.role === 'admin' || session.user.role === 'officer') && (
        <InvitationsCard caseView={c} />
      )}
      <PartiesCard caseView={c} />
      {session && <CreditEntryCard caseView={c} userId={session.user.id} role={session.user.role} />}
      {session && <DamagesCard caseView={c} role={session.user.role} />}
    </Stack>
  );

  if (isMediator) {
    return (
      <>
        <CaseHeader caseView={c} backTo={home} backLabel={backLabel} />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, lg: 4 }}>
            <SectionCard title={t('case.tab.timeline')}>
              <ScrollArea h={486} type="auto" offsetScrollbars>
                <CaseTimeline caseView={c} newestFirst />
              </ScrollArea>
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 5 }}>
            <SectionCard title={t('case.tab.messages')}>
              <MessagesPanel caseView={c} height={340} />
            </SectionCard>
          </Grid.Col>
          <Grid.Col span={{ base: 12, lg: 3 }}>{aside}</Grid.Col>
          <Grid.Col span={12}>
            <Tabs defaultValue="details" variant="outline">
              <Tabs.List>
                <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} />}>
                  {t('case.tab.details')}
                </Tabs.Tab>
                <Tabs.Tab value="evidence" leftSection={<IconFileText size={16} />}>
                  {t('case.tab.evidence')}
                </Tabs.Tab>
              </Tabs.List>
              <Paper
                withBorder
                p="md"
                style={{ borderTop: 0, borderTopLeftRadius: 0, borderTopRightRadius: 0 }}
              >
                <Tabs.Panel value="details">
                  <CaseDetailsPanel caseView={c} />
                </Tabs.Panel>
                <Tabs.Panel value="evidence">
                  <EvidencePanel caseView={c} />
                </Tabs.Panel>
              </Paper>
            </Tabs>
          </Grid.Col>
        </Grid>
      </>
    );
  }

  return (
    <>
      <CaseHeader caseView={c} backTo={home} backLabel={backLabel} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Tabs
            defaultValue={/mediation|Mediation|memberMediation/.test(c.stage) ? 'messages' : 'timeline'}
            variant="outline"
            keepMounted={false}
          >
            <Tabs.List>
              <Tabs.Tab value="timeline" leftSection={<IconTimeline size={16} />}>
                {t('case.tab.timeline')}
              </Tabs.Tab>
              <Tabs.Tab
                value="messages"
                leftSection={<IconMessages size={16} />}
                rightSection={
                  messages.data && messages.data.length > 0 ? (
                    <Badge size="xs" variant="filled" miw={18} data-testid="message-count">
                      {messages.data.length}
                    </Badge>
                  ) : undefined
                }
              >
                {t('case.tab.messages')}
              </Tabs.Tab>
              <Tabs.Tab
                value="evidence"
                leftSection={<IconFileText size={16} />}
                rightSection={
                  evidence.data && evidence.data.length > 0 ? (
                    <Badge size="xs" variant="light" miw={18}>
                      {evidence.data.length}
                    </Badge>
                  ) : undefined
                }
              >
                {t('case.tab.evidence')}
              </Tabs.Tab>
              <Tabs.Tab value="details" leftSection={<IconInfoCircle size={16} />}>
                {t('case.tab.details')}
              </Tabs.Tab>
              {seesAccessLog && (
                <Tabs.Tab value="access" leftSection={<IconHistory size={16} />} data-testid="access-log-tab">
                  {t('administration.accessLog.tab')}
                </Tabs.Tab>
              )}
            </Tabs.List>
            <Paper
              withBorder
              p="lg"
              style={{ borderTop: 0, borderTopLeftRadius: 0, borderTopRightRadius: 0 }}
              mih={420}
            >
              <Tabs.Panel value="timeline">
                <CaseTimeline caseView={c} />
              </Tabs.Panel>
              <Tabs.Panel value="messages">
                <MessagesPanel caseView={c} />
              </Tabs.Panel>
              <Tabs.Panel value="evidence">
                <EvidencePanel caseView={c} />
              </Tabs.Panel>
              <Tabs.Panel value="details">
                <CaseDetailsPanel
                  caseView={c}
                  showRouting={
                    session?.user.role === 'admin' ||
                    session?.user.role === 'officer' ||
                    session?.user.role === 'complainant'
                  }
                />
              </Tabs.Panel>
              {seesAccessLog && (
                <Tabs.Panel value="access">
                  <CaseAccessLog caseId={c.id} />
                </Tabs.Panel>
              )}
            </Paper>
          </Tabs>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>{aside}</Grid.Col>
      </Grid>
    </>
  );
}
