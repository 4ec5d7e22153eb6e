package com.syncrobot.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The bench's table (bench/, issue 17): one column for one jar, before and after for two. */
final class ResultsTest {
  private static final Map<Integer, String> SECTIONS = Map.of(1, "Acks", 2, "Digest");

  @Test
  void table_currentJarOnly_keepsOneColumnOfMinMedianMax() {
    Results r = new Results();
    r.add(1, "idle ack p99", Results.Unit.MS, 12);
    r.add(1, "idle ack p99", Results.Unit.MS, 20);
    r.add(1, "idle ack p99", Results.Unit.MS, 14);

    String table = r.table(SECTIONS);

    assertThat(table).startsWith("| figure       | min / median / max         | n   | note\n");
    assertThat(table).contains("| idle ack p99 | 12.0 / 14.0 / 20.0 ms      |   3 | \n").doesNotContain("before");
  }

  @Test
  void table_withBaselineSamples_showsBeforeAfterTheirRatioAndEachColumnsCount() {
    Results after = new Results();
    Results before = after.in(Results.Column.BEFORE);
    before.add(1, "bill requests", Results.Unit.COUNT, 13);
    before.add(1, "bill requests", Results.Unit.COUNT, 13);
    after.add(1, "bill requests", Results.Unit.COUNT, 8);
    after.add(1, "bill requests", Results.Unit.COUNT, 8);
    after.note(1, "bill requests", Results.Unit.COUNT, "by hand: 8");
    before.add(1, "start-up", Results.Unit.S, 3.2);
    after.add(1, "start-up", Results.Unit.S, 1.6);
    after.add(1, "start-up", Results.Unit.S, 1.8);
    after.add(2, "digest wall time", Results.Unit.S, 37.4);

    String table = after.table(SECTIONS);

    assertThat(table.lines()).first().asString().contains("before: min / median / max")
        .contains("after: min / median / max").contains("after ÷ before");
    assertThat(table).contains("| bill requests    | 13 / 13 / 13               | 8 / 8 / 8                  | 0.62×"
        + "          | 2     | by hand: 8 |");
    assertThat(table).contains("| start-up         | 3.20 / 3.20 / 3.20 s       | 1.60 / 1.70 / 1.80 s       | 0.53×"
        + "          | 1 / 2 |");
    assertThat(table).contains("| **1. Acks**\n")
        .contains("| **2. Digest** (current jar only: this scenario does not run the baseline)\n")
        .contains("| digest wall time | –                          | 37.40 / 37.40 / 37.40 s    | –");
  }
}
