import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { feedJsonSchemaText } from '../../../lib/model/json-schema';

describe('published JSON Schema', () => {
  it('docs/feed.schema.json is generated from the current zod schemas (run `npm run schema`)', () => {
    const committed = readFileSync(
      new URL('../../../docs/feed.schema.json', import.meta.url),
      'utf8',
    );
    expect(committed).toBe(feedJsonSchemaText());
  });

  it('describes every list and the vocabulary', () => {
    const schema = JSON.parse(feedJsonSchemaText()) as {
      required: string[];
      properties: Record<string, { items?: { properties: Record<string, { enum?: string[] }> } }>;
    };
    expect(schema.required).toEqual(
      expect.arrayContaining([
        'format',
        'version',
        'feedId',
        'generatedAt',
        'organization',
        'people',
        'memberships',
      ]),
    );
    const community = schema.properties.communities!.items!.properties;
    expect(community.stage!.enum).toEqual([
      'potential',
      'coalescing',
      'active',
      'dispersed',
      'memorable',
    ]);
    expect(community.standing!.enum).toEqual([
      'unrecognized',
      'bootlegged',
      'legitimized',
      'strategic',
      'transformative',
    ]);
  });
});

describe('docs/feed-format.md', () => {
  it('its minimal feed example is a valid feed with no problems', async () => {
    const { validateFeedText } = await import('../../../lib/model/validate');
    const doc = readFileSync(new URL('../../../docs/feed-format.md', import.meta.url), 'utf8');
    const example = /## A minimal feed\n+```json\n([\s\S]*?)```/.exec(doc)?.[1];
    expect(example).toBeDefined();
    const result = validateFeedText(example!);
    expect(result.ok && result.problems).toEqual([]);
    expect(result.ok && result.counts.memberships.valid).toBe(1);
  });
});
