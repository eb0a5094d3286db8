package io.nearcast.campaign.domain;

import java.util.Arrays;
import java.util.Optional;

/** Only active campaigns make offers; paused ones keep their statistics and can resume. */
public enum CampaignStatus {
    ACTIVE("active"), PAUSED("paused");

    private final String wireName;

    CampaignStatus(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<CampaignStatus> ofWireName(String name) {
        return Arrays.stream(values()).filter(status -> status.wireName.equals(name)).findFirst();
    }
}
