// The view's tabs (WAI-ARIA tabs pattern: arrow keys move between tabs, one tab stop) and the
// panel of the chosen one. The map stays mounted while hidden, so its layout and zoom survive
// a look at another tab.
import type { TargetedKeyboardEvent } from 'preact';
import { useRef } from 'preact/hooks';
import type { BoundaryReport } from '../../lib/boundaries/report';
import { BridgesView } from './BridgesView';
import { BrokersView } from './BrokersView';
import { CommunityTable } from './CommunityTable';
import { CompaniesView } from './CompaniesView';
import { ConstellationMap } from './ConstellationMap';
import { HealthView } from './HealthView';

export const TABS = [
  { id: 'map', label: 'Map' },
  { id: 'table', label: 'Table' },
  { id: 'brokers', label: 'Brokers' },
  { id: 'bridges', label: 'Missing bridges' },
  { id: 'health', label: 'Health' },
  { id: 'companies', label: 'Across companies' },
] as const;

export type TabId = (typeof TABS)[number]['id'];

export interface ViewProps {
  report: BoundaryReport;
  filtered: readonly number[];
  selected: number | null;
  onSelect: (community: number | null) => void;
}

interface Props extends ViewProps {
  tab: TabId;
  onTab: (tab: TabId) => void;
  hits: ReadonlySet<number> | null;
}

export function BoundaryTabs({ tab, onTab, hits, ...view }: Props) {
  const list = useRef<HTMLDivElement>(null);
  const onKeyDown = (event: TargetedKeyboardEvent<HTMLDivElement>) => {
    const at = TABS.findIndex((t) => t.id === tab);
    const next =
      event.key === 'ArrowRight'
        ? (at + 1) % TABS.length
        : event.key === 'ArrowLeft'
          ? (at - 1 + TABS.length) % TABS.length
          : event.key === 'Home'
            ? 0
            : event.key === 'End'
              ? TABS.length - 1
              : -1;
    if (next < 0) return;
    event.preventDefault();
    onTab(TABS[next]!.id);
    list.current?.querySelector<HTMLButtonElement>(`#tab-${TABS[next]!.id}`)?.focus();
  };
  return (
    <>
      <div class="tabs" role="tablist" aria-label="Boundary views" ref={list} onKeyDown={onKeyDown}>
        {TABS.map((t) => (
          <button
            key={t.id}
            id={`tab-${t.id}`}
            type="button"
            role="tab"
            aria-selected={tab === t.id}
            aria-controls={`panel-${t.id}`}
            tabIndex={tab === t.id ? 0 : -1}
            onClick={() => onTab(t.id)}
          >
            {t.label}
          </button>
        ))}
      </div>
      {TABS.map((t) => (
        <section
          key={t.id}
          id={`panel-${t.id}`}
          class={`panel panel-${t.id}`}
          role="tabpanel"
          aria-labelledby={`tab-${t.id}`}
          hidden={tab !== t.id}
        >
          {t.id === 'map' && <ConstellationMap {...view} hits={hits} active={tab === 'map'} />}
          {tab === t.id && t.id === 'table' && <CommunityTable {...view} />}
          {tab === t.id && t.id === 'brokers' && <BrokersView {...view} />}
          {tab === t.id && t.id === 'bridges' && <BridgesView {...view} />}
          {tab === t.id && t.id === 'health' && <HealthView {...view} />}
          {tab === t.id && t.id === 'companies' && <CompaniesView {...view} />}
        </section>
      ))}
    </>
  );
}
