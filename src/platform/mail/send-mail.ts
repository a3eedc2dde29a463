/** A plain-text message to one staff address. */
export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

/** Sends one message or throws; injected so that Workers (no SMTP) and tests choose their own. */
export type SendMail = (msg: MailMessage) => Promise<void>;
