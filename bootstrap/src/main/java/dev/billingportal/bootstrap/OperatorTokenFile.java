package dev.billingportal.bootstrap;

import dev.billingportal.domain.access.SecretTokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * The operator bearer token: {@code portal.operator.token} if set; otherwise the one in
 * {@code {data-dir}/operator-token}, generated at first start and readable by its owner only. Its
 * path is logged, never the token.
 */
final class OperatorTokenFile {
    static final String FILE_NAME = "operator-token";
    private static final Logger LOG = Logger.getLogger(OperatorTokenFile.class.getName());
    private static final Set<PosixFilePermission> OWNER_READ_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ);

    private OperatorTokenFile() {
    }

    static String resolve(Optional<String> configured, Path dataDir) {
        if (configured.isPresent()) {
            LOG.info("Operator token taken from the configuration (portal.operator.token)");
            return configured.get().strip();
        }
        Path file = dataDir.resolve(FILE_NAME);
        try {
            Files.createDirectories(dataDir);
            if (!Files.exists(file)) {
                write(file, SecretTokens.generate());
                LOG.info("Generated an operator token into " + file + " (readable by its owner only)");
            } else {
                LOG.info("Operator token read from " + file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read or create the operator token file " + file, failure);
        }
    }

    private static void write(Path file, String token) throws IOException {
        Path partial = file.resolveSibling(FILE_NAME + ".partial");
        Files.deleteIfExists(partial);
        Files.writeString(partial, token + "\n", StandardCharsets.US_ASCII);
        setOwnerReadOnly(partial);
        try {
            Files.move(partial, file);
        } catch (FileAlreadyExistsException anotherProcessWasFaster) {
            Files.deleteIfExists(partial);
        }
    }

    private static void setOwnerReadOnly(Path file) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, OWNER_READ_ONLY);
        } else {
            LOG.warning("Cannot restrict " + file + " to its owner on this file system; protect it by other means");
        }
    }
}
