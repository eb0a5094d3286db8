package io.nearcast.campaign.domain;

/**
 * Port: hands a recorded offer to the shopper (MQTT QoS 1 on {@code nearcast/v1/shoppers/{id}/offers}
 * in the server). Called outside any lock; must not block for long: queue and retry inside.
 */
public interface OfferDelivery {

    /** @param journey the shopper's journey (their language) */
    void deliver(Offer offer, Campaign campaign, Journey journey);
}
