import {
  IconBuildingCommunity,
  IconChartBar,
  IconClipboardList,
  IconFilePlus,
  IconFolders,
  IconGauge,
  IconMail,
  IconMessages,
  IconSpeakerphone,
  IconShieldSearch,
  IconUsers,
  IconShieldCheck,
  type Icon,
} from '@tabler/icons-react';
import type { SessionUser } from '../auth/sessionStore.js';

/** One entry of the navigation. */
export interface NavItem {
  to: string;
  labelKey: string;
  icon: Icon;
  /** Match only this exact path (not its children). */
  end?: boolean;
}

/** The navigation of each role. */
export function navItems(user: SessionUser): NavItem[] {
  const cases: NavItem = { to: '/cases', labelKey: 'nav.myCases', icon: IconFolders, end: true };
  const credit: NavItem = { to: '/credit', labelKey: 'creditRegister.title', icon: IconShieldCheck };
  const reports: NavItem = {
    to: '/supervision/reports',
    labelKey: 'supervision.nav',
    icon: IconSpeakerphone,
  };
  switch (user.role) {
    case 'complainant':
      return [cases, { to: '/cases/new', labelKey: 'nav.newComplaint', icon: IconFilePlus, end: true }];
    case 'mediator':
      return [{ to: '/mediator', labelKey: 'nav.mediator', icon: IconMessages }, cases];
    case 'officer':
      return [
        ...(user.orgType === 'protectionCenter'
          ? [{ to: '/center', labelKey: 'nav.center', icon: IconGauge }]
          : []),
        { to: '/desk', labelKey: 'nav.desk', icon: IconClipboardList },
        { ...cases, labelKey: 'nav.allCases' },
        { to: '/stats', labelKey: 'nav.stats', icon: IconChartBar },
        ...(user.lead ? [{ to: '/admin/staff', labelKey: 'administration.nav.staff', icon: IconUsers }] : []),
        { to: '/admin/audit', labelKey: 'administration.nav.audit', icon: IconShieldSearch },
        credit,
        ...(user.orgType === 'socialSupervision' ? [reports] : []),
      ];
    case 'admin':
      return [
        { to: '/desk', labelKey: 'nav.deskAdmin', icon: IconClipboardList },
        { to: '/cases', labelKey: 'nav.allCases', icon: IconFolders, end: true },
        { to: '/stats', labelKey: 'nav.stats', icon: IconChartBar },
        { to: '/outbox', labelKey: 'outbox.nav', icon: IconMail },
        {
          to: '/admin/organisations',
          labelKey: 'administration.nav.organisations',
          icon: IconBuildingCommunity,
        },
        { to: '/admin/staff', labelKey: 'administration.nav.staff', icon: IconUsers },
        { to: '/admin/audit', labelKey: 'administration.nav.audit', icon: IconShieldSearch },
        credit,
        reports,
      ];
    default:
      return [cases];
  }
}
