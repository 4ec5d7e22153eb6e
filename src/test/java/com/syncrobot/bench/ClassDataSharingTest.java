package com.syncrobot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bench starts the bot as the Docker image does: the Dockerfile's entry point and its class-data sharing
 * training run use exactly {@link BotProcess#JVM_OPTIONS}, so the two cannot drift apart.
 */
class ClassDataSharingTest {
  private static final String JAR = "/app/syncro-bot.jar";
  private static final String ARCHIVE = "/app/syncro-bot.jsa";

  @Test
  void entryPointMapsTheArchiveWithTheBenchsJvmOptions() throws IOException {
    String json = instruction("ENTRYPOINT ");
    List<String> entry = new ObjectMapper().readValue(json, new TypeReference<List<String>>() {});

    List<String> expected = new ArrayList<>(List.of("java", "-XX:SharedArchiveFile=" + ARCHIVE));
    expected.addAll(BotProcess.JVM_OPTIONS);
    expected.addAll(List.of("-jar", JAR));
    assertThat(entry).containsExactlyElementsOf(expected);
    assertThat(entry).contains("-XX:+ExitOnOutOfMemoryError", "-Xshare:auto");
  }

  @Test
  void trainingRunUsesTheSameJvmOptionsAndJarPath() throws IOException {
    List<String> run = Arrays.asList(instruction("RUN " + CdsArchives.SCRIPT.getFileName()).split("\\s+"));

    List<String> expected = new ArrayList<>(List.of("RUN", CdsArchives.SCRIPT.getFileName().toString(), ARCHIVE,
        "java"));
    expected.addAll(BotProcess.JVM_OPTIONS);
    expected.addAll(List.of("-jar", JAR));
    assertThat(run).containsExactlyElementsOf(expected);
  }

  @Test
  void theImageCarriesTheScriptTheBenchRuns() throws IOException {
    assertThat(instruction("COPY " + CdsArchives.SCRIPT))
        .isEqualTo("COPY " + CdsArchives.SCRIPT + " /usr/local/bin/" + CdsArchives.SCRIPT.getFileName());
    assertThat(Files.isExecutable(CdsArchives.SCRIPT)).isTrue();
  }

  /** Returns the Dockerfile's one instruction that starts with {@code prefix}, continuation lines joined. */
  private static String instruction(String prefix) throws IOException {
    String joined = Files.readString(Path.of("Dockerfile"), StandardCharsets.UTF_8).replaceAll("\\\\\\n\\s*", " ");
    List<String> hits = joined.lines().filter(l -> l.startsWith(prefix)).toList();
    assertThat(hits).as("Dockerfile instructions starting with " + prefix).hasSize(1);
    String hit = hits.get(0);
    return prefix.startsWith("ENTRYPOINT") ? hit.substring(prefix.length()).strip() : hit.strip();
  }
}
