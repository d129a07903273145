import type { Connection } from 'mongoose';
import type { OrgType } from '../../shared/vocabulary.js';
import { orgModel, type OrgDoc } from './orgModel.js';

/** The organisations of the platform, for staff choosing one (a hand-over within a channel). */
export interface OrgService {
  /**
   * The organisations of one type, or the others of the same type as `sameTypeAs`, by name (at most
   * 200, read by the type index; an unknown `sameTypeAs` has none).
   */
  list(filter: { type: OrgType } | { sameTypeAs: string }): Promise<OrgDoc[]>;
}

/** Builds the organisation service on a connection. */
export function createOrgService(db: Connection): OrgService {
  const Orgs = orgModel(db);
  return {
    async list(filter) {
      let type: OrgType;
      let except: string | undefined;
      if ('type' in filter) type = filter.type;
      else {
        const of = await Orgs.findById(filter.sameTypeAs, { type: 1 }).lean<Pick<OrgDoc, 'type'>>();
        if (!of) return [];
        type = of.type;
        except = filter.sameTypeAs;
      }
      const rows = await Orgs.find({ type }).limit(200).lean<OrgDoc[]>();
      return rows.filter((o) => o._id !== except).sort((a, b) => a.name.localeCompare(b.name));
    },
  };
}
