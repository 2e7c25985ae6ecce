// The demo feed file as the server sees it: its bytes, a strong ETag, its modification time,
// and the demo site built from it. Re-read only when the file's size or mtime changes, so
// editing public/demo-feed.json shows up on the next request without a restart.
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { validateFeedText } from '../../lib/model/validate';
import { buildDemoSite, type DemoSite } from './site';

export interface FeedSnapshot {
  bytes: Buffer;
  /** A strong validator: the quoted, truncated SHA-256 of the bytes. */
  etag: string;
  /** The file's mtime, whole seconds (HTTP dates have no finer precision). */
  lastModified: Date;
  /** The site built from the feed; absent when the feed is invalid. */
  site?: DemoSite;
  /** Why the feed could not be turned into pages. */
  problem?: string;
}

export type FeedRead = { ok: true; snapshot: FeedSnapshot } | { ok: false; problem: string };

export class FeedFile {
  private cached: { stamp: string; snapshot: FeedSnapshot } | undefined;

  constructor(readonly path: string) {}

  async read(): Promise<FeedRead> {
    let stamp: string;
    let mtime: Date;
    try {
      const info = await stat(this.path);
      stamp = `${info.size}:${info.mtimeMs}`;
      mtime = info.mtime;
    } catch (error) {
      return {
        ok: false,
        problem: `the demo feed ${this.path} cannot be read (${describe(error)})`,
      };
    }
    if (this.cached?.stamp === stamp) return { ok: true, snapshot: this.cached.snapshot };

    const bytes = await readFile(this.path);
    const digest = createHash('sha256').update(bytes).digest('base64url').slice(0, 27);
    const snapshot: FeedSnapshot = {
      bytes,
      etag: `"${digest}"`,
      lastModified: new Date(Math.floor(mtime.getTime() / 1000) * 1000),
    };
    const validation = validateFeedText(bytes.toString('utf8'));
    if (validation.ok) {
      snapshot.site = buildDemoSite(validation.feed);
    } else {
      snapshot.problem = `the demo feed ${this.path} is not a valid feed: ${validation.error.reason}`;
    }
    this.cached = { stamp, snapshot };
    return { ok: true, snapshot };
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
