package com.syncrobot.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Docker image's jar (docker/lean-jar.sh, run by the Dockerfile's build stage) keeps only the SQLite native
 * libraries of Linux x86_64 and aarch64, and everything else of the jar; the jar for {@code java -jar} is untouched.
 * Run on sqlite-jdbc's own jar, which holds the same {@code org/sqlite/native/} tree the shaded jar carries.
 */
class LeanImageJarTest {
  private static final Path SCRIPT = Path.of("docker", "lean-jar.sh");
  private static final String NATIVE = "org/sqlite/native/";

  @TempDir
  Path dir;

  @BeforeAll
  static void needsZip() {
    boolean zip = Files.isExecutable(Path.of("/usr/bin/zip"));
    if (!zip && System.getenv("CI") != null) {
      throw new IllegalStateException("CI needs Info-ZIP's zip for docker/lean-jar.sh: apt-get install zip");
    }
    assumeTrue(zip, "needs Info-ZIP's zip (apt-get install zip), as the Dockerfile's build stage installs it");
  }

  @Test
  void keepsOnlyTheLinuxGlibcLibrariesAndEveryOtherEntry() throws Exception {
    Path in = sqliteJar();
    Path out = dir.resolve("lean.jar");

    Run run = run(in, out);

    assertThat(run.exit).as(run.output).isZero();
    List<String> before = entries(in);
    List<String> after = entries(out);
    assertThat(files(after, NATIVE)).containsExactlyInAnyOrder(NATIVE + "Linux/aarch64/libsqlitejdbc.so",
        NATIVE + "Linux/x86_64/libsqlitejdbc.so");
    assertThat(files(before, NATIVE)).hasSizeGreaterThan(10); // the input is the full jar, left as it was
    List<String> others = new ArrayList<>(before);
    others.removeIf(e -> e.startsWith(NATIVE));
    assertThat(after).containsAll(others);
  }

  @Test
  void refusesAJarWithoutALibraryTheImageNeeds() throws Exception {
    Path in = dir.resolve("no-arm.jar");
    try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(in))) {
      for (String name : List.of(NATIVE + "Linux/x86_64/libsqlitejdbc.so", NATIVE + "Windows/x86_64/sqlitejdbc.dll",
          "org/sqlite/JDBC.class")) {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(new byte[] {1, 2, 3});
        zip.closeEntry();
      }
    }

    Run run = run(in, dir.resolve("out.jar"));

    assertThat(run.exit).isEqualTo(1);
    assertThat(run.output).contains("has no SQLite library for Linux aarch64");
  }

  @Test
  void theImageRunsTheLeanJar() throws IOException {
    String dockerfile = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8);
    assertThat(dockerfile).contains("lean-jar.sh target/syncro-bot.jar target/syncro-bot-linux.jar")
        .contains("COPY --from=build /src/target/syncro-bot-linux.jar /app/syncro-bot.jar")
        .doesNotContain("COPY --from=build /src/target/syncro-bot.jar");
    assertThat(Files.isExecutable(SCRIPT)).isTrue();
  }

  private record Run(int exit, String output) {}

  private static Run run(Path in, Path out) throws IOException, InterruptedException {
    Process p = new ProcessBuilder("bash", SCRIPT.toString(), in.toString(), out.toString()).redirectErrorStream(true)
        .start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor(2, TimeUnit.MINUTES)).isTrue();
    return new Run(p.exitValue(), output);
  }

  private static Path sqliteJar() throws URISyntaxException {
    return Path.of(org.sqlite.JDBC.class.getProtectionDomain().getCodeSource().getLocation().toURI());
  }

  private static List<String> entries(Path jar) throws IOException {
    try (ZipFile zip = new ZipFile(jar.toFile())) {
      return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
    }
  }

  private static List<String> files(List<String> entries, String prefix) {
    return entries.stream().filter(e -> e.startsWith(prefix) && !e.endsWith("/")).toList();
  }
}
