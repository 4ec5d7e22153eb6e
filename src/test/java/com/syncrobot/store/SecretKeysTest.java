package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import ch.qos.logback.classic.Level;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.stream.Stream;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

final class SecretKeysTest {
  @TempDir
  Path dir;

  @Test
  void load_noValueNoFile_generatesOwnerOnlyFileOnceAndReloadsSameKey_R11() throws Exception {
    assumeTrue(posix());
    Path keyFile = dir.resolve("data/keys/secret.key");

    SecretKey first;
    SecretKey second;
    try (LogCapture logs = new LogCapture(SecretKeys.class)) {
      first = SecretKeys.load(null, keyFile);
      second = SecretKeys.load(null, keyFile);

      String encoded = Base64.getEncoder().encodeToString(first.getEncoded());
      // Exactly one warning, from the generation; reloading is silent. The key itself never reaches logs.
      assertThat(logs.messages(Level.WARN)).singleElement().satisfies(m -> assertThat(m)
          .startsWith("Generated a new token-encryption key at " + keyFile.toAbsolutePath() + "; back it up")
          .doesNotContain(encoded));
      assertThat(String.join("\n", logs.allMessages())).doesNotContain(encoded);
    }
    assertThat(first.getEncoded()).hasSize(32);
    assertThat(second.getEncoded()).isEqualTo(first.getEncoded());
    assertThat(first.getAlgorithm()).isEqualTo("AES");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(keyFile))).isEqualTo("rw-------");
    assertThat(Base64.getDecoder().decode(Files.readString(keyFile).strip())).isEqualTo(first.getEncoded());
    // No temp file is left beside the key.
    try (Stream<Path> files = Files.list(keyFile.getParent())) {
      assertThat(files).containsExactly(keyFile);
    }
  }

  @Test
  void load_envValue_winsOverExistingFile() throws Exception {
    byte[] fileKey = filled(1);
    byte[] envKey = filled(2);
    Path keyFile = Files.writeString(dir.resolve("secret.key"), Base64.getEncoder().encodeToString(fileKey));

    SecretKey key = SecretKeys.load(Base64.getEncoder().encodeToString(envKey), keyFile);

    assertThat(key.getEncoded()).isEqualTo(envKey);
  }

  @Test
  void load_envValue_doesNotCreateKeyFile() {
    Path keyFile = dir.resolve("secret.key");

    SecretKeys.load(Base64.getEncoder().encodeToString(filled(3)) + "\n", keyFile);

    assertThat(keyFile).doesNotExist();
  }

  @Test
  void load_blankEnvValue_usesFile() throws Exception {
    byte[] fileKey = filled(4);
    Path keyFile = Files.writeString(dir.resolve("secret.key"), Base64.getEncoder().encodeToString(fileKey) + "\n");

    assertThat(SecretKeys.load("  ", keyFile).getEncoded()).isEqualTo(fileKey);
  }

  @Test
  void load_envValueNotBase64_namesVariableButNotValue() {
    String value = "not-base64!!secretish";

    assertThatThrownBy(() -> SecretKeys.load(value, dir.resolve("secret.key")))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("SYNCRO_BOT_SECRET_KEY is not valid base64")
        .hasMessageNotContaining(value)
        .hasMessageNotContaining("secretish")
        .hasNoCause();
  }

  @Test
  void load_envValueOfWrongLength_namesVariableAndLengthButNotValue() {
    String value = Base64.getEncoder().encodeToString(filled(5, 16));

    assertThatThrownBy(() -> SecretKeys.load(value, dir.resolve("secret.key")))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("SYNCRO_BOT_SECRET_KEY decodes to 16 bytes, not 32")
        .hasMessageContaining("openssl rand -base64 32")
        .hasMessageNotContaining(value);
  }

  @Test
  void load_fileOfWrongLength_namesFileButNotContent() throws Exception {
    String content = Base64.getEncoder().encodeToString(filled(6, 31));
    Path keyFile = Files.writeString(dir.resolve("secret.key"), content);

    assertThatThrownBy(() -> SecretKeys.load(null, keyFile))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("the key file " + keyFile + " decodes to 31 bytes")
        .hasMessageNotContaining(content);
  }

  @Test
  void load_fileReadableByOthers_loadsAndWarnsWithoutKey() throws Exception {
    assumeTrue(posix());
    byte[] fileKey = filled(7);
    String encoded = Base64.getEncoder().encodeToString(fileKey);
    Path keyFile = Files.writeString(dir.resolve("secret.key"), encoded);
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-r--r--"));

    try (LogCapture logs = new LogCapture(SecretKeys.class)) {
      assertThat(SecretKeys.load(null, keyFile).getEncoded()).isEqualTo(fileKey);

      assertThat(logs.messages(Level.WARN)).singleElement().satisfies(m -> assertThat(m)
          .contains("rw-r--r--", "chmod 600")
          .doesNotContain(encoded));
    }
  }

  @Test
  void load_ownerOnlyFile_loadsSilently() throws Exception {
    assumeTrue(posix());
    Path keyFile = Files.writeString(dir.resolve("secret.key"), Base64.getEncoder().encodeToString(filled(8)));
    Files.setPosixFilePermissions(keyFile, PosixFilePermissions.fromString("rw-------"));

    try (LogCapture logs = new LogCapture(SecretKeys.class)) {
      SecretKeys.load(null, keyFile);

      assertThat(logs.allMessages()).isEmpty();
    }
  }

  @Test
  void load_keyFolderIsAFile_failsNamingTheKeyFile() throws Exception {
    Path blocker = Files.writeString(dir.resolve("blocker"), "x");
    Path keyFile = blocker.resolve("secret.key");

    assertThatThrownBy(() -> SecretKeys.load(null, keyFile))
        .isInstanceOf(SecretKeyException.class)
        .hasMessageContaining("cannot write a new token-encryption key file " + keyFile);
  }

  private static boolean posix() {
    return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
  }

  private static byte[] filled(int value) {
    return filled(value, 32);
  }

  private static byte[] filled(int value, int length) {
    byte[] bytes = new byte[length];
    for (int i = 0; i < length; i++) {
      bytes[i] = (byte) (value * 31 + i);
    }
    return bytes;
  }
}
