package com.syncrobot.store;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A checked {@code jdbc:sqlite:} URL: a database file, or a shared-cache in-memory one when {@code file} is null. */
record SqliteUrl(String jdbcUrl, @Nullable Path file) {
  static final String PREFIX = "jdbc:sqlite:";

  private static final String HINT = "use jdbc:sqlite:PATH/TO/FILE.db, or jdbc:sqlite:file:NAME?mode=memory&cache=shared for an in-memory database";

  SqliteUrl {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
  }

  /**
   * Parses and checks {@code jdbcUrl}.
   *
   * @throws IllegalArgumentException if it is not a SQLite URL, or names a database that every
   *     connection would see differently (a private in-memory or temporary database)
   */
  static SqliteUrl parse(String jdbcUrl) {
    Objects.requireNonNull(jdbcUrl, "jdbcUrl == null");
    if (!jdbcUrl.startsWith(PREFIX)) {
      // Other databases' URLs may carry a password, so only their scheme is echoed.
      String shown = jdbcUrl.startsWith("jdbc:") && jdbcUrl.indexOf(':', 5) > 0
          ? "a " + jdbcUrl.substring(0, jdbcUrl.indexOf(':', 5) + 1) + " URL"
          : "a value that is not a JDBC URL";
      throw new IllegalArgumentException("not a SQLite URL: the database URL must start with " + PREFIX + ", got "
          + shown + "; " + HINT);
    }
    String rest = jdbcUrl.substring(PREFIX.length());
    int q = rest.indexOf('?');
    String location = q < 0 ? rest : rest.substring(0, q);
    List<String> params = q < 0 ? List.of() : Arrays.asList(rest.substring(q + 1).split("&"));
    if (location.isEmpty() || location.startsWith(":")) {
      // ":memory:" and "" give every connection its own database, so migrations would be lost.
      throw new IllegalArgumentException(
          "the database URL " + jdbcUrl + " names a private in-memory, temporary or resource database; " + HINT);
    }
    if (params.contains("mode=memory")) {
      if (!params.contains("cache=shared")) {
        throw new IllegalArgumentException(
            "the in-memory database URL " + jdbcUrl + " needs cache=shared so that all connections see it; " + HINT);
      }
      return new SqliteUrl(jdbcUrl, null);
    }
    if (location.startsWith("file:")) {
      location = fileUriPath(jdbcUrl, location.substring("file:".length()));
    }
    return new SqliteUrl(jdbcUrl, Path.of(location));
  }

  /** Returns the file path of a SQLite URI filename's part after {@code file:}, percent-decoded. */
  private static String fileUriPath(String jdbcUrl, String uriPath) {
    String path = uriPath;
    if (path.startsWith("//")) {
      int slash = path.indexOf('/', 2);
      String authority = slash < 0 ? path.substring(2) : path.substring(2, slash);
      if (!authority.isEmpty() && !authority.equals("localhost")) {
        throw new IllegalArgumentException("the database URL " + jdbcUrl + " names a remote host; " + HINT);
      }
      path = slash < 0 ? "" : path.substring(slash);
    }
    if (path.isEmpty()) {
      throw new IllegalArgumentException("the database URL " + jdbcUrl + " has no file path; " + HINT);
    }
    return percentDecode(path);
  }

  private static String percentDecode(String s) {
    if (s.indexOf('%') < 0) {
      return s;
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '%' && i + 2 < s.length()
          && Character.digit(s.charAt(i + 1), 16) >= 0 && Character.digit(s.charAt(i + 2), 16) >= 0) {
        out.write(Integer.parseInt(s.substring(i + 1, i + 3), 16));
        i += 2;
      } else {
        out.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    return out.toString(StandardCharsets.UTF_8);
  }
}
