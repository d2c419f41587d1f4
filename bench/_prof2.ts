import { dayNumber } from '../shared/guidance/days';
const dates = JSON.parse(JSON.stringify(Array.from({ length: 200 }, (_, i) => new Date(Date.UTC(2023,5,1)+i*6*864e5).toISOString().slice(0,10)))) as string[];
const CUM = [0, 0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334];
const DIM = [0, 31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
function dn2(iso: string): number {
  if (iso.length !== 10 || iso.charCodeAt(4) !== 45 || iso.charCodeAt(7) !== 45) throw new RangeError('bad');
  const a = iso.charCodeAt(0) - 48, b = iso.charCodeAt(1) - 48, c = iso.charCodeAt(2) - 48, d = iso.charCodeAt(3) - 48;
  const e = iso.charCodeAt(5) - 48, f = iso.charCodeAt(6) - 48, g = iso.charCodeAt(8) - 48, h = iso.charCodeAt(9) - 48;
  if (((a | b | c | d | e | f | g | h) >>> 0) > 9 && ((a>>>0)>9||(b>>>0)>9||(c>>>0)>9||(d>>>0)>9||(e>>>0)>9||(f>>>0)>9||(g>>>0)>9||(h>>>0)>9)) throw new RangeError('bad');
  const year = a * 1000 + b * 100 + c * 10 + d;
  const month = e * 10 + f;
  const day = g * 10 + h;
  const leap = (year & 3) === 0 && (year % 100 !== 0 || year % 400 === 0);
  if (month < 1 || month > 12 || day < 1 || day > DIM[month]! || (month === 2 && day === 29 && !leap)) throw new RangeError('bad');
  const y = year - 1;
  return 365 * (year - 1970) + ((y / 4) | 0) - ((y / 100) | 0) + ((y / 400) | 0) - 477 + CUM[month]! + (month > 2 && leap ? 1 : 0) + day - 1;
}
for (const s of dates) if (dn2(s) !== dayNumber(s)) throw new Error(s + ' ' + dn2(s) + ' ' + dayNumber(s));
function t(name: string, f: () => void, n = 300000) { for (let i=0;i<n/10;i++) f(); const s=performance.now(); for (let i=0;i<n;i++) f(); const e=performance.now(); console.log(name, ((e-s)*1000/n).toFixed(3), 'µs'); }
let x = 0;
t('dayNumber x200', () => { for (let i=0;i<200;i++) x+= dayNumber(dates[i]!); });
t('dn2 x200', () => { for (let i=0;i<200;i++) x+= dn2(dates[i]!); });
t('len x200', () => { for (let i=0;i<200;i++) x+= dates[i]!.length; });
console.log(x > 0);
