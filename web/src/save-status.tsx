// What a form's save or restore came to, beneath it: a quiet status line, or an alert a screen reader
// reads out at once. A success line goes once the form is edited again, so "Saved" never stands beside
// changes that are not; a refusal stays until the next attempt replaces it.
import { useEffect, useRef, useState } from 'react';

export interface SaveOutcome {
  readonly ok: boolean;
  readonly text: string;
}

export function SaveStatus({ status, testId }: { status: SaveOutcome | undefined; testId: string }) {
  const line = useRef<HTMLParagraphElement>(null);
  const [editedAfter, setEditedAfter] = useState<SaveOutcome>();
  useEffect(() => {
    // The form it reports on: the one it sits in, else the section holding it beside the form.
    const form = line.current?.closest('form') ?? line.current?.parentElement;
    if (!status?.ok || !form) return;
    const edited = () => setEditedAfter(status);
    form.addEventListener('input', edited);
    form.addEventListener('change', edited);
    return () => {
      form.removeEventListener('input', edited);
      form.removeEventListener('change', edited);
    };
  }, [status]);
  if (!status || editedAfter === status) return null;
  return (
    <p
      ref={line}
      className={status.ok ? 'muted' : 'error'}
      role={status.ok ? 'status' : 'alert'}
      data-testid={testId}
    >
      {status.text}
    </p>
  );
}
