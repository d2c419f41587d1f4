import { Button } from '@mantine/core';
import { useState } from 'react';
import { useToday } from '../components/forms';
import { BookingModal, type BookingPrefill } from './BookingForm';

/** "Book appointment" on a client's page: the booking form with the client and their usual therapist. */
export function BookButton({ clientId, clientName, therapistId }: { clientId: number; clientName: string; therapistId: number | null }) {
  const today = useToday();
  const [prefill, setPrefill] = useState<BookingPrefill | null>(null);
  return (
    <>
      <Button variant="default" onClick={() => setPrefill({ clientId, clientName, therapistId, date: today })}>Book appointment</Button>
      <BookingModal prefill={prefill} onClose={() => setPrefill(null)} />
    </>
  );
}
