// Wake-ups for log readers: one LISTEN connection per process; appends NOTIFY on commit. Readers
// also poll, so a lost notification only delays them by the poll interval.
import { EventEmitter } from 'node:events';
import { Client } from 'pg';
import { EVENTS_CHANNEL } from '../infrastructure/postgres-event-store';

export class LogNotifications extends EventEmitter {
  private client?: Client;
  private closed = false;

  constructor(private readonly databaseUrl: string) {
    super();
    this.setMaxListeners(100);
  }

  async start(): Promise<void> {
    const client = new Client({ connectionString: this.databaseUrl });
    client.on('notification', () => this.emit('appended'));
    client.on('error', () => this.reconnectLater());
    await client.connect();
    await client.query(`LISTEN ${EVENTS_CHANNEL}`);
    this.client = client;
  }

  /** Resolves at the next append, or after `ms` at the latest. */
  waitForAppend(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.off('appended', done);
        this.off('closed', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.once('appended', done);
      this.once('closed', done);
    });
  }

  async stop(): Promise<void> {
    this.closed = true;
    this.emit('closed');
    await this.client?.end().catch(() => undefined);
  }

  private reconnectLater(): void {
    if (this.closed) return;
    this.client = undefined;
    setTimeout(() => {
      if (!this.closed) this.start().catch(() => this.reconnectLater());
    }, 1000);
  }
}
