package com.syncrobot.playground.slack;

import com.syncrobot.testkit.Clocks;
import java.io.IOException;
import java.time.Clock;
import org.threeten.extra.MutableClock;

/** A simulator on loopback wired to a {@link FakeBot}, both stopped by {@link #close()}. */
final class SimFixture implements AutoCloseable {
  static final String SECRET = "sim-test-signing-secret-42";
  static final String TOKEN = "xoxb-sim-test-bot-token";
  static final String ALICE = "U0ALICE";
  static final String BOB = "U0BOB";

  final FakeBot bot;
  final SlackSimulator sim;
  final MutableClock clock;

  SimFixture() throws IOException {
    this(Clocks.now());
  }

  SimFixture(MutableClock clock) throws IOException {
    this.clock = clock;
    this.bot = new FakeBot(SECRET);
    Clock c = clock;
    this.sim = SlackSimulator.start("127.0.0.1", 0, bot.eventsUrl(), SECRET, TOKEN, DemoUser.technicians(), c);
    bot.useApi(sim.apiUrl(), TOKEN);
  }

  @Override
  public void close() {
    sim.stop();
    bot.close();
  }
}
