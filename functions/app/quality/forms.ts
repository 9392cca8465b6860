// Scoring forms: supervisors and admins write them (each save a new version, audited with before and
// after); everyone reads them, an old version included, so a score always shows the form it used.
import type { User } from '../../domain/model.js';
import type { Store } from '../../domain/ports.js';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/problems.js';
import { formIssues, type QaForm, type QaFormDraft } from '../../domain/quality/form.js';

export type QualityDeps = { readonly store: Store };

function checked(draft: QaFormDraft): void {
  const issues = formIssues(draft);
  if (issues.length)
    throw new ValidationError(
      issues.map((i) => ({ path: `body.${i.field}`, code: i.code, message: i.message })),
    );
}

export async function qaForms(deps: QualityDeps): Promise<QaForm[]> {
  return deps.store.quality.listForms();
}

export async function qaForm(deps: QualityDeps, id: string, version?: number): Promise<QaForm> {
  const form = await deps.store.quality.getForm(id, version);
  if (!form) throw new NotFoundError('Scoring form', version === undefined ? id : `${id} v${version}`);
  return form;
}

export async function createQaForm(deps: QualityDeps, actor: User, draft: QaFormDraft): Promise<QaForm> {
  checked(draft);
  const result = await deps.store.quality.putForm(draft, null, actor.id);
  if (!result.ok) {
    if (result.reason === 'duplicate')
      throw new ConflictError(`A scoring form with the id "${draft.id}" exists already: choose another id.`, {
        field: 'id',
        value: draft.id,
      });
    throw new Error(`qa form create failed: ${result.reason}`);
  }
  await deps.store.audit.append({
    actor: actor.id,
    action: 'quality.form.create',
    target: draft.id,
    detail: { after: result.value },
  });
  return result.value;
}

export async function updateQaForm(
  deps: QualityDeps,
  actor: User,
  version: number,
  draft: QaFormDraft,
): Promise<QaForm> {
  checked(draft);
  const before = await qaForm(deps, draft.id);
  const result = await deps.store.quality.putForm(draft, version, actor.id);
  if (!result.ok) {
    if (result.reason === 'conflict') {
      const { current } = result;
      throw new ConflictError(
        `The form was changed by ${current.updatedBy} at ${current.updatedAt} (version ${current.version}): reload it and apply your change again.`,
        { current },
      );
    }
    if (result.reason === 'not-found') throw new NotFoundError('Scoring form', draft.id);
    throw new Error(`qa form update failed: ${result.reason}`);
  }
  await deps.store.audit.append({
    actor: actor.id,
    action: 'quality.form.update',
    target: draft.id,
    detail: { before, after: result.value },
  });
  return result.value;
}
