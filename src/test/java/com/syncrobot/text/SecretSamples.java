package com.syncrobot.text;

import java.util.EnumMap;
import java.util.Map;

/** One text per {@link Secret} shape, with the value that must never be echoed; each is one the weaker copy missed. */
public final class SecretSamples {
  /** A text holding a secret, and the secret's value. */
  public record Sample(String text, String value) {}

  private SecretSamples() {}

  /** Every shape of {@link Secret}, each with a sample. */
  public static Map<Secret, Sample> all() {
    Map<Secret, Sample> m = new EnumMap<>(Secret.class);
    // The billing review's copy missed these three (no word boundary, no xoxe-, values under six characters) ...
    m.put(Secret.API_KEY, new Sample("Configured the app with x_api_key=abc123def", "abc123def"));
    m.put(Secret.SLACK_TOKEN, new Sample("Refresh token xoxe-1-ABCdef123456", "1-ABCdef123456"));
    m.put(Secret.TOKEN_OR_SECRET, new Sample("The portal secret: Zq9", "Zq9"));
    // ... the Slack forms' copy missed these three (t instead of T, bearer, "password is").
    m.put(Secret.SYNCRO_TOKEN, new Sample("Old key t0123456789abcdef-0123456789abcdef0123456789abcdef revoked",
        "0123456789abcdef-0123456789abcdef0123456789abcdef"));
    m.put(Secret.BEARER_TOKEN, new Sample("Call it with Bearer abcdefghijklmnop12345", "abcdefghijklmnop12345"));
    m.put(Secret.PASSWORD, new Sample("The wifi password is Hunter2024", "Hunter2024"));
    return m;
  }
}
