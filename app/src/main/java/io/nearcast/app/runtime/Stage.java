package io.nearcast.app.runtime;

/**
 * One started part of the server and how to stop it. Stages stop in reverse start order, so
 * listeners stop accepting before the broker and the database they feed are closed.
 *
 * @param name what it is, for the shutdown log
 * @param stop closes it; must not throw for an expected condition
 */
record Stage(String name, Runnable stop) {
}
