package com.syncrobot.playground.slack;

import java.time.ZoneId;
import java.util.List;
import java.util.Objects;

/**
 * A person in the simulated workspace: Slack user id ({@code U…}), handle, full name and IANA
 * time zone, which {@code users.info} reports.
 */
public record DemoUser(String id, String name, String realName, ZoneId tz) {
  public DemoUser {
    Objects.requireNonNull(id, "id == null");
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(realName, "realName == null");
    Objects.requireNonNull(tz, "tz == null");
    if (!id.matches("U[A-Z0-9]{2,20}")) {
      throw new IllegalArgumentException("not a Slack user id: " + id);
    }
    if (name.isBlank() || realName.isBlank()) {
      throw new IllegalArgumentException("blank name for " + id);
    }
  }

  /** Returns the three demo technicians, in three time zones (Phoenix keeps no daylight saving time). */
  public static List<DemoUser> technicians() {
    return List.of(
        new DemoUser("U0ALICE", "alice", "Alice Nguyen", ZoneId.of("America/Phoenix")),
        new DemoUser("U0BOB", "bob", "Bob Martinez", ZoneId.of("America/Chicago")),
        new DemoUser("U0CAROL", "carol", "Carol Smith", ZoneId.of("America/New_York")));
  }
}
