/** React Query keys, in one place so pushes invalidate exactly what they change. */
export const queryKeys = {
  cases: ['cases'] as const,
  caseLists: ['cases', 'list'] as const,
  caseList: (params: Record<string, unknown>) => ['cases', 'list', params] as const,
  case: (id: string) => ['cases', 'one', id] as const,
  caseEvents: (id: string) => ['cases', 'one', id, 'events'] as const,
  caseIntegrity: (id: string) => ['cases', 'one', id, 'integrity'] as const,
  caseActions: (id: string) => ['cases', 'one', id, 'actions'] as const,
  caseEvidence: (id: string) => ['cases', 'one', id, 'evidence'] as const,
  caseMessages: (id: string) => ['cases', 'one', id, 'messages'] as const,
  stats: ['stats'] as const,
  users: (role: string) => ['users', role] as const,
  credit: (name: string) => ['credit', name] as const,
};
