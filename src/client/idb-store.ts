/** The wallet's storage on the phone: one IndexedDB database, nothing on the server, no cookies. */

export interface StoredToken {
  /** `PrivateToken token="…"`, ready for the Authorization header. */
  header: string;
  /** base64url SHA-256 of the issuer key, to drop tokens whose key is retired. */
  keyId: string;
}

export interface MyPost {
  id: number;
  receipt: string;
  pseudonym: string;
  title: string;
}

type StoreName = 'kv' | 'tokens' | 'posts';

const DB_NAME = 'zhitong-wallet';

let opening: Promise<IDBDatabase> | undefined;

function open(): Promise<IDBDatabase> {
  opening ??= new Promise((resolve, reject) => {
    const req = indexedDB.open(DB_NAME, 1);
    req.onupgradeneeded = () => {
      const db = req.result;
      db.createObjectStore('kv');
      db.createObjectStore('tokens', { autoIncrement: true });
      db.createObjectStore('posts', { keyPath: 'id' });
    };
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
  return opening;
}

function done<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error);
  });
}

async function run<T>(
  store: StoreName,
  mode: IDBTransactionMode,
  fn: (s: IDBObjectStore) => IDBRequest<T>,
): Promise<T> {
  const db = await open();
  const tx = db.transaction(store, mode);
  const result = await done(fn(tx.objectStore(store)));
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
    tx.onabort = () => reject(tx.error);
  });
  return result;
}

export const kv = {
  get: <T>(key: string) => run('kv', 'readonly', (s) => s.get(key)) as Promise<T | undefined>,
  set: (key: string, value: unknown) => run('kv', 'readwrite', (s) => s.put(value, key)),
  delete: (key: string) => run('kv', 'readwrite', (s) => s.delete(key)),
};

export const tokens = {
  count: () => run('tokens', 'readonly', (s) => s.count()),
  all: () => run('tokens', 'readonly', (s) => s.getAll()) as Promise<StoredToken[]>,
  async add(list: StoredToken[]) {
    const db = await open();
    const tx = db.transaction('tokens', 'readwrite');
    for (const t of list) tx.objectStore('tokens').add(t);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  },
  /** Removes and returns one token in a single transaction, so two tabs never take the same one. */
  async take(): Promise<StoredToken | undefined> {
    const db = await open();
    const tx = db.transaction('tokens', 'readwrite');
    const store = tx.objectStore('tokens');
    const cursor = await done(store.openCursor());
    const token = cursor?.value as StoredToken | undefined;
    cursor?.delete();
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
    return token;
  },
  async dropKeysOtherThan(keyIds: string[]) {
    const db = await open();
    const tx = db.transaction('tokens', 'readwrite');
    const req = tx.objectStore('tokens').openCursor();
    req.onsuccess = () => {
      const cursor = req.result;
      if (!cursor) return;
      if (!keyIds.includes((cursor.value as StoredToken).keyId)) cursor.delete();
      cursor.continue();
    };
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
    });
  },
  clear: () => run('tokens', 'readwrite', (s) => s.clear()),
};

export const posts = {
  all: () => run('posts', 'readonly', (s) => s.getAll()) as Promise<MyPost[]>,
  get: (id: number) => run('posts', 'readonly', (s) => s.get(id)) as Promise<MyPost | undefined>,
  put: (p: MyPost) => run('posts', 'readwrite', (s) => s.put(p)),
  delete: (id: number) => run('posts', 'readwrite', (s) => s.delete(id)),
};
