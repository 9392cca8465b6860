// Who is signed in: name, id, roles, skills and languages, as the server knows them.
import type { Me } from '../api.js';
import { useLang } from '../i18n.js';

export function WhoAmI({ me }: { me: Me }) {
  const { t } = useLang();
  return (
    <section className="card">
      <h2>
        {t('signedInAs')}: {me.name} ({me.id})
      </h2>
      <dl>
        <dt>{t('roles')}</dt>
        <dd data-testid="roles">{me.roles.join(', ')}</dd>
        <dt>{t('skills')}</dt>
        <dd>{me.skills.join(', ') || t('none')}</dd>
        <dt>{t('languages')}</dt>
        <dd>{me.languages.join(', ')}</dd>
        {me.extension && (
          <>
            <dt>{t('extension')}</dt>
            <dd>{me.extension}</dd>
          </>
        )}
      </dl>
    </section>
  );
}
