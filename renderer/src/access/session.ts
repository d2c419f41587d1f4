import { createContext, useContext } from 'react';
import type { SignedInUser } from '../../../shared/api/types';

// Who is signed in, as main said. The renderer only uses it to choose what to offer; main
// decides what each call may do.

export const SessionContext = createContext<SignedInUser | null>(null);

/** The signed-in person (inside the session gate there always is one). */
export function useSignedIn(): SignedInUser {
  const user = useContext(SessionContext);
  if (!user) throw new Error('useSignedIn outside the session gate');
  return user;
}

export function useRoles() {
  const user = useSignedIn();
  return {
    user,
    isTherapist: user.roles.includes('therapist'),
    isAdmin: user.roles.includes('admin'),
    isReception: user.roles.includes('reception'),
  };
}

export const ROLE_LABELS = { admin: 'Administrator', therapist: 'Therapist', reception: 'Reception' } as const;
