import { Database } from '@hocuspocus/extension-database';
import { DatabaseSync } from 'node:sqlite';
import * as Y from 'yjs';

/**
 * Rooms kept in SQLite, so a restarted server loses nothing: Hocuspocus's
 * Database extension (the base of its SQLite extension) over Node's built-in
 * SQLite. The SQLite extension itself needs the better-sqlite3 native addon,
 * which cannot be built here for the pinned Node 22 (README, "For study groups").
 * Several server processes may share the file: WAL lets them read while one writes.
 */
export function sqliteStore(file: string): { extension: Database; close: () => void } {
  const db = new DatabaseSync(file);
  db.exec('PRAGMA journal_mode = WAL; PRAGMA busy_timeout = 5000;');
  db.exec('CREATE TABLE IF NOT EXISTS rooms (name TEXT PRIMARY KEY, state BLOB NOT NULL, updated INTEGER NOT NULL)');
  const read = db.prepare('SELECT state FROM rooms WHERE name = ?');
  const write = db.prepare(
    'INSERT INTO rooms (name, state, updated) VALUES (?, ?, ?) ON CONFLICT(name) DO UPDATE SET state = excluded.state, updated = excluded.updated',
  );
  const extension = new Database({
    fetch: async ({ documentName }) => {
      const row = read.get(documentName) as { state: Uint8Array } | undefined;
      return row ? new Uint8Array(row.state) : null;
    },
    // Several processes may store one room: each merges its state into the stored one, so one that is behind
    // never overwrites changes another has stored.
    store: async ({ documentName, state }) => {
      db.exec('BEGIN IMMEDIATE');
      try {
        const row = read.get(documentName) as { state: Uint8Array } | undefined;
        write.run(documentName, row ? Y.mergeUpdates([new Uint8Array(row.state), state]) : state, Date.now());
        db.exec('COMMIT');
      } catch (error) {
        db.exec('ROLLBACK');
        throw error;
      }
    },
  });
  return { extension, close: () => db.close() };
}
