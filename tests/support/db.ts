import type { AddressInfo } from 'node:net';
import dynalite from 'dynalite';
import { createDb, type Db } from '../../functions/store/client';
import { ensureTable } from '../../functions/store/schema';

process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';

/** A fresh in-memory dynalite with the Hearth table: the real DynamoDB API, through the real SDK. */
export async function freshDb(): Promise<{ db: Db; stop: () => Promise<void> }> {
  const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const db = createDb({ table: 'hearth-test', endpoint: `http://127.0.0.1:${port}`, region: 'local' });
  await ensureTable(db);
  return {
    db,
    stop: () =>
      new Promise<void>((resolve) => {
        db.doc.destroy();
        server.close(() => resolve());
      }),
  };
}
