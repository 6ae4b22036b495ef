package dev.billingportal.bootstrap;

import dev.billingportal.domain.access.SecretTokens;
import java.nio.file.Path;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The installation key (spec §8, §11): {@code portal.operator.token} if set — {@code disabled} turns it off, leaving
 * the operator API to named API keys; otherwise the one in {@code {data-dir}/operator-token}, generated at first start
 * and readable by its owner only. Its path is logged, never the key.
 */
final class OperatorTokenFile {
    static final String FILE_NAME = "operator-token";
    /** The value of {@code portal.operator.token} that turns the installation key off. */
    static final String DISABLED = "disabled";
    private static final Logger LOG = Logger.getLogger(OperatorTokenFile.class.getName());

    private OperatorTokenFile() {
    }

    static Optional<String> resolve(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            String value = configured.get().strip();
            if (value.equalsIgnoreCase(DISABLED)) {
                LOG.info("The installation key is disabled (portal.operator.token=disabled): the operator API takes "
                        + "named API keys only");
                return Optional.empty();
            }
            LOG.info("Installation key taken from the configuration (portal.operator.token)");
            return Optional.of(value);
        }
        return Optional.of(SecretFiles.readOrCreate(dataDir.resolve(FILE_NAME), SecretTokens::generate,
                "the installation key"));
    }
}
