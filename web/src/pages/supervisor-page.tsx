// Placeholder for the supervisor console: says plainly what is not built yet, and who may use it.
import type { Me } from '../api.js';
import { useLang } from '../i18n.js';
import { WhoAmI } from './who-am-i.js';

export function SupervisorPage({ me }: { me: Me }) {
  const { t } = useLang();
  const allowed = me.roles.includes('supervisor') || me.roles.includes('admin');
  return (
    <>
      <WhoAmI me={me} />
      <section className="card">
        <h1>{t('supervisorConsole')}</h1>
        {!allowed && <p className="error">{t('needsSupervisor')}</p>}
        <p className="notice">
          {t('comingLater')}: {t('supervisorLater')}
        </p>
      </section>
    </>
  );
}
