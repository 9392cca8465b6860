// The assignments' versions, newest first, with who changed them and when; Restore brings one back (the
// server checks it again as if chosen today and keeps the restore as a new version).
import { useState } from 'react';
import { CenterTime } from '../center-zone.js';
import { useErrorText } from '../errors.js';
import { type AssignmentVersion, promptsApi } from './prompts-api.js';
import { usePromptLabels } from './use-prompt-labels.js';

export function PromptHistory({
  items,
  onRestored,
}: {
  items: readonly AssignmentVersion[];
  onRestored: () => void;
}) {
  const { p } = usePromptLabels();
  const { errorText } = useErrorText();
  const [error, setError] = useState<string>();
  if (items.length === 0) return <p className="muted">{p('promptNoHistory')}</p>;
  const restore = (version: number) =>
    promptsApi.restore(version).then(
      () => {
        setError(undefined);
        onRestored();
      },
      (e: unknown) => setError(errorText(e)),
    );
  const count = (v: AssignmentVersion) =>
    v.value
      ? Object.values(v.value.flows).reduce((n, states) => n + Object.keys(states).length, 0) +
        Object.keys(v.value.hold).length
      : 0;
  return (
    <>
      {error && (
        <p className="error" role="alert" data-testid="prompt-restore-error">
          {error}
        </p>
      )}
      <table data-testid="prompt-history">
        <thead>
          <tr>
            <th>{p('promptVersion')}</th>
            <th>{p('promptChangedBy')}</th>
            <th>{p('promptChangedAt')}</th>
            <th>{p('promptAssignments')}</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {items.map((v, i) => (
            <tr key={v.version} data-testid="prompt-version" data-version={v.version}>
              <td>
                {v.version}
                {v.restoredFrom !== undefined && (
                  <span className="muted small">
                    {' '}
                    ({p('promptRestoredFrom')} {v.restoredFrom})
                  </span>
                )}
              </td>
              <td>{v.by}</td>
              <td>
                <CenterTime at={v.at} />
              </td>
              <td>{count(v)}</td>
              <td>
                {i > 0 && (
                  <button
                    type="button"
                    className="link"
                    data-testid={`restore-${v.version}`}
                    onClick={() => void restore(v.version)}
                  >
                    {p('promptRestore')}
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
