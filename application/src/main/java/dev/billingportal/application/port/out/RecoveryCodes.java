package dev.billingportal.application.port.out;

import dev.billingportal.domain.access.OperatorId;
import java.time.Instant;
import java.util.List;

/** Operators' recovery codes, stored only as hashes, each usable once. */
public interface RecoveryCodes {

    /** Replaces the operator's codes with these (hashes of a fresh set). */
    void replace(OperatorId operator, List<String> codeHashes, Instant now);

    /** Uses a code: true if it was the operator's and unused — once only, even under concurrent attempts. */
    boolean consume(OperatorId operator, String codeHash, Instant now);

    /** How many of the operator's codes are still unused. */
    int remaining(OperatorId operator);

    void deleteAll(OperatorId operator);
}
