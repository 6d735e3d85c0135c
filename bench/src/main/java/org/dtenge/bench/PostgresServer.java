package org.dtenge.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private PostgreSQL cluster for one run, from the binaries of the Debian packages
 * ({@code apt-get install postgresql}): {@code initdb} in a temporary directory, the server on a free
 * port of 127.0.0.1, stopped and deleted at {@link #close}. {@code initdb} refuses to run as root, so
 * as root every command runs as the {@code postgres} user (through {@code runuser}), which owns the
 * directory.
 *
 * <p>The settings are those a team would give a write-heavy server on this machine, with durability
 * left as it ships ({@code fsync}, {@code synchronous_commit=on}, {@code full_page_writes}): shared
 * buffers big enough for the tables, checkpoints far enough apart that a run does not hit one.
 */
final class PostgresServer implements AutoCloseable {
    static final String USER = "dtenge";
    private static final List<String> SETTINGS = List.of("listen_addresses = '127.0.0.1'", "max_connections = 200",
            "shared_buffers = '512MB'", "synchronous_commit = on", "fsync = on", "full_page_writes = on",
            "wal_buffers = '16MB'", "max_wal_size = '8GB'", "checkpoint_timeout = '30min'", "log_min_messages = warning");

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgresUser;
    /** Stops the server if the run is interrupted (Ctrl-C): a forgotten postmaster would outlive the JVM. */
    private final Thread onExit = Thread.ofPlatform().name("bench-postgres-stop").unstarted(this::stop);
    private final java.util.concurrent.atomic.AtomicBoolean stopped = new java.util.concurrent.atomic.AtomicBoolean();

    private PostgresServer(Path bin, Path dir, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    /** Creates and starts a cluster under {@code parent}; the caller closes it. */
    static PostgresServer start(Path parent) throws IOException, InterruptedException {
        Path bin = binaries().orElseThrow(() -> new IllegalStateException("no PostgreSQL server binaries found (initdb,"
                + " pg_ctl) in /usr/lib/postgresql/*/bin or on the PATH: install them (Debian: apt-get install -y"
                + " postgresql) or give a server with --postgres-url"));
        boolean root = "root".equals(System.getProperty("user.name"));
        Path base = Files.createDirectories(parent);
        if (root && !traversableByOthers(base)) {
            // The postgres user must reach its directory: a private parent (a test's temp dir) would hide it.
            base = Path.of(System.getProperty("java.io.tmpdir"));
        }
        Path dir = Files.createTempDirectory(base, "dtenge-pg");
        PostgresServer server = new PostgresServer(bin, dir, freePort(), root);
        Runtime.getRuntime().addShutdownHook(server.onExit);
        try {
            server.init();
            return server;
        } catch (IOException | RuntimeException | InterruptedException e) {
            server.close();
            throw e;
        }
    }

    /** Whether every directory from the root down to {@code dir} lets other users through. */
    static boolean traversableByOthers(Path dir) throws IOException {
        for (Path p = dir.toAbsolutePath(); p != null; p = p.getParent()) {
            if (!Files.getPosixFilePermissions(p).contains(java.nio.file.attribute.PosixFilePermission.OTHERS_EXECUTE)) {
                return false;
            }
        }
        return true;
    }

    private void init() throws IOException, InterruptedException {
        if (asPostgresUser) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        run(List.of(bin.resolve("initdb").toString(), "-D", data().toString(), "-U", USER, "-A", "trust", "-E", "UTF8",
                "--no-sync", "--no-instructions"), 120);
        List<String> lines = new ArrayList<>(SETTINGS);
        lines.add("port = " + port);
        lines.add("unix_socket_directories = '" + dir + "'");
        Files.writeString(data().resolve("postgresql.conf"), "\n# dtenge bench\n" + String.join("\n", lines) + "\n",
                java.nio.file.StandardOpenOption.APPEND);
        run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-l", dir.resolve("server.log").toString(),
                "-w", "-t", "60", "start"), 90);
    }

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + USER;
    }

    /** The postmaster's process id, from its pid file. */
    OptionalLong pid() {
        return pidOf(data());
    }

    static OptionalLong pidOf(Path dataDirectory) {
        try {
            return OptionalLong.of(Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).getFirst().trim()));
        } catch (IOException | RuntimeException e) {
            return OptionalLong.empty(); // not readable from here: memory not measured
        }
    }

    String version() throws IOException, InterruptedException {
        return run(List.of(bin.resolve("postgres").toString(), "--version"), 30).trim();
    }

    private Path data() {
        return dir.resolve("data");
    }

    /** Runs a command (as postgres when we are root) and returns its output; fails with that output. */
    private String run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        List<String> full = new ArrayList<>();
        if (asPostgresUser) {
            full.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        full.addAll(command);
        Process process = new ProcessBuilder(full).redirectErrorStream(true).start();
        process.getOutputStream().close();
        // pg_ctl's server inherits no pipe (-l log file), so reading to the end does not wait for the server.
        String output = new String(process.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IOException(String.join(" ", full) + " did not finish in " + timeoutSeconds + " s");
        }
        if (process.exitValue() != 0) {
            throw new IOException(String.join(" ", full) + " failed (exit " + process.exitValue() + "):\n" + output
                    + logTail());
        }
        return output;
    }

    private String logTail() {
        try {
            List<String> log = Files.readAllLines(dir.resolve("server.log"));
            return "\nserver.log:\n" + String.join("\n", log.subList(Math.max(0, log.size() - 20), log.size()));
        } catch (IOException e) {
            return "";
        }
    }

    /** {@code /usr/lib/postgresql/<newest>/bin} (Debian), else the directory of {@code initdb} on the PATH. */
    static Optional<Path> binaries() {
        Path debian = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(debian)) {
            try (Stream<Path> versions = Files.list(debian)) {
                Optional<Path> newest = versions.filter(v -> Files.isExecutable(v.resolve("bin/initdb")))
                        .max(Comparator.comparingInt(PostgresServer::majorVersion)).map(v -> v.resolve("bin"));
                if (newest.isPresent()) {
                    return newest;
                }
            } catch (IOException e) {
                // fall through to the PATH
            }
        }
        for (String entry : System.getenv().getOrDefault("PATH", "").split(":")) {
            Path initdb = Path.of(entry.isEmpty() ? "." : entry, "initdb");
            if (Files.isExecutable(initdb) && Files.isExecutable(initdb.resolveSibling("pg_ctl"))) {
                return Optional.of(initdb.getParent());
            }
        }
        return Optional.empty();
    }

    private static int majorVersion(Path versionDir) {
        try {
            return Integer.parseInt(versionDir.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    /** Stops the server (fast shutdown: sessions are ended) and deletes the cluster. */
    @Override
    public void close() {
        stop();
        try {
            Runtime.getRuntime().removeShutdownHook(onExit);
        } catch (IllegalStateException e) {
            // the JVM is already shutting down: the hook runs stop(), which has nothing left to do
        }
    }

    private void stop() {
        if (!stopped.compareAndSet(false, true)) {
            return;
        }
        try {
            if (Files.exists(data().resolve("postmaster.pid"))) {
                run(List.of(bin.resolve("pg_ctl").toString(), "-D", data().toString(), "-m", "fast", "-w", "stop"), 60);
            }
        } catch (IOException e) {
            System.err.println("could not stop the PostgreSQL server in " + dir + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        try {
            Directories.delete(dir);
        } catch (IOException e) {
            System.err.println("could not delete " + dir + ": " + e.getMessage());
        }
    }
}
