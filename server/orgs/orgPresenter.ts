import type { OrgView } from '../../shared/api/orgView.js';
import type { OrgDoc } from './orgModel.js';

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
