package com.syncrobot.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The production bot as a child JVM: {@code java -XX:SharedArchiveFile=ARCHIVE} {@link #JVM_OPTIONS} {@code -jar
 * syncro-bot.jar serve}, the Dockerfile's entry point, with the jar's class-data sharing archive built as the
 * image's is ({@link CdsArchives}) and the environment pointing at the bench's sandbox and simulator. Its output
 * goes to a log file; its memory is read from {@code /proc} and {@code jcmd}.
 */
final class BotProcess implements AutoCloseable {
  /**
   * The JVM options of the Dockerfile's ENTRYPOINT after its {@code -XX:SharedArchiveFile}, which are also those
   * of its class-data sharing training run ({@code ClassDataSharingTest} holds the Dockerfile to them).
   */
  static final List<String> JVM_OPTIONS = List.of("-Xshare:auto", "-XX:+UseSerialGC", "-Xms64m",
      "-XX:MaxRAMPercentage=75", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError", "-XX:ThreadPriorityPolicy=1",
      "-XX:JavaPriority1_To_OSPriority=19", "-XX:CompilerThreadPriority=10", "-Dfile.encoding=UTF-8");
  /**
   * The JVM options of the Dockerfile's ENTRYPOINT before issue 17 (commit c32b616), with which {@code --baseline}
   * starts its jar, without an archive, as that image did.
   */
  static final List<String> BASELINE_JVM_OPTIONS = List.of("-Dfile.encoding=UTF-8", "-XX:MaxRAMPercentage=75");
  private static final Duration START_TIMEOUT = Duration.ofSeconds(90);
  /** G1's one heap line ("garbage-first heap total …K, used …K"), or each of Serial's two generations. */
  private static final Pattern HEAP_USED = Pattern
      .compile("(?:heap|generation)\\s+total\\s+(\\d+)K,\\s+used\\s+(\\d+)K");
  private static final Pattern VM_RSS = Pattern.compile("VmRSS:\\s+(\\d+)\\s+kB");

  private final Process process;
  private final Path log;
  private final Duration startup;
  private final @Nullable AutoCloseable front;

  private BotProcess(Process process, Path log, Duration startup, @Nullable AutoCloseable front) {
    this.process = process;
    this.log = log;
    this.startup = startup;
    this.front = front;
  }

  /**
   * Starts the bot, with the class-data sharing {@code archive} unless it is null and the JVM options {@code
   * jvmOptions} (the Dockerfile's, then the sandbox's TLS trust store), and waits until {@code GET /healthz}
   * answers 200; the time to that is {@link #startup()}. {@code front} is closed after the bot.
   */
  static BotProcess start(Path jar, @Nullable Path archive, List<String> jvmOptions, Map<String, String> env,
      int port, Path log, @Nullable AutoCloseable front) throws Exception {
    List<String> cmd = new ArrayList<>();
    cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    if (archive != null) {
      cmd.add("-XX:SharedArchiveFile=" + archive);
    }
    cmd.addAll(jvmOptions);
    cmd.add("-jar");
    cmd.add(jar.toString());
    cmd.add("serve");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    // Only the bot's own variables and the basics: nothing of the operator's shell leaks in.
    pb.environment().keySet().removeIf(k -> k.startsWith("SLACK_") || k.startsWith("SYNCRO_") || k.equals("PORT")
        || k.startsWith("OLLAMA") || k.startsWith("JAVA_TOOL") || k.startsWith("_JAVA"));
    pb.environment().putAll(env);
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
        .timeout(Duration.ofSeconds(2)).GET().build();
    long t0 = System.nanoTime();
    Process p = pb.start();
    long deadline = t0 + START_TIMEOUT.toNanos();
    while (System.nanoTime() < deadline) {
      if (!p.isAlive()) {
        throw new IllegalStateException("the bot exited with " + p.exitValue() + " during start-up; log: "
            + tail(log));
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return new BotProcess(p, log, Duration.ofNanos(System.nanoTime() - t0), front);
        }
      } catch (IOException e) {
        // Not listening yet.
      }
      Thread.sleep(10);
    }
    p.destroyForcibly();
    throw new IllegalStateException("the bot was not healthy within " + START_TIMEOUT + "; log: " + tail(log));
  }

  /** Returns the time from starting the process to the first healthy answer. */
  Duration startup() {
    return startup;
  }

  long pid() {
    return process.pid();
  }

  /** Returns the resident set size in MB, from {@code /proc/<pid>/status}. */
  double rssMb() throws IOException {
    String status = Files.readString(Path.of("/proc", Long.toString(pid()), "status"));
    Matcher m = VM_RSS.matcher(status);
    if (!m.find()) {
      throw new IllegalStateException("no VmRSS for " + pid());
    }
    return Long.parseLong(m.group(1)) / 1024.0;
  }

  /** Returns the heap in use in MB as {@code jcmd GC.heap_info} reports it, after a full GC when {@code gcFirst}. */
  double heapUsedMb(boolean gcFirst) throws Exception {
    if (gcFirst) {
      jcmd("GC.run");
    }
    Matcher m = HEAP_USED.matcher(jcmd("GC.heap_info"));
    long usedKb = 0;
    boolean found = false;
    while (m.find()) {
      usedKb += Long.parseLong(m.group(2));
      found = true;
    }
    if (!found) {
      throw new IllegalStateException("jcmd GC.heap_info gave no heap figure");
    }
    return usedKb / 1024.0;
  }

  private String jcmd(String command) throws Exception {
    Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
    Process p = new ProcessBuilder(jcmd.toString(), Long.toString(pid()), command).redirectErrorStream(true).start();
    byte[] out = p.getInputStream().readAllBytes();
    if (!p.waitFor(30, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + new String(out, StandardCharsets.UTF_8));
    }
    return new String(out, StandardCharsets.UTF_8);
  }

  /** Returns the last lines of the bot's log, for a failure message. */
  static String tail(Path log) {
    try {
      List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", lines.subList(Math.max(0, lines.size() - 15), lines.size()));
    } catch (IOException e) {
      return "(no log)";
    }
  }

  /** Returns how many log lines at WARN or ERROR the bot wrote so far. */
  long warnings() {
    try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
      return lines.filter(l -> l.contains(" WARN ") || l.contains(" ERROR ")).count();
    } catch (IOException e) {
      return -1;
    }
  }

  Path log() {
    return log;
  }

  /** Stops the bot as the container runtime does (SIGTERM), forcibly after ten seconds. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    if (front != null) {
      try {
        front.close();
      } catch (Exception e) {
        // the bot is gone; nothing more to stop
      }
    }
  }
}
