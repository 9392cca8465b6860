// A campaign's contact list: a CSV file chosen (or pasted), previewed (how many rows would be imported, and
// every refused row with its number, value and reason in the page's language) and then imported.
import { useState } from 'react';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import { SaveStatus } from '../save-status.js';
import { readUtf8File, refusalText } from '../text-file.js';
import { type ContactListPreview, campaignsApi } from './campaigns-api.js';
import { useCampaignText } from './use-campaign-text.js';

export function ContactListBox({ campaignId, onImported }: { campaignId: string; onImported: () => void }) {
  const { c, cx } = useCampaignText();
  const { lang } = useLang();
  const { errorText } = useErrorText();
  const [csv, setCsv] = useState('');
  const [preview, setPreview] = useState<ContactListPreview>();
  const [status, setStatus] = useState<{ ok: boolean; text: string }>();
  const [busy, setBusy] = useState(false);

  const choose = async (file: File | undefined) => {
    if (!file) return;
    const read = await readUtf8File(file);
    setCsv(read.ok ? read.text : '');
    setPreview(undefined);
    setStatus(read.ok ? undefined : { ok: false, text: refusalText(file, read.issue, lang) });
  };
  const run = async (step: 'preview' | 'import') => {
    setBusy(true);
    try {
      if (step === 'preview') {
        setPreview(await campaignsApi.preview(campaignId, csv));
        setStatus(undefined);
      } else {
        const done = await campaignsApi.import(campaignId, csv);
        setPreview(done);
        setStatus({ ok: true, text: c('imported', { added: done.added }) });
        onImported();
      }
    } catch (err) {
      setStatus({ ok: false, text: errorText(err) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card" data-testid="campaign-contact-list">
      <h2>{c('contactList')}</h2>
      <p className="muted small">{c('contactListHelp')}</p>
      <label>
        {c('chooseFile')}{' '}
        <input
          type="file"
          accept=".csv,text/csv,text/plain"
          data-testid="campaign-csv"
          onChange={(e) => void choose(e.target.files?.[0])}
        />
      </label>
      <label className="block">
        {c('pasteCsv')}
        <textarea
          rows={5}
          value={csv}
          data-testid="campaign-csv-text"
          onChange={(e) => {
            setCsv(e.target.value);
            setPreview(undefined);
          }}
        />
      </label>
      <div className="actions">
        <button
          type="button"
          disabled={busy || !csv.trim()}
          onClick={() => void run('preview')}
          data-testid="campaign-preview"
        >
          {c('preview')}
        </button>
        <button
          type="button"
          disabled={busy || !csv.trim()}
          onClick={() => void run('import')}
          data-testid="campaign-import"
        >
          {c('import')}
        </button>
      </div>
      {preview && (
        <div data-testid="campaign-preview-result">
          <p data-testid="campaign-preview-summary">
            {c('previewSummary', {
              rows: preview.counts.rows,
              accepted: preview.counts.accepted,
              rejected: preview.counts.rejected,
            })}
          </p>
          {preview.rejected.length > 0 && (
            <table className="settings-table" data-testid="campaign-rejected">
              <thead>
                <tr>
                  <th>{c('row')}</th>
                  <th>{c('value')}</th>
                  <th>{c('reason')}</th>
                </tr>
              </thead>
              <tbody>
                {preview.rejected.map((r) => (
                  <tr key={`${r.row}-${r.reason}`} data-testid={`campaign-rejected-${r.row}`}>
                    <td>{r.row}</td>
                    <td>{r.raw}</td>
                    <td>
                      {cx(`reason_${r.reason}`)}
                      {/* What the row itself says: which row it repeats, which quote is open. */}
                      {r.message[lang] !== cx(`reason_${r.reason}`) && (
                        <span className="muted" data-testid="rejected-detail">
                          {' '}
                          — {r.message[lang]}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
      )}
      <SaveStatus status={status} testId="campaign-import-status" />
    </section>
  );
}
