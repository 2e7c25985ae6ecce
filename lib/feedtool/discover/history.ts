// The history in a compact form for analysis: per commit its author, time, subject and the
// areas of the repertoire it changed. Renames are followed (newest name wins), so years of
// work on "clinic.rst" count toward "development-tools/clinic" where it lives now. An area
// is a folder cut to `depth` segments; a file at the top level is its own area.
import type { RawCommit } from './log-parse';

export interface HistoryOptions {
  /** Folder segments that make an area ("development-tools/clinic" at 2). */
  depth: number;
  /** Path patterns (regular expressions) left out: generated files, lock files… */
  ignorePaths: readonly string[];
}

export class History {
  readonly authors: number[] = [];
  readonly times: number[] = [];
  readonly subjects: string[] = [];
  readonly areasOf: Uint32Array[] = [];
  readonly areaNames: string[] = [];
  private readonly areaIndex = new Map<string, number>();
  /** Old path → newest path, learned from renames as the (newest-first) log streams by. */
  private readonly renamedTo = new Map<string, string>();
  private readonly ignore: RegExp[];
  private lastTime = Infinity;
  /** Commits that arrived older-than-previous ordering broke; renames are then approximate. */
  outOfOrder = 0;

  constructor(private readonly options: HistoryOptions) {
    this.ignore = options.ignorePaths.map((p) => new RegExp(p));
  }

  get size(): number {
    return this.times.length;
  }

  /** Adds one commit by recorded identity `author` (from IdentityBook.record). */
  add(commit: RawCommit, author: number): void {
    if (commit.time > this.lastTime) this.outOfOrder++;
    this.lastTime = commit.time;
    const areas = new Set<number>();
    for (const change of commit.files) {
      const now = this.newest(change.path);
      if (change.from !== undefined && change.from !== change.path)
        this.renamedTo.set(change.from, now);
      if (this.ignore.some((r) => r.test(now))) continue;
      areas.add(this.area(now));
    }
    this.authors.push(author);
    this.times.push(commit.time);
    this.subjects.push(commit.subject);
    this.areasOf.push(Uint32Array.from(areas));
  }

  private newest(path: string): string {
    return this.renamedTo.get(path) ?? path;
  }

  /** Path → area, so each distinct path is cut and looked up once. */
  private readonly areaOfPath = new Map<string, number>();

  private area(path: string): number {
    const known = this.areaOfPath.get(path);
    if (known !== undefined) return known;
    const index = this.areaIndexOf(path);
    this.areaOfPath.set(path, index);
    return index;
  }

  private areaIndexOf(path: string): number {
    const segments = path.split('/');
    const name =
      segments.length === 1
        ? path
        : segments.slice(0, Math.min(this.options.depth, segments.length - 1)).join('/');
    let index = this.areaIndex.get(name);
    if (index === undefined) {
      index = this.areaNames.length;
      this.areaNames.push(name);
      this.areaIndex.set(name, index);
    }
    return index;
  }
}
