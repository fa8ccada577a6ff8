// Uploaded files kept after their import (DATA_DIR/uploads, owner-only: a police extract holds
// addresses), so an upload that was undone can be imported again from the very same bytes. One file
// per content hash, with a small JSON beside it: the name it was uploaded under, its gemeente, and the
// id of the import record that was undone (null while it is imported).
import fs from 'node:fs';
import path from 'node:path';

interface KeptMeta {
  name: string;
  gemeente: string;
  undoneId: number | null;
}

export interface KeptUpload extends KeptMeta {
  sha256: string;
  file: string;
}

export class KeptUploads {
  constructor(private readonly dir: string) {}

  /** Copies `file` (the upload's temporary file) in; a file already kept stays as it is. */
  keep(file: string, sha256: string, meta: { name: string; gemeente: string }): void {
    fs.mkdirSync(this.dir, { recursive: true, mode: 0o700 });
    const target = this.fileOf(sha256);
    if (!fs.existsSync(target)) {
      // Through a temporary name: a half-copied file must never look kept.
      const partial = `${target}.partial`;
      fs.copyFileSync(file, partial);
      fs.chmodSync(partial, 0o600);
      fs.renameSync(partial, target);
    }
    this.write(sha256, { ...meta, undoneId: null });
  }

  /** The import `id` of this content was undone: answers whether its file is kept (so it can come again). */
  markUndone(sha256: string, id: number): boolean {
    const meta = this.read(sha256);
    if (!meta || !fs.existsSync(this.fileOf(sha256))) return false;
    this.write(sha256, { ...meta, undoneId: id });
    return true;
  }

  /** Kept files whose import was undone, by the undone import's id. */
  undone(): KeptUpload[] {
    let names: string[];
    try {
      names = fs.readdirSync(this.dir).filter((n) => /^[0-9a-f]{64}\.json$/.test(n));
    } catch {
      return [];
    }
    const out: KeptUpload[] = [];
    for (const n of names) {
      const sha256 = n.slice(0, 64);
      const meta = this.read(sha256);
      if (meta?.undoneId != null && fs.existsSync(this.fileOf(sha256))) out.push({ ...meta, sha256, file: this.fileOf(sha256) });
    }
    return out.sort((a, b) => (b.undoneId ?? 0) - (a.undoneId ?? 0));
  }

  private fileOf(sha256: string): string {
    if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`kept uploads: not a content hash: ${sha256}`);
    return path.join(this.dir, sha256);
  }

  private read(sha256: string): KeptMeta | null {
    try {
      return JSON.parse(fs.readFileSync(`${this.fileOf(sha256)}.json`, 'utf8')) as KeptMeta;
    } catch {
      return null;
    }
  }

  private write(sha256: string, meta: KeptMeta): void {
    fs.writeFileSync(`${this.fileOf(sha256)}.json`, JSON.stringify(meta), { mode: 0o600 });
  }
}
