package com.syncrobot.bench;

import com.syncrobot.playground.sandbox.model.SandboxState;
import com.syncrobot.playground.sandbox.model.SandboxTicket;
import com.syncrobot.playground.slack.SimMessage;
import com.syncrobot.playground.slack.SimModal;
import com.syncrobot.testkit.BotRig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Brings a freshly started bot to the state of one that has run for a while (classes loaded, hot
 * paths compiled) before anything is measured: with no Syncro latency, one technician runs each
 * command kind a few times, untimed except the very first answer, which is the cold-start figure.
 */
final class Warmup {
  /** Warm-up rounds per started bot. */
  static final int ROUNDS = 2;

  private Warmup() {}

  /**
   * Runs {@code /syncro ticket N} three times, untimed but the first: a warm-up that leaves the
   * request budget almost whole, for the digest. Returns the first answer time in ms (cold JVM).
   */
  static double light(BotRig w, Driver d, String user) throws Exception {
    Duration latency = w.sandbox.faults().latency();
    w.sandbox.faults().latency(Duration.ZERO);
    try {
      SandboxTicket t = Tickets.open(w.sandbox.state()).get(0);
      double cold = -1;
      for (int i = 0; i < 3; i++) {
        Set<String> before = d.seen(user);
        Driver.Ack a = d.command(user, "/syncro ticket " + t.number());
        d.awaitNew(user, before, m -> user.equals(m.ephemeralTo()) && m.allText().contains("#" + t.number()));
        cold = i == 0 ? Driver.millisSince(a.sentNanos()) : cold;
      }
      return cold;
    } finally {
      w.sandbox.faults().latency(latency);
    }
  }

  /**
   * Runs one round per ticket of {@code bills}: ticket, list, a comment, a bill of that ticket and a
   * create, each confirmed to Done; returns the first {@code /syncro ticket N} answer time in ms (cold
   * JVM).
   */
  static double run(BotRig w, Driver d, String user, List<SandboxTicket> bills) throws Exception {
    Duration latency = w.sandbox.faults().latency();
    w.sandbox.faults().latency(Duration.ZERO);
    try {
      SandboxState s = w.sandbox.state();
      SandboxTicket t = Tickets.open(s).get(0);
      double cold = -1;
      for (int i = 0; i < bills.size(); i++) {
        Set<String> before = d.seen(user);
        Driver.Ack a = d.command(user, "/syncro ticket " + t.number());
        d.awaitNew(user, before, m -> user.equals(m.ephemeralTo()) && m.allText().contains("#" + t.number()));
        if (i == 0) {
          cold = Driver.millisSince(a.sentNanos());
        }
        before = d.seen(user);
        d.command(user, "/syncro");
        d.awaitNew(user, before, m -> m.allText().contains("open ticket"));

        String body = "Warm-up " + (i + 1) + ": checked the event log.";
        before = d.seen(user);
        d.command(user, "/syncro comment " + t.number());
        d.awaitForm(user, "body");
        d.submit(user, Map.of("subject", "Update", "body", body));
        SimMessage preview = d.awaitNew(user, before, m -> m.buttons().contains("Confirm")
            && m.allText().contains(body));
        d.click(user, preview, "Details");
        d.click(user, preview, "Confirm");
        d.awaitChanged(preview.ts(), m -> m.allText().contains("Done."));

        String work = "Warm-up " + (i + 1) + ": updated the printer driver.";
        before = d.seen(user);
        d.command(user, "/syncro bill " + bills.get(i).number());
        d.awaitForm(user, "minutes");
        d.submit(user, Map.of("minutes", "15", "labour", "remote", "work", work));
        preview = d.awaitNew(user, before, m -> m.buttons().contains("Confirm") && m.allText().contains(work));
        d.click(user, preview, "Confirm");
        d.awaitChanged(preview.ts(), m -> m.allText().contains("Done."));

        String subject = "Warm-up " + (i + 1) + ": scanner offline";
        before = d.seen(user);
        d.command(user, "/syncro create Canyon Dental Group");
        SimModal form = d.awaitForm(user, "subject");
        d.submit(user, Map.of("subject", subject, "issue_type", CriticalPaths.issueType(form), "description",
            "The scanner shows offline."));
        preview = d.awaitNew(user, before, m -> m.buttons().contains("Confirm") && m.allText().contains(subject));
        d.click(user, preview, "Confirm");
        d.awaitChanged(preview.ts(), m -> m.allText().contains("Done."));
      }
      return cold;
    } finally {
      w.sandbox.faults().latency(latency);
    }
  }
}
