package com.syncrobot.slack.blocks;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

final class SectionPackerTest {
  @Test
  void pack_fewLines_oneSectionNothingOmitted() {
    SectionPacker.Packed p = new SectionPacker(48, 3000, 12_000).pack(List.of("a", "b", "c"));
    assertThat(p.blocks()).hasSize(1);
    assertThat(text(p.blocks().get(0))).isEqualTo("a\nb\nc");
    assertThat(p.shown()).isEqualTo(3);
    assertThat(p.omitted()).isZero();
  }

  @Test
  void pack_manyLines_staysWithinSlackLimitsAndCountsTheRest() {
    List<String> lines = IntStream.range(0, 5000)
        .mapToObj(i -> "#" + (40000 + i) + "  New  Customer  " + "x".repeat(60))
        .toList();
    SectionPacker.Packed p = new SectionPacker(48, 3000, 1_000_000).pack(lines);
    assertThat(p.blocks()).hasSize(48);
    assertThat(p.blocks()).allSatisfy(b -> assertThat(text(b).length()).isLessThanOrEqualTo(3000));
    assertThat(p.shown() + p.omitted()).isEqualTo(5000);
    assertThat(p.omitted()).isPositive();
    // Lines are never split across sections, and keep their order.
    String all = String.join("\n", p.blocks().stream().map(SectionPackerTest::text).toList());
    assertThat(all.split("\n")).containsExactlyElementsOf(lines.subList(0, p.shown()));
  }

  @Test
  void pack_totalBudget_stopsEarly() {
    List<String> lines = IntStream.range(0, 100).mapToObj(i -> "y".repeat(100)).toList();
    SectionPacker.Packed p = new SectionPacker(48, 3000, 1000).pack(lines);
    assertThat(p.shown()).isEqualTo(10);
    assertThat(p.omitted()).isEqualTo(90);
  }

  @Test
  void pack_overlongLine_isTruncatedToTheSectionLimit() {
    SectionPacker.Packed p = new SectionPacker(48, 3000, 12_000).pack(List.of("z".repeat(5000)));
    assertThat(text(p.blocks().get(0))).hasSize(3000).endsWith("…");
  }

  static String text(LayoutBlock b) {
    return ((SectionBlock) b).getText().getText();
  }
}
