import type { Distance } from '../vocabulary';

/** The distance category of a custom race length in km (docs/phase-rules.md, "Words"). */
export function distanceForKm(km: number): Distance {
  if (!Number.isFinite(km) || km <= 0) {
    throw new RangeError(`A race distance must be a positive number of km, got ${String(km)}.`);
  }
  if (km < 7.5) return '5k';
  if (km < 15) return '10k';
  if (km < 30) return 'half';
  if (km < 45) return 'marathon';
  if (km <= 100) return 'ultra';
  return 'ultra-long';
}
