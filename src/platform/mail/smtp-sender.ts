import { createTransport } from 'nodemailer';
import type { SendMail } from './send-mail.js';

/**
 * A SendMail over SMTP (Node only: nodemailer needs sockets).
 * @example smtpSender('smtp://user:pass@mail.example.org:587', 'zhitong@example.org')
 */
export function smtpSender(url: string, from: string): SendMail {
  const transport = createTransport(url);
  return async function sendMail(msg) {
    await transport.sendMail({ from, to: msg.to, subject: msg.subject, text: msg.text });
  };
}
