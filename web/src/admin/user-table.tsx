// The users loaded so far, one row each, with the row being edited marked.
import { Fragment } from 'react';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';
import type { AdminUser } from './users-api.js';

/** Values kept whole (a line breaks between them, never inside "north-china"). */
function list(values: readonly string[]) {
  if (values.length === 0) return '—';
  return values.map((value, i) => (
    <Fragment key={value}>
      {i > 0 && ', '}
      <span className="nowrap">{value}</span>
    </Fragment>
  ));
}

export function UserTable({
  users,
  selected,
  onEdit,
}: {
  users: readonly AdminUser[];
  selected: string | undefined;
  onEdit: (id: string) => void;
}) {
  const { t, tx } = useLang();
  const { codeName } = useErrorText();
  return (
    <div className="table-scroll">
      <table className="users-table">
        <thead>
          <tr>
            <th>{t('userId')}</th>
            <th>{t('userName')}</th>
            <th>{t('roles')}</th>
            <th>{t('skills')}</th>
            <th>{t('languages')}</th>
            <th>{t('regions')}</th>
            <th>{t('extension')}</th>
            <th>
              <span className="sr-only">{t('edit')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {users.map((user) => (
            <tr
              key={user.id}
              data-testid={`user-${user.id}`}
              className={[user.id === selected ? 'selected' : '', user.disabled ? 'disabled' : ''].join(' ')}
            >
              <td className="nowrap">
                <strong>{user.id}</strong>
                {user.disabled && (
                  <span className="tag warn-tag" data-testid="disabled">
                    {t('disabledMark')}
                  </span>
                )}
              </td>
              <td>{user.name}</td>
              <td data-testid="roles">{user.roles.map((role) => tx(`role_${role}`)).join(', ')}</td>
              <td data-testid="skills">{list(user.skills.map((s) => codeName('skill', s)))}</td>
              <td data-testid="languages">{list(user.languages)}</td>
              <td data-testid="regions">{list(user.regions.map((r) => codeName('region', r)))}</td>
              <td>{user.extension ?? '—'}</td>
              <td>
                <button type="button" className="small-btn secondary" onClick={() => onEdit(user.id)}>
                  {t('edit')}
                </button>
              </td>
            </tr>
          ))}
          {users.length === 0 && (
            <tr>
              <td colSpan={8} className="muted">
                {t('none')}
              </td>
            </tr>
          )}
        </tbody>
      </table>
    </div>
  );
}
