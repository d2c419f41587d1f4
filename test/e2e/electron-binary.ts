import fs from 'node:fs';
import path from 'node:path';

/**
 * The Electron binary, if this machine has one. Read from electron's path.txt with fs:
 * requiring 'electron' from Node would try to download it.
 */
export function electronBinary(root = process.cwd()): string | null {
  try {
    const dist = path.join(root, 'node_modules', 'electron', 'dist');
    const relative = fs.readFileSync(path.join(root, 'node_modules', 'electron', 'path.txt'), 'utf8').trim();
    const binary = path.join(dist, relative);
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}
