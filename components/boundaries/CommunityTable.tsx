// The accessible alternative to the map: the same filtered communities as a sortable table.
// Column headers are buttons (aria-sort tells the order); each name is a button that selects
// the community; long lists page by 100 rows so 5,000 communities stay quick.
import { useMemo, useState } from 'preact/hooks';
import type { ViewProps } from './BoundaryTabs';
import {
  COMMUNITY_COLUMNS,
  partnerMembersText,
  signalLabels,
  sortCommunities,
  type SortKey,
} from './community-rows';

const PAGE = 100;

export function CommunityTable({ report, filtered, selected, onSelect }: ViewProps) {
  const [sort, setSort] = useState<{ key: SortKey; descending: boolean }>({
    key: 'activeMembers',
    descending: true,
  });
  const [page, setPage] = useState(0);
  const rows = useMemo(
    () => sortCommunities(report, filtered, sort.key, sort.descending),
    [report, filtered, sort],
  );
  const pages = Math.max(1, Math.ceil(rows.length / PAGE));
  const current = Math.min(page, pages - 1);
  const shown = rows.slice(current * PAGE, current * PAGE + PAGE);
  const min = report.options.minGroupSize;
  const toggle = (key: SortKey, numeric: boolean) =>
    setSort((s) =>
      s.key === key ? { key, descending: !s.descending } : { key, descending: numeric },
    );

  return (
    <div class="table-wrap">
      <table class="communities">
        <caption>
          Communities ({rows.length}), sorted by{' '}
          {COMMUNITY_COLUMNS.find((c) => c.key === sort.key)!.header.toLowerCase()}
          {sort.descending ? ', highest first' : ', lowest first'}
        </caption>
        <thead>
          <tr>
            {COMMUNITY_COLUMNS.map((column) => (
              <th
                key={column.key}
                scope="col"
                aria-sort={
                  sort.key === column.key
                    ? sort.descending
                      ? 'descending'
                      : 'ascending'
                    : undefined
                }
                class={column.numeric ? 'num' : ''}
              >
                <button type="button" onClick={() => toggle(column.key, column.numeric)}>
                  {column.header}
                  <span aria-hidden="true">
                    {sort.key === column.key ? (sort.descending ? ' ▼' : ' ▲') : ''}
                  </span>
                </button>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {shown.map((index) => {
            const c = report.communities[index]!;
            return (
              <tr key={c.key} data-community={c.key} class={index === selected ? 'selected' : ''}>
                <th scope="row">
                  <button
                    type="button"
                    class="link"
                    aria-pressed={index === selected}
                    onClick={() => onSelect(index === selected ? null : index)}
                  >
                    {c.name}
                  </button>
                  {c.membersOnly && <span class="badge">members only</span>}
                </th>
                <td>{c.stage}</td>
                <td>{c.standing}</td>
                <td class="num">{c.activeMembers}</td>
                <td class="num">{c.members}</td>
                <td class="num">{c.unitCount}</td>
                <td class="num">{partnerMembersText(c, min)}</td>
                <td>{signalLabels(c).join(', ') || '—'}</td>
                <td>{c.lastActivity ?? 'not recorded'}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {pages > 1 && (
        <nav class="pager" aria-label="Table pages">
          <button type="button" disabled={current === 0} onClick={() => setPage(current - 1)}>
            Previous
          </button>
          <span>
            Rows {current * PAGE + 1}–{Math.min(rows.length, (current + 1) * PAGE)} of {rows.length}
          </span>
          <button
            type="button"
            disabled={current >= pages - 1}
            onClick={() => setPage(current + 1)}
          >
            Next
          </button>
        </nav>
      )}
    </div>
  );
}
