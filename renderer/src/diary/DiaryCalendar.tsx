import 'react-big-calendar/lib/css/react-big-calendar.css';
import 'react-big-calendar/lib/addons/dragAndDrop/styles.css';
import './diary.css';
import { Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { memo, useCallback, useMemo, useState } from 'react';
import { Calendar, type EventProps, type ResourceHeaderProps, type SlotInfo } from 'react-big-calendar';
import withDragAndDrop, { type EventInteractionArgs } from 'react-big-calendar/lib/addons/dragAndDrop';
import type { DiaryAppointment, OpeningHours, Therapist } from '../../../shared/api/types';
import { INTENSITY_LABEL, PHASE_LABEL } from '../../../shared/guidance';
import { ApiError, useAction } from '../api';
import type { BookingPrefill } from './BookingForm';
import { visibleHours, workingSpan } from './hours';
import { CULTURE, formats, localizer } from './localizer';
import type { MoveTarget } from './MoveForm';
import { appointmentColour, isOpen, STATUS_LABEL, type ColourBy } from './status';
import { SLOT_MINUTES, endDate, isoDay, minutesOf, timeOf, timeOfMinutes, toDate, toWallClock, wallMinutesBetween, weekdayOf } from './time';

export interface DiaryEvent {
  id: number;
  title: string;
  start: Date;
  end: Date;
  resourceId: number;
  appointment: DiaryAppointment;
}

interface Column {
  id: number;
  title: string;
}

const DnDCalendar = withDragAndDrop<DiaryEvent, Column>(Calendar);

interface Props {
  view: 'day' | 'week';
  /** The day shown, or any day of the week shown. */
  date: string;
  today: string;
  appointments: readonly DiaryAppointment[];
  /** Day view: one column each. Week view: null (all therapists in one column a day). */
  columns: readonly Therapist[] | null;
  hours: OpeningHours | undefined;
  /** Week view of one therapist: their hours shade the grid. */
  therapistId: number | null;
  colourBy: ColourBy;
  onSlot: (prefill: BookingPrefill) => void;
  onOpen: (appointment: DiaryAppointment) => void;
  onMoveForm: (target: MoveTarget) => void;
  /** Week view: a day's heading opens that day. */
  onDay: (date: string) => void;
}

/** A place an appointment is being moved to, shown at once while main saves it. */
interface Pending {
  startsAt: string;
  durationMin: number;
  therapistId: number;
}

/**
 * The grid. Memoised: opening a form on the page must not re-render every slot and appointment
 * (the page passes stable callbacks).
 */
export const DiaryCalendar = memo(function DiaryCalendar({ view, date, today, appointments, columns, hours, therapistId, colourBy, onSlot, onOpen, onMoveForm, onDay }: Props) {
  const [pending, setPending] = useState<ReadonlyMap<number, Pending>>(new Map());
  const forget = (id: number) => setPending((p) => { const next = new Map(p); next.delete(id); return next; });
  const move = useAction('appointments:move', {
    showsOwnErrors: true,
    onSettled: (_data, _error, input) => forget(input.id),
    onError: (error, input) => {
      const appointment = appointments.find((a) => a.id === input.id);
      // A warning or the hours need a person to confirm: the move form asks, with the target filled in.
      if (appointment && error instanceof ApiError && ('acknowledgeWarning' in error.fields || 'confirmOutsideHours' in error.fields)) {
        onMoveForm({ appointment, startsAt: input.startsAt, therapistId: input.therapistId, durationMin: input.durationMin, reason: error.message });
        return;
      }
      notifications.show({ color: 'red', title: 'Not moved', message: error.message, autoClose: 10_000 });
    },
  });

  const events = useMemo(
    () =>
      appointments.map((a): DiaryEvent => {
        const at = pending.get(a.id);
        const startsAt = at?.startsAt ?? a.startsAt;
        const durationMin = at?.durationMin ?? a.durationMin;
        return { id: a.id, title: a.clientName, start: toDate(startsAt), end: endDate(startsAt, durationMin), resourceId: at?.therapistId ?? a.therapistId, appointment: a };
      }),
    [appointments, pending],
  );

  const range = visibleHours(
    hours,
    appointments.map((a) => ({ start: minutesOf(timeOf(a.startsAt)), end: minutesOf(timeOf(a.startsAt)) + a.durationMin })),
  );
  const day = toDate(date);
  const min = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, range.from);
  const max = new Date(day.getFullYear(), day.getMonth(), day.getDate(), 0, Math.min(range.to, 24 * 60 - 1));

  const resources = useMemo(() => columns?.map((t): Column => ({ id: t.id, title: t.name })), [columns]);

  const { mutate: moveTo } = move;
  const drop = useCallback(
    ({ event, start, end, resourceId }: EventInteractionArgs<DiaryEvent>) => {
      const startDate = new Date(start);
      const startsAt = toWallClock(startDate);
      const durationMin = wallMinutesBetween(startDate, new Date(end));
      const a = event.appointment;
      const to = typeof resourceId === 'number' ? resourceId : a.therapistId;
      if (startsAt === a.startsAt && durationMin === a.durationMin && to === a.therapistId) return;
      setPending((p) => new Map(p).set(a.id, { startsAt, durationMin, therapistId: to }));
      moveTo({
        id: a.id,
        updatedAt: a.updatedAt,
        ...(startsAt !== a.startsAt ? { startsAt } : {}),
        ...(durationMin !== a.durationMin ? { durationMin } : {}),
        ...(to !== a.therapistId ? { therapistId: to } : {}),
      });
    },
    [moveTo],
  );

  const slotStyle = useCallback(
    (slot: Date, resourceId?: number | string) => {
      if (!hours) return {};
      const who = typeof resourceId === 'number' ? resourceId : therapistId;
      const span = workingSpan(hours, weekdayOf(isoDay(slot)), who);
      const minute = slot.getHours() * 60 + slot.getMinutes();
      return span && minute >= span.start && minute < span.end ? {} : { className: 'diary-closed' };
    },
    [hours, therapistId],
  );

  // Stable component types: a new one each render would remount every event and lose focus.
  const compact = view === 'week';
  const components = useMemo(
    () => ({
      event: (props: EventProps<DiaryEvent>) => <EventContent {...props} compact={compact} />,
      resourceHeader: (props: ResourceHeaderProps<Column>) => <ColumnHeader {...props} hours={hours} date={date} />,
      // The day's name alone: the stock header is a "columnheader" outside any row, which
      // screen readers cannot place (the button around it opens that day).
      header: ({ label }: { label: string }) => <span>{label}</span>,
    }),
    [compact, hours, date],
  );

  return (
    <div className="diary-grid" data-view={view}>
      <DnDCalendar
        localizer={localizer}
        culture={CULTURE}
        formats={formats}
        toolbar={false}
        view={view}
        views={['day', 'week']}
        onView={() => undefined}
        date={day}
        onNavigate={() => undefined}
        onDrillDown={(day) => onDay(isoDay(day))}
        getNow={() => {
          const now = new Date();
          const t = toDate(today);
          return new Date(t.getFullYear(), t.getMonth(), t.getDate(), now.getHours(), now.getMinutes());
        }}
        events={events}
        resources={resources}
        resourceIdAccessor="id"
        resourceTitleAccessor="title"
        step={SLOT_MINUTES}
        timeslots={4}
        min={min}
        max={max}
        scrollToTime={min}
        dayLayoutAlgorithm="no-overlap"
        selectable
        onSelectSlot={(slot: SlotInfo) => {
          if (slot.action === 'doubleClick') return;
          const start = new Date(slot.start);
          const minutes = wallMinutesBetween(start, new Date(slot.end));
          onSlot({
            date: isoDay(start),
            time: timeOfMinutes(start.getHours() * 60 + start.getMinutes()),
            therapistId: typeof slot.resourceId === 'number' ? slot.resourceId : therapistId,
            ...(slot.action === 'select' && minutes > SLOT_MINUTES ? { durationMin: minutes } : {}),
          });
        }}
        onSelectEvent={(event) => onOpen(event.appointment)}
        onKeyPressEvent={(event, e) => {
          const key = (e as unknown as KeyboardEvent).key;
          if (key === 'Enter' || key === ' ') {
            e.preventDefault();
            onOpen(event.appointment);
          } else if ((key === 'm' || key === 'M') && isOpen(event.appointment.status)) {
            e.preventDefault();
            onMoveForm({ appointment: event.appointment });
          }
        }}
        draggableAccessor={(event) => isOpen(event.appointment.status)}
        resizableAccessor={(event) => isOpen(event.appointment.status)}
        resizable
        onEventDrop={drop}
        onEventResize={drop}
        tooltipAccessor={(event) => describe(event.appointment)}
        eventPropGetter={(event) => {
          const colour = appointmentColour(event.appointment, colourBy);
          return {
            className: `diary-event status-${event.appointment.status}`,
            style: { background: colour.hex, color: colour.textHex, borderColor: colour.textHex === '#ffffff' ? '#ffffff' : '#868e96' },
          };
        }}
        slotPropGetter={slotStyle}
        components={components}
      />
    </div>
  );
});

/** Everything about an appointment in one sentence: the tooltip and the screen reader's words. */
function describe(a: DiaryAppointment): string {
  return [
    `${timeOf(a.startsAt)}–${timeOf(a.endsAt)} ${a.clientName}`,
    `${a.typeName ?? 'Appointment'} with ${a.therapistName}`,
    STATUS_LABEL[a.status],
    `${PHASE_LABEL[a.phase]}, ${INTENSITY_LABEL[a.ceiling]}`,
    a.aboveCeiling ? 'Type is above the guidance' : '',
    a.hasAlerts ? 'Medical alerts on file' : '',
  ].filter(Boolean).join('. ');
}

function EventContent({ event, compact }: EventProps<DiaryEvent> & { compact: boolean }) {
  const a = event.appointment;
  const status = a.status !== 'booked' ? ` · ${STATUS_LABEL[a.status]}` : '';
  // A week's columns are narrow: the name and flags only, the rest in the tooltip and for screen readers.
  return (
    <span className="diary-event-content" data-appointment-id={a.id}>
      {/* Shown instead of the grid's "09:00–10:00" where two appointments share a narrow day (diary.css). */}
      <span className="diary-event-start">{timeOf(a.startsAt)}</span>
      <strong>{a.clientName}</strong>
      {a.hasAlerts && <span title="Medical alerts on file"> ⚠</span>}
      {a.aboveCeiling && <span title="Type is above the guidance"> ▲</span>}
      {compact ? (
        <span className="visually-hidden">. {a.typeName ?? ''} with {a.therapistName}{status}</span>
      ) : (
        <span className="diary-event-type"> {a.typeName ?? ''}{status}</span>
      )}
      <span className="visually-hidden">. {PHASE_LABEL[a.phase]}, {INTENSITY_LABEL[a.ceiling]}{a.status === 'booked' ? '. Booked' : ''}.</span>
    </span>
  );
}

function ColumnHeader({ resource, hours, date }: ResourceHeaderProps<Column> & { hours: OpeningHours | undefined; date: string }) {
  const span = hours ? workingSpan(hours, weekdayOf(date), resource.id) : null;
  return (
    <div className="diary-column-header">
      <Text fw={600} size="sm">{resource.title}</Text>
      <Text size="xs" c="dimmed">{hours ? (span ? `${timeOfMinutes(span.start)}–${timeOfMinutes(span.end)}` : 'Not working') : ''}</Text>
    </div>
  );
}
