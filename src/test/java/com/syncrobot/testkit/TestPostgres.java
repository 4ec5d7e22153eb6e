package com.syncrobot.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
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
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;

/**
 * A real PostgreSQL server for tests, started once per test JVM from the server binaries installed on the
 * machine (Debian's {@code postgresql} package: {@code /usr/lib/postgresql/N/bin}, or {@code SYNCRO_BOT_TEST_PG_BIN}),
 * in a throwaway folder, on a free loopback port, stopped when the JVM ends. PostgreSQL refuses to run as root,
 * so as root it runs as the {@code postgres} user (through {@code runuser}). Each {@link #newDatabase()} is a fresh
 * empty database on it.
 *
 * <p>Without the binaries a test that needs the server is skipped, except under CI ({@code CI} set), where that
 * is a failure: {@code .ci/run} installs them.
 */
public final class TestPostgres {
  private static final AtomicInteger DATABASES = new AtomicInteger();
  private static @Nullable TestPostgres server;

  private final int port;

  private TestPostgres(int port) {
    this.port = port;
  }

  /** A new empty database on the test server: its JDBC URL, user {@code postgres}, no password. */
  public static String newDatabase() {
    TestPostgres s = server();
    String name = "t" + ProcessHandle.current().pid() + "_" + DATABASES.incrementAndGet();
    try (Connection c = DriverManager.getConnection(s.url("postgres")); Statement st = c.createStatement()) {
      st.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create the test database " + name + ": " + e.getMessage(), e);
    }
    return s.url(name);
  }

  /** Whether this machine can run the test server (its binaries are installed). */
  public static boolean available() {
    return binaries() != null;
  }

  private String url(String database) {
    return "jdbc:postgresql://127.0.0.1:" + port + "/" + database + "?user=postgres";
  }

  private static synchronized TestPostgres server() {
    if (server == null) {
      Path bin = binaries();
      if (bin == null) {
        String why = "no PostgreSQL server binaries on this machine (install Debian's postgresql package, or set"
            + " SYNCRO_BOT_TEST_PG_BIN to a folder holding initdb and pg_ctl)";
        if (System.getenv("CI") != null) {
          throw new IllegalStateException(why);
        }
        Assumptions.abort(why);
      }
      server = start(bin);
    }
    return server;
  }

  private static @Nullable Path binaries() {
    String configured = System.getenv("SYNCRO_BOT_TEST_PG_BIN");
    if (configured != null && !configured.isBlank()) {
      return Files.isExecutable(Path.of(configured, "pg_ctl")) ? Path.of(configured) : null;
    }
    Path debian = Path.of("/usr/lib/postgresql");
    if (!Files.isDirectory(debian)) {
      return null;
    }
    try (Stream<Path> versions = Files.list(debian)) {
      return versions.map(v -> v.resolve("bin"))
          .filter(b -> Files.isExecutable(b.resolve("pg_ctl")) && Files.isExecutable(b.resolve("initdb")))
          .max(Comparator.comparingInt(TestPostgres::majorVersion))
          .orElse(null);
    } catch (IOException e) {
      return null;
    }
  }

  private static int majorVersion(Path bin) {
    try {
      return Integer.parseInt(bin.getParent().getFileName().toString());
    } catch (NumberFormatException e) {
      return 0;
    }
  }

  private static TestPostgres start(Path bin) {
    try {
      boolean root = "root".equals(System.getProperty("user.name"));
      Path dir = Files.createTempDirectory("syncro-bot-pg-");
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      if (root) {
        UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
        Files.setOwner(dir, postgres);
      }
      Path data = dir.resolve("data");
      int port = freePort();
      run(root, bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "postgres", "-A", "trust",
          "-E", "UTF8", "--locale=C", "--no-sync");
      String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c max_connections=400"
          + " -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=32MB";
      run(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-o", options, "-l",
          dir.resolve("server.log").toString(), "-w", "-t", "60", "start");
      Runtime.getRuntime().addShutdownHook(new Thread(() -> stop(root, bin, data, dir), "test-postgres-stop"));
      return new TestPostgres(port);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start the test PostgreSQL server", e);
    }
  }

  private static void stop(boolean root, Path bin, Path data, Path dir) {
    try {
      run(root, bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-m", "immediate", "-w", "stop");
    } catch (RuntimeException | IOException e) {
      // the JVM is ending; the folder is left for the system to clean
      return;
    }
    TempFolders.delete(dir);
  }

  private static void run(boolean root, String... command) throws IOException {
    List<String> argv = new ArrayList<>();
    if (root) {
      argv.addAll(List.of("runuser", "-u", "postgres", "--"));
    }
    argv.addAll(List.of(command));
    Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
    try {
      if (!p.waitFor(90, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", argv));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted: " + String.join(" ", argv), e);
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.exitValue() != 0) {
      throw new IllegalStateException(String.join(" ", argv) + " failed (" + p.exitValue() + "):\n" + out);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
