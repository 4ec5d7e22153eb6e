package com.syncrobot.resilience;

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

/** A {@link ChildBot} in its own JVM, with the test's classpath, its output in a file; killed with SIGKILL. */
final class ChildJvm implements AutoCloseable {
  /** The exit status of a process killed by signal 9. */
  static final int SIGKILLED = 128 + 9;
  /** The exit status of a JVM that ended on signal 15 after its shutdown hooks ran. */
  static final int SIGTERMED = 128 + 15;
  /** How long {@code docker stop} waits after SIGTERM before it sends SIGKILL (its default stop timeout). */
  static final Duration DOCKER_STOP_TIMEOUT = Duration.ofSeconds(10);

  private final Process process;
  private final Path log;

  private ChildJvm(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /**
   * Starts the bot with exactly {@code env} (plus PATH and HOME) and waits until {@code GET /healthz} on
   * {@code port} answers 200.
   */
  static ChildJvm start(Map<String, String> env, int port, Path log, Duration timeout)
      throws IOException, InterruptedException {
    ChildJvm child = new ChildJvm(process(env, log, ChildBot.class.getName(), List.of()).start(), log);
    try {
      child.awaitHealthy(port, timeout);
    } catch (IOException | InterruptedException | RuntimeException | Error ex) {
      child.kill();
      throw ex;
    }
    return child;
  }

  /** What a child that ran to its end printed, and its exit status. */
  record Finished(int exit, String output) {}

  /**
   * Runs {@code mainClass} with {@code args} and exactly {@code env} (plus PATH and HOME) to its end, e.g.
   * a second bot that must refuse to start, or a command-line tool.
   */
  static Finished run(Map<String, String> env, Path log, Duration timeout, String mainClass, String... args)
      throws IOException, InterruptedException {
    Process p = process(env, log, mainClass, List.of(args)).start();
    ChildJvm child = new ChildJvm(p, log);
    if (!p.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
      child.kill();
      throw new AssertionError(mainClass + " did not end within " + timeout + ":\n" + child.output());
    }
    return new Finished(p.exitValue(), child.output());
  }

  private static ProcessBuilder process(Map<String, String> env, Path log, String mainClass, List<String> args) {
    List<String> command = new ArrayList<>();
    command.add(javaBinary());
    // Start-up speed matters more than peak speed here: every case starts a JVM.
    command.addAll(List.of("-Dfile.encoding=UTF-8", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-Xshare:auto",
        "-cp", testClassPath(), mainClass));
    command.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
    Map<String, String> e = pb.environment();
    String path = e.get("PATH");
    String home = e.get("HOME");
    e.clear();
    if (path != null) {
      e.put("PATH", path);
    }
    if (home != null) {
      e.put("HOME", home);
    }
    e.putAll(env);
    return pb;
  }

  private static String javaBinary() {
    return ProcessHandle.current().info().command()
        .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
  }

  /**
   * The classpath of the tests. Under surefire {@code java.class.path} may be only its booter jar, whose
   * manifest names the real entries; {@code surefire.test.class.path} lists them directly.
   */
  static String testClassPath() {
    String surefire = System.getProperty("surefire.test.class.path");
    return surefire != null && !surefire.isBlank() ? surefire : System.getProperty("java.class.path");
  }

  private void awaitHealthy(int port, Duration timeout) throws IOException, InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofMillis(500)).build();
    HttpRequest health = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/healthz"))
        .timeout(Duration.ofSeconds(1)).build();
    long end = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < end) {
      if (!process.isAlive()) {
        throw new AssertionError("the child bot exited with " + process.exitValue() + ":\n" + output());
      }
      try {
        if (http.send(health, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return;
        }
      } catch (IOException notYet) {
        // not listening yet
      }
      Thread.sleep(25);
    }
    throw new AssertionError("the child bot was not healthy within " + timeout + ":\n" + output());
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** Sends SIGKILL (Process.destroyForcibly on Linux) and returns the exit status once the process is gone. */
  int kill() throws InterruptedException {
    process.destroyForcibly();
    return process.waitFor();
  }

  /** How a child stopped with SIGTERM ended: its exit status and how long after the signal. */
  record Stopped(int exit, Duration took, boolean killed) {}

  /**
   * Stops the child as {@code docker stop} does: SIGTERM (ProcessHandle.destroy on Linux; Process.destroy
   * would also close the child's stdin, which {@link ChildBot} takes for its parent's death), then, if it is still
   * running after {@code timeout}, SIGKILL. Returns its exit status, how long it took and whether it had to
   * be killed.
   */
  Stopped terminate(Duration timeout) throws InterruptedException {
    long began = System.nanoTime();
    process.toHandle().destroy();
    boolean exited = process.waitFor(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
    Duration took = Duration.ofNanos(System.nanoTime() - began);
    if (!exited) {
      return new Stopped(kill(), took, true);
    }
    return new Stopped(process.exitValue(), took, false);
  }

  /** What the child printed so far. */
  String output() {
    try {
      return Files.readString(log, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "(no output: " + e.getClass().getSimpleName() + ")";
    }
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      kill();
    }
  }
}
