package io.nearcast.privacy.domain;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The consent ledger as personal data: exported in full, erased with the shopper, kept as long as the shopper exists (it proves consent). */
public final class ConsentRecords implements PersonalDataHolder {

    private final ConsentLedger ledger;

    public ConsentRecords(ConsentLedger ledger) {
        this.ledger = ledger;
    }

    @Override
    public String name() {
        return "consent-ledger";
    }

    @Override
    public List<Map<String, String>> export(ShopperId shopper) {
        return ledger.history(shopper).stream().map(ConsentRecords::record).toList();
    }

    @Override
    public long erase(ShopperId shopper) {
        return ledger.eraseAll(shopper);
    }

    @Override
    public long purgeRawOlderThan(Instant cutoff) {
        return 0;
    }

    private static Map<String, String> record(ConsentEntry entry) {
        Map<String, String> record = new LinkedHashMap<>();
        record.put("purpose", entry.purpose().wireName());
        record.put("granted", Boolean.toString(entry.granted()));
        record.put("at", entry.at().toString());
        record.put("source", entry.source());
        record.put("noticeVersion", entry.noticeVersion());
        return record;
    }
}
