import { Alert, Anchor } from '@mantine/core';
import { Link } from 'react-router';
import { useCall } from '../api';

/** On Today: no backup yet, none for over 7 days, or the backup folder missing (an unplugged drive). */
export function BackupWarning() {
  const status = useCall('backups:status', {});
  const warning = status.data?.warning;
  if (status.error) return <Alert color="red" role="alert" title="Backups could not be checked">{status.error.message}</Alert>;
  if (!warning) return null;
  return (
    <Alert color="red" role="alert" title="Backups need attention" data-backup-warning={warning.kind}>
      {warning.message}{' '}
      <Anchor component={Link} to="/settings" c="red.9" fw={600} underline="always">Open backups in Settings</Anchor>
    </Alert>
  );
}
