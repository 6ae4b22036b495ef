package dev.billingportal.testing;

import dev.billingportal.application.port.out.RecoveryCodes;
import dev.billingportal.domain.access.OperatorId;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

public final class InMemoryRecoveryCodes implements RecoveryCodes {
    private final Map<OperatorId, Map<String, Boolean>> codes = new HashMap<>();

    @Override
    public synchronized void replace(OperatorId operator, List<String> codeHashes, Instant now) {
        Map<String, Boolean> fresh = new HashMap<>();
        codeHashes.forEach(hash -> fresh.put(hash, false));
        codes.put(operator, fresh);
    }

    @Override
    public synchronized boolean consume(OperatorId operator, String codeHash, Instant now) {
        Map<String, Boolean> own = codes.getOrDefault(operator, Map.of());
        if (!Boolean.FALSE.equals(own.get(codeHash))) {
            return false;
        }
        own.put(codeHash, true);
        return true;
    }

    @Override
    public synchronized int remaining(OperatorId operator) {
        return (int) codes.getOrDefault(operator, Map.of()).values().stream().filter(used -> !used).count();
    }

    @Override
    public synchronized void deleteAll(OperatorId operator) {
        codes.remove(operator);
    }

    /** Every stored hash, used or not: what a look at the table would find. */
    public synchronized Set<String> hashes() {
        return codes.values().stream().flatMap(own -> own.keySet().stream()).collect(java.util.stream.Collectors.toSet());
    }
}
