/**
 * The shared kernel: values, wire records and ports that several Nearcast modules agree on.
 *
 * <p>Plain Java only. No framework, protocol library or JDBC type may appear in this package or
 * below it (enforced by {@code DomainPurityTest}).
 */
package io.nearcast.kernel.domain;
