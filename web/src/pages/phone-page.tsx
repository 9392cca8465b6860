// Placeholder for the caller phone (a simulated handset ringing the hotline through the Twilio twin).
import { useLang } from '../i18n.js';

const DEMO_HOTLINE = '+18005550100';

export function PhonePage() {
  const { t } = useLang();
  return (
    <section className="card">
      <h1>{t('callerPhone')}</h1>
      <p className="notice">
        {t('comingLater')}: {t('phoneLater')} <strong>{DEMO_HOTLINE}</strong>
      </p>
    </section>
  );
}
