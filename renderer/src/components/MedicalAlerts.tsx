import { Alert } from '@mantine/core';

/** Medical alerts and contraindications: shown prominently wherever the client appears. */
export function MedicalAlerts({ text }: { text: string }) {
  if (!text.trim()) return null;
  return (
    <Alert color="red" variant="light" title="Medical alerts" role="alert" aria-label="Medical alerts">
      <span style={{ whiteSpace: 'pre-wrap' }}>{text}</span>
    </Alert>
  );
}
