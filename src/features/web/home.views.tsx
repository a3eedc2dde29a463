import type { I18n } from '../../platform/views/i18n/locale.js';
import { AppealCards, type AppealSummary } from './components.js';
import type { OrganisationNames } from './organisation-names.js';

function Section(props: {
  i18n: I18n;
  names: OrganisationNames;
  id: string;
  title: string;
  none: string;
  more: string;
  appeals: AppealSummary[];
}) {
  const { i18n } = props;
  return (
    <section aria-labelledby={props.id}>
      <h2 id={props.id}>{props.title}</h2>
      {props.appeals.length ? (
        <AppealCards i18n={i18n} names={props.names} appeals={props.appeals} />
      ) : (
        <p>{props.none}</p>
      )}
      <p>
        <a href={props.more}>{i18n.t('home.more')} →</a>
      </p>
    </section>
  );
}

/** The front page: what this is, the way in, the latest answers and what is overdue. */
export function HomeView(props: {
  i18n: I18n;
  names: OrganisationNames;
  answered: AppealSummary[];
  overdue: AppealSummary[];
}) {
  const { i18n, names } = props;
  const t = i18n.t;
  return (
    <>
      <section class="narrow">
        <h1>{t('home.heading')}</h1>
        <p class="lead">{t('home.intro')}</p>
        <p class="actions">
          <a class="button" href={i18n.href('/post')}>
            {t('home.post')}
          </a>
          <a class="button secondary" href={i18n.href('/appeals')}>
            {t('home.browse')}
          </a>
        </p>
      </section>
      <div class="columns">
        <Section
          i18n={i18n}
          names={names}
          id="answered-h"
          title={t('home.latestAnswered')}
          none={t('home.answeredNone')}
          more={i18n.href('/appeals', { status: 'answered' })}
          appeals={props.answered}
        />
        <Section
          i18n={i18n}
          names={names}
          id="overdue-h"
          title={t('home.overdue')}
          none={t('home.overdueNone')}
          more={i18n.href('/appeals', { overdue: 'true' })}
          appeals={props.overdue}
        />
      </div>
      <section class="notice info narrow" aria-labelledby="anon-h">
        <h2 id="anon-h">{t('home.anonHeading')}</h2>
        <p>{t('home.anonBody')}</p>
        <p>
          <a href={i18n.href('/privacy')}>{t('footer.privacy')} →</a>
        </p>
      </section>
    </>
  );
}
