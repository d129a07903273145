import type { OrgDoc } from './orgModel.js';

/** An organisation as the API shows it. */
export interface OrgView {
  id: string;
  name: string;
  nameZh: string;
  type: string;
  region: string;
  channel: string | null;
  capacity: number | null;
  expertise: string[];
  active: boolean;
}

/** Presents an organisation (those stored before the administration screens read as active, no limits). */
export function presentOrg(o: OrgDoc): OrgView {
  return {
    id: o._id,
    name: o.name,
    nameZh: o.nameZh,
    type: o.type,
    region: o.region ?? '',
    channel: o.channel ?? null,
    capacity: o.capacity ?? null,
    expertise: o.expertise ?? [],
    active: o.active !== false,
  };
}
