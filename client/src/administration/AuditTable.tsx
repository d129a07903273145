import { Anchor, Badge, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAdminOrgs } from '../api/administration.js';
import type { AuditEntryView } from '../api/types.js';
import { isZh } from '../i18n/labels.js';
import { formatDateTime } from '../i18n/format.js';
import { auditChangeText } from './auditChangeText.js';

const KIND_COLORS: Record<string, string> = {
  'case.view': 'gray',
  'evidence.download': 'blue',
  'caseFile.download': 'indigo',
  'calendar.download': 'cyan',
  'org.create': 'teal',
  'org.update': 'teal',
  'user.create': 'grape',
  'user.update': 'grape',
  'user.invite': 'grape',
  'report.acknowledge': 'orange',
  'report.handle': 'orange',
};

/** Audit entries as a table: when, who, what, of what, and the changes of administrative entries. */
export function AuditTable({ entries, showCase }: { entries: AuditEntryView[]; showCase: boolean }) {
  const { t, i18n } = useTranslation();
  const orgs = useAdminOrgs();
  const orgName = (id: string) => {
    const org = orgs.data?.find((o) => o.id === id);
    return org && (isZh(i18n.language) ? org.nameZh : org.name);
  };
  return (
    <Table.ScrollContainer minWidth={860}>
      <Table verticalSpacing="sm" data-testid="audit-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={170}>{t('administration.audit.at')}</Table.Th>
            <Table.Th>{t('administration.audit.who')}</Table.Th>
            <Table.Th>{t('administration.audit.what')}</Table.Th>
            <Table.Th>{t('administration.audit.target')}</Table.Th>
            <Table.Th>{t('administration.audit.changes')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((e) => (
            <Table.Tr key={e.id} data-testid="audit-row" data-kind={e.kind}>
              <Table.Td>
                <Text size="sm">{formatDateTime(e.at, i18n.language)}</Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {e.actor.name}
                </Text>
                <Text size="xs" c="dimmed">
                  {t(`vocab.role.${e.actor.role}`, { defaultValue: e.actor.role })}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge variant="light" color={KIND_COLORS[e.kind] ?? 'gray'}>
                  {t(`administration.audit.kinds.${e.kind}`, { defaultValue: e.kind })}
                </Badge>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{e.target.label || e.target.id}</Text>
                {showCase && e.caseId && (
                  <Anchor component={Link} to={`/cases/${e.caseId}`} size="xs">
                    {t('administration.audit.openCase')}
                  </Anchor>
                )}
              </Table.Td>
              <Table.Td>
                <Stack gap={2}>
                  {auditChangeText(e.before, e.after, t, orgName).map((line) => (
                    <Text size="xs" key={line}>
                      {line}
                    </Text>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
