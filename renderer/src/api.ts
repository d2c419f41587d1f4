import { QueryClient } from '@tanstack/react-query';
import type { Failure, Result } from '../../shared/api/result';

/** A refused call, carrying the human message and per-field messages for forms. */
export class ApiError extends Error {
  override name = 'ApiError';
  readonly code: Failure['code'];
  readonly fields: Record<string, string>;
  constructor(failure: Failure) {
    super(failure.message);
    this.code = failure.code;
    this.fields = failure.fields ?? {};
  }
}

/** Unwraps a Result for react-query: failures become ApiErrors. */
export async function unwrap<T>(pending: Promise<Result<T>>): Promise<T> {
  const result = await pending;
  if (!result.ok) throw new ApiError(result);
  return result.value;
}

export const fettle = () => window.fettle;

export const queryClient = new QueryClient({
  defaultOptions: {
    // Everything is local: never pause for "offline", never retry a refusal, no focus refetch
    // storms. Reads are cheap, so a screen always refetches when it opens (staleTime 0).
    queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: 0 },
    mutations: { networkMode: 'always', retry: false },
  },
});
