/**
 * Where a change takes more than one write, a crash between them is repaired when the data is
 * next read (see the repositories' `check…` functions). A repair must not count a change that is
 * still under way: a minute after a change began, none is (a request is done in seconds; the
 * Lambda's timeout is 10 s).
 * @module
 */
export const SETTLE_MS = 60_000;
