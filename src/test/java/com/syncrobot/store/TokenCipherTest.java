package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.syncrobot.syncro.SyncroToken;
import com.syncrobot.testkit.Fixtures;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

final class TokenCipherTest {
  private static final SyncroToken TOKEN = new SyncroToken("T3chToken-0123456789abcdef");

  private final SecretKey key = Fixtures.newKey();
  private final TokenCipher cipher = new TokenCipher(key);

  @Test
  void encryptThenDecrypt_sameUser_returnsToken_R11() {
    byte[] sealed = cipher.encrypt(TOKEN, "U123");

    assertThat(cipher.decrypt(sealed, "U123")).isEqualTo(TOKEN);
  }

  @Test
  void encrypt_sealedFormat_isVersionNonceCiphertextAndTag() {
    byte[] sealed = cipher.encrypt(TOKEN, "U123");

    assertThat(sealed[0]).isEqualTo((byte) 1);
    assertThat(sealed).hasSize(1 + 12 + TOKEN.value().length() + 16);
    assertThat(new String(sealed, StandardCharsets.ISO_8859_1)).doesNotContain(TOKEN.value());
  }

  @Test
  void encrypt_twice_usesFreshNonces() {
    // A repeated GCM nonce under one key leaks the XOR of plaintexts and the authentication key.
    byte[] a = cipher.encrypt(TOKEN, "U123");
    byte[] b = cipher.encrypt(TOKEN, "U123");

    assertThat(java.util.Arrays.copyOfRange(a, 1, 13)).isNotEqualTo(java.util.Arrays.copyOfRange(b, 1, 13));
    assertThat(a).isNotEqualTo(b);
  }

  @Test
  void decrypt_otherUsersCiphertext_fails_R11() {
    // Copying Ann's row into Bob's must not let Bob act as Ann in Syncro.
    byte[] annsToken = cipher.encrypt(TOKEN, "UANN");

    assertThatThrownBy(() -> cipher.decrypt(annsToken, "UBOB"))
        .isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("UBOB")
        .hasMessageNotContaining(TOKEN.value());
  }

  @Test
  void decrypt_differentKey_failsWithoutSecretsInMessage_R11() {
    byte[] sealed = cipher.encrypt(TOKEN, "U123");
    TokenCipher otherKey = new TokenCipher(Fixtures.newKey());

    assertThatThrownBy(() -> otherKey.decrypt(sealed, "U123"))
        .isInstanceOf(TokenDecryptionException.class)
        .hasMessage("stored Syncro token for Slack user U123 cannot be decrypted with the current key"
            + " (was SYNCRO_BOT_SECRET_KEY changed?)")
        .satisfies(e -> assertThat(((TokenDecryptionException) e).slackUserId()).isEqualTo("U123"));
  }

  @Test
  void decrypt_tamperedByte_fails() {
    byte[] sealed = cipher.encrypt(TOKEN, "U123");
    sealed[sealed.length - 20] ^= 1;

    assertThatThrownBy(() -> cipher.decrypt(sealed, "U123")).isInstanceOf(TokenDecryptionException.class);
  }

  @Test
  void decrypt_unknownVersionOrTooShort_failsClearly() {
    byte[] sealed = cipher.encrypt(TOKEN, "U123");
    sealed[0] = 2;

    assertThatThrownBy(() -> cipher.decrypt(sealed, "U123"))
        .isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("unknown format version 2");
    assertThatThrownBy(() -> cipher.decrypt(new byte[] {1, 2, 3}, "U123"))
        .isInstanceOf(TokenDecryptionException.class)
        .hasMessageContaining("too short");
  }

  @Test
  void constructor_128BitKey_rejected() {
    SecretKey shortKey = new SecretKeySpec(new byte[16], "AES");

    assertThatThrownBy(() -> new TokenCipher(shortKey))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("256-bit")
        .hasMessageContaining("128 bits");
  }

  @Test
  void toString_revealsNoKey() {
    assertThat(cipher.toString()).doesNotContain(Base64.getEncoder().encodeToString(key.getEncoded()));
  }

}
