package com.syncrobot.app;

import static com.syncrobot.app.WriteFlowHarness.JANE;
import static com.syncrobot.app.WriteFlowHarness.text;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code rates set} run as its own process-like command (its own store handle on the bot's SQLite file)
 * while the bot serves: the running bot prices the very next preview with the new rate, with no restart.
 * The rate table is read from the store at every use, so another replica's change is seen at once too.
 */
final class RatesChangeFlowTest {
  @RegisterExtension
  static final WriteFlowHarness bot = WriteFlowHarness.builder().syncroOnWireMock().connect(JANE, "Jane Tech").build();
  final BillStubs billing = new BillStubs(bot);

  private static void ratesCli(String... args) {
    Map<String, String> env = Map.of(BotConfig.DB_URL, "jdbc:sqlite:" + bot.dbFile,
        BotConfig.SECRET_KEY_FILE, bot.dbFile.resolveSibling("secret.key").toString());
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code = Main.run(new Main.Cli(env, new ByteArrayInputStream(new byte[0]),
        new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8),
        Clock.systemUTC()), args);
    assertThat(code).as(out.toString(StandardCharsets.UTF_8)).isZero();
  }

  @Test
  void ratesSetFromTheCommandLine_pricesTheRunningBotsNextPreview_R6() throws Exception {
    billing.happyPath("null", "112.50");
    assertThat(text(billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner")).message()))
        .contains("0.75 × Labor - Remote Business at $150.00 = $112.50");

    ratesCli("rates", "set", "remote", "--product", "1190473", "--price", "160.00", "--name",
        "Labor - Remote Business");

    assertThat(text(billing.preview(BillStubs.Form.of("45", "remote", "Swapped the toner")).message()))
        .contains("0.75 × Labor - Remote Business at $160.00 = $120.00");
  }
}
