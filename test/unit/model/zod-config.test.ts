import { describe, expect, it } from 'vitest';
import { z } from '../../../lib/model/zod';

describe('zod configuration', () => {
  it('is jitless, so it never probes `new Function` under the extension CSP', () => {
    expect(z.config().jitless).toBe(true);
  });
});
