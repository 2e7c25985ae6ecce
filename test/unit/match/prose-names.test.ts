// Full names in prose (the off-by-default option): which runs of words count as a name of
// the directory, given the hashes of its folded full names.
import { describe, expect, it } from 'vitest';
import { findProseNames, nameHash } from '../../../lib/match/prose-names';
import { foldText } from '../../../lib/model/keys';

const directory = (...names: string[]) => new Set(names.map((n) => nameHash(foldText(n))));
const names = (text: string, set: ReadonlySet<number>) =>
  findProseNames(text, set).map((hit) => {
    expect(text.slice(hit.start, hit.end)).toBe(hit.name);
    return hit.name;
  });

describe('findProseNames', () => {
  const set = directory('Zoë Okafor', 'Jose Muller', 'Mary Ann van der Berg', 'Siobhán O’Brien');

  it('finds exact full names, folding case of letters beyond the first, diacritics and spaces', () => {
    expect(names('Ask Zoë Okafor or Zoe Okafor, then José  Müller.', set)).toEqual([
      'Zoë Okafor',
      'Zoe Okafor',
      'José  Müller',
    ]);
    expect(names("Siobhan O'Brien wrote it.", set)).toEqual(["Siobhan O'Brien"]);
  });

  it('never matches one word, part of a longer name, or words not written as a name', () => {
    expect(names('Zoë said so. Okafor agreed.', set)).toEqual([]);
    expect(names('zoë okafor wrote it', set)).toEqual([]);
    expect(names('Zoë Okafor-Smith and Zoë\nOkafor', set)).toEqual(['Zoë\nOkafor']);
    expect(names('Zoë, Okafor', set)).toEqual([]);
  });

  it('takes the longest name, particles inside, possessives and full stops outside', () => {
    expect(names('Meet Mary Ann van der Berg today.', set)).toEqual(['Mary Ann van der Berg']);
    expect(names('In Zoë Okafor’s team; thanks to Zoë Okafor.', set)).toEqual([
      'Zoë Okafor',
      'Zoë Okafor',
    ]);
    expect(names('Dr Zoë Okafor Kubernetes', set)).toEqual(['Zoë Okafor']);
  });

  it('finds nothing without hashes, and hashes alike in the background and the page', () => {
    expect(names('Zoë Okafor', new Set())).toEqual([]);
    expect(nameHash('zoe okafor')).toBe(nameHash(foldText('ZOË  Okafor')));
    expect(nameHash('zoe okafor')).not.toBe(nameHash('zoe okafor '));
  });
});
