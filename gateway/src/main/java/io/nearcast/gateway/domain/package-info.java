/**
 * The gateway's domain core: what in-store hardware and shopper apps may send and how it becomes
 * trustworthy sightings. Plain Java; protocol edges live in {@code ..coap} and {@code ..mqtt}.
 */
package io.nearcast.gateway.domain;
