import { asc } from 'drizzle-orm';
import { categories, departments } from '../../../db/schema/index.js';
import type { Db } from '../../platform/db/db.js';
import { memoPerVersion } from '../../platform/db/version-memo.js';
import type { Locale } from '../../platform/views/i18n/locale.js';

export interface Named {
  id: number;
  name: string;
}

/** Categories and departments in the reader's language, for filters, cards and the posting form. */
export function organisationNames(db: Db, locale: Locale) {
  return memoPerVersion(db, `organisation-names:${locale}`, () => load(db, locale));
}

async function load(db: Db, locale: Locale) {
  const [cats, depts] = await Promise.all([
    db.select().from(categories).orderBy(asc(categories.id)),
    db.select().from(departments).orderBy(asc(departments.id)),
  ]);
  const name = (r: { nameZh: string; nameEn: string }) => (locale === 'en' ? r.nameEn : r.nameZh);
  const categoryList = cats.map((c) => ({ id: c.id, name: name(c), answerDays: c.answerDays }));
  const departmentList: Named[] = depts.map((d) => ({ id: d.id, name: name(d) }));
  const byId = <T extends Named>(list: T[]) => new Map(list.map((x) => [x.id, x.name]));
  const categoryNames = byId(categoryList);
  const departmentNames = byId(departmentList);
  return {
    categories: categoryList,
    departments: departmentList,
    category: (id: number | null) => (id === null ? undefined : categoryNames.get(id)),
    department: (id: number | null) => (id === null ? undefined : departmentNames.get(id)),
  };
}

export type OrganisationNames = Awaited<ReturnType<typeof load>>;
