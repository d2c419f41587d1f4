import { notifications } from '@mantine/notifications';
import { MutationCache, QueryClient, useMutation, useQuery, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { CallName, InputOf, OutputOf } from '../../shared/api/contract';
import type { Failure, Result } from '../../shared/api/result';

// The renderer's one query layer, derived from the API contract: every screen reads with
// `useCall(name, input)` and writes with `useAction(name)`. Keys are built here, invalidation
// happens here, and every failed write is shown to the user here.

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

/** Calls main by name through the preload's closed API; a refusal becomes an ApiError. */
export async function call<N extends CallName>(name: N, input: InputOf<N>): Promise<OutputOf<N>> {
  const [domain, verb] = name.split(':') as [string, string];
  const api = window.fettle as unknown as Record<string, Record<string, (input: unknown) => Promise<Result<OutputOf<N>>>>>;
  const result = await api[domain]![verb]!(input);
  // Locked or signed out in main (idle time, another window): the session gate shows sign-in.
  if (!result.ok && result.code === 'signed-out' && name !== 'session:status') void queryClient.invalidateQueries({ queryKey: callKey('session:status') });
  // The database closed under us (damage found by the start-up check, a vanished drive): the
  // storage gate reads the status again and shows the start-up screen with its ways out.
  if (!result.ok && result.code === 'unavailable' && name !== 'storage:status') void queryClient.invalidateQueries({ queryKey: callKey('storage:status') });
  if (!result.ok) throw new ApiError(result);
  return result.value;
}

/** The cache key of a read: its call name, then its input. */
export const callKey = <N extends CallName>(name: N, input?: InputOf<N>) => (input === undefined ? [name] : [name, input]) as readonly unknown[];

/** Reads one call; the screen shows `error` through <Loaded> or its own alert, never an empty state. */
export function useCall<N extends CallName>(
  name: N,
  input: InputOf<N>,
  options: Omit<UseQueryOptions<OutputOf<N>, ApiError>, 'queryKey' | 'queryFn'> = {},
) {
  return useQuery<OutputOf<N>, ApiError>({ queryKey: callKey(name, input), queryFn: () => call(name, input), ...options });
}

interface ActionMeta extends Record<string, unknown> {
  /** The form shows this action's failures next to its fields, so no global notice. */
  showsOwnErrors?: boolean;
}

/** Writes through one call. On success every open screen refetches; a failure is always shown. */
export function useAction<N extends CallName, C = unknown>(
  name: N,
  options: Omit<UseMutationOptions<OutputOf<N>, ApiError, InputOf<N>, C>, 'mutationFn' | 'meta'> & ActionMeta = {},
) {
  const { showsOwnErrors, ...rest } = options;
  return useMutation<OutputOf<N>, ApiError, InputOf<N>, C>({
    mutationFn: (input) => call(name, input),
    meta: { showsOwnErrors: showsOwnErrors ?? false },
    ...rest,
  });
}

export const queryClient: QueryClient = new QueryClient({
  mutationCache: new MutationCache({
    // Invalidation in one place: everything is local and reads are cheap, so after any write
    // every screen that is open refetches (inactive ones refetch when they next open).
    onSuccess: () => queryClient.invalidateQueries(),
    onError: (error, _input, _onMutateResult, mutation) => {
      if (mutation.meta?.showsOwnErrors) return;
      notifications.show({ color: 'red', title: 'Not saved', message: error.message, autoClose: 10_000 });
    },
  }),
  defaultOptions: {
    // Everything is local: never pause for "offline", never retry a refusal, no focus refetch
    // storms. Reads are cheap, so a screen always refetches when it opens (staleTime 0).
    queries: { networkMode: 'always', retry: false, refetchOnWindowFocus: false, staleTime: 0 },
    mutations: { networkMode: 'always', retry: false },
  },
});
