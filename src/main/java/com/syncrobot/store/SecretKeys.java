package com.syncrobot.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the AES-256 key that encrypts stored Syncro tokens (R11): from the environment value, else
 * from the key file, else a new random key written to the key file. No message ever contains the key.
 */
public final class SecretKeys {
  private static final Logger log = LoggerFactory.getLogger(SecretKeys.class);

  /** The environment variable that holds the base64 key; named in error messages. */
  public static final String ENV_VARIABLE = "SYNCRO_BOT_SECRET_KEY";

  static final int KEY_BYTES = 32;

  private static final Set<PosixFilePermission> OWNER_ONLY = EnumSet.of(PosixFilePermission.OWNER_READ,
      PosixFilePermission.OWNER_WRITE);

  private SecretKeys() {}

  /**
   * Returns the token-encryption key. A non-blank {@code base64} wins; otherwise {@code keyFile} is
   * read if it exists (with a warning when others may read it); otherwise 32 random bytes are written
   * to a new {@code keyFile} readable only by its owner, and a warning says to back it up.
   *
   * @throws SecretKeyException if the value or the file is not the base64 of exactly 32 bytes, or the
   *     file cannot be read or written
   */
  public static SecretKey load(@Nullable String base64, Path keyFile) {
    Objects.requireNonNull(keyFile, "keyFile == null");
    if (base64 != null && !base64.isBlank()) {
      return decode(base64, ENV_VARIABLE);
    }
    if (Files.exists(keyFile)) {
      return readKeyFile(keyFile);
    }
    return generate(keyFile);
  }

  private static SecretKey readKeyFile(Path keyFile) {
    warnIfReadableByOthers(keyFile);
    String content;
    try {
      content = Files.readString(keyFile, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new SecretKeyException("cannot read the token-encryption key file " + keyFile + ": " + e, e);
    }
    return decode(content, "the key file " + keyFile);
  }

  private static void warnIfReadableByOthers(Path keyFile) {
    Set<PosixFilePermission> permissions;
    try {
      permissions = Files.getPosixFilePermissions(keyFile);
    } catch (UnsupportedOperationException | IOException e) {
      return; // Not a POSIX file system: nothing meaningful to check.
    }
    if (!OWNER_ONLY.containsAll(permissions)) {
      log.warn("Token-encryption key file {} has permissions {}; run chmod 600 on it so only the bot's user can"
          + " read it", keyFile.toAbsolutePath(), PosixFilePermissions.toString(permissions));
    }
  }

  /** Decodes a base64 key; {@code source} names where it came from, and the value is never echoed. */
  private static SecretKey decode(String base64, String source) {
    byte[] bytes;
    try {
      bytes = Base64.getDecoder().decode(base64.strip());
    } catch (IllegalArgumentException e) {
      // The decoder's message quotes an offending character, so it is not kept as the cause.
      throw new SecretKeyException(source + " is not valid base64; " + expectation(), null);
    }
    try {
      if (bytes.length != KEY_BYTES) {
        throw new SecretKeyException(
            source + " decodes to " + bytes.length + " bytes, not " + KEY_BYTES + "; " + expectation(), null);
      }
      return new SecretKeySpec(bytes, "AES");
    } finally {
      Arrays.fill(bytes, (byte) 0);
    }
  }

  private static String expectation() {
    return "it must be the base64 of exactly " + KEY_BYTES + " random bytes, e.g. from `openssl rand -base64 32`";
  }

  private static SecretKey generate(Path keyFile) {
    byte[] key = new byte[KEY_BYTES];
    new SecureRandom().nextBytes(key);
    byte[] content = (Base64.getEncoder().encodeToString(key) + "\n").getBytes(StandardCharsets.US_ASCII);
    try {
      Path absolute = keyFile.toAbsolutePath();
      Path folder = absolute.getParent();
      Files.createDirectories(folder);
      boolean posix = folder.getFileSystem().supportedFileAttributeViews().contains("posix");
      // The file is born owner-only, so the key is never readable by others, not even briefly.
      FileAttribute<?>[] ownerOnly = posix
          ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY)}
          : new FileAttribute<?>[0];
      Path temp = Files.createTempFile(folder, ".syncro-bot-key-", ".tmp", ownerOnly);
      try {
        try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
          channel.write(ByteBuffer.wrap(content));
          channel.force(true);
        }
        if (!publish(temp, absolute)) {
          // Another process generated the key first; use theirs so both encrypt with the same key.
          return readKeyFile(keyFile);
        }
      } finally {
        Files.deleteIfExists(temp);
      }
      log.warn("Generated a new token-encryption key at {}; back it up: tokens stored with it cannot be read"
          + " without it", absolute);
      return new SecretKeySpec(key, "AES");
    } catch (IOException e) {
      throw new SecretKeyException("cannot write a new token-encryption key file " + keyFile + ": " + e, e);
    } finally {
      Arrays.fill(key, (byte) 0);
      Arrays.fill(content, (byte) 0);
    }
  }

  /**
   * Makes the complete temp file appear at {@code target} only if nothing is there yet; returns false
   * if {@code target} already exists.
   */
  private static boolean publish(Path temp, Path target) throws IOException {
    try {
      // A hard link fails atomically when the target exists, unlike a rename, which would replace it.
      Files.createLink(target, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | IOException e) {
      try {
        Files.move(temp, target);
        return true;
      } catch (FileAlreadyExistsException raced) {
        return false;
      }
    }
  }
}
