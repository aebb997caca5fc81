import type { Db } from "@/db/client";

/**
 * A query built once per database handle, with `sql.placeholder` where its values go, then
 * only bound and run (drizzle's `.prepare()` and `.execute(values)`): the statements every
 * SCIM request runs cost more CPU to build than to send, and their text never changes. A
 * transaction is a handle of its own, so a query built for it runs inside it.
 */
export function preparedPerDatabase<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (query === undefined) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
