import { ActionIcon, Button, Checkbox, Group, Paper, SegmentedControl, Select, Stack, Text } from '@mantine/core';
import { keepPreviousData } from '@tanstack/react-query';
import { format, parseISO } from 'date-fns';
import { enGB } from 'date-fns/locale';
import { useCallback, useMemo, useRef, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import type { DiaryAppointment, Therapist } from '../../../shared/api/types';
import { useCall } from '../api';
import { DateField } from '../components/DateField';
import { useToday } from '../components/forms';
import { Loaded } from '../components/Loaded';
import { PageTitle } from '../components/PageTitle';
import { formatDate } from '../format';
import { AppointmentDetailsModal } from '../diary/AppointmentDetails';
import type { BookingPrefill } from '../diary/BookingForm';
import { BookingHost, type BookingOpener } from '../diary/BookingHost';
import { DiaryCalendar } from '../diary/DiaryCalendar';
import { workingSpan } from '../diary/hours';
import { Legend } from '../diary/Legend';
import { MoveModal, type MoveTarget } from '../diary/MoveForm';
import type { ColourBy } from '../diary/status';
import { dateOf, mondayOf, plusDays, weekdayOf } from '../diary/time';

const ISO = /^\d{4}-\d{2}-\d{2}$/;

const dayName = (iso: string) => format(parseISO(iso), 'EEEE', { locale: enGB });

/**
 * The diary: a day with one column per therapist, or a week for one therapist or all. What is
 * shown lives in the address (#/diary?date=…&view=…), so a link or a reload keeps it.
 */
export function CalendarPage() {
  const today = useToday();
  const [params, setParams] = useSearchParams();
  const view = params.get('view') === 'week' ? 'week' : 'day';
  const asked = params.get('date');
  const date = asked && ISO.test(asked) ? asked : today;
  const therapistParam = Number(params.get('therapist'));
  const weekTherapist = view === 'week' && therapistParam > 0 ? therapistParam : null;
  const colourBy: ColourBy = params.get('colour') === 'phase' ? 'phase' : 'status';
  const showCancelled = params.get('cancelled') === '1';
  const update = (changes: Record<string, string | null>) =>
    setParams((prev) => {
      const next = new URLSearchParams(prev);
      for (const [key, value] of Object.entries(changes)) {
        if (value === null) next.delete(key);
        else next.set(key, value);
      }
      return next;
    }, { replace: true });

  // The booking form keeps its prefill to itself: opening it does not draw this page again.
  const booking = useRef<BookingOpener>(null);
  const openBooking = useCallback((prefill: BookingPrefill) => booking.current?.open(prefill), []);
  const [openId, setOpenId] = useState<number | null>(null);
  const [moving, setMoving] = useState<MoveTarget | null>(null);
  const openAppointment = useCallback((a: DiaryAppointment) => setOpenId(a.id), []);
  const openDay = useCallback((day: string) => setParams((prev) => {
    const next = new URLSearchParams(prev);
    next.set('view', 'day');
    next.set('date', day);
    next.delete('therapist');
    return next;
  }, { replace: true }), [setParams]);

  const therapists = useCall('therapists:list', {});
  const hours = useCall('hours:get', {});
  const from = date ? (view === 'week' ? mondayOf(date) : date) : '';
  const to = from ? (view === 'week' ? plusDays(from, 6) : from) : '';
  const diary = useCall(
    'diary:range',
    { from, to, therapistIds: weekTherapist === null ? null : [weekTherapist], includeCancelled: showCancelled },
    { enabled: !!from, placeholderData: keepPreviousData },
  );

  const columns = useMemo(
    () => (view === 'day' && date ? dayColumns(therapists.data ?? [], diary.data?.appointments ?? [], date, hours.data) : null),
    [view, date, therapists.data, diary.data, hours.data],
  );
  const open = openId === null ? null : diary.data?.appointments.find((a) => a.id === openId) ?? null;
  const step = (days: number) => date && update({ date: plusDays(date, view === 'week' ? 7 * days : days) });
  const unit = view === 'week' ? 'week' : 'day';

  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <PageTitle>Diary</PageTitle>
        <Group gap="xs">
          <Button onClick={() => openBooking({ date: date ?? undefined, therapistId: weekTherapist })}>New booking</Button>
          {date && <Button variant="default" component={Link} to={`/daysheet/${view === 'day' ? date : today}`}>Day sheet</Button>}
        </Group>
      </Group>

      <Paper withBorder p="sm" radius="md">
        <Group gap="sm" align="end">
          <SegmentedControl aria-label="View" value={view} onChange={(v) => update({ view: v, therapist: null })}
            data={[{ value: 'day', label: 'Day' }, { value: 'week', label: 'Week' }]} />
          <Group gap={4}>
            <ActionIcon variant="default" size="lg" onClick={() => step(-1)} aria-label={`Previous ${unit}`}>‹</ActionIcon>
            <Button variant="default" onClick={() => update({ date: today ?? null })}>Today</Button>
            <ActionIcon variant="default" size="lg" onClick={() => step(1)} aria-label={`Next ${unit}`}>›</ActionIcon>
          </Group>
          <DateField label="Go to date" value={date} clearable={false} w={150}
            onChange={(v) => { if (ISO.test(v)) update({ date: v }); }} />
          {view === 'week' && (
            <Select<number> label="Therapist" w={190} allowDeselect={false}
              data={[{ value: 0, label: 'All therapists' }, ...(therapists.data ?? []).filter((t) => t.active).map((t) => ({ value: t.id, label: t.name }))]}
              value={weekTherapist ?? 0} onChange={(v) => update({ therapist: v ? String(v) : null })} />
          )}
          <div>
            <Text component="div" size="sm" fw={500} mb={2} id="colour-by-label">Colour by</Text>
            <SegmentedControl aria-labelledby="colour-by-label" value={colourBy} onChange={(v) => update({ colour: v === 'phase' ? 'phase' : null })}
              data={[{ value: 'status', label: 'Status' }, { value: 'phase', label: "Client's phase" }]} />
          </div>
          <Checkbox mb={8} label="Show cancelled" checked={showCancelled} onChange={(e) => update({ cancelled: e.currentTarget.checked ? '1' : null })} />
        </Group>
      </Paper>

      {date && (
        <Group justify="space-between" align="center">
          <Text fw={600} size="lg" aria-live="polite" data-testid="diary-range">
            {view === 'day' ? `${dayName(date)} ${formatDate(date)}` : `Week of ${formatDate(from)} to ${formatDate(to)}`}
            {date === today && view === 'day' ? ' (today)' : ''}
          </Text>
          <Legend colourBy={colourBy} />
        </Group>
      )}

      <Loaded query={diary} what="the diary">
        {(range) => (
          <DiaryCalendar view={view} date={date!} today={today!} appointments={range.appointments} columns={columns}
            hours={hours.data} therapistId={weekTherapist} colourBy={colourBy}
            onSlot={openBooking} onOpen={openAppointment} onMoveForm={setMoving} onDay={openDay} />
        )}
      </Loaded>
      <Text size="sm" c="dimmed">
        Click or drag across free slots to book; drag an appointment to move it, or its lower edge to change its length.
        By keyboard: Tab to an appointment, then Enter for its details or M to move it; “New booking” opens the booking form.
      </Text>

      <BookingHost ref={booking} />
      <AppointmentDetailsModal appointment={open} onClose={() => setOpenId(null)}
        onMove={(a) => { setOpenId(null); setMoving({ appointment: a }); }} />
      <MoveModal target={moving} onClose={() => setMoving(null)} />
    </Stack>
  );
}

/**
 * The day's columns: every active therapist working that day, and anyone with an appointment in
 * it; on a day nobody works, every active therapist (the grid shows them all as closed).
 */
function dayColumns(therapists: readonly Therapist[], appointments: readonly DiaryAppointment[], date: string, hours: Parameters<typeof workingSpan>[0] | undefined): Therapist[] {
  const booked = new Set(appointments.filter((a) => dateOf(a.startsAt) === date).map((a) => a.therapistId));
  const working = therapists.filter((t) => booked.has(t.id) || (t.active && (!hours || workingSpan(hours, weekdayOf(date), t.id) !== null)));
  return working.length > 0 ? working : therapists.filter((t) => t.active);
}
