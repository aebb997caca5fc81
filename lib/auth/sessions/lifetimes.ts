/** A session unused for this long ends (documented in the README). */
export const SESSION_IDLE_SECONDS = 8 * 60 * 60;
/** A session ends this long after sign-in, however busy (documented in the README). */
export const SESSION_ABSOLUTE_SECONDS = 7 * 24 * 60 * 60;
/** Last-seen is written at most this often, so reading a page is not a write each time. */
export const SESSION_TOUCH_SECONDS = 60;

export function secondsLater(from: Date, seconds: number): Date {
  return new Date(from.getTime() + seconds * 1000);
}
