package com.syncrobot.store;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * A {@code jdbc:postgresql:} URL and the form of it that may be shown: any password among its parameters
 * replaced by {@code ***}.
 */
record PostgresUrl(String jdbcUrl, String shown) {
  static final String PREFIX = "jdbc:postgresql:";

  private static final Pattern PASSWORD = Pattern.compile("(?i)((?:^|[?&;])(?:ssl)?password=)[^&;]*");

  PostgresUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
    Objects.requireNonNull(shown, "shown == null");
  }

  /**
   * Checks {@code jdbcUrl}.
   *
   * @throws IllegalArgumentException if it is not a PostgreSQL URL with a host or database
   */
  static PostgresUrl parse(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
    String shown = redact(jdbcUrl);
    if (!jdbcUrl.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a PostgreSQL URL: " + shown);
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int q = rest.indexOf('?');
    String location = q < 0 ? rest : rest.substring(0, q);
    if (location.isEmpty() || location.equals("//") || location.endsWith("/")) {
      throw new IllegalArgumentException("the database URL " + shown + " names no database; use"
          + " jdbc:postgresql://HOST:5432/DATABASE");
    }
    return new PostgresUrl(jdbcUrl, shown);
  }

  /**
   * Returns the URL without its {@code password} parameter, and that password (null when it has none), so that
   * the password travels only in the pool's login, never in a URL a library may log.
   */
  Login login() {
    Matcher m = Pattern.compile("([?&;])password=([^&;]*)&?").matcher(jdbcUrl);
    if (!m.find()) {
      return new Login(jdbcUrl, null);
    }
    String password = URLDecoder.decode(m.group(2), StandardCharsets.UTF_8);
    String rest = jdbcUrl.substring(0, m.start()) + (m.group(0).endsWith("&") ? m.group(1) : "")
        + jdbcUrl.substring(m.end());
    return new Login(rest, password);
  }

  /** A URL without a password, and the password. */
  record Login(String url, @Nullable String password) {}

  /** Returns {@code url} with the value of every password parameter replaced by {@code ***}. */
  static String redact(String url) {
    return PASSWORD.matcher(url).replaceAll("$1***");
  }

  @Override
  public String toString() {
    return shown;
  }
}
