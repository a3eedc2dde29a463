import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { smtpSender } from '../../../src/platform/mail/smtp-sender.js';
import { createHarness, type Harness, ORIGIN } from '../../helpers/harness.js';
import { call, deptId, type StaffClient, staffMember, store } from './appeals-fixture.js';

interface Received {
  from: string | undefined;
  to: string[];
  raw: string;
}

/** Staff notification email over SMTP, received by a local smtp-server. */
describe('outbound staff notifications by email', () => {
  let h: Harness;
  let admin: StaffClient;
  let server: SMTPServer;
  const received: Received[] = [];

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      // plain SMTP on loopback: no certificate to trust in the test
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, done) {
        let raw = '';
        stream.setEncoding('utf8');
        stream.on('data', (c: string) => (raw += c));
        stream.on('end', () => {
          const from = session.envelope.mailFrom;
          received.push({
            from: from ? from.address : undefined,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          done();
        });
      },
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    const { port } = server.server.address() as AddressInfo;
    h = await createHarness({ sendMail: smtpSender(`smtp://127.0.0.1:${port}`, 'zhitong@zhitong.test') });
    admin = await staffMember(h, { role: 'admin' });
  });
  afterAll(async () => {
    h.close();
    await new Promise<void>((ok) => server.close(() => ok()));
  });

  const run = () =>
    call<{ webhooks: { sent: number; failed: number } }>(
      admin,
      'POST',
      '/api/v1/staff/deadlines/run',
      {},
      200,
    );

  it('registers an address for a department; the listing shows only its domain', async () => {
    const hook = await call<Record<string, unknown>>(
      admin,
      'POST',
      '/api/v1/staff/webhooks',
      { format: 'email', url: 'canteen-desk@example.org', departmentId: await deptId(h, 'canteen') },
      201,
    );
    expect(hook).toMatchObject({ format: 'email', host: 'example.org', signed: false });
    await call(admin, 'POST', '/api/v1/staff/webhooks', { format: 'email', url: 'https://x.example/' }, 422);
  });

  it('mails a new assignment once, with the appeal id and kind in the subject', async () => {
    const { id } = await store(h, { title: '食堂饭菜是凉的', body: '连续一周', category: 'canteen' });
    await store(h, { title: '公寓热水器坏了', body: '一个月没人修', category: 'housing' });
    expect((await run()).webhooks).toEqual({ sent: 1, failed: 0 });
    expect(received).toHaveLength(1);
    const [mail] = received;
    expect(mail!.to).toEqual(['canteen-desk@example.org']);
    expect(mail!.from).toBe('zhitong@zhitong.test');
    const subject = mail!.raw.match(/^Subject: (.*(?:\r\n[ \t].*)*)/m)![1]!;
    const decoded = subject.replace(/=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi, (_, enc: string, text: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : decodeURIComponent(text.replace(/_/g, ' ').replace(/=([0-9A-F]{2})/gi, '%$1')),
    );
    expect(decoded).toContain(`#${id}`);
    expect(decoded).toContain('assigned');
    expect(mail!.raw).toContain(`${ORIGIN}/appeals/${id}`);
  });

  it('sends nothing on a second run', async () => {
    expect((await run()).webhooks).toEqual({ sent: 0, failed: 0 });
    expect(received).toHaveLength(1);
  });
});
