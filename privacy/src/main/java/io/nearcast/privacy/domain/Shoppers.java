package io.nearcast.privacy.domain;

import io.nearcast.kernel.domain.EphemeralId;
import io.nearcast.kernel.domain.BearerSecret;
import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.SecretBox;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Pseudonymous shoppers: registration (an id and a token, nothing else), authentication of the
 * shopper app, consent changes, export and erasure. A shopper sees and changes only itself; an
 * administrator may export or erase on a shopper's request but never gives consent for them.
 * Shopper self-service is not written to the audit log (it would hold the shopper id).
 */
public final class Shoppers {

    private static final Pattern LABEL = Pattern.compile("[A-Za-z0-9._:-]{1,40}");
    static final String DEFAULT_SOURCE = "app";
    static final String UNSPECIFIED_NOTICE = "unspecified";

    private final ShopperRepository repository;
    private final ConsentLedger ledger;
    private final ProcessingPolicy policy;
    private final PersonalData personalData;
    private final Clock clock;
    private final SecureRandom random;
    private final SecretBox box;
    private final EphemeralIds ephemeralIds;
    private final ShopperAccounts accounts;
    private final ShopperTokens tokens;

    public Shoppers(ShopperRepository repository, ConsentLedger ledger, ProcessingPolicy policy, PersonalData personalData,
                    SecretBox box, EphemeralIds ephemeralIds, ShopperAccounts accounts, Clock clock, SecureRandom random) {
        this.repository = repository;
        this.ledger = ledger;
        this.policy = policy;
        this.personalData = personalData;
        this.box = box;
        this.ephemeralIds = ephemeralIds;
        this.accounts = accounts;
        this.tokens = new ShopperTokens(repository);
        this.clock = clock;
        this.random = random;
    }

    /**
     * A new shopper; its token and the identity key of its rotating identifiers are in the result
     * and nowhere else (stored as SHA-256 and sealed with the master key).
     */
    public IssuedShopper register() {
        String token = BearerSecret.generate(BearerSecret.SHOPPER_PREFIX, random);
        ShopperId id = ShopperId.random();
        byte[] identityKey = new byte[16];
        random.nextBytes(identityKey);
        Shopper shopper = new Shopper(id, BearerSecret.hash(token), Optional.of(box.seal(identityKey, Shopper.eidKeyPurpose(id))), clock.instant());
        accounts.provision(id, token);
        try {
            repository.insert(shopper);
        } catch (RuntimeException e) {
            try {
                accounts.remove(id);
            } catch (RuntimeException cleanup) {
                e.addSuppressed(cleanup);
            }
            throw e;
        }
        ephemeralIds.shoppersChanged();
        return new IssuedShopper(shopper, token, identityKey, EphemeralIds.EXPONENT);
    }

    /** The shopper whose token this is, as a caller; empty for anything else. */
    public Optional<Caller> authenticate(String token) {
        return tokens.shopperOf(token).map(id -> Caller.shopper(id.value()));
    }

    /**
     * Records the shopper's choice for each purpose given (one ledger entry each, also when it
     * confirms the current state) and makes every later decision see it.
     *
     * @param purposes     purpose wire name → granted
     * @param source       where the choice was made, e.g. {@code app}; default {@code app}
     * @param noticeVersion which privacy notice the shopper saw; default {@code unspecified}
     * @throws Forbidden   for anyone but the shopper
     * @throws InvalidField naming {@code purposes}, {@code purposes.<name>}, {@code source} or {@code noticeVersion}
     */
    public ConsentState changeConsent(Caller caller, String shopperId, Map<String, Boolean> purposes, String source, String noticeVersion) {
        Shopper shopper = find(caller, shopperId);
        if (!caller.isShopper(shopperId)) {
            throw new Forbidden("consent is given or withdrawn by the shopper only");
        }
        if (purposes == null || purposes.isEmpty()) {
            throw new InvalidField("purposes", "is required: {\"location\":true|false, \"personalisation\":…, \"analytics\":…}");
        }
        String from = label("source", source, DEFAULT_SOURCE);
        String notice = label("noticeVersion", noticeVersion, UNSPECIFIED_NOTICE);
        Instant now = clock.instant();
        List<ConsentEntry> entries = new ArrayList<>();
        purposes.forEach((name, granted) -> {
            Purpose purpose = Purpose.parse("purposes." + name, name);
            if (granted == null) {
                throw new InvalidField("purposes." + name, "must be true or false");
            }
            entries.add(new ConsentEntry(shopper.id(), purpose, granted, now, from, notice));
        });
        entries.sort(java.util.Comparator.comparing(ConsentEntry::purpose));
        ledger.append(entries);
        policy.consentChanged(shopper.id());
        return policy.current(shopper.id());
    }

    /** Current consent and the complete history, oldest first. */
    public ConsentView consent(Caller caller, String shopperId) {
        Shopper shopper = find(caller, shopperId);
        List<ConsentEntry> history = ledger.history(shopper.id());
        return new ConsentView(ConsentState.of(history), history);
    }

    /** Every datum any component holds about the shopper (GDPR Art. 15/20). */
    public PersonalData.ShopperExport export(Caller caller, String shopperId) {
        return personalData.export(find(caller, shopperId).id());
    }

    /**
     * Erases the shopper from every holder (GDPR Art. 17); afterwards the id is unknown and the
     * token no longer authenticates. Anonymous aggregates stay.
     */
    public PersonalData.ErasureReceipt erase(Caller caller, String shopperId) {
        Shopper shopper = find(caller, shopperId);
        PersonalData.ErasureReceipt receipt = personalData.erase(shopper.id());
        policy.consentChanged(shopper.id());
        ephemeralIds.shoppersChanged();
        return receipt;
    }

    /** @throws NotFound for an unknown shopper, and for a caller that is neither that shopper nor an admin */
    private Shopper find(Caller caller, String shopperId) {
        boolean allowed = caller.isAdmin() || caller.isShopper(shopperId);
        return ShopperId.parse(shopperId)
                .filter(id -> allowed)
                .flatMap(repository::find)
                .orElseThrow(() -> new NotFound("shopper"));
    }

    private static String label(String field, String text, String fallback) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        if (!LABEL.matcher(text).matches()) {
            throw new InvalidField(field, "must be 1 to 40 characters of letters, digits and . _ : -");
        }
        return text;
    }

    /**
     * A new shopper, its token and the identity key its app derives rotating identifiers from
     * ({@link EphemeralId}, time counter = Unix seconds), shown once.
     */
    public record IssuedShopper(Shopper shopper, String token, byte[] eidIdentityKey, int eidExponent) {
        @Override
        public String toString() {
            return "IssuedShopper[***]";
        }
    }

    /** What the shopper allows now and how it came to be. */
    public record ConsentView(ConsentState current, List<ConsentEntry> history) {
    }
}
