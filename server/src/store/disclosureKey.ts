// The secret of the cell keys that round presentation counts (domain/disclosure.ts). It must stay the
// same across restarts and on every app server: a new key rounds every cell anew, and two roundings of
// one cell can be averaged. DISCLOSURE_KEY sets it (several app servers); otherwise it is made once
// and kept in DATA_DIR, readable by the owner only.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

export function loadDisclosureKey(configured: string | undefined, dataDir: string): Buffer {
  if (configured) return Buffer.from(configured, 'utf8');
  const file = path.join(dataDir, 'disclosure.key');
  try {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`disclosure key ${file}: ${(e as Error).message}`);
  }
  fs.mkdirSync(dataDir, { recursive: true });
  const key = crypto.randomBytes(32);
  // 'wx': two servers starting at once on one DATA_DIR keep the first one's key.
  try {
    fs.writeFileSync(file, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
    return key;
  } catch {
    return Buffer.from(fs.readFileSync(file, 'utf8').trim(), 'hex');
  }
}
