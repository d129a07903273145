import type { Express } from 'express';
import request from 'supertest';
import { login } from '../../support/testApp.js';

/** A signed-in API client for driving cases where the UI is not what a test is about. */
export interface ApiAs {
  token: string;
  file(complaint: unknown): Promise<{ id: string; caseNo: string }>;
  act(caseId: string, action: Record<string, unknown>): Promise<Record<string, unknown>>;
  get(path: string): Promise<request.Response>;
  upload(caseId: string, file: Buffer, name: string, description: string): Promise<void>;
}

/** Signs a demo user in through the API. */
export async function apiAs(app: Express, email: string): Promise<ApiAs> {
  const token = await login(app, email);
  const auth = { Authorization: `Bearer ${token}` };
  return {
    token,
    async file(complaint) {
      const res = await request(app)
        .post('/api/cases')
        .set(auth)
        .send(complaint as object);
      if (res.status !== 201) throw new Error(`file: ${res.status} ${res.text}`);
      return res.body as { id: string; caseNo: string };
    },
    async act(caseId, action) {
      const res = await request(app).post(`/api/cases/${caseId}/actions`).set(auth).send(action);
      if (res.status !== 200) throw new Error(`${String(action.type)}: ${res.status} ${res.text}`);
      return res.body as Record<string, unknown>;
    },
    get: (path) => request(app).get(path).set(auth),
    async upload(caseId, file, name, description) {
      const res = await request(app)
        .post(`/api/cases/${caseId}/evidence`)
        .set(auth)
        .field('description', description)
        .attach('file', file, { filename: name, contentType: 'image/png' });
      if (res.status !== 201) throw new Error(`upload: ${res.status} ${res.text}`);
    },
  };
}
