import { Hono } from 'hono';
import { staffRoles } from '../../../db/schema/index.js';
import type { AppEnv } from '../../platform/http/env.js';
import { type I18n, i18nOf, type MessageKey } from '../../platform/views/i18n/locale.js';
import { logHead, readEntries } from '../audit/log.service.js';
import { requireStaff } from '../staff/index.js';
import { renderConsole } from './console-page.js';

// the newest entries shown; the whole log is public at /api/v1/log
const RECENT = 100;

type Entry = Awaited<ReturnType<typeof readEntries>>[number];

function LogTable(props: { i18n: I18n; entries: Entry[] }) {
  const { i18n } = props;
  const t = i18n.t;
  if (props.entries.length === 0) return <p>{t('console.log.empty')}</p>;
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('console.log.title')}</caption>
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">{t('console.log.at')}</th>
            <th scope="col">{t('console.log.actor')}</th>
            <th scope="col">{t('console.log.action')}</th>
            <th scope="col">{t('console.log.item')}</th>
          </tr>
        </thead>
        <tbody>
          {props.entries.map((e) => (
            <tr>
              <td>{e.seq}</td>
              <td>
                <time datetime={e.at}>{i18n.dateTime(e.at)}</time>
              </td>
              <td>
                {e.actor ? (
                  <>
                    {t(`role.${e.actor.role}` as MessageKey)} <bdi>{e.actor.username}</bdi>
                  </>
                ) : (
                  '—'
                )}
              </td>
              <td>
                <code>{e.kind}</code>
              </td>
              <td>{e.item ? `${e.item.type} #${e.item.id}` : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The newest entries of the public log, newest first, with who did what: for every staff role. */
export const logPages = new Hono<AppEnv>().get('/staff/log', requireStaff(...staffRoles), async (c) => {
  const i18n = i18nOf(c);
  const { size } = await logHead(c.var.db);
  const entries = (await readEntries(c.var.db, Math.max(0, size - RECENT), RECENT)).reverse();
  const title = i18n.t('console.log.title');
  return renderConsole(
    c,
    { title, page: 'log' },
    <>
      <h1>{title}</h1>
      <LogTable i18n={i18n} entries={entries} />
    </>,
  );
});
