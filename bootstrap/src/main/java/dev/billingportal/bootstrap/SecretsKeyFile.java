package dev.billingportal.bootstrap;

import dev.billingportal.adapter.out.persistence.SecretSeal;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * The installation's secrets key, which seals what the portal must read back (operators' authenticator secrets):
 * {@code portal.secrets.key} (base64 of 32 bytes) if set — what every process of a scaled-out portal must share —
 * otherwise {@code {data-dir}/secrets-key}, generated at first start and readable by its owner only.
 */
final class SecretsKeyFile {
    static final String FILE_NAME = "secrets-key";
    private static final Logger LOG = Logger.getLogger(SecretsKeyFile.class.getName());

    private SecretsKeyFile() {
    }

    static byte[] resolve(Optional<String> configured, Path dataDir) {
        String encoded;
        if (configured.isPresent()) {
            LOG.info("Secrets key taken from the configuration (portal.secrets.key)");
            encoded = configured.get().strip();
        } else {
            encoded = SecretFiles.readOrCreate(dataDir.resolve(FILE_NAME),
                    () -> Base64.getEncoder().encodeToString(SecretSeal.newKey()), "the secrets key");
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(encoded);
        } catch (IllegalArgumentException notBase64) {
            throw new IllegalArgumentException("portal.secrets.key must be base64 of 32 random bytes"
                    + " (openssl rand -base64 32)");
        }
        if (key.length != 32) {
            throw new IllegalArgumentException("portal.secrets.key must be base64 of 32 random bytes, not "
                    + key.length);
        }
        return key;
    }
}
