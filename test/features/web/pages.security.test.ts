import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appealAnswers } from '../../../db/schema/index.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { store } from '../appeals/appeals-fixture.js';

/** Server-rendered HTML escapes worker text and query input, and never links a javascript: URL. */
describe('web pages escape what they show', () => {
  let h: Harness;
  let id = 0;
  const html = async (path: string) =>
    (await h.request(path, { headers: { 'accept-encoding': 'identity' } })).text();

  beforeAll(async () => {
    h = await createHarness();
    id = (
      await store(h, {
        title: '<script>alert(1)</script>',
        body: '<img src=x onerror=alert(2)>\n"\'&',
        category: 'pay',
      })
    ).id;
    await h.db.insert(appealAnswers).values({
      appealId: id,
      round: 1,
      departmentId: 2,
      responderRole: 'responder',
      kind: 'outside_policy',
      content: { kind: 'outside_policy', explanation: '见规定', policyUrl: 'javascript:alert(3)' },
      at: h.clock.now(),
    });
  });
  afterAll(() => h.close());

  it('escapes titles and bodies on the list and the appeal page', async () => {
    for (const path of ['/appeals', `/appeals/${id}`]) {
      const page = await html(path);
      expect(page, path).not.toContain('<script>alert');
      expect(page, path).not.toContain('<img src=x');
      expect(page, path).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    }
    expect(await html(`/appeals/${id}`)).toContain('&lt;img src=x onerror=alert(2)&gt;\n&quot;&#39;&amp;');
  });

  it('shows a javascript: policy link as text, not as a link', async () => {
    const page = await html(`/appeals/${id}`);
    expect(page).toContain('javascript:alert(3)');
    expect(page).not.toMatch(/href="javascript:/i);
  });

  it('escapes query input echoed into the filter form', async () => {
    const page = await html(`/appeals?q=${encodeURIComponent('"><script>alert(4)</script>')}`);
    expect(page).not.toContain('<script>alert(4)');
    expect(page).toContain('value="&quot;&gt;&lt;script&gt;alert(4)&lt;/script&gt;"');
  });
});
