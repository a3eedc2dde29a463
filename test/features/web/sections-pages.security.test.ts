import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY } from '../../../src/platform/clock.js';
import { createHarness, type Harness } from '../../helpers/harness.js';
import { fetchTokens } from '../../helpers/wallet.js';
import { publishedSurvey } from '../surveys/survey-phone.js';

const EVIL = '<img src=x onerror=alert(1)><script>alert(2)</script>';

/** Worker- and staff-written text on the forum and survey pages is text, never markup. */
describe('section pages escape what people wrote', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await createHarness();
  });
  afterAll(() => h.close());

  const html = async (path: string) => (await h.request(path)).text();
  const expectInert = (page: string) => {
    expect(page).not.toContain('<img src=x');
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;img src=x onerror=alert(1)&gt;');
  };

  it('escapes forum titles, bodies, replies and quotes', async () => {
    const [a, b] = await fetchTokens(h.request, (await h.codes(1))[0]!, 2, { batch: true });
    const thread = await h.postJson(
      '/api/v1/forum/threads',
      { title: EVIL, body: EVIL },
      { authorization: a! },
    );
    const { id } = (await thread.json()) as { id: number };
    await h.postJson(`/api/v1/forum/threads/${id}/replies`, { body: EVIL }, { authorization: b! });
    h.clock.advance(DAY);
    expectInert(await html('/forum'));
    expectInert(await html(`/forum/threads/${id}`));
  });

  it('escapes survey titles, descriptions and options', async () => {
    const id = await publishedSurvey(h, {
      title: EVIL,
      description: EVIL,
      questions: [{ kind: 'single', prompt: EVIL, options: [EVIL, '否'] }],
    });
    expectInert(await html('/surveys'));
    expectInert(await html(`/surveys/${id}`));
  });
});
