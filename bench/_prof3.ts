import { guidanceFor, addDays } from '../shared/guidance';
const treatments = JSON.parse(JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ date: addDays('2023-06-01', i * 6), therapistId: String(i % 4), intensity: 'deep' })))) as any[];
const races = [
    { id: '1', name: 'Spring Marathon', date: '2026-04-26', distance: 'marathon', priority: 'A' },
    { id: '2', name: 'Riverside Half', date: '2026-03-22', distance: 'half', priority: 'B' },
    { id: '3', date: '2026-04-19', distance: '10k', priority: 'C' },
    { id: '4', name: 'Mountain Ultra', date: '2026-10-25', distance: 'ultra-long', priority: 'A', planStart: '2026-05-30', taperDays: 21 },
    { id: '5', date: '2026-10-11', distance: '5k', priority: 'B' },
] as any[];
const dates = Array.from({ length: 365 }, (_, i) => addDays('2026-01-01', i));
function t(name: string, f: (i: number) => void, n = 100000) { for (let i=0;i<n/5;i++) f(i); const s=performance.now(); for (let i=0;i<n;i++) f(i); const e=performance.now(); console.log(name, ((e-s)*1000/n).toFixed(3), 'µs'); }
let x = 0;
t('full', (i) => { x += guidanceFor({ date: dates[i % 365]!, races, treatments, therapistId: '2' }).headline.length; });
t('no treatments', (i) => { x += guidanceFor({ date: dates[i % 365]!, races, treatments: [], therapistId: '2' }).headline.length; });
t('no races', (i) => { x += guidanceFor({ date: dates[i % 365]!, races: [], treatments, therapistId: '2' }).headline.length; });
t('nothing', (i) => { x += guidanceFor({ date: dates[i % 365]!, races: [], treatments: [], therapistId: '2' }).headline.length; });
