// Recorded prompts and hold music (admins): upload a recording, listen to and delete those in the library,
// assign them to flow steps and queues per language, and restore an earlier set of assignments.
import { useCallback, useEffect, useState } from 'react';
import type { Me } from '../api.js';
import { useErrorText } from '../errors.js';
import { PromptAssign } from '../prompts/prompt-assign.js';
import { PromptHistory } from '../prompts/prompt-history.js';
import { PromptLibraryTable } from '../prompts/prompt-library-table.js';
import { PromptUpload } from '../prompts/prompt-upload.js';
import {
  type AssignmentVersion,
  type PromptAssignments,
  type PromptSlot,
  promptsApi,
  type RecordedPrompt,
} from '../prompts/prompts-api.js';
import { usePromptLabels } from '../prompts/use-prompt-labels.js';
// Loaded with the page: only admins who open it download the sheet.
import '../styles/prompts.css';

export function PromptsPage({ me }: { me: Me }) {
  const { p } = usePromptLabels();
  if (!me.roles.includes('admin'))
    return (
      <p className="notice" data-testid="admins-only">
        {p('promptsAdminsOnly')}
      </p>
    );
  return <PromptsAdmin />;
}

interface Loaded {
  readonly library: readonly RecordedPrompt[];
  readonly slots: readonly PromptSlot[];
  readonly queues: readonly string[];
  readonly assignments: PromptAssignments;
  readonly history: readonly AssignmentVersion[];
}

function PromptsAdmin() {
  const { p } = usePromptLabels();
  const { errorText } = useErrorText();
  const [data, setData] = useState<Loaded>();
  const [error, setError] = useState<string>();

  const load = useCallback(async () => {
    try {
      const [library, where, assignments, history] = await Promise.all([
        promptsApi.list(),
        promptsApi.slots(),
        promptsApi.assignments(),
        promptsApi.history(),
      ]);
      setData({ library: library.items, ...where, assignments, history: history.items });
      setError(undefined);
    } catch (e) {
      setError(errorText(e));
    }
  }, [errorText]);
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <div className="prompts-page" data-testid="prompts-page">
      <section className="card">
        <div className="card-head">
          <h2>{p('prompts')}</h2>
        </div>
        <p className="muted small">{p('promptsHelp')}</p>
        <PromptUpload onUploaded={() => void load()} />
      </section>
      {error && (
        <p className="error" role="alert">
          {error}
        </p>
      )}
      {data && (
        <>
          <section className="card">
            <h3>{p('promptLibrary')}</h3>
            <PromptLibraryTable items={data.library} onDeleted={() => void load()} />
          </section>
          <section className="card">
            <h3>{p('promptAssignments')}</h3>
            <PromptAssign
              slots={data.slots}
              queues={data.queues}
              library={data.library}
              value={data.assignments}
              onSaved={() => void load()}
            />
          </section>
          <section className="card">
            <h3>{p('promptHistory')}</h3>
            <PromptHistory items={data.history} onRestored={() => void load()} />
          </section>
        </>
      )}
    </div>
  );
}
