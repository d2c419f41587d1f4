import { Alert, Badge, Group, Modal, Stack, Table, Text } from '@mantine/core';
import { Amendments, NoteChanges } from './NoteChanges';
import { INTENSITY_LABEL, PHASE_LABEL } from '../../../shared/guidance';
import { useCall } from '../api';
import { GivenBadge } from '../components/Chips';
import { LoadFailed } from '../components/Loaded';
import { formatDate } from '../format';

/** One treatment's full notes, opened from the history. Clinical text is fetched only when opened. */
export function TreatmentDetailsModal({ treatmentId, onClose }: { treatmentId: number | null; onClose: () => void }) {
  const treatment = useCall('treatments:get', { id: treatmentId ?? 0 }, { enabled: treatmentId !== null });
  const t = treatment.data;
  return (
    <Modal opened={treatmentId !== null} onClose={onClose} size="lg" centered title={t ? `Treatment on ${formatDate(t.date)} with ${t.therapistName}` : 'Treatment'}>
      {treatment.error && <LoadFailed what="this treatment" error={treatment.error} retry={() => void treatment.refetch()} />}
      {t && (
        <Stack gap="sm">
          <Group gap="xs">
            <GivenBadge intensity={t.intensity} />
            <Text size="sm" c="dimmed">Guidance then: {PHASE_LABEL[t.phase]}, up to {INTENSITY_LABEL[t.ceiling]}{t.sore ? ' (client sore)' : ''}</Text>
          </Group>
          {t.guidanceHeadline && <Text size="sm" fs="italic">“{t.guidanceHeadline}”</Text>}
          {t.overrideReason && (
            <Alert color="red" variant="light" title="Went above the guidance">
              {t.overrideReason}
            </Alert>
          )}
          <Table>
            <Table.Tbody>
              {([
                ['Areas', t.areas.map((a) => (a.side === 'n/a' ? a.region : `${a.region} (${a.side})`)).join(', ')],
                ['Techniques', t.techniques.join(', ')],
                ['Subjective', t.subjective],
                ['Objective', t.objective],
                ['Assessment', t.assessment],
                ['Plan', t.plan],
                ['Pain', t.painBefore !== null || t.painAfter !== null ? `${t.painBefore ?? '–'} before, ${t.painAfter ?? '–'} after (0-10)` : ''],
                ['Advice given', t.advice],
                ['Next booking', formatDate(t.nextBooking)],
              ] as const).filter(([, v]) => v).map(([k, v]) => (
                <Table.Tr key={k}><Table.Th w={130}>{k}</Table.Th><Table.Td style={{ whiteSpace: 'pre-wrap' }}>{v}</Table.Td></Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {t.overrideReason === null && t.intensity !== t.ceiling && <Badge variant="light" color="gray">Lighter than the guidance allowed</Badge>}
          {t.authorOnly && <Badge variant="light" color="grape">Author only: other therapists cannot read this note</Badge>}
          <Amendments treatment={t} />
          <NoteChanges treatment={t} />
        </Stack>
      )}
    </Modal>
  );
}
