package com.syncrobot.playground;

import java.nio.file.Files;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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

  /**
   * Starts a headless Chromium with its own profile in {@code profile} and a window of {@code width} ×
   * {@code height}; call only when {@link #unavailable()} is empty.
   */
  public static WebDriver start(Path profile, int width, int height) {
    ChromeOptions options = new ChromeOptions();
    options.setBinary(binary().toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profile.toAbsolutePath(), "--window-size=" + width + "," + height, "--lang=en-US");
    ChromeDriverService service = new ChromeDriverService.Builder()
        .usingDriverExecutable(driver().toFile()).usingAnyFreePort().build();
    return new ChromeDriver(service, options);
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
    String why = "browser test skipped: "
        + String.join(", ", missing)
        + "; install with: apt-get install chromium chromium-driver";
    if (!TOLD.getAndSet(true)) {
      // Surefire counts skipped tests but prints no reason; this line says why, once.
      System.err.println(why);
    }
    return Optional.of(why);
  }
}
