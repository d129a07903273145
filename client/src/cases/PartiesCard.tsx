import { Avatar, Badge, Group, Indicator, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { CaseView } from '../../../shared/api/views.js';
import { useSession } from '../auth/useSession.js';
import { usePresence } from '../realtime/hooks.js';
import { SectionCard } from '../ui/SectionCard.js';

interface Person {
  key: string;
  id: string | null;
  name: string;
  role: string;
}

/** The people of a case and who of them is connected now (presence). */
export function PartiesCard({ caseView }: { caseView: CaseView }) {
  const { t } = useTranslation();
  const session = useSession();
  const online = usePresence(caseView.id);
  const onlineIds = new Set(online.map((o) => o.id));
  const people: Person[] = [
    { key: 'c', id: caseView.complainant.id, name: caseView.complainant.name, role: 'complainant' },
    { key: 'r', id: caseView.respondent.id, name: caseView.respondent.name, role: 'respondent' },
  ];
  if (caseView.mediatorId) {
    const name = online.find((o) => o.id === caseView.mediatorId)?.name;
    people.push({
      key: 'm',
      id: caseView.mediatorId,
      name: name ?? t('vocab.role.mediator'),
      role: 'mediator',
    });
  }
  const others = online.filter((o) => !people.some((p) => p.id === o.id));
  for (const o of others) people.push({ key: o.id, id: o.id, name: o.name, role: o.role });

  return (
    <SectionCard
      title={t('case.people')}
      extra={
        <Badge size="xs" variant="light" color="teal" tt="none">
          {t('case.onlineCount', { count: online.length })}
        </Badge>
      }
    >
      <Stack gap="sm" data-testid="presence">
        {people.map((p) => {
          const isOnline = p.id !== null && onlineIds.has(p.id);
          return (
            <Group key={p.key} gap="sm" wrap="nowrap">
              <Indicator
                color={isOnline ? 'teal' : 'gray.4'}
                size={10}
                offset={4}
                position="bottom-end"
                withBorder
              >
                <Avatar
                  radius="xl"
                  size={32}
                  color={p.role === 'mediator' ? 'grape' : p.role === 'complainant' ? 'indigo' : 'orange'}
                >
                  {p.name.slice(0, 1)}
                </Avatar>
              </Indicator>
              <Stack gap={0} style={{ minWidth: 0 }}>
                <Text size="sm" fw={550} lineClamp={1}>
                  {p.name}
                  {p.id === session?.user.id ? ` (${t('actions.event.you')})` : ''}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`vocab.role.${p.role}`, { defaultValue: p.role })} ·{' '}
                  {isOnline ? t('case.online') : p.id ? t('case.offline') : t('case.noAccount')}
                </Text>
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </SectionCard>
  );
}
