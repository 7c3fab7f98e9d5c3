import nodemailer from 'nodemailer';

export interface OutgoingEmail {
  from: string;
  to: string;
  subject: string;
  text: string;
  messageId: string;
  date: Date;
}

// Short timeouts on purpose: the outbox row stays locked while the mail server
// answers, and on the embedded database that lock holds the one connection.
const TIMEOUTS = { connectionTimeout: 20_000, greetingTimeout: 20_000, socketTimeout: 60_000 };

/** Hands one email to the SMTP server at smtpUrl; resolves once the server has accepted it (250). */
export async function sendOverSmtp(smtpUrl: string, email: OutgoingEmail): Promise<void> {
  const transport = nodemailer.createTransport({ url: smtpUrl, ...TIMEOUTS });
  try {
    await transport.sendMail({
      from: email.from,
      to: email.to,
      subject: email.subject,
      text: email.text,
      messageId: email.messageId,
      date: email.date,
    });
  } finally {
    transport.close();
  }
}
