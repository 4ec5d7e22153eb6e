package com.syncrobot.playground;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where the browser tests find Debian's {@code chromium} and {@code chromium-driver}, and why they
 * are skipped when either is missing. The paths can be moved with {@code -Dsyncro.chromium=…} and
 * {@code -Dsyncro.chromedriver=…}.
 */
public final class HeadlessChromium {
  public static final String BINARY_PROPERTY = "syncro.chromium";
  public static final String DRIVER_PROPERTY = "syncro.chromedriver";

  /** Whether the reason was printed already: once per test run is enough in Maven's output. */
  private static final AtomicBoolean TOLD = new AtomicBoolean();

  private HeadlessChromium() {}

  public static Path binary() {
    return Path.of(System.getProperty(BINARY_PROPERTY, "/usr/bin/chromium"));
  }

  public static Path driver() {
    return Path.of(System.getProperty(DRIVER_PROPERTY, "/usr/bin/chromedriver"));
  }

  /** Why the browser tests cannot run on this machine; empty when both programs are there. */
  public static Optional<String> unavailable() {
    List<String> missing = new ArrayList<>();
    if (!Files.isExecutable(binary())) {
      missing.add("no " + binary() + " (Debian package chromium)");
    }
    if (!Files.isExecutable(driver())) {
      missing.add("no " + driver() + " (Debian package chromium-driver)");
    }
    if (missing.isEmpty()) {
      return Optional.empty();
    }
    String why =
        "browser test skipped: "
            + String.join(", ", missing)
            + "; install with: apt-get install chromium chromium-driver";
    if (!TOLD.getAndSet(true)) {
      // Surefire counts skipped tests but prints no reason; this line says why, once.
      System.err.println(why);
    }
    return Optional.of(why);
  }
}
