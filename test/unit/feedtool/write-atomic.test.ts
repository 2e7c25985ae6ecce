// Atomic writes: the target is either the old file or the complete new one; a failure
// mid-write leaves the old file and no temporary file behind.
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../../../lib/feedtool/write-atomic';

const dirs: string[] = [];
function scratch(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'feedtool-atomic-'));
  dirs.push(dir);
  return dir;
}
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('writeFileAtomic', () => {
  it('writes the whole content, from a string, bytes or chunks, with the requested mode', async () => {
    const dir = scratch();
    const file = path.join(dir, 'feed.json');
    await writeFileAtomic(file, '{"a":1}\n');
    expect(readFileSync(file, 'utf8')).toBe('{"a":1}\n');
    await writeFileAtomic(file, ['{"b":', new TextEncoder().encode('2}\n')], { mode: 0o600 });
    expect(readFileSync(file, 'utf8')).toBe('{"b":2}\n');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(readdirSync(dir)).toEqual(['feed.json']);
  });

  it('keeps the old file and leaves no temporary file when writing fails midway', async () => {
    const dir = scratch();
    const file = path.join(dir, 'feed.json');
    writeFileSync(file, 'old complete feed\n');
    function* chunks() {
      yield '{"people": [';
      throw new Error('source went away');
    }
    await expect(writeFileAtomic(file, chunks())).rejects.toThrow('source went away');
    expect(readFileSync(file, 'utf8')).toBe('old complete feed\n');
    expect(readdirSync(dir)).toEqual(['feed.json']);
  });

  it('cleans up when the final rename fails', async () => {
    const dir = scratch();
    const target = path.join(dir, 'out');
    mkdirSync(path.join(target, 'occupied'), { recursive: true });
    await expect(writeFileAtomic(target, 'x')).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['out']);
    expect(readdirSync(target)).toEqual(['occupied']);
  });
});
