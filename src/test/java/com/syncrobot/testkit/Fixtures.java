package com.syncrobot.testkit;

import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;

/**
 * The secrets the tests hand the bot: a Slack signing secret and bot token, Syncro API tokens shaped
 * like real ones, and fresh token keys. None of them is real; tests that prove a secret never reaches a
 * log or a message search for these values.
 */
public final class Fixtures {
  /** The Slack signing secret requests to the bot are signed with. */
  public static final String SIGNING_SECRET = "test-signing-secret-7d1f";
  /** The Slack bot token ({@code SLACK_BOT_TOKEN}). */
  public static final String BOT_TOKEN = "xoxb-test-bot-token";
  /** A technician's Syncro API token, shaped like a real one (the redactor's pattern matches it). */
  public static final String SYNCRO_TOKEN = "T0123456789abcdef-0123456789abcdef0123456789abcdef";
  /** A Syncro API token with "SECRET" in it, for tests that search output for a leak. */
  public static final String SECRET_SYNCRO_TOKEN = "T0123456789abcdef-SECRETsecretSECRETsecret0123456789";

  private Fixtures() {}

  /** A fresh AES-256 key, as the bot's token cipher uses ({@code SYNCRO_BOT_SECRET_KEY}). */
  public static SecretKey newKey() {
    try {
      KeyGenerator kg = KeyGenerator.getInstance("AES");
      kg.init(256);
      return kg.generateKey();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("no AES in this JVM", e);
    }
  }

  /** {@code key} in Base64, as {@code SYNCRO_BOT_SECRET_KEY} holds it. */
  public static String base64(SecretKey key) {
    return Base64.getEncoder().encodeToString(key.getEncoded());
  }
}
