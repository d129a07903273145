/** Messages of a case: the latest page, sending, and merging pushed messages. */
import { useMutation, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import type { MessageVisibility } from '../../../shared/vocabulary.js';
import { apiFetch } from './http.js';
import { queryKeys } from './queryKeys.js';
import type { MessagePage, MessageView } from './types.js';

/** The latest messages of a case the caller may read, oldest first. */
export function useMessages(caseId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.caseMessages(caseId),
    queryFn: ({ signal }) =>
      apiFetch<MessagePage>(`/api/cases/${encodeURIComponent(caseId)}/messages?limit=100`, { signal }).then(
        (page) => sortMessages(page.items),
      ),
    enabled,
  });
}

function sortMessages(items: MessageView[]): MessageView[] {
  return [...items].sort((a, b) => a.seq - b.seq);
}

/** Adds a message to a case's cached list unless it is already there. */
export function mergeMessage(qc: QueryClient, message: MessageView): void {
  qc.setQueryData<MessageView[]>(queryKeys.caseMessages(message.caseId), (old) => {
    if (!old) return old;
    if (old.some((m) => m.id === message.id)) return old;
    return sortMessages([...old, message]);
  });
}

/** Sends a message over HTTP. */
export function useSendMessage(caseId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { body: string; visibility: MessageVisibility }) =>
      apiFetch<MessageView>(`/api/cases/${encodeURIComponent(caseId)}/messages`, {
        method: 'POST',
        body: input,
      }),
    onSuccess: (message) => mergeMessage(qc, message),
  });
}
