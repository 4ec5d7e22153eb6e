package com.syncrobot.playground;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the browser tests find Debian's {@code chromium} and {@code chromium-driver}, and why they
 * are skipped when either is missing. The paths can be moved with {@code -Dsyncro.chromium=…} and
 * {@code -Dsyncro.chromedriver=…}.
 */
public final class HeadlessChromium {
  public static final String BINARY_PROPERTY = "syncro.chromium";
  public static final String DRIVER_PROPERTY = "syncro.chromedriver";

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
    return missing.isEmpty()
        ? Optional.empty()
        : Optional.of(
            "browser test skipped: "
                + String.join(", ", missing)
                + "; install with: apt-get install chromium chromium-driver");
  }
}
