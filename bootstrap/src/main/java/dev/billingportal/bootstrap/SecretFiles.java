package dev.billingportal.bootstrap;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * A secret the portal generates at first start into its data directory (the installation key, the secrets key),
 * readable by its owner only. Several processes may start at once on one directory: the first file moved into place
 * wins and every process reads that one. Paths are logged, never the secrets.
 */
final class SecretFiles {
    private static final Logger LOG = Logger.getLogger(SecretFiles.class.getName());
    private static final Set<PosixFilePermission> OWNER_READ_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ);

    private SecretFiles() {
    }

    /** The secret in {@code file}, after writing {@code generate}'s if there was none; {@code what} names it in logs. */
    static String readOrCreate(Path file, Supplier<String> generate, String what) {
        try {
            Files.createDirectories(file.getParent());
            if (!Files.exists(file)) {
                write(file, generate.get());
                LOG.info("Generated " + what + " into " + file + " (readable by its owner only)");
            } else {
                LOG.info(capitalised(what) + " read from " + file);
            }
            return Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (IOException failure) {
            throw new UncheckedIOException("Cannot read or create " + what + " in " + file, failure);
        }
    }

    private static void write(Path file, String secret) throws IOException {
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Files.deleteIfExists(partial);
        Files.writeString(partial, secret + "\n", StandardCharsets.US_ASCII);
        if (partial.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(partial, OWNER_READ_ONLY);
        } else {
            LOG.warning("Cannot restrict " + file + " to its owner on this file system; protect it by other means");
        }
        try {
            Files.move(partial, file);
        } catch (FileAlreadyExistsException anotherProcessWasFaster) {
            Files.deleteIfExists(partial);
        }
    }

    private static String capitalised(String what) {
        return Character.toUpperCase(what.charAt(0)) + what.substring(1);
    }
}
