// Importing a CSV or iCalendar file into the calendar: the server's preview (the merged calendar, each row
// it could not take by line and why), then Confirm saves the merged calendar; nothing is written before.
import { type FormEvent, useState } from 'react';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { ADMIN_LABELS, type AdminLabel } from '../labels-admin.js';
import { calendarApi, type HolidayCalendar, type ImportPreview } from './calendar-api.js';
import { useAdminText } from './use-admin-text.js';

export function CalendarImportBox({
  name,
  onConfirm,
}: {
  name: string;
  /** Saves the merged calendar; resolves true when it was saved. */
  onConfirm: (calendar: HolidayCalendar) => Promise<boolean>;
}) {
  const a = useAdminText();
  const { lang } = useLang();
  const { errorText } = useErrorText();
  const [file, setFile] = useState<File>();
  const [preview, setPreview] = useState<ImportPreview>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!file) return;
    setBusy(true);
    try {
      setPreview(await calendarApi.preview(name, file));
      setError(undefined);
    } catch (err) {
      setPreview(undefined);
      setError(errorText(err));
    } finally {
      setBusy(false);
    }
  };
  const confirm = async () => {
    if (!preview) return;
    setBusy(true);
    if (await onConfirm(preview.calendar)) setPreview(undefined);
    setBusy(false);
  };
  // The server's sentence only for a code this page has no words for.
  const problemText = (code: string, message: string) => {
    const key = `problem_${code}`;
    return key in ADMIN_LABELS ? a(key as AdminLabel) : message;
  };

  return (
    <section className="card" data-testid="calendar-import">
      <h2>{a('importTitle')}</h2>
      <p className="muted small">{a('importHelp')}</p>
      <form className="row" onSubmit={(e) => void submit(e)}>
        <input
          type="file"
          name="file"
          accept=".csv,.ics,text/csv,text/calendar"
          aria-label={a('chooseFile')}
          onChange={(e) => setFile(e.target.files?.[0])}
        />
        <button type="submit" disabled={!file || busy}>
          {a('preview')}
        </button>
      </form>
      {error && (
        <p className="error" role="alert" data-testid="import-error">
          {error}
        </p>
      )}
      {preview && (
        <div data-testid="import-preview">
          <p>{a('previewSummary', { days: preview.days, bad: preview.problems.length })}</p>
          {preview.problems.length > 0 && (
            <ul className="error small" data-testid="import-problems">
              {preview.problems.map((p) => (
                <li key={`${p.line}-${p.code}`} data-testid={`problem-line-${p.line}`}>
                  {a('line', { line: p.line })}
                  {lang === 'zh' ? '：' : ': '}
                  {problemText(p.code, p.message)}
                </li>
              ))}
            </ul>
          )}
          {preview.issues.map((i) => (
            <p key={i.path + i.code} className="error small">
              {i.message}
            </p>
          ))}
          <div className="row">
            <button
              type="button"
              data-testid="confirm-import"
              disabled={busy || preview.issues.length > 0 || preview.days === 0}
              onClick={() => void confirm()}
            >
              {a('confirmImport')}
            </button>
            <button type="button" className="secondary" onClick={() => setPreview(undefined)}>
              {a('cancel')}
            </button>
          </div>
        </div>
      )}
    </section>
  );
}
