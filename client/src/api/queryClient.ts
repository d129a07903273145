import { QueryClient } from '@tanstack/react-query';
import { isApiError } from './ApiError.js';

/** The app's query client: no retries on 4xx, a short stale time (pushes keep data fresh). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: 15_000,
        retry: (count, err) => !(isApiError(err) && err.status >= 400 && err.status < 500) && count < 2,
        refetchOnWindowFocus: true,
      },
      mutations: { retry: false },
    },
  });
}
