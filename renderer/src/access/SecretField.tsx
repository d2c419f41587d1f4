import { PasswordInput, type PasswordInputProps } from '@mantine/core';
import type { SecretKind } from '../../../shared/api/types';

/** A password or a PIN, labelled as what it is; a PIN brings up digits on touch keyboards. */
export function SecretField({ kind, ...props }: { kind: SecretKind } & Omit<PasswordInputProps, 'label'> & { label?: string }) {
  return (
    <PasswordInput
      label={kind === 'pin' ? 'PIN' : 'Password'}
      autoComplete="off"
      {...(kind === 'pin' ? { inputMode: 'numeric' as const } : {})}
      {...props}
    />
  );
}
