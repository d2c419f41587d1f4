import type { AppointmentStatus, DiaryAppointment } from '../../../shared/api/types';
import { PHASE_COLOUR, type ColourToken } from '../../../shared/guidance';

// How the diary shows an appointment's status: a word (never colour alone) and a colour that
// carries its text at WCAG AA (4.5:1 or more).

export const STATUS_LABEL: Readonly<Record<AppointmentStatus, string>> = {
  booked: 'Booked',
  arrived: 'Arrived',
  completed: 'Completed',
  'no-show': 'No-show',
  cancelled: 'Cancelled',
};

export const STATUS_COLOUR: Readonly<Record<AppointmentStatus, ColourToken>> = {
  booked: { color: 'blue', hex: '#1864ab', textHex: '#ffffff' },
  arrived: { color: 'cyan', hex: '#0b7285', textHex: '#ffffff' },
  completed: { color: 'green', hex: '#237032', textHex: '#ffffff' },
  'no-show': { color: 'red', hex: '#c92a2a', textHex: '#ffffff' },
  cancelled: { color: 'gray', hex: '#e9ecef', textHex: '#343a40' },
};

export type ColourBy = 'status' | 'phase';

/** The fill and text of an appointment in the grid, by status or by the client's phase. */
export function appointmentColour(a: Pick<DiaryAppointment, 'status' | 'phase'>, by: ColourBy): ColourToken {
  // A cancellation stays pale either way: its slot is free.
  if (by === 'phase' && a.status !== 'cancelled') return PHASE_COLOUR[a.phase];
  return STATUS_COLOUR[a.status];
}

/** Appointments that can still be moved, resized or marked on the day. */
export const isOpen = (status: AppointmentStatus): boolean => status === 'booked' || status === 'arrived';
