// COPY ... FROM STDIN over node-postgres' own protocol hooks. node-postgres runs any object with a
// `submit(connection)` method as a query ("submittable", the mechanism pg-copy-streams builds on); this is
// the smallest such object: it sends one prepared chunk of COPY data and resolves when the server answers.
// pg-copy-streams is the library for streaming COPY; it is not a dependency here, and the benchmark only
// needs to hand over one buffer per statement.
import type { Client, PoolClient } from 'pg';

interface CopyConnection {
  query(text: string): void;
  sendCopyFromChunk(chunk: Buffer): void;
  endCopyFrom(): void;
}

class CopyFromStdin {
  private error?: Error;
  private rows = 0;
  constructor(
    private readonly text: string,
    private readonly payload: Buffer,
    private readonly done: (error: Error | undefined, rows: number) => void,
  ) {}
  submit(connection: CopyConnection): void {
    connection.query(this.text);
  }
  handleCopyInResponse(connection: CopyConnection): void {
    connection.sendCopyFromChunk(this.payload);
    connection.endCopyFrom();
  }
  handleCommandComplete(msg: { text?: string }): void {
    this.rows = Number(/COPY (\d+)/.exec(msg.text ?? '')?.[1] ?? 0);
  }
  handleError(error: Error): void {
    this.error = error;
  }
  handleReadyForQuery(): void {
    this.done(this.error, this.rows);
  }
  // Messages a COPY FROM never receives; node-postgres may still look these up on any active query.
  handleRowDescription(): void {}
  handleDataRow(): void {}
  handleEmptyQuery(): void {}
  handlePortalSuspended(): void {}
  handleCopyData(): void {}
}

/** Runs `COPY <target> FROM STDIN (FORMAT csv)` with the given CSV text; resolves with the row count. */
export function copyFromStdin(client: Client | PoolClient, target: string, csv: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const copy = new CopyFromStdin(`COPY ${target} FROM STDIN (FORMAT csv)`, Buffer.from(csv), (e, rows) =>
      e ? reject(e) : resolve(rows),
    );
    (client as unknown as { query(q: unknown): void }).query(copy);
  });
}

/** One CSV field: quoted, inner quotes doubled (COPY's CSV format). */
export function csvField(value: string | number): string {
  return `"${String(value).replace(/"/g, '""')}"`;
}
