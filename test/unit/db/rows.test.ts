// The lookup keys of a person computed together (each value folded once) are the keys each
// key function gives alone: what the page matcher and the search compute from what they see.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { personKeys, personTokens } from '../../../lib/db/rows';
import { emailKey, handleKey, nameKey } from '../../../lib/model/keys';
import type { Person } from '../../../lib/model/feed';

const text = fc.oneof(
  fc.string({ unit: fc.constantFrom(' ', 'A', 'é', 'ß', '.', '-', 'z', '\u00ad', 'Ǆ', '1') }),
  fc.string({ unit: 'grapheme' }),
);

describe('personKeys', () => {
  it('equals the key functions applied one by one', () => {
    fc.assert(
      fc.property(
        text,
        fc.array(text, { maxLength: 3 }),
        fc.array(text, { maxLength: 2 }),
        fc.dictionary(fc.constantFrom('github.com', 'www.GitLab.com'), text),
        (name, aliases, emails, handles) => {
          const person = { id: 'p', name, aliases, emails, handles } as Person;
          const keys = personKeys(person);
          expect(keys.tokens).toEqual(personTokens(person));
          expect(keys.nameKeys).toEqual([...new Set([name, ...aliases].map(nameKey))]);
          expect(keys.emailKeys).toEqual(emails.map(emailKey));
          expect(keys.handleKeys).toEqual(
            Object.entries(handles).map(([host, login]) => handleKey(host, login)),
          );
        },
      ),
      { numRuns: 500 },
    );
  });
});
