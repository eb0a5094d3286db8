/**
 * The simulator's domain core: scenarios of stores, beacons and shoppers moving through zones, and the load model that drives them.
 *
 * <p>Plain Java: no framework, protocol or persistence types (checked by {@code ArchitectureTest}
 * in {@code app}); adapters live in sibling packages of this module.
 */
package io.nearcast.sim.domain;
