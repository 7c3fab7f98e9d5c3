import { describe, expect, it } from 'vitest';
import { isPermanentRefusal, messageIdFor, senderDomain } from './notifications.models.ts';

describe('outbox message rules', () => {
  it('takes the sender domain from a MAIL_FROM with or without a display name', () => {
    expect(senderDomain('Verbonden Gent <noreply@Gent.be>')).toBe('gent.be');
    expect(senderDomain('hallo@verbonden.example')).toBe('verbonden.example');
  });

  it('falls back to a reserved domain when MAIL_FROM has no usable address', () => {
    expect(senderDomain('Verbonden')).toBe('verbonden.invalid');
  });

  it('builds the Message-ID from the outbox row and the sender domain', () => {
    expect(messageIdFor('0b7e…', 'Verbonden <noreply@gent.be>')).toBe('<0b7e…@gent.be>');
  });

  it('treats only refusals the mail server marks permanent as final', () => {
    expect(isPermanentRefusal(Object.assign(new Error('550 no such user'), { permanent: true }))).toBe(true);
    expect(isPermanentRefusal(Object.assign(new Error('451 try later'), { permanent: false }))).toBe(false);
    expect(isPermanentRefusal(new Error('connection refused'))).toBe(false);
    expect(isPermanentRefusal('550')).toBe(false);
  });
});
