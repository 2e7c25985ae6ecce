// Options › Your data: export the user's own data (me, follows, declared memberships and
// expertise, notes) as a JSON file, and import such a file with a clear report of what was
// imported and what was skipped, where and why.
import { useState } from 'preact/hooks';
import type { ConstellationDB } from '../../lib/db/database';
import {
  exportLocalData,
  importLocalData,
  type LocalImportReport,
} from '../../lib/db/local-transfer';
import { VisitedTopicsPanel } from './VisitedTopicsPanel';

export function LocalDataSection({ db }: { db: ConstellationDB }) {
  const [report, setReport] = useState<LocalImportReport | undefined>();

  const download = async () => {
    const data = await exportLocalData(db);
    const url = URL.createObjectURL(
      new Blob([JSON.stringify(data, null, 2)], { type: 'application/json' }),
    );
    const link = document.createElement('a');
    link.href = url;
    link.download = `constellation-my-data-${data.exportedAt.slice(0, 10)}.json`;
    link.click();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  };

  const upload = async (file: File | undefined) => {
    if (!file) return;
    if (file.size > 20 * 1024 * 1024) {
      setReport({
        ok: false,
        error: 'the file is larger than 20 MB; this is not a local-data export',
      });
      return;
    }
    setReport(await importLocalData(db, await file.text()));
  };

  return (
    <div class="local-data">
      <p>
        Your own data — who you are, communities you follow, memberships and expertise you declared,
        your notes — lives only in this browser. No feed sync ever changes it.
      </p>
      <div class="buttons">
        <button type="button" onClick={() => void download()}>
          Export my data
        </button>
        <label class="file-button">
          Import my data
          <input
            type="file"
            accept="application/json,.json"
            onChange={(e) => void upload(e.currentTarget.files?.[0])}
          />
        </label>
      </div>
      {report && <ImportReport report={report} />}
      <VisitedTopicsPanel db={db} />
    </div>
  );
}

function ImportReport({ report }: { report: LocalImportReport }) {
  if (!report.ok)
    return (
      <p role="alert" class="error import-report">
        Nothing was imported: {report.error}.
      </p>
    );
  const parts = Object.entries(report.imported).map(([list, n]) => `${n} ${list}`);
  return (
    <div class="import-report" role="status">
      <p>Imported {parts.join(', ')}.</p>
      {report.problems.length > 0 && (
        <>
          <p>
            Skipped {report.skipped} entr{report.skipped === 1 ? 'y' : 'ies'}:
          </p>
          <ul>
            {report.problems.map((p, i) => (
              <li key={i}>
                <code>{p.path}</code> {p.reason}
              </li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
