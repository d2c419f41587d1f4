import { ClinicError } from '../context';

// What kind of file was chosen, from its first bytes (never from its name alone), and its text
// when it is a text file: UTF-8 with or without a byte-order mark, or UTF-16 with one. Anything
// else is refused with a message that says what the file seems to be and how to save it instead.

export type FileKind = { kind: 'text'; text: string; encoding: string } | { kind: 'xlsx' };

const SAVE_AS_CSV = 'Save it from the spreadsheet as “CSV UTF-8 (comma delimited)” (or as an .xlsx workbook) and choose that file.';

const startsWith = (bytes: Uint8Array, signature: readonly number[]) => signature.every((b, i) => bytes[i] === b);

/** Signatures of files people pick by mistake, and what to say about each. */
const NOT_A_SPREADSHEET: readonly [readonly number[], string][] = [
  [[0xd0, 0xcf, 0x11, 0xe0], 'is an old-style Excel 97–2003 (.xls) workbook or another Office file, which Fettle cannot read.'],
  [[0x25, 0x50, 0x44, 0x46], 'is a PDF document, not a spreadsheet.'],
  [[0x53, 0x51, 0x4c, 0x69, 0x74, 0x65], 'is a database file (perhaps a Fettle backup: restore those in Settings), not a spreadsheet.'],
  [[0x89, 0x50, 0x4e, 0x47], 'is a picture, not a spreadsheet.'],
  [[0xff, 0xd8, 0xff], 'is a picture, not a spreadsheet.'],
];

const ZIP = [0x50, 0x4b, 0x03, 0x04];

/** The 1-based line of the byte at `offset`. */
function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset && i < bytes.length; i++) if (bytes[i] === 0x0a) line++;
  return line;
}

/** The offset of the first byte that is not valid UTF-8, or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const extra = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (extra < 0) return i;
    for (let k = 1; k <= extra; k++) if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return i;
    i += extra + 1;
  }
  return -1;
}

/** UTF-16 big-endian as little-endian, for TextDecoder's utf-16le. */
function swapPairs(bytes: Uint8Array): Uint8Array {
  const swapped = new Uint8Array(bytes.length - (bytes.length % 2));
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    swapped[i] = bytes[i + 1]!;
    swapped[i + 1] = bytes[i]!;
  }
  return swapped;
}

/**
 * Reads the chosen file's bytes as a spreadsheet's text, or recognises an .xlsx workbook.
 * `name` is only used in messages and to tell a workbook from another zip.
 */
export function decodeFile(bytes: Uint8Array, name: string): FileKind {
  if (bytes.length === 0) throw new ClinicError('invalid', `${name} is empty. Choose the file with the clients in it.`);
  if (startsWith(bytes, ZIP)) {
    if (/\.xlsx$/i.test(name)) return { kind: 'xlsx' };
    const what = /\.zip$/i.test(name)
      ? 'is a zip archive. Open it (a Fettle export holds clients.csv and races.csv) and choose the clients.csv inside.'
      : /\.ods$/i.test(name)
        ? `is an OpenDocument spreadsheet, which Fettle cannot read. ${SAVE_AS_CSV}`
        : `is a zip archive or an Office document, not a CSV file or an .xlsx workbook. ${SAVE_AS_CSV}`;
    throw new ClinicError('invalid', `${name} ${what}`);
  }
  for (const [signature, what] of NOT_A_SPREADSHEET) {
    if (startsWith(bytes, signature)) throw new ClinicError('invalid', `${name} ${what} ${SAVE_AS_CSV}`);
  }
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) return utf8(bytes.subarray(3), name, 'UTF-8 (with a byte-order mark)', 3);
  if (startsWith(bytes, [0xff, 0xfe])) return { kind: 'text', text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'UTF-16 (little-endian)' };
  if (startsWith(bytes, [0xfe, 0xff])) return { kind: 'text', text: new TextDecoder('utf-16le').decode(swapPairs(bytes.subarray(2))), encoding: 'UTF-16 (big-endian)' };
  const nul = bytes.indexOf(0);
  if (nul >= 0) {
    // Text with every other byte zero is UTF-16 saved without its byte-order mark; else binary.
    const sample = bytes.subarray(0, 400);
    const zeros = sample.reduce((n, b) => n + (b === 0 ? 1 : 0), 0);
    const what = zeros * 3 >= sample.length
      ? 'looks like UTF-16 text saved without a byte-order mark, which Fettle cannot tell apart from other encodings.'
      : 'is not a text file (it holds binary data), so it is not a CSV file.';
    throw new ClinicError('invalid', `${name} ${what} ${SAVE_AS_CSV}`);
  }
  return utf8(bytes, name, 'UTF-8', 0);
}

function utf8(bytes: Uint8Array, name: string, encoding: string, skipped: number): FileKind {
  const bad = firstInvalidUtf8(bytes);
  if (bad >= 0) {
    const line = lineAt(bytes, bad);
    throw new ClinicError(
      'invalid',
      `${name} is not saved as UTF-8: line ${line} has a character Fettle cannot read (byte ${bad + skipped + 1}), as older programs write accented letters ` +
        `such as é or £. ${SAVE_AS_CSV}`,
    );
  }
  return { kind: 'text', text: new TextDecoder('utf-8').decode(bytes), encoding };
}
