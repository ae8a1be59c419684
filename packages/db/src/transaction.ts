import type { Db } from './client.js';

/** An open transaction, as `db.transaction` hands it to its callback. */
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** Either: a verb given a transaction runs inside it (as a savepoint when it opens its own). */
export type DbOrTx = Db | Tx;
