import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { call, deptId, type StaffClient, staffMember, store } from './appeals-fixture.js';

interface Received {
  path: string;
  query: URLSearchParams;
  body: { msgtype: string; markdown: { content?: string; title?: string; text?: string } };
}

/** WeCom (企业微信) and DingTalk (钉钉) group robots, played by a local HTTP server. */
describe('outbound webhooks in WeCom and DingTalk robot formats', () => {
  let h: Harness;
  let admin: StaffClient;
  let server: Server;
  let base: string;
  const received: Received[] = [];
  let dingtalkFailures = 0;
  const ids: Record<string, number> = {};

  beforeAll(async () => {
    server = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        const url = new URL(req.url ?? '/', 'http://local');
        received.push({ path: url.pathname, query: url.searchParams, body: JSON.parse(data) });
        const fail = url.pathname === '/dingtalk' && dingtalkFailures-- > 0;
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify(fail ? { errcode: 310000, errmsg: 'sign not match' } : { errcode: 0, errmsg: 'ok' }),
        );
      });
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    h = await createHarness();
    admin = await staffMember(h, { role: 'admin' });
  });
  afterAll(async () => {
    h.close();
    await new Promise((ok) => server.close(ok));
  });

  const run = () =>
    call<{ webhooks: { sent: number; failed: number } }>(
      admin,
      'POST',
      '/api/v1/staff/deadlines/run',
      {},
      200,
    );

  it('registers robots with their keys sealed: listings and the database show only the host', async () => {
    await call(
      admin,
      'POST',
      '/api/v1/staff/webhooks',
      { format: 'wecom', url: `${base}/wecom?key=wecom-secret-key` },
      201,
    );
    const ding = await call<Record<string, unknown>>(
      admin,
      'POST',
      '/api/v1/staff/webhooks',
      {
        format: 'dingtalk',
        url: `${base}/dingtalk?access_token=ding-token`,
        secret: 'SECding-sign',
        departmentId: await deptId(h, 'canteen'),
      },
      201,
    );
    expect(ding).toMatchObject({ format: 'dingtalk', host: new URL(base).host, signed: true });
    const listed = JSON.stringify(await call(admin, 'GET', '/api/v1/staff/webhooks', undefined, 200));
    const stored = JSON.stringify(await h.db.all(sql`SELECT * FROM webhooks`));
    for (const secret of ['wecom-secret-key', 'ding-token', 'SECding-sign']) {
      expect(listed).not.toContain(secret);
      expect(stored).not.toContain(secret);
    }
  });

  it('pushes new assignments on the deadline run: every department to WeCom, the canteen’s to DingTalk', async () => {
    ids.canteen = (
      await store(h, {
        title: '食堂[点我](http://evil.example) **加粗**',
        body: '饭菜是凉的',
        category: 'canteen',
      })
    ).id;
    ids.housing = (await store(h, { title: '公寓热水器坏了', body: '一个月没人修', category: 'housing' })).id;
    dingtalkFailures = 1;
    expect((await run()).webhooks).toEqual({ sent: 2, failed: 1 });
    const wecom = received.filter((r) => r.path === '/wecom');
    expect(wecom).toHaveLength(2);
    expect(wecom[0]!.query.get('key')).toBe('wecom-secret-key');
    const content = wecom.map((r) => r.body.markdown.content!).join('\n');
    expect(wecom[0]!.body.msgtype).toBe('markdown');
    expect(content).toContain('新分派的诉求');
    expect(content).toContain(`${ORIGIN}/appeals/${ids.canteen}`);
    // the worker's title cannot add a link or formatting to the robot message
    expect(content).not.toContain('](http://evil');
    expect(content).toContain('食堂［点我］（http://evil.example） ＊＊加粗＊＊');
  });

  it('retries a failed DingTalk delivery on the next run, signed with timestamp and HMAC-SHA256', async () => {
    expect((await run()).webhooks).toEqual({ sent: 1, failed: 0 });
    const ding = received.filter((r) => r.path === '/dingtalk');
    expect(ding).toHaveLength(2);
    const last = ding.at(-1)!;
    expect(last.body).toMatchObject({ msgtype: 'markdown', markdown: { title: '直通 · 新分派的诉求' } });
    expect(last.body.markdown.text).toContain('职工食堂');
    const timestamp = last.query.get('timestamp')!;
    expect(Number(timestamp)).toBe(h.clock.now());
    const expected = createHmac('sha256', 'SECding-sign')
      .update(`${timestamp}\nSECding-sign`)
      .digest('base64');
    expect(last.query.get('sign')).toBe(expected);
    expect(last.query.get('access_token')).toBe('ding-token');
  });

  it('delivers each notification once: a further run sends nothing', async () => {
    const before = received.length;
    expect((await run()).webhooks).toEqual({ sent: 0, failed: 0 });
    expect(received.length).toBe(before);
  });
});
