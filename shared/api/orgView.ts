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
