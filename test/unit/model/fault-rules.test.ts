// The rule table is one table: the validator's decisions, the table in docs/feed-format.md
// and the published JSON Schema's descriptions all come from lib/model/fault-rules.ts.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { droppablePrefix, FAULT_RULES, faultRulesMarkdown } from '../../../lib/model/fault-rules';
import { feedJsonSchema } from '../../../lib/model/json-schema';
import { FEED_LISTS } from '../../../lib/model/feed';

/** Table rows as trimmed cells, whatever the column padding Prettier chose. */
function rows(markdown: string): string[][] {
  return markdown
    .split('\n')
    .filter((line) => line.startsWith('|') && !/^\|\s*-/.test(line))
    .map((line) =>
      line
        .slice(1, -1)
        .split('|')
        .map((cell) => cell.trim()),
    );
}

describe('fault rules', () => {
  it('docs/feed-format.md carries exactly the table the validator runs', () => {
    const doc = readFileSync(new URL('../../../docs/feed-format.md', import.meta.url), 'utf8');
    const between = /<!-- fault-rules:start -->([\s\S]*?)<!-- fault-rules:end -->/.exec(doc);
    expect(between).not.toBeNull();
    expect(rows(between![1]!)).toEqual(rows(faultRulesMarkdown()));
  });

  it('the published JSON Schema says what a bad value of each field costs', () => {
    const schema = feedJsonSchema() as {
      properties: Record<
        string,
        { items: { properties: Record<string, { description: string }> } }
      >;
    };
    for (const list of FEED_LISTS) {
      for (const [field, node] of Object.entries(schema.properties[list]!.items.properties)) {
        const rule = FAULT_RULES[list].find((r) => r.field === field);
        const expected =
          !rule || rule.cost === 'record'
            ? 'the record is left out'
            : 'the value is dropped; the record lands';
        expect(node.description, `${list}.${field}`).toContain(expected);
      }
    }
  });

  it('decides by the longest matching field: a channel link costs the link, a bad channel the channel', () => {
    expect(droppablePrefix('communities', ['channels', 2, 'url'])).toBe(3);
    expect(droppablePrefix('communities', ['channels', 2, 'label'])).toBe(2);
    expect(droppablePrefix('communities', ['repertoire', 0, 'url'])).toBe(2);
    expect(droppablePrefix('communities', ['visibility'])).toBeNull();
    expect(droppablePrefix('people', ['handles', 'bad host'])).toBe(2);
    expect(droppablePrefix('people', ['id'])).toBeNull();
    expect(droppablePrefix('memberships', ['roles', 1])).toBe(2);
    expect(droppablePrefix('memberships', ['participation'])).toBeNull();
    expect(droppablePrefix('units', [])).toBeNull();
  });
});
