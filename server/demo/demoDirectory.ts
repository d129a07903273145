import type { StaffLanguage } from '../../shared/admin/staffLanguages.js';
import { FEATURED_RESPONDENTS } from './demoRespondentAccounts.js';
import type { IpType, OrgType, Role } from '../../shared/vocabulary.js';

/** The password of every demo account (demo data only). */
export const DEMO_PASSWORD = 'sevenfold-demo';

/** A demo organisation. */
export interface DemoOrg {
  id: string;
  name: string;
  nameZh: string;
  type: OrgType;
  region: string;
}

/** A demo user. */
export interface DemoUser {
  id: string;
  email: string;
  name: string;
  role: Role;
  orgId: string | null;
  expertise?: IpType[];
  capacity?: number;
  languages?: StaffLanguage[];
  /** The lead of their organisation (an officer who manages its staff). */
  lead?: boolean;
}

/** Organisations of all seven channel types plus the two protection centers of the brief. */
export const DEMO_ORGS: readonly DemoOrg[] = [
  {
    id: 'org-bj-amr',
    type: 'administrative',
    name: 'Beijing Administration for Market Regulation',
    nameZh: '北京市市场监督管理局',
    region: '北京市',
  },
  {
    id: 'org-bj-ipcourt',
    type: 'judicial',
    name: 'Beijing Intellectual Property Court',
    nameZh: '北京知识产权法院',
    region: '北京市',
  },
  {
    id: 'org-zgc-mediation',
    type: 'mediation',
    name: 'Zhongguancun IP Dispute Mediation Committee',
    nameZh: '中关村知识产权纠纷人民调解委员会',
    region: '海淀区',
  },
  {
    id: 'org-bac',
    type: 'arbitration',
    name: 'Beijing Arbitration Commission',
    nameZh: '北京仲裁委员会',
    region: '北京市',
  },
  {
    id: 'org-haidian-aid',
    type: 'legalServices',
    name: 'Haidian SME IP Protection Assistance Center',
    nameZh: '海淀区中小企业知识产权维权援助中心',
    region: '海淀区',
  },
  {
    id: 'org-bj-supervision',
    type: 'socialSupervision',
    name: 'Beijing IP Public Supervision Office',
    nameZh: '北京市知识产权社会监督办公室',
    region: '北京市',
  },
  {
    id: 'org-zgc-design-assoc',
    type: 'industrySelfRegulation',
    name: 'Zhongguancun Industrial Design Association',
    nameZh: '中关村工业设计产业协会',
    region: '海淀区',
  },
  {
    id: 'org-pc-beijing',
    type: 'protectionCenter',
    name: 'China (Beijing) IP Protection Center',
    nameZh: '中国（北京）知识产权保护中心',
    region: '北京市',
  },
  {
    id: 'org-pc-zgc',
    type: 'protectionCenter',
    name: 'China (Zhongguancun) IP Protection Center',
    nameZh: '中国（中关村）知识产权保护中心',
    region: '海淀区',
  },
];

/** The demo accounts of the brief (all with {@link DEMO_PASSWORD}). */
export const DEMO_USERS: readonly DemoUser[] = [
  {
    id: 'u-complainant',
    email: 'complainant@demo.local',
    name: 'Lin Wei (Lumen Design)',
    role: 'complainant',
    orgId: null,
  },
  {
    id: 'u-complainant2',
    email: 'complainant2@demo.local',
    name: 'Zhao Min (Power Systems)',
    role: 'complainant',
    orgId: null,
  },
  // one account per respondent company (`demoRespondentAccounts.ts`)
  ...FEATURED_RESPONDENTS.map(({ company: _company, ...account }) => account),
  {
    id: 'u-mediator',
    email: 'mediator@demo.local',
    name: 'Chen Jing',
    role: 'mediator',
    orgId: 'org-zgc-mediation',
    expertise: ['designPatent', 'trademark', 'copyright', 'utilityModel'],
    capacity: 12,
    languages: ['zh', 'en'],
  },
  {
    id: 'u-mediator2',
    email: 'mediator2@demo.local',
    name: 'Sun Li',
    role: 'mediator',
    orgId: 'org-zgc-mediation',
    expertise: ['inventionPatent', 'utilityModel', 'icLayout', 'tradeSecret'],
    capacity: 8,
    languages: ['zh', 'ja'],
  },
  {
    id: 'u-arbitrator',
    email: 'arbitrator@demo.local',
    name: 'Wang Fang',
    role: 'arbitrator',
    orgId: 'org-bac',
    expertise: ['inventionPatent', 'trademark', 'tradeSecret'],
    languages: ['zh', 'en', 'de'],
  },
  {
    id: 'u-center',
    email: 'center@demo.local',
    name: 'Liu Yang (ZGC Protection Center)',
    role: 'officer',
    orgId: 'org-pc-zgc',
    lead: true,
    languages: ['zh', 'en'],
  },
  {
    id: 'u-court',
    email: 'court@demo.local',
    name: 'Judge Zhou Ning',
    role: 'officer',
    orgId: 'org-bj-ipcourt',
    lead: true,
    languages: ['zh', 'en'],
  },
  {
    id: 'u-enforcement',
    email: 'enforcement@demo.local',
    name: 'Ma Jun (Market Regulation)',
    role: 'officer',
    orgId: 'org-bj-amr',
    lead: true,
    languages: ['zh', 'en'],
  },
  {
    id: 'u-investigator',
    email: 'investigator@demo.local',
    name: 'Huang Tao (technical investigator)',
    role: 'investigator',
    orgId: 'org-pc-zgc',
    expertise: ['designPatent', 'utilityModel', 'inventionPatent'],
    languages: ['zh'],
  },
  { id: 'u-admin', email: 'admin@demo.local', name: 'Platform Supervisor', role: 'admin', orgId: null },
  // Every organisation that can receive cases has an officer, so no routed case lands unseen; one
  // officer of each leads it (manages its staff, reads its audit log).
  {
    id: 'u-center-bj',
    email: 'center-bj@demo.local',
    name: 'Gao Yan (Beijing Protection Center)',
    role: 'officer',
    orgId: 'org-pc-beijing',
    lead: true,
    languages: ['zh', 'en'],
  },
  {
    id: 'u-mediation-office',
    email: 'mediation-office@demo.local',
    name: 'Xu Lan (Mediation Committee office)',
    role: 'officer',
    orgId: 'org-zgc-mediation',
    lead: true,
    languages: ['zh', 'en'],
  },
  {
    id: 'u-bac-secretary',
    email: 'bac@demo.local',
    name: 'Deng Qiang (Arbitration Commission secretary)',
    role: 'officer',
    orgId: 'org-bac',
    lead: true,
    languages: ['zh', 'en'],
  },
  {
    id: 'u-legal-aid',
    email: 'legal-aid@demo.local',
    name: 'Wu Min (SME Assistance Center lawyer)',
    role: 'officer',
    orgId: 'org-haidian-aid',
    lead: true,
    languages: ['zh', 'en'],
  },
  {
    id: 'u-supervision',
    email: 'supervision@demo.local',
    name: 'He Jie (Public Supervision Office)',
    role: 'officer',
    orgId: 'org-bj-supervision',
    lead: true,
    languages: ['zh', 'en'],
  },
  {
    id: 'u-association',
    email: 'association@demo.local',
    name: 'Luo Ping (Industrial Design Association)',
    role: 'officer',
    orgId: 'org-zgc-design-assoc',
    lead: true,
    languages: ['zh', 'en'],
  },
];
