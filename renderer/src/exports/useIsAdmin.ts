import { useCall } from '../api';

/** Exports are administrators' work (issue 16): the actions show only to them. */
export function useIsAdmin(): boolean {
  return useCall('session:status', {}).data?.user?.roles.includes('admin') ?? false;
}
