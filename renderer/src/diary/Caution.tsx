import { Alert, type AlertProps } from '@mantine/core';

/**
 * An amber notice (a warning to acknowledge, hours to confirm). Mantine's light orange and
 * yellow print their titles below 4.5:1, so the title and text are a dark amber here.
 */
export function Caution(props: Omit<AlertProps, 'color' | 'variant'>) {
  return (
    <Alert color="orange" variant="light" {...props}
      styles={{ root: { background: '#fff4e6', borderLeft: '4px solid #e8590c' }, title: { color: '#8a3300' }, message: { color: '#212529' } }} />
  );
}
