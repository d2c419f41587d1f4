import type { seededRandom } from './random';

// What a therapist writes after a session, varied a little; shared by the sample's history and its diary.

export const HOTSPOTS = ['Calves', 'Achilles', 'Hamstrings', 'Hip flexors', 'Glutes', 'IT band', 'Plantar fascia', 'Shins'];
const TECHNIQUES = ['Effleurage', 'Petrissage', 'Trigger point', 'Myofascial release', 'Soft tissue release', 'Stretching'];

export function sessionNotes(rnd: ReturnType<typeof seededRandom>) {
  return {
    areas: [{ region: rnd.pick(HOTSPOTS), side: rnd.pick(['left', 'right', 'both'] as const) }],
    techniques: [rnd.pick(TECHNIQUES), rnd.pick(TECHNIQUES)].filter((t, k, a) => a.indexOf(t) === k),
    subjective: rnd.pick(['Tight calves after long run.', 'Hamstrings feel heavy this week.', 'Niggle in left hip on hills.', 'Feeling good, routine maintenance.']),
    objective: rnd.pick(['Increased tone in gastrocnemius.', 'Trigger points in glute med.', 'Reduced hip flexion on the left.', 'Nothing of note.']),
    assessment: 'Training load related tightness.',
    plan: 'Review in two weeks.',
    painBefore: rnd.int(2, 6),
    painAfter: rnd.int(0, 3),
    advice: 'Foam roll daily; keep easy days easy.',
  };
}
