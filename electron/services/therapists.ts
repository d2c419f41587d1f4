import type { Therapist } from '../../shared/api/types';
import * as therapists from '../db/repositories/therapists';
import { writeTransaction } from '../db/sql';
import { ClinicError, notFound, type ServiceContext } from './context';

function checkUniqueName(ctx: ServiceContext, name: string, exceptId?: number): void {
  const clash = therapists.listTherapists(ctx.db).find((t) => t.id !== exceptId && t.name.toLowerCase() === name.toLowerCase());
  if (clash) throw new ClinicError('conflict', `Name: there is already a therapist called ${clash.name}.`, { name: `There is already a therapist called ${clash.name}.` });
}

// The name check and the write share one BEGIN IMMEDIATE transaction, so two desks cannot both
// add "Sam Reid".
export function createTherapist(ctx: ServiceContext, input: { name: string }): Therapist {
  return writeTransaction(ctx.db, () => {
    checkUniqueName(ctx, input.name);
    return therapists.insertTherapist(ctx.db, input.name);
  });
}

/** Therapists are deactivated, never deleted: their treatments stay attributed to them. */
export function updateTherapist(ctx: ServiceContext, input: { id: number; name?: string | undefined; active?: boolean | undefined }): Therapist {
  return writeTransaction(ctx.db, () => {
    if (!therapists.getTherapist(ctx.db, input.id)) throw notFound('therapist');
    if (input.name) checkUniqueName(ctx, input.name, input.id);
    therapists.updateTherapist(ctx.db, input.id, input);
    return therapists.getTherapist(ctx.db, input.id)!;
  });
}
