/**
 * JDBC adapters for the campaign service's ports, on H2 (PostgreSQL mode) or PostgreSQL: plain
 * {@code PreparedStatement}s over a {@link javax.sql.DataSource}, tables created by the
 * {@link io.nearcast.campaign.jdbc.CampaignSchema#MODULE} migrations.
 *
 * <p>Instants are stored as UTC {@code TIMESTAMP WITH TIME ZONE} truncated to microseconds, the
 * precision both databases keep. Every {@link java.sql.SQLException} surfaces as a
 * {@link io.nearcast.kernel.persistence.RepositoryException}.
 */
package io.nearcast.campaign.jdbc;
