// The thresholds behind the signals and lists, and the privacy minimum, editable in place.
// Values outside a field's range are ignored (the field keeps its last good value).
import type { TargetedEvent } from 'preact';
import { thresholdsSchema, type Thresholds } from './thresholds';

interface Field {
  key: keyof Thresholds;
  label: string;
  /** Shown as a percentage when true. */
  percent: boolean;
  min: number;
  max: number;
}

const FIELDS: Field[] = [
  {
    key: 'minGroupSize',
    label: 'Minimum group size shown in counts by unit',
    percent: false,
    min: 2,
    max: 1000,
  },
  {
    key: 'staleMonths',
    label: 'Stale after (months without activity)',
    percent: false,
    min: 1,
    max: 120,
  },
  { key: 'newcomerMonths', label: 'Newcomer window (months)', percent: false, min: 1, max: 120 },
  {
    key: 'siloShare',
    label: 'Siloed at (% of members in one unit)',
    percent: true,
    min: 50,
    max: 100,
  },
  {
    key: 'leadershipMinMembers',
    label: 'Leadership gap: expect a day-to-day leader from (members)',
    percent: false,
    min: 1,
    max: 1000,
  },
  {
    key: 'leadershipLargeMembers',
    label: 'Leadership gap: expect an interpersonal leader from (members)',
    percent: false,
    min: 2,
    max: 10000,
  },
  {
    key: 'recognitionActiveMembers',
    label: 'Mismatch: unrecognized yet active with (core and active members)',
    percent: false,
    min: 1,
    max: 10000,
  },
  {
    key: 'bridgeMinTopicSimilarity',
    label: 'Missing bridge: topic overlap at least (%)',
    percent: true,
    min: 5,
    max: 100,
  },
  {
    key: 'bridgeMaxSharedShare',
    label: 'Missing bridge: shared members at most (% of smaller)',
    percent: true,
    min: 0,
    max: 100,
  },
];

export function ThresholdsForm({
  thresholds,
  onChange,
}: {
  thresholds: Thresholds;
  onChange: (thresholds: Thresholds) => void;
}) {
  const update = (field: Field) => (event: TargetedEvent<HTMLInputElement>) => {
    const raw = event.currentTarget.valueAsNumber;
    if (!Number.isFinite(raw) || raw < field.min || raw > field.max) return;
    const value = field.percent ? raw / 100 : Math.round(raw);
    const parsed = thresholdsSchema.safeParse({ ...thresholds, [field.key]: value });
    if (parsed.success) onChange(parsed.data);
  };
  return (
    <details class="thresholds">
      <summary>Thresholds and privacy</summary>
      <form onSubmit={(event) => event.preventDefault()}>
        {FIELDS.map((field) => (
          <div class="field" key={field.key}>
            <label for={`t-${field.key}`}>{field.label}</label>
            <input
              id={`t-${field.key}`}
              type="number"
              min={field.min}
              max={field.max}
              step={1}
              value={
                field.percent ? Math.round(thresholds[field.key] * 100) : thresholds[field.key]
              }
              onChange={update(field)}
            />
          </div>
        ))}
      </form>
    </details>
  );
}
