package com.syncrobot.playground;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Without chromium-driver every browser test shows as skipped with the reason, instead of the
 * class vanishing from the totals ("Tests run: 0"). Runs the browser test classes through the
 * JUnit launcher with the driver pointed at a path that does not exist.
 */
final class BrowserSkipTest {
  /** Package-private in another package, so named. */
  static final String SMOKE = "com.syncrobot.playground.slack.BrowserSmokeTest";
  static final String RENDERING = "com.syncrobot.playground.slack.SlackRenderingBrowserTest";

  @TempDir
  Path dir;

  /** One finished test or container: whether it is a test, how it ended and why. */
  record Outcome(boolean test, TestExecutionResult.Status status, String reason) {}

  @Test
  void withoutTheDriver_everyBrowserTestIsSkippedWithTheReason() throws Exception {
    Path absent = dir.resolve("chromedriver");
    List<Outcome> outcomes = new ArrayList<>();
    String before = System.getProperty(HeadlessChromium.DRIVER_PROPERTY);
    System.setProperty(HeadlessChromium.DRIVER_PROPERTY, absent.toString());
    try {
      Launcher launcher = LauncherFactory.create();
      launcher.execute(
          LauncherDiscoveryRequestBuilder.request()
              .selectors(selectClass(PlaygroundBrowserTest.class), selectClass(SMOKE), selectClass(RENDERING))
              .build(),
          new TestExecutionListener() {
            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
              outcomes.add(
                  new Outcome(
                      id.isTest(),
                      result.getStatus(),
                      result.getThrowable().map(Throwable::getMessage).orElse("")));
            }
          });
    } finally {
      if (before == null) {
        System.clearProperty(HeadlessChromium.DRIVER_PROPERTY);
      } else {
        System.setProperty(HeadlessChromium.DRIVER_PROPERTY, before);
      }
    }

    List<Outcome> tests = outcomes.stream().filter(Outcome::test).toList();
    assertThat(tests).hasSize(testMethods(PlaygroundBrowserTest.class) + testMethods(Class.forName(SMOKE))
        + testMethods(Class.forName(RENDERING)));
    assertThat(tests)
        .allSatisfy(
            t -> {
              assertThat(t.status()).isEqualTo(TestExecutionResult.Status.ABORTED);
              assertThat(t.reason())
                  .contains("no " + absent + " (Debian package chromium-driver)")
                  .contains("apt-get install chromium chromium-driver");
            });
    // No class was aborted as a whole, which Surefire would count as zero tests.
    assertThat(outcomes.stream().filter(o -> !o.test()).map(Outcome::status))
        .containsOnly(TestExecutionResult.Status.SUCCESSFUL);
  }

  private static int testMethods(Class<?> type) {
    return (int) Arrays.stream(type.getDeclaredMethods())
        .filter((Method m) -> m.isAnnotationPresent(Test.class))
        .count();
  }
}
