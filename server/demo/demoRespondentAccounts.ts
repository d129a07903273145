/**
 * The demo's respondent accounts: each respondent company that answers in the demo has an account of
 * its own (one company, one account, however many of its cases), never one account for unrelated
 * companies. Three repeat infringers have the accounts the README lists (`respondent@demo.local` among
 * them); every other company answering in a demo case gets `<slug>@respondents.demo.local`, created
 * with the demo password when the demo cases are seeded.
 */
import type { Role } from '../../shared/vocabulary.js';

/** A respondent company's demo account. */
export interface DemoRespondentAccount {
  id: string;
  email: string;
  /** The person who answers, with their company. */
  name: string;
  role: Role;
  orgId: null;
}

/** The respondent companies whose accounts the README lists (repeat infringers: several cases each). */
export const FEATURED_RESPONDENTS: readonly (DemoRespondentAccount & { company: string })[] = [
  {
    id: 'u-respondent',
    email: 'respondent@demo.local',
    name: 'Qian Hao (Shenzhen Ruida Electronics)',
    company: 'Shenzhen Ruida Electronics Co., Ltd.',
    role: 'respondent',
    orgId: null,
  },
  {
    id: 'u-respondent-glow',
    email: 'glow@demo.local',
    name: 'Huang Lei (Guangzhou Glow Supply)',
    company: 'Guangzhou Glow Supply Co., Ltd.',
    role: 'respondent',
    orgId: null,
  },
  {
    id: 'u-respondent-jinxing',
    email: 'jinxing@demo.local',
    name: 'Zhou Yan (Yiwu Jinxing Crafts)',
    company: 'Yiwu Jinxing Crafts Co., Ltd.',
    role: 'respondent',
    orgId: null,
  },
];

/** The prefix of the ids of the generated respondent accounts. */
export const GENERATED_RESPONDENT_PREFIX = 'u-r-';

/** The demo account that answers for a respondent company (or trader) named `name`. */
export function demoRespondentAccount(name: string): DemoRespondentAccount {
  const featured = FEATURED_RESPONDENTS.find((r) => r.company === name);
  if (featured) {
    const { company: _company, ...account } = featured;
    return account;
  }
  const slug = name
    .toLowerCase()
    .replace(/co\., ltd\.$/, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 48);
  return {
    id: `${GENERATED_RESPONDENT_PREFIX}${slug}`,
    email: `${slug}@respondents.demo.local`,
    name,
    role: 'respondent',
    orgId: null,
  };
}
