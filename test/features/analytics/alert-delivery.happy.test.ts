import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { eq } from 'drizzle-orm';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyticsAlerts, appeals, staffNotifications } from '../../../db/schema/index.js';
import { runWeeklyDigest } from '../../../src/features/analytics/index.js';
import { deliverPending } from '../../../src/features/appeals/webhooks.service.js';
import { DAY } from '../../../src/platform/clock.js';
import { smtpSender } from '../../../src/platform/mail/smtp-sender.js';
import { runScheduledJobs } from '../../../src/scheduled.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { call, deptId, type StaffClient, staffMember } from '../appeals/appeals-fixture.js';
import { insertAppeals, stream } from './fixtures/appeal-stream.js';

interface InboxJson {
  id: number;
  kind: string;
  departmentId: number | null;
  appeal: unknown;
  alert: { id: number; label: string; observed: number; distinctItems: number } | null;
  digest: { week: string; newAlerts: number; openAlerts: number; topics: { items: number }[] } | null;
}

/** Alerts reach analysts and departments by inbox, group robot (local HTTP server) and email (smtp-server). */
describe('delivery of early-warning alerts and the weekly digest', () => {
  let h: Harness;
  let admin: StaffClient;
  let analyst: StaffClient;
  let busDesk: StaffClient;
  let wagesDesk: StaffClient;
  let dispatcher: StaffClient;
  let robot: Server;
  let smtp: SMTPServer;
  const robotPosts: { path: string; content: string }[] = [];
  const mails: { to: string[]; raw: string }[] = [];
  const dept: Record<string, number> = {};
  const sendMail = () =>
    smtpSender(`smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`, 'zt@zt.test');
  const deliver = () =>
    deliverPending(h.db, {
      secrets: h.secrets,
      fetch,
      sendMail: sendMail(),
      origin: ORIGIN,
      now: h.clock.now(),
    });
  const inbox = (who: StaffClient) => call<InboxJson[]>(who, 'GET', '/api/v1/staff/inbox', undefined, 200);
  const rows = () => h.db.select().from(staffNotifications);

  beforeAll(async () => {
    robot = createServer((req, res) => {
      let data = '';
      req.on('data', (c) => (data += c));
      req.on('end', () => {
        const body = JSON.parse(data) as { markdown: { content?: string; text?: string } };
        robotPosts.push({ path: req.url ?? '', content: body.markdown.content ?? body.markdown.text ?? '' });
        res.setHeader('content-type', 'application/json');
        res.end('{"errcode":0}');
      });
    });
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(s, session, done) {
        let raw = '';
        s.setEncoding('utf8');
        s.on('data', (c: string) => (raw += c));
        s.on('end', () => {
          // undo quoted-printable soft line breaks, which may fall inside a link
          mails.push({ to: session.envelope.rcptTo.map((r) => r.address), raw: raw.replace(/=\r?\n/g, '') });
          done();
        });
      },
    });
    await new Promise<void>((ok) => robot.listen(0, '127.0.0.1', ok));
    await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', ok));
    const base = `http://127.0.0.1:${(robot.address() as AddressInfo).port}`;
    h = await createHarness();
    dept.bus = await deptId(h, 'commuter-bus');
    dept.wages = await deptId(h, 'labour-wages');
    admin = await staffMember(h, { role: 'admin' });
    analyst = await staffMember(h, { role: 'analyst' });
    dispatcher = await staffMember(h, { role: 'dispatcher' });
    busDesk = await staffMember(h, { role: 'responder', departmentIds: [dept.bus] });
    wagesDesk = await staffMember(h, { role: 'responder', departmentIds: [dept.wages] });
    const hook = (body: object) => call(admin, 'POST', '/api/v1/staff/webhooks', body, 201);
    await hook({ format: 'wecom', url: `${base}/all?key=k` });
    await hook({ format: 'dingtalk', url: `${base}/wages?access_token=t`, departmentId: dept.wages });
    await hook({ format: 'email', url: 'bus-desk@example.org', departmentId: dept.bus });
    const now = h.clock.now();
    // five weeks of ordinary posts, then two days in which the early shuttle bus is on everyone's mind
    await insertAppeals(
      h.db,
      stream({ now, days: 35, perDay: 6, burst: { concern: 'bus-early', perDay: 10, days: 2 } }),
    );
  });
  afterAll(async () => {
    h.close();
    await new Promise((ok) => robot.close(ok));
    await new Promise<void>((ok) => smtp.close(() => ok()));
  });

  let topicAlert: InboxJson['alert'];

  it('raising an alert puts it in the analysts’ and the suggested department’s inboxes, once', async () => {
    await call(analyst, 'POST', '/api/v1/staff/alerts/analysis', {}, 200);
    const alerts = await h.db.select().from(analyticsAlerts);
    expect(alerts.length).toBeGreaterThan(0);
    const forAnalysts = (await inbox(analyst)).filter((i) => i.kind === 'alert_raised');
    expect(forAnalysts).toHaveLength(alerts.length);
    expect(forAnalysts.every((i) => i.appeal === null && i.departmentId === null)).toBe(true);
    const topic = alerts.find((a) => a.groupKind === 'topic' && a.label.includes('班车'));
    topicAlert = forAnalysts.find((i) => i.alert!.id === topic!.id)!.alert;
    expect(topicAlert!.distinctItems).toBeGreaterThanOrEqual(5);
    const forBus = (await inbox(busDesk)).filter((i) => i.kind === 'alert_raised');
    expect(forBus.map((i) => i.alert!.id)).toContain(topicAlert!.id);
    expect((await inbox(dispatcher)).some((i) => i.alert !== null)).toBe(false);
    const before = (await rows()).length;
    await call(analyst, 'POST', '/api/v1/staff/alerts/analysis', {}, 200);
    expect((await rows()).length).toBe(before);
  });

  it('sends robot and email messages with the topic terms, the volume and the staff link, never a post', async () => {
    expect((await deliver()).failed).toBe(0);
    const link = `${ORIGIN}/staff/alerts/${topicAlert!.id}`;
    const toAll = robotPosts.filter((p) => p.path.startsWith('/all') && p.content.includes(link));
    // a robot for all departments hears both copies: the analysts' and the bus team's
    expect(toAll).toHaveLength(2);
    expect(toAll.every((p) => p.content.includes('舆情预警'))).toBe(true);
    expect(toAll[0]!.content).toContain(`${topicAlert!.observed} 条`);
    expect(toAll.filter((p) => p.content.includes('通勤班车队'))).toHaveLength(1);
    const mail = mails.find((m) => m.to.includes('bus-desk@example.org') && m.raw.includes(link));
    expect(mail, 'email to the bus desk').toBeDefined();
    const posts = await h.db.select({ title: appeals.title, body: appeals.body }).from(appeals);
    const sent = [...robotPosts.map((p) => p.content), ...mails.map((m) => m.raw)].join('\n');
    for (const p of posts) {
      expect(sent).not.toContain(p.body);
      expect(sent).not.toContain(p.title);
    }
    const again = await deliver();
    expect(again).toEqual({ sent: 0, failed: 0 });
  });

  it('assigning an alert notifies that department by inbox and its robot', async () => {
    await call(
      analyst,
      'POST',
      `/api/v1/staff/alerts/${topicAlert!.id}/assignment`,
      { departmentId: dept.wages },
      200,
    );
    const items = (await inbox(wagesDesk)).filter((i) => i.kind === 'alert_assigned');
    expect(items.map((i) => i.alert!.id)).toEqual([topicAlert!.id]);
    await deliver();
    const toWages = robotPosts.filter((p) => p.path.startsWith('/wages'));
    expect(toWages).toHaveLength(1);
    expect(toWages[0]!.content).toContain('已交本部门');
    expect(toWages[0]!.content).toContain(`/staff/alerts/${topicAlert!.id}`);
  });

  it('stores every inbox item about exactly one appeal, alert or digest (CHECK constraint)', async () => {
    const base = { kind: 'alert_raised' as const, departmentId: null, at: h.clock.now() };
    const insert = (n: object, key: string) =>
      h.db
        .insert(staffNotifications)
        .values({ ...base, ...n, dedupeKey: key } as typeof staffNotifications.$inferInsert);
    await expect(insert({}, 'none')).rejects.toThrow();
    await expect(insert({ appealId: 1, alertId: topicAlert!.id }, 'both')).rejects.toThrow();
  });

  it('sends analysts one digest a week, through the scheduled run, with the week’s counts', async () => {
    const alerts = await h.db.select().from(analyticsAlerts);
    const digests = async () => (await rows()).filter((r) => r.kind === 'weekly_digest');
    // the harness starts on Monday 2026-01-05 (ISO week 2); a week later the digest covers week 2
    h.clock.set(Date.UTC(2026, 0, 12, 9));
    await runScheduledJobs({
      db: h.db,
      config: h.config,
      secrets: h.secrets,
      clock: h.clock,
      log: h.log,
      fetch,
    });
    const [digest] = await digests();
    expect(digest!.digest).toMatchObject({
      week: '2026-W02',
      newAlerts: alerts.length,
      openAlerts: alerts.length,
    });
    expect(digest!.digest!.topics.some((t) => t.label.includes('班车'))).toBe(true);
    expect(digest!.digest!.topics.every((t) => t.items >= 5)).toBe(true);
    const listed = (await inbox(analyst)).find((i) => i.kind === 'weekly_digest');
    expect(listed!.digest!.newAlerts).toBe(alerts.length);
    const sent = robotPosts.filter((p) => p.content.includes('周报') || p.content.includes('2026-W02'));
    expect(sent).toHaveLength(1);
    expect(sent[0]!.content).toContain(`新增 / new: ${alerts.length}`);
    h.clock.advance(DAY / 24);
    expect((await runWeeklyDigest(h.db, h.clock.now())).created).toBe(false);
    h.clock.advance(3 * DAY);
    expect((await runWeeklyDigest(h.db, h.clock.now())).created).toBe(false);
    expect(await digests()).toHaveLength(1);
    h.clock.set(Date.UTC(2026, 0, 19, 9));
    expect(await runWeeklyDigest(h.db, h.clock.now())).toEqual({ week: '2026-W03', created: true });
    const [, next] = await digests();
    expect(next!.digest).toMatchObject({ newAlerts: 0, openAlerts: alerts.length });
    expect(
      (await h.db.select().from(staffNotifications).where(eq(staffNotifications.kind, 'weekly_digest')))
        .length,
    ).toBe(2);
  });
});
