// Users (admins): everyone who can sign in, a page of 50 at a time, filtered by id or name; a side panel
// creates a user or edits the one picked. Agents get their TaskRouter worker from the server on save.
import { useCallback, useEffect, useState } from 'react';
import { UserCreate } from '../admin/user-create.js';
import { UserEditor } from '../admin/user-editor.js';
import { matchesFilter, withUser } from '../admin/user-form.js';
import { UserTable } from '../admin/user-table.js';
import { type AdminUser, usersApi } from '../admin/users-api.js';
import type { Me } from '../api.js';
import { useErrorText } from '../errors.js';
import { useLang } from '../i18n.js';

const PAGE_SIZE = 50;

export function UsersPage({ me }: { me: Me }) {
  const { t } = useLang();
  if (!me.roles.includes('admin'))
    return (
      <p className="notice" data-testid="admins-only">
        {t('adminsOnly')}
      </p>
    );
  return <UsersAdmin />;
}

function UsersAdmin() {
  const { t } = useLang();
  const { errorText } = useErrorText();
  const [users, setUsers] = useState<readonly AdminUser[]>([]);
  const [cursor, setCursor] = useState<string>();
  const [loaded, setLoaded] = useState(false);
  const [loadError, setLoadError] = useState<string>();
  const [filter, setFilter] = useState('');
  const [selected, setSelected] = useState<string>();

  const load = useCallback(
    async (after?: string) => {
      try {
        const page = await usersApi.list(PAGE_SIZE, after);
        setUsers((current) => (after ? [...current, ...page.items] : page.items));
        setCursor(page.cursor);
        setLoaded(true);
        setLoadError(undefined);
      } catch (error) {
        setLoadError(errorText(error));
      }
    },
    [errorText],
  );

  useEffect(() => {
    void load();
  }, [load]);

  const put = (user: AdminUser) => setUsers((current) => withUser(current, user));
  const reread = async (id: string) => {
    try {
      put(await usersApi.get(id));
    } catch (error) {
      setLoadError(errorText(error));
    }
  };
  const editing = users.find((user) => user.id === selected);
  const shown = users.filter((user) => matchesFilter(user, filter));

  return (
    <div className="users-page">
      <section className="card">
        <div className="card-head">
          <h1>
            {t('users')} ({loaded ? users.length : '…'})
          </h1>
          <span className="muted small">{t('usersHint')}</span>
        </div>
        <div className="row">
          <input
            type="search"
            name="filter"
            placeholder={t('filterUsers')}
            aria-label={t('filterUsers')}
            value={filter}
            onChange={(e) => setFilter(e.target.value)}
          />
          <span className="spacer" />
          {editing && (
            <button type="button" className="secondary" onClick={() => setSelected(undefined)}>
              {t('newUser')}
            </button>
          )}
        </div>
        {loadError && (
          <p className="error" role="alert">
            {loadError}
          </p>
        )}
        <UserTable users={shown} selected={selected} onEdit={setSelected} />
        {cursor && (
          <button type="button" className="secondary load-more" onClick={() => void load(cursor)}>
            {t('loadMore')}
          </button>
        )}
      </section>
      {editing ? (
        <UserEditor
          key={editing.id}
          user={editing}
          onSaved={put}
          onStale={(current) => (current ? put(current) : void load())}
          onReset={() => void reread(editing.id)}
          onClose={() => setSelected(undefined)}
        />
      ) : (
        <UserCreate onCreated={put} />
      )}
    </div>
  );
}
