package io.nearcast.campaign.domain;

import io.nearcast.kernel.domain.Caller;
import io.nearcast.kernel.domain.Conflict;
import io.nearcast.kernel.domain.Forbidden;
import io.nearcast.kernel.domain.InvalidField;
import io.nearcast.kernel.domain.NotFound;
import io.nearcast.kernel.domain.Page;
import io.nearcast.kernel.domain.PageRequest;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Creating, changing and reading campaigns, for staff of the campaign's store and admins (a
 * campaign of another store is not found). Every change rebuilds the catalog, so the next
 * decision sees it.
 */
public final class Campaigns {

    private final CampaignRepository repository;
    private final StoreDirectory stores;
    private final CampaignCatalog catalog;
    private final Tallies tallies;
    private final RespectRules rules;
    private final Supplier<String> ids;
    private final Clock clock;

    public Campaigns(CampaignRepository repository, StoreDirectory stores, CampaignCatalog catalog, Tallies tallies, RespectRules rules,
                     Supplier<String> ids, Clock clock) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.stores = Objects.requireNonNull(stores, "stores");
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.tallies = Objects.requireNonNull(tallies, "tallies");
        this.rules = Objects.requireNonNull(rules, "rules");
        this.ids = Objects.requireNonNull(ids, "ids");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Loads the tallies and builds the catalog; call once at start. */
    public void start() {
        List<Campaign> all = repository.all();
        tallies.load(all);
        rebuild();
    }

    /** Rebuilds the catalog from the repository (after a change here, or periodically for changes made by other instances). */
    public void rebuild() {
        catalog.replace(repository.all(), stores.timezones());
    }

    public Campaign create(Caller caller, Map<String, ?> json) {
        requireStaff(caller);
        CampaignDraft draft = CampaignDefinition.read(json);
        requireStaffOf(caller, draft.storeId());
        validateAgainstRegistry(draft);
        // milliseconds: what every database keeps, so the answer to the creation equals every later read
        Campaign campaign = draft.toCampaign(ids.get(), clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS), 1, rules.offerValidity());
        repository.insert(campaign);
        tallies.of(campaign);
        rebuild();
        return campaign;
    }

    /**
     * Replaces the campaign's definition (PUT); the store cannot change, statistics stay. A
     * {@code version} in the body must be the current one (a client sending back a stale copy
     * gets 409 instead of overwriting a newer change); without it the change applies to whatever
     * is current.
     */
    public Campaign replace(Caller caller, String id, Map<String, ?> json) {
        Campaign current = get(caller, id);
        Object version = json.get("version");
        if (version != null && !(version instanceof Number n && n.longValue() == current.version() && n.doubleValue() == current.version())) {
            throw new Conflict("the campaign is at version " + current.version() + ", the change was made to version " + version
                    + "; read it again and repeat the change");
        }
        CampaignDraft draft = CampaignDefinition.read(json);
        if (!draft.storeId().equals(current.storeId())) {
            throw new InvalidField("storeId", "a campaign stays in its store; create a new campaign for " + draft.storeId());
        }
        if (draft.variants().size() < current.variants().size()) {
            throw new InvalidField("variants", "variants can be changed and added but not removed (their statistics would lose their meaning); pause the campaign instead");
        }
        validateAgainstRegistry(draft);
        Campaign changed = draft.toCampaign(current.id(), current.createdAt(), current.version() + 1, rules.offerValidity());
        if (!repository.replace(changed, current.version())) {
            throw new Conflict("the campaign was changed at the same time; read it again and repeat the change");
        }
        tallies.of(changed);
        rebuild();
        return changed;
    }

    /** A campaign without a caller's scope (landing pages, which the offer id in the link authorises). */
    public java.util.Optional<Campaign> find(String id) {
        return repository.find(id);
    }

    public Campaign get(Caller caller, String id) {
        Campaign campaign = repository.find(id).orElseThrow(() -> new NotFound("campaign " + id));
        if (!caller.mayAccessStore(campaign.storeId())) {
            throw new NotFound("campaign " + id);
        }
        return campaign;
    }

    public Page<Campaign> list(Caller caller, java.util.Optional<String> storeId, PageRequest page) {
        requireStaff(caller);
        Set<String> scope;
        if (storeId.isPresent()) {
            if (!caller.mayAccessStore(storeId.get())) {
                throw new NotFound("store " + storeId.get());
            }
            scope = Set.of(storeId.get());
        } else if (caller.isAdmin()) {
            scope = stores.timezones().keySet();
        } else {
            scope = caller.storeIds();
        }
        return repository.ofStores(scope, page);
    }

    private void validateAgainstRegistry(CampaignDraft draft) {
        if (stores.timezone(draft.storeId()).isEmpty()) {
            throw new InvalidField("storeId", "no such store: " + draft.storeId());
        }
        int i = 0;
        for (String zone : draft.zoneIds()) {
            if (!stores.hasZone(draft.storeId(), zone)) {
                throw new InvalidField("zoneIds[" + i + "]", "no zone " + zone + " in store " + draft.storeId());
            }
            i++;
        }
    }

    private static void requireStaffOf(Caller caller, String storeId) {
        requireStaff(caller);
        if (!caller.mayAccessStore(storeId)) {
            throw new Forbidden("staff create campaigns for their own stores only");
        }
    }

    private static void requireStaff(Caller caller) {
        if (caller.role() == io.nearcast.kernel.domain.Role.SHOPPER) {
            throw new Forbidden("campaigns are managed with a staff or admin token");
        }
    }
}
