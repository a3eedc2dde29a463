import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { errorOf, fetchTokens } from '../../helpers/wallet.js';

const HOUSING = 4;
const CANTEEN = 12;
const valid = {
  title: '解读',
  summary: '摘要',
  body: '正文',
  effectiveOn: '2026-03-01',
  categoryIds: [3],
  departmentId: HOUSING,
};

describe('explainers: only staff publish, only their department edits; Markdown is rendered inert', () => {
  let h: Harness;
  let housing: Awaited<ReturnType<Harness['signIn']>>;
  let canteen: Awaited<ReturnType<Harness['signIn']>>;
  let explainerId: number;
  beforeAll(async () => {
    h = await createHarness();
    [housing, canteen] = await Promise.all([
      h.signIn(await h.createStaff({ role: 'responder', departmentIds: [HOUSING] })),
      h.signIn(await h.createStaff({ role: 'responder', departmentIds: [CANTEEN] })),
    ]);
    const res = await housing.json('POST', '/api/v1/staff/explainers', valid);
    explainerId = ((await res.json()) as { id: number }).id;
  }, 120_000);
  afterAll(() => h.close());

  it('a worker with a valid token cannot publish (401); a moderator may not (403)', async () => {
    const [token] = (await fetchTokens(h.request, (await h.codes(1))[0]!, 1)) as [string];
    const worker = await h.postJson('/api/v1/staff/explainers', valid, {
      authorization: token,
      origin: ORIGIN,
    });
    expect(await errorOf(worker)).toMatchObject({ status: 401, code: 'STAFF_AUTH_REQUIRED' });
    const mod = await h.signIn(await h.createStaff({ role: 'moderator' }));
    expect(await errorOf(await mod.json('POST', '/api/v1/staff/explainers', valid))).toMatchObject({
      status: 403,
      code: 'STAFF_FORBIDDEN',
    });
  });

  it("a responder of another department cannot publish for, edit or link this department's explainer", async () => {
    const publish = await canteen.json('POST', '/api/v1/staff/explainers', valid);
    expect(await errorOf(publish)).toMatchObject({ status: 403, code: 'DEPARTMENT_FORBIDDEN' });
    const edit = await canteen.json('PUT', `/api/v1/staff/explainers/${explainerId}`, {
      ...valid,
      title: '被改了',
      baseVersion: 1,
    });
    expect(await errorOf(edit)).toMatchObject({ status: 403, code: 'DEPARTMENT_FORBIDDEN' });
    const link = await canteen.json('POST', `/api/v1/staff/explainers/${explainerId}/answered-appeals`, {
      appealIds: [1],
    });
    expect(await errorOf(link)).toMatchObject({ status: 403, code: 'DEPARTMENT_FORBIDDEN' });
    const after = (await (await h.request(`/api/v1/explainers/${explainerId}`)).json()) as {
      title: string;
      version: number;
    };
    expect(after).toMatchObject({ title: '解读', version: 1 });
  });

  it('hostile Markdown: no javascript:/data: link, no raw HTML, no image; links get rel=noopener noreferrer nofollow', async () => {
    const body = [
      '[click](javascript:alert(1))',
      '[upper](JaVaScRiPt:alert(2))',
      '[tab](java\tscript:alert(3))',
      '[data](data:text/html;base64,PHNjcmlwdD4=)',
      '<script>alert(4)</script>',
      '<a href="javascript:alert(5)">raw</a>',
      '<img src=x onerror=alert(6)>',
      '![pixel](https://tracker.example/p.gif)',
      '[ok](https://example.org/a) [mail](mailto:hr@example.org) [here](/appeals/1)',
    ].join('\n\n');
    const res = await housing.json('POST', '/api/v1/staff/explainers', { ...valid, body });
    expect(res.status, await res.clone().text()).toBe(201);
    const { id, bodyHtml } = (await res.json()) as { id: number; bodyHtml: string };
    const page = await (await h.request(`/explainers/${id}`)).text();
    const shown = page.split('<div class="markdown">')[1]!.split('</div>')[0]!;
    expect(shown).toBe(bodyHtml);
    for (const html of [bodyHtml, page]) {
      expect(html).not.toMatch(/href="\s*(javascript|data|vbscript):/i);
    }
    // as text (escaped) they are harmless; as tags or attributes they would not be
    expect(bodyHtml).not.toMatch(/<script|<img|<[^>]*onerror|<a href="javascript/i);
    const hrefs = [...bodyHtml.matchAll(/<a ([^>]*)>/g)].map((m) => m[1]);
    expect(hrefs).toEqual([
      'href="https://tracker.example/p.gif" rel="noopener noreferrer nofollow"',
      'href="https://example.org/a" rel="noopener noreferrer nofollow"',
      'href="mailto:hr@example.org" rel="noopener noreferrer nofollow"',
      'href="/appeals/1" rel="noopener noreferrer nofollow"',
    ]);
    expect(bodyHtml).toContain('&lt;script&gt;alert(4)&lt;/script&gt;');
  });
});
