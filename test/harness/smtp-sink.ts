import { EventEmitter } from 'node:events';
import type { AddressInfo } from 'node:net';
import { type ParsedMail, simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';

/** What the sink answers to the n-th message (1-based): accept it, never answer, or refuse with a code. */
export type SinkReply = 'accept' | 'stall' | { code: number; message: string };

/** A real SMTP server on 127.0.0.1 (random port) that collects what it is sent. */
export class SmtpSink {
  /** Messages the sink answered 250 to, parsed. */
  readonly accepted: ParsedMail[] = [];
  /** Messages received in full and left waiting for the server's reply. */
  stalled = 0;
  refused = 0;
  url = '';
  private received = 0;
  private readonly changed = new EventEmitter();
  private readonly server: SMTPServer;

  private constructor(reply: (n: number) => SinkReply) {
    this.server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['AUTH', 'STARTTLS'],
      disableReverseLookup: true,
      logger: false,
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', async () => {
          this.received += 1;
          const answer = reply(this.received);
          if (answer === 'stall') {
            this.stalled += 1;
          } else if (answer === 'accept') {
            this.accepted.push(await simpleParser(Buffer.concat(chunks)));
            callback();
          } else {
            this.refused += 1;
            callback(Object.assign(new Error(answer.message), { responseCode: answer.code }));
          }
          this.changed.emit('change');
        });
      },
    });
  }

  static async start(reply: (n: number) => SinkReply = () => 'accept'): Promise<SmtpSink> {
    const sink = new SmtpSink(reply);
    await new Promise<void>((resolve, reject) => {
      sink.server.once('error', reject);
      sink.server.listen(0, '127.0.0.1', () => resolve());
    });
    sink.url = `smtp://127.0.0.1:${(sink.server.server.address() as AddressInfo).port}`;
    return sink;
  }

  /** Resolves once `condition` holds, checked again after every message; rejects after timeoutMs. */
  waitFor(condition: () => boolean, what: string, timeoutMs = 30_000): Promise<void> {
    if (condition()) return Promise.resolve();
    return new Promise((resolve, reject) => {
      const check = () => {
        if (!condition()) return;
        cleanup();
        resolve();
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        this.changed.off('change', check);
      };
      this.changed.on('change', check);
    });
  }

  close(): Promise<void> {
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}
