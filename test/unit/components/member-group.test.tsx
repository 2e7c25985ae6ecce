// @vitest-environment happy-dom
// A community's members are paged per participation level: the heading keeps the full count,
// 30 names at first, and "Show more" says how many remain and adds the next 30.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { expect, it } from 'vitest';
import { MemberGroup } from '../../../components/popup/MemberGroup';
import type { CommunityMember } from '../../../lib/db/queries';
import type { PersonRow } from '../../../lib/db/schema';

function member(i: number): CommunityMember {
  const person = { feedId: 'f', id: `p-${i}`, name: `Person ${i}` } as PersonRow;
  return {
    person,
    membership: {
      feedId: 'f',
      person: person.id,
      community: 'c',
      participation: 'peripheral',
      roles: [],
    },
  };
}

it('shows 30 members, then 30 more, then the rest, with the counts', async () => {
  const root = document.createElement('div');
  document.body.append(root);
  const members = Array.from({ length: 75 }, (_, i) => member(i));
  const opened: string[] = [];
  await act(() =>
    render(
      <MemberGroup
        level="peripheral"
        members={members}
        total={75}
        onMore={undefined}
        nav={{
          open: (view) => opened.push('ref' in view ? view.ref.id : view.kind),
          back: () => undefined,
        }}
      />,
      root,
    ),
  );
  const names = () => [...root.querySelectorAll('li button')].map((b) => b.textContent);
  const more = () => root.querySelector<HTMLButtonElement>('button.secondary');
  expect(root.querySelector('h4')?.textContent).toBe('peripheral (75)');
  expect(names()).toHaveLength(30);
  expect(more()?.textContent).toBe('Show 30 more of 45 peripheral members');
  await act(() => more()!.click());
  expect(names()).toHaveLength(60);
  expect(more()?.textContent).toBe('Show 15 more of 15 peripheral members');
  await act(() => more()!.click());
  expect(names()).toEqual(members.map((m) => m.person.name));
  expect(more()).toBeNull();
  await act(() => root.querySelector<HTMLButtonElement>('li button')!.click());
  expect(opened).toEqual(['p-0']);
  render(null, root);
});

it('with only the first members read, asks for the rest as the last of them show, and counts them all', async () => {
  const root = document.createElement('div');
  document.body.append(root);
  const all = Array.from({ length: 1500 }, (_, i) => member(i));
  let asked = 0;
  const nav = { open: () => 0, back: () => undefined };
  const view = (members: CommunityMember[], onMore: (() => void) | undefined) =>
    act(() =>
      render(
        <MemberGroup level="peripheral" members={members} total={1500} onMore={onMore} nav={nav} />,
        root,
      ),
    );
  await view(all.slice(0, 60), () => asked++);
  const names = () => [...root.querySelectorAll('li button')].map((b) => b.textContent);
  const more = () => root.querySelector<HTMLButtonElement>('button.secondary');
  expect(root.querySelector('h4')?.textContent).toBe('peripheral (1,500)');
  expect(names()).toHaveLength(30);
  expect(more()?.textContent).toBe('Show 30 more of 1,470 peripheral members');
  expect(asked).toBe(0);
  await act(() => more()!.click());
  // The last of the 60 read are shown: the rest are asked for.
  expect(names()).toEqual(all.slice(0, 60).map((m) => m.person.name));
  expect(asked).toBe(1);
  // Every member read: the next page shows them.
  await view(all, undefined);
  await act(() => more()!.click());
  expect(names()).toEqual(all.slice(0, 90).map((m) => m.person.name));
  expect(more()?.textContent).toBe('Show 30 more of 1,410 peripheral members');
  render(null, root);
});
