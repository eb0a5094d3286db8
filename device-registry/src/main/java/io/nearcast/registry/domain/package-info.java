/**
 * The device registry's domain core: stores, zones, beacons, in-store devices, NFC tags, staff tokens and the audit trail — everything Nearcast knows about the physical world.
 *
 * <p>Plain Java: no framework, protocol or persistence types (checked by {@code ArchitectureTest}
 * in {@code app}); adapters live in sibling packages of this module.
 */
package io.nearcast.registry.domain;
