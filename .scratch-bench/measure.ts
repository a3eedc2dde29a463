import { createHarness } from '../test/helpers/harness.js';
import { appealStatements } from '../src/features/appeals/appeals.service.js';
import { answerAppeal } from '../src/features/appeals/answers.service.js';
import { newPseudonym } from '../src/features/tokens/index.js';
import { toHex } from '../src/platform/crypto/encoding.js';
import { randomBytes } from '../src/platform/crypto/hash.js';
import { departments } from '../db/schema/index.js';
const h = await createHarness();
const db = h.db;
const now = Date.now();
let t = performance.now();
const N = 1000;
const batch: any[] = [];
const idx: number[] = [];
for (let i = 0; i < N; i++) {
  const { statements } = await appealStatements(db, { title: '班车发车太早' + i, body: '去机务段的班车发车太早，倒班职工赶不上，希望尽快解决', categoryId: 1 + (i % 9), requestedDepartmentId: null, pseudonym: newPseudonym(), receiptHash: toHex(randomBytes(32)), createdAt: now - 30 * 86400000, publishAt: now - 30 * 86400000 });
  idx.push(batch.length);
  batch.push(...statements);
}
console.log('appealStatements per call ms', (performance.now() - t) / N, 'statements', batch.length);
t = performance.now();
const res = await db.batch(batch as any);
console.log('batch per appeal ms', (performance.now() - t) / N);
const ids = idx.map((i) => (res[i] as any)[0].id);
const depts = await db.select().from(departments);
const actor = { id: null, role: 'responder', departmentIds: depts.map((d) => d.id) };
t = performance.now();
for (let i = 0; i < 300; i++) {
  await answerAppeal(db, actor, ids[i], { kind: 'outside_policy', explanation: '根据现行规定，该事项由上级统一确定' }, now - 20 * 86400000);
}
console.log('answerAppeal ms', (performance.now() - t) / 300);
h.close();
