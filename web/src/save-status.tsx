// What a form's save or restore came to, beneath it: a quiet status line, or an alert a screen reader
// reads out at once.
export interface SaveOutcome {
  readonly ok: boolean;
  readonly text: string;
}

export function SaveStatus({ status, testId }: { status: SaveOutcome | undefined; testId: string }) {
  if (!status) return null;
  return (
    <p className={status.ok ? 'muted' : 'error'} role={status.ok ? 'status' : 'alert'} data-testid={testId}>
      {status.text}
    </p>
  );
}
