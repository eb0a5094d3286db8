/**
 * The campaign service's domain core: campaigns, the decision of which offer (if any) a consenting shopper gets, frequency caps, delivery, touchpoints (tap, scan, QR, GS1 Digital Link) and conversions.
 *
 * <p>Plain Java: no framework, protocol or persistence types (checked by {@code ArchitectureTest}
 * in {@code app}); adapters live in sibling packages of this module.
 */
package io.nearcast.campaign.domain;
