package dev.billingportal.adapter.out.persistence;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private PostgreSQL server for the tests that run the portal against it ({@code -Dportal.test.database=
 * postgresql}, the build's second test run): a cluster made with {@code initdb} in a temporary folder, listening on
 * a free loopback port, started at the first use in a test JVM and stopped when that JVM exits. Each portal under
 * test gets a database of its own. The server binaries are Debian's ({@code apt-get install postgresql}, which
 * {@code portal.sh test} and CI do when they are missing). PostgreSQL refuses to run as root: as root, the server
 * runs as the {@code postgres} user the package creates.
 */
public final class TestPostgres {
    public static final String PROPERTY = "portal.test.database";
    private static final String USER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();
    private static TestPostgres server;
    private static boolean durable;

    private final Path bin;
    private final Path folder;
    private final int port;
    private final boolean asPostgresUser;

    private TestPostgres(Path bin, Path folder, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.folder = folder;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Whether this test run is the one against PostgreSQL. */
    public static boolean requested() {
        return "postgresql".equals(System.getProperty(PROPERTY));
    }

    /**
     * Makes the server this JVM starts durable, as PostgreSQL is by default ({@code fsync} and
     * {@code synchronous_commit} on: a commit returns once its WAL is on disk). For the bench, whose figures must be
     * what a production server does; the tests keep fsync off. Call before the first database is made.
     */
    public static synchronized void durable() {
        if (server != null && !durable) {
            throw new IllegalStateException("the test PostgreSQL server already runs without fsync");
        }
        durable = true;
    }

    /** A new, empty database on the shared test server; its JDBC URL (user {@code postgres}, no password). */
    public static String newDatabase() {
        TestPostgres running = running();
        String name = "portal_" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
        try (Connection connection = DriverManager.getConnection(running.url("postgres"), USER, "");
             Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + name);
        } catch (SQLException failure) {
            throw new IllegalStateException("Could not create the test database " + name, failure);
        }
        return running.url(name);
    }

    private String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static synchronized TestPostgres running() {
        if (server == null) {
            server = start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop, "test-postgres-stop"));
        }
        return server;
    }

    private static TestPostgres start() {
        Path bin = binaries();
        boolean root = "0".equals(run(List.of("id", "-u"), null).strip());
        try {
            Path folder = Files.createTempDirectory("portal-test-postgres-");
            if (root) {
                run(List.of("chown", USER + ":" + USER, folder.toString()), null);
            }
            TestPostgres postgres = new TestPostgres(bin, folder, freePort(), root);
            postgres.runAsServerUser(List.of(bin.resolve("initdb").toString(), "-D", postgres.data().toString(),
                    "-U", USER, "--auth=trust", "-E", "UTF8", "--no-sync"));
            // fsync off unless asked: the tests check the portal's SQL on PostgreSQL, not the disk's durability.
            String durability = durable ? "-c fsync=on -c synchronous_commit=on" : "-c fsync=off";
            postgres.runAsServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", postgres.data().toString(), "-w",
                    "-t", "60", "-l", folder.resolve("server.log").toString(), "-o",
                    "-c listen_addresses=127.0.0.1 -p " + postgres.port + " -k " + folder
                            + " " + durability + " -c max_connections=300", "start"));
            return postgres;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    /** The newest PostgreSQL under Debian's /usr/lib/postgresql/VERSION/bin. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.exists(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(version -> version.resolve("bin"))
                    .filter(bin -> Files.isExecutable(bin.resolve("initdb")) && Files.isExecutable(bin.resolve("pg_ctl")))
                    .max(Comparator.comparingInt(bin -> Integer.parseInt(bin.getParent().getFileName().toString()
                            .replaceAll("\\D.*", "0"))))
                    .orElseThrow(() -> new IllegalStateException("The PostgreSQL test run needs PostgreSQL's server"
                            + " binaries under /usr/lib/postgresql/VERSION/bin: apt-get install postgresql"
                            + " (./portal.sh test installs it when it can)"));
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        }
    }

    private Path data() {
        return folder.resolve("data");
    }

    private void stop() {
        try {
            runAsServerUser(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "immediate",
                    "-w", "stop"));
        } finally {
            deleteQuietly(folder);
        }
    }

    private void runAsServerUser(List<String> command) {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", USER, "--"));
        }
        full.addAll(command);
        run(full, folder);
    }

    private static String run(List<String> command, Path directory) {
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            Process process = builder.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!process.waitFor(2, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish: " + output);
            }
            if (process.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
            }
            return output;
        } catch (IOException failure) {
            throw new UncheckedIOException(failure);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return probe.getLocalPort();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException | UncheckedIOException ignored) {
            // a temporary folder; the system cleans it up eventually
        }
    }
}
