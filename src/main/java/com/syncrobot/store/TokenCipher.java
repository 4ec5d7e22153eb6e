package com.syncrobot.store;

import com.syncrobot.syncro.SyncroToken;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts Syncro tokens for storage with AES-256-GCM, binding each ciphertext to its Slack user so
 * a ciphertext copied to another user's row does not decrypt (R11). Thread-safe.
 *
 * <p>Sealed format: one version byte ({@value #VERSION}), a fresh random 12-byte nonce, then the
 * ciphertext with its 128-bit tag. The additional authenticated data is {@code "syncro-bot:v1:" +
 * slackUserId}.
 */
public final class TokenCipher {
  static final byte VERSION = 1;
  static final int NONCE_BYTES = 12;
  static final int TAG_BITS = 128;
  private static final String TRANSFORMATION = "AES/GCM/NoPadding";
  private static final String AAD_PREFIX = "syncro-bot:v1:";

  private final SecretKey key;
  private final SecureRandom random = new SecureRandom();

  /**
   * Creates a cipher with a 256-bit AES key.
   *
   * @throws IllegalArgumentException if the key is not a 32-byte AES key
   */
  public TokenCipher(SecretKey key) {
    Objects.requireNonNull(key, "key == null");
    byte[] encoded = key.getEncoded();
    if (!"AES".equalsIgnoreCase(key.getAlgorithm()) || encoded == null || encoded.length != 32) {
      throw new IllegalArgumentException("TokenCipher needs a 256-bit AES key, got " + key.getAlgorithm()
          + (encoded == null ? "" : " of " + encoded.length * 8 + " bits"));
    }
    Arrays.fill(encoded, (byte) 0);
    this.key = key;
  }

  /** Returns the sealed ciphertext of {@code token}, usable only for {@code slackUserId}. */
  public byte[] encrypt(SyncroToken token, String slackUserId) {
    Objects.requireNonNull(token, "token == null");
    requireUser(slackUserId);
    byte[] nonce = new byte[NONCE_BYTES];
    random.nextBytes(nonce);
    byte[] plaintext = token.value().getBytes(StandardCharsets.UTF_8);
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(aad(slackUserId));
      byte[] ciphertext = cipher.doFinal(plaintext);
      return ByteBuffer.allocate(1 + NONCE_BYTES + ciphertext.length)
          .put(VERSION)
          .put(nonce)
          .put(ciphertext)
          .array();
    } catch (GeneralSecurityException e) {
      // Only reachable if the JDK lacks AES-GCM; the message holds no secret.
      throw new IllegalStateException("AES-GCM encryption is unavailable: " + e.getMessage(), e);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  /**
   * Returns the token sealed in {@code sealed} for {@code slackUserId}.
   *
   * @throws TokenDecryptionException if the key differs, the data is damaged, or it was sealed for
   *     another user
   */
  public SyncroToken decrypt(byte[] sealed, String slackUserId) {
    Objects.requireNonNull(sealed, "sealed == null");
    requireUser(slackUserId);
    if (sealed.length < 1 + NONCE_BYTES + TAG_BITS / 8 + 1) {
      throw new TokenDecryptionException(slackUserId, "is damaged (too short to be a sealed token)", null);
    }
    if (sealed[0] != VERSION) {
      throw new TokenDecryptionException(slackUserId, "has an unknown format version " + sealed[0], null);
    }
    byte[] plaintext;
    try {
      Cipher cipher = Cipher.getInstance(TRANSFORMATION);
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, sealed, 1, NONCE_BYTES));
      cipher.updateAAD(aad(slackUserId));
      plaintext = cipher.doFinal(sealed, 1 + NONCE_BYTES, sealed.length - 1 - NONCE_BYTES);
    } catch (AEADBadTagException e) {
      throw new TokenDecryptionException(slackUserId,
          "cannot be decrypted with the current key (was " + SecretKeys.ENV_VARIABLE + " changed?)", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM decryption is unavailable: " + e.getMessage(), e);
    }
    try {
      return new SyncroToken(new String(plaintext, StandardCharsets.UTF_8));
    } catch (IllegalArgumentException e) {
      // Not reachable for data this class sealed; never pass on the decrypted text.
      throw new TokenDecryptionException(slackUserId, "decrypts to something that is not a token", null);
    } finally {
      Arrays.fill(plaintext, (byte) 0);
    }
  }

  private static byte[] aad(String slackUserId) {
    return (AAD_PREFIX + slackUserId).getBytes(StandardCharsets.UTF_8);
  }

  private static void requireUser(String slackUserId) {
    Objects.requireNonNull(slackUserId, "slackUserId == null");
    if (slackUserId.isBlank()) {
      throw new IllegalArgumentException("slackUserId is blank");
    }
  }

  @Override
  public String toString() {
    return "TokenCipher[AES-256-GCM]";
  }
}
