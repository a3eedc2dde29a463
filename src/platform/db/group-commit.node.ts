import type { Client, InArgs, InStatement, ResultSet, Transaction, TransactionMode } from '@libsql/client';

type BatchStatement = InStatement | [string, InArgs?];

interface Member {
  statements: BatchStatement[];
  resolve(results: ResultSet[]): void;
  reject(error: unknown): void;
}

// a bound on how long one transaction holds the thread; the rest waits for the next
const MAX_MEMBERS = 128;

/**
 * Wraps an embedded (file:) @libsql/client so that the `batch()` calls made in one turn of the event loop
 * share one write transaction: one BEGIN IMMEDIATE and one COMMIT (and one FTS5 segment write) for many
 * callers, each inside its own SAVEPOINT. A caller whose statement fails gets its own error with only its own
 * statements rolled back; every caller's promise settles only after the COMMIT that holds its rows returned.
 * Everything else (execute, batch, transaction, …) waits while a group or an interactive transaction is
 * open, since the client's one connection belongs to that transaction. Node only; Workers and remote databases keep the plain client.
 * @example const db = drizzle(groupCommit(createClient({ url: 'file:z.db', concurrency: 1 })))
 */
export function groupCommit(client: Client): Client {
  return new GroupCommitClient(client);
}

class GroupCommitClient implements Client {
  #client: Client;
  #queue: Member[] = [];
  #scheduled = false;
  // set while a group transaction holds the connection
  #open: Promise<void> | undefined;

  constructor(client: Client) {
    this.#client = client;
  }

  execute(stmt: InStatement): Promise<ResultSet>;
  execute(sql: string, args?: InArgs): Promise<ResultSet>;
  execute(stmtOrSql: InStatement | string, args?: InArgs): Promise<ResultSet> {
    const c = this.#client;
    return this.#afterGroup(() =>
      typeof stmtOrSql === 'string' ? c.execute(stmtOrSql, args) : c.execute(stmtOrSql),
    );
  }

  batch(statements: BatchStatement[], mode?: TransactionMode): Promise<ResultSet[]> {
    if (mode === 'read') return this.#afterGroup(() => this.#client.batch(statements, mode));
    return new Promise((resolve, reject) => {
      this.#queue.push({ statements, resolve, reject });
      this.#schedule();
    });
  }

  migrate(statements: InStatement[]) {
    return this.#afterGroup(() => this.#client.migrate(statements));
  }

  // an interactive transaction holds the one connection across awaits: everything else waits for its end,
  // as for a group (the plain client would fail them with TRANSACTION_ACTIVE)
  transaction(mode?: TransactionMode) {
    return this.#afterGroup(() => {
      let release = () => {};
      const held = new Promise<void>((resolve) => {
        release = resolve;
      });
      this.#open = held;
      const done = () => {
        if (this.#open === held) this.#open = undefined;
        release();
      };
      return this.#client.transaction(mode).then(
        (tx) => releasedAtEnd(tx, done),
        (e) => {
          done();
          throw e;
        },
      );
    });
  }

  executeMultiple(sql: string) {
    return this.#afterGroup(() => this.#client.executeMultiple(sql));
  }

  sync() {
    return this.#afterGroup(() => this.#client.sync());
  }

  close() {
    this.#client.close();
  }

  reconnect() {
    return this.#client.reconnect();
  }

  get closed() {
    return this.#client.closed;
  }

  get protocol() {
    return this.#client.protocol;
  }

  #afterGroup<T>(run: () => Promise<T>): Promise<T> {
    return this.#open ? this.#waitForGroups(run) : run();
  }

  // a loop, not one `then`: the next group may have opened by the time this one closes
  async #waitForGroups<T>(run: () => Promise<T>): Promise<T> {
    while (this.#open) await this.#open;
    return run();
  }

  #schedule() {
    if (this.#scheduled) return;
    this.#scheduled = true;
    // after the I/O callbacks of this loop turn, so requests that arrived together commit together
    setImmediate(() => void this.#afterGroup(async () => this.#flush()));
  }

  #flush() {
    this.#scheduled = false;
    const members = this.#queue.splice(0, MAX_MEMBERS);
    if (this.#queue.length > 0) this.#schedule();
    const group: Promise<void> = runGroup(this.#client, members).finally(() => {
      if (this.#open === group) this.#open = undefined;
    });
    this.#open = group;
  }
}

/**
 * One transaction for `members`. If a member's error ended the whole transaction (SQLite rolls back on
 * e.g. `OR ROLLBACK`, a full disk), the members that had succeeded run again in a fresh one.
 */
async function runGroup(client: Client, members: Member[]): Promise<void> {
  try {
    await runGroupOnce(client, members);
  } catch (e) {
    // settled promises ignore a second settlement, so this reaches only members still waiting
    for (const m of members) m.reject(e);
  }
}

async function runGroupOnce(client: Client, members: Member[]): Promise<void> {
  let pending = members;
  while (pending.length > 0) {
    let tx: Transaction;
    try {
      tx = await client.transaction('write');
    } catch (e) {
      for (const m of pending) m.reject(e);
      return;
    }
    const done: { member: Member; results: ResultSet[] }[] = [];
    let retry: Member[] = [];
    for (let i = 0; i < pending.length; i++) {
      const member = pending[i]!;
      const outcome = await runMember(tx, member);
      if (outcome.results) {
        done.push({ member, results: outcome.results });
        continue;
      }
      member.reject(outcome.error);
      if (outcome.lost) {
        retry = [...done.map((d) => d.member), ...pending.slice(i + 1)];
        done.length = 0;
        break;
      }
    }
    if (retry.length > 0 || done.length === 0) {
      closeQuietly(tx);
      pending = retry;
      continue;
    }
    try {
      await tx.commit();
    } catch (e) {
      closeQuietly(tx);
      for (const d of done) d.member.reject(e);
      return;
    }
    for (const d of done) d.member.resolve(d.results);
    return;
  }
}

type Outcome =
  | { results: ResultSet[]; error?: undefined; lost?: undefined }
  | { results?: undefined; error: unknown; lost: boolean };

/** A member's statements inside a savepoint: its results, or its error and whether the transaction survived. */
async function runMember(tx: Transaction, member: Member): Promise<Outcome> {
  try {
    await tx.execute('SAVEPOINT member');
  } catch (e) {
    return { error: e, lost: true };
  }
  try {
    const results = await tx.batch(member.statements as InStatement[]);
    await tx.execute('RELEASE member');
    return { results };
  } catch (error) {
    if (tx.closed) return { error, lost: true };
    try {
      await tx.execute('ROLLBACK TO member');
      await tx.execute('RELEASE member');
      return { error, lost: false };
    } catch {
      return { error, lost: true };
    }
  }
}

/** `tx`, calling `done` once after it commits, rolls back or closes. */
function releasedAtEnd(tx: Transaction, done: () => void): Transaction {
  const commit = tx.commit.bind(tx);
  const rollback = tx.rollback.bind(tx);
  const close = tx.close.bind(tx);
  tx.commit = () => commit().finally(done);
  tx.rollback = () => rollback().finally(done);
  tx.close = () => {
    try {
      close();
    } finally {
      done();
    }
  };
  return tx;
}

function closeQuietly(tx: Transaction) {
  try {
    tx.close();
  } catch {
    // the pool drops a connection it cannot roll back
  }
}
