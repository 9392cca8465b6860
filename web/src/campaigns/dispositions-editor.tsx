// A campaign's dispositions as rows: code, both labels, whether it counts as a success and whether the
// contact is called no more; rows added and removed in place, each refusal shown on its row.
import type { CampaignDisposition } from '../../../functions/domain/campaigns/campaign.js';
import { PathError, type PathIssues } from '../path-issues.js';
import { useCampaignText } from './use-campaign-text.js';

export function DispositionsEditor({
  value,
  onChange,
  issues,
}: {
  value: readonly CampaignDisposition[];
  onChange: (next: CampaignDisposition[]) => void;
  issues: PathIssues;
}) {
  const { c } = useCampaignText();
  const edit = (i: number, change: Partial<CampaignDisposition>) =>
    onChange(value.map((d, j) => (j === i ? { ...d, ...change } : d)));
  return (
    <fieldset data-testid="campaign-dispositions">
      <legend>{c('dispositions')}</legend>
      <PathError issues={issues} at="dispositions" />
      <table className="settings-table">
        <thead>
          <tr>
            <th>{c('dispCode')}</th>
            <th>{c('dispZh')}</th>
            <th>{c('dispEn')}</th>
            <th>{c('dispSuccess')}</th>
            <th>{c('dispFinal')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {value.map((d, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; a code may be typed twice.
            <tr key={i}>
              <td>
                <input
                  name={`dispositions.${i}.code`}
                  size={14}
                  value={d.code}
                  onChange={(e) => edit(i, { code: e.target.value })}
                />
                <PathError issues={issues} at={`dispositions.${i}.code`} />
              </td>
              <td>
                <input
                  name={`dispositions.${i}.label.zh`}
                  size={10}
                  value={d.label.zh}
                  onChange={(e) => edit(i, { label: { ...d.label, zh: e.target.value } })}
                />
                <PathError issues={issues} at={`dispositions.${i}.label.zh`} />
              </td>
              <td>
                <input
                  name={`dispositions.${i}.label.en`}
                  size={14}
                  value={d.label.en}
                  onChange={(e) => edit(i, { label: { ...d.label, en: e.target.value } })}
                />
                <PathError issues={issues} at={`dispositions.${i}.label.en`} />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={c('dispSuccess')}
                  checked={!!d.success}
                  onChange={(e) => edit(i, { success: e.target.checked })}
                />
              </td>
              <td>
                <input
                  type="checkbox"
                  aria-label={c('dispFinal')}
                  checked={!!d.final}
                  onChange={(e) => edit(i, { final: e.target.checked })}
                />
              </td>
              <td>
                <button
                  type="button"
                  className="link"
                  onClick={() => onChange(value.filter((_, j) => j !== i))}
                >
                  {c('remove')}
                </button>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <button
        type="button"
        onClick={() => onChange([...value, { code: '', label: { zh: '', en: '' } }])}
        data-testid="campaign-add-disposition"
      >
        {c('addDisposition')}
      </button>
    </fieldset>
  );
}
