/**
 * The geofence service's domain core: which zones a position or beacon sighting falls into, and how sightings over time become enter, dwell and exit events.
 *
 * <p>Plain Java: no framework, protocol or persistence types (checked by {@code ArchitectureTest}
 * in {@code app}); adapters live in sibling packages of this module.
 */
package io.nearcast.geofence.domain;
