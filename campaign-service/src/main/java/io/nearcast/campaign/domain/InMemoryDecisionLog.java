package io.nearcast.campaign.domain;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;

/** The decision log in memory (tests, benchmarks). Thread-safe. */
public final class InMemoryDecisionLog implements DecisionLog {

    private final ConcurrentLinkedQueue<Decision> decisions = new ConcurrentLinkedQueue<>();

    @Override
    public void record(Decision decision) {
        decisions.add(decision);
    }

    @Override
    public Optional<Decision> find(String decisionId) {
        return decisions.stream().filter(d -> d.id().equals(decisionId)).findFirst();
    }

    @Override
    public List<Decision> ofShopper(String shopperId) {
        return decisions.stream().filter(d -> d.shopperId().equals(shopperId)).sorted(Comparator.comparing(Decision::at)).toList();
    }

    @Override
    public io.nearcast.kernel.domain.Page<Decision> ofStore(String storeId, io.nearcast.kernel.domain.PageRequest page) {
        List<Decision> of = new ArrayList<>(decisions.stream().filter(d -> d.storeId().equals(storeId)).toList());
        of.sort(Comparator.comparing(Decision::at).thenComparing(Decision::id).reversed());
        int from = (int) Math.min(of.size(), page.offset());
        return io.nearcast.kernel.domain.Page.of(of.subList(from, Math.min(of.size(), from + page.size())), page, of.size());
    }

    @Override
    public long erase(String shopperId) {
        long before = decisions.size();
        decisions.removeIf(d -> d.shopperId().equals(shopperId));
        return before - decisions.size();
    }

    @Override
    public long purgeBefore(Instant cutoff) {
        long before = decisions.size();
        decisions.removeIf(d -> d.at().isBefore(cutoff));
        return before - decisions.size();
    }

    public int size() {
        return decisions.size();
    }
}
