import type { Express } from 'express';
import request from 'supertest';
import type { Complaint } from '../../shared/schemas/complaint.js';
import { smallTrademarkMediation } from '../fixtures/complaints.js';

/** Bearer header for a token. */
export const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

/** Files a complaint through the API and returns the new case's id (fails the test otherwise). */
export async function fileCaseViaApi(app: Express, token: string, complaint: Complaint): Promise<string> {
  const res = await request(app).post('/api/cases').set(bearer(token)).send(complaint);
  if (res.status !== 201) throw new Error(`filing: ${res.status} ${res.text}`);
  return (res.body as { id: string }).id;
}

/** A mediation complaint against the demo respondent account, with a title of its own. */
export function mediationComplaint(title: string): Complaint {
  return {
    ...structuredClone(smallTrademarkMediation),
    title,
    respondent: { name: 'Qian Hao', type: 'individual', email: 'respondent@demo.local' },
  };
}

/** Takes an action on a case through the API (fails the test unless it is accepted). */
export async function actViaApi(
  app: Express,
  token: string,
  caseId: string,
  action: Record<string, unknown>,
): Promise<void> {
  const res = await request(app).post(`/api/cases/${caseId}/actions`).set(bearer(token)).send(action);
  if (res.status !== 200) throw new Error(`${String(action.type)}: ${res.status} ${res.text}`);
}
