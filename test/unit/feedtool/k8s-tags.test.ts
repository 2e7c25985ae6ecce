// The k8s-sigs importer on a CNCF-style registry (groups under `tags` and `toc_subprojects`,
// blank `company:` values) and on files it cannot read (issue 15, items 1–3).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importK8sSigs } from '../../../lib/feedtool/k8s-sigs';
import { corpusText, FIXTURES, sourceConfig } from './helpers';

const FILE = 'tags.yaml';
const text = readFileSync(path.join(FIXTURES, 'registries/k8s-tags/tags.yaml'), 'utf8');

describe('k8s-sigs importer on other top-level keys', () => {
  it('reads every group of every top-level list; the key is the kind; blank values are absent', () => {
    const result = importK8sSigs(
      sourceConfig({
        type: 'k8s-sigs',
        kinds: { tags: { namePrefix: 'TAG ' }, toc_subprojects: { standing: 'strategic' } },
      }),
      text,
      FILE,
    );
    expect(result.problems.filter((p) => p.severity !== 'note')).toEqual([]);
    expect(
      result.records.communities.map((c) => [c.record.id, c.record.name, c.record.standing]),
    ).toEqual([
      ['tag-app-delivery', 'TAG App Delivery', 'legitimized'],
      ['tag-security', 'TAG Security', 'legitimized'],
      ['tag-runtime', 'TAG Runtime', 'legitimized'],
      ['toc-subprojects/mentoring', 'Mentoring', 'strategic'],
      ['toc-subprojects/project-reviews', 'Project Reviews', 'strategic'],
    ]);
    const people = new Map(result.records.people.map((p) => [p.record.id, p.record]));
    expect([...people.keys()].sort()).toEqual(
      ['alicechair', 'bobchair', 'carollead', 'dantoc', 'erinsec', 'frankmentor'].map(
        (l) => `gh-${l}`,
      ),
    );
    // `company:` left blank: no company, and the person is still there.
    expect(people.get('gh-alicechair')?.company).toBeUndefined();
    expect(people.get('gh-bobchair')?.company).toBe('Example Corp');
    expect(people.get('gh-carollead')?.company).toBe('Example Corp');
    expect(result.records.memberships).toHaveLength(8);
  });

  it('refuses a file without groups, naming what it expected and what it found', () => {
    const result = importK8sSigs(
      sourceConfig({ type: 'k8s-sigs' }),
      corpusText('kubernetes-community/OWNERS_ALIASES'),
      'OWNERS_ALIASES',
    );
    expect(result.records.communities).toEqual([]);
    expect(result.problems).toEqual([
      {
        severity: 'error',
        file: 'OWNERS_ALIASES',
        line: 1,
        message:
          'found no groups: expected a top-level list such as `sigs` or `workinggroups` whose entries have `dir` and `name`; found `aliases`',
      },
    ]);
    const scalar = importK8sSigs(sourceConfig({ type: 'k8s-sigs' }), 'just text\n', 'x.yaml');
    expect(scalar.problems.map((p) => p.message)).toEqual([
      'found no groups: expected a mapping with top-level lists such as `sigs` or `workinggroups`; found a single string value',
    ]);
  });
});
