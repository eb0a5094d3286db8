package io.nearcast.privacy.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The shopper app's broker account and open sessions as personal data: erasure removes them, so the app is disconnected at once. */
public final class BrokerAccountRecords implements PersonalDataHolder {

    private final ShopperAccounts accounts;

    public BrokerAccountRecords(ShopperAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    public String name() {
        return "mqtt-account";
    }

    @Override
    public List<Map<String, String>> export(ShopperId shopper) {
        return List.of(Map.of("userName", shopper.value(), "password", "your shopper token"));
    }

    @Override
    public long erase(ShopperId shopper) {
        return accounts.remove(shopper);
    }

    @Override
    public long purgeRawOlderThan(Instant cutoff) {
        return 0;
    }
}
