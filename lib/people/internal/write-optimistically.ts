import type { Db } from "@/db/client";
import type { RowLock } from "@/lib/scim-resources/find-live-resource";
import { PersonChangedMeanwhile } from "./commit-person-change";

/**
 * Runs an identity provider's write to one person (read it, work out the change, store it)
 * first without a transaction: the read takes no lock, and commitPersonChange stores the
 * change with its History in one statement, only if the person's version is still the one
 * read. So the usual write costs two statements; in a SCIM request, whose read comes with its
 * token (findLiveResource), one besides the token's. If another request wrote the person in
 * between, `work` runs again the locked way, in a transaction that reads the row FOR NO KEY
 * UPDATE: concurrent writes to one person still apply one after the other, and none is lost.
 */
export async function writeOptimistically<T>(db: Db, work: (db: Db, lock?: RowLock) => Promise<T>): Promise<T> {
  try {
    return await work(db);
  } catch (error) {
    if (!(error instanceof PersonChangedMeanwhile)) throw error;
    return db.transaction((tx) => work(tx, "no key update"));
  }
}
