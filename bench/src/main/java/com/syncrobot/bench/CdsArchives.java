package com.syncrobot.bench;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * The class-data sharing archives of the jars the bench starts, built the way the Dockerfile builds the
 * image's: {@code docker/cds-archive.sh} starts the jar's {@code serve} against a throwaway store with the
 * Dockerfile's JVM options and {@code -XX:ArchiveClassesAtExit}, stops it with SIGTERM once {@code /healthz}
 * answers, and the JVM writes the archive on its way out. Once per jar (keyed on its path), in the run's
 * temp folder. Any jar that serves can be trained; a jar whose training fails starts without an archive,
 * as the image's entry point would ({@code -Xshare:auto}), and the failure is printed.
 */
final class CdsArchives {
  static final Path SCRIPT = Path.of("docker", "cds-archive.sh");
  private static final long TRAINING_MINUTES = 5;

  private final Path dir;
  private final Map<Path, Optional<Path>> archives = new HashMap<>();

  CdsArchives(Path dir) {
    this.dir = dir;
  }

  /** Returns the archive of {@code jar}, building it on first use; empty when its training failed. */
  synchronized Optional<Path> of(Path jar) {
    Path key = jar.toAbsolutePath().normalize();
    Optional<Path> archive = archives.get(key);
    if (archive == null) {
      archive = build(key, archives.size() + 1);
      archives.put(key, archive);
    }
    return archive;
  }

  private Optional<Path> build(Path jar, int n) {
    Path archive = dir.resolve("cds-" + n + ".jsa");
    Path log = dir.resolve("cds-" + n + ".log");
    List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString(), archive.toString(),
        Path.of(System.getProperty("java.home"), "bin", "java").toString()));
    cmd.addAll(BotProcess.JVM_OPTIONS);
    cmd.add("-jar");
    cmd.add(jar.toString());
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
      pb.environment().put("PORT", Integer.toString(freePort()));
      Process p = pb.start();
      if (!p.waitFor(TRAINING_MINUTES, TimeUnit.MINUTES)) {
        p.destroyForcibly();
        throw new IOException("the training run took over " + TRAINING_MINUTES + " minutes");
      }
      if (p.exitValue() != 0 || !Files.isRegularFile(archive)) {
        throw new IOException("the training run failed (exit " + p.exitValue() + "): " + BotProcess.tail(log));
      }
      return Optional.of(archive);
    } catch (IOException e) {
      System.err.println("No class-data sharing archive for " + jar + ", so its bots start without one: " + e);
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    }
  }
}
