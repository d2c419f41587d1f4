import fs from 'node:fs';
import path from 'node:path';
import { Zip, ZipDeflate, strToU8 } from 'fflate';
import { fsyncFolder } from '../../db/database';

// A zip written straight to disk as its entries are produced (fflate's streaming Zip), under a
// hidden partial name beside the target, and renamed to the target only once it is complete and
// flushed: a failed or abandoned export leaves no half zip with the name the person chose.
// fflate: no dependencies, synchronous streaming deflate (nothing to wait on between chunks but
// our own yields), and pdfkit already depends on it. No ZIP64, so one file must stay under 4 GB.

export interface ZipEntryWriter {
  write(text: string): void;
  end(): void;
}

export class ZipFile {
  readonly partial: string;
  private readonly fd: number;
  private readonly zip: Zip;
  private failure: Error | null = null;
  private closed = false;

  constructor(readonly target: string) {
    this.partial = path.join(path.dirname(target), `.${path.basename(target)}.partial`);
    // Private from the first byte: it holds clinical records.
    this.fd = fs.openSync(this.partial, 'w', 0o600);
    this.zip = new Zip((error, chunk) => {
      if (error) this.failure ??= error;
      else if (!this.failure) {
        try {
          fs.writeSync(this.fd, chunk);
        } catch (e) {
          this.failure = e as Error;
        }
      }
    });
  }

  /** Adds a deflated entry; write its text in chunks, then end it before starting the next. */
  entry(name: string): ZipEntryWriter {
    const file = new ZipDeflate(name, { level: 6 });
    this.zip.add(file);
    return {
      write: (text) => {
        file.push(strToU8(text), false);
        this.check();
      },
      end: () => {
        file.push(new Uint8Array(0), true);
        this.check();
      },
    };
  }

  /** Writes the directory, flushes to disk and gives the zip its name. */
  finish(): void {
    this.zip.end();
    this.check();
    fs.fsyncSync(this.fd);
    this.close();
    fs.renameSync(this.partial, this.target);
    fsyncFolder(path.dirname(this.target));
  }

  /** After a failure: the partial file goes, the target is untouched. */
  abandon(): void {
    this.close();
    fs.rmSync(this.partial, { force: true });
  }

  private check(): void {
    if (this.failure) throw this.failure;
  }

  private close(): void {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
  }
}
