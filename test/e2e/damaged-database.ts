import fs from 'node:fs';
import type { TestClinic } from '../support/clinic';

/**
 * Zeroes one page in the middle of the clinic's database while nothing holds it open, as a failing
 * disk leaves it, and reopens it: the clinic then refuses it as damaged. The database needs more
 * than ten pages (a few hundred clients with notes).
 */
export function zeroOnePage(clinic: TestClinic): void {
  clinic.storage.replace(() => {
    const fd = fs.openSync(clinic.storage.file, 'r+');
    fs.writeSync(fd, Buffer.alloc(4096), 0, 4096, 4096 * 10);
    fs.closeSync(fd);
  });
}
