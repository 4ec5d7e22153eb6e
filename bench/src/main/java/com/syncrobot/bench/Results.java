package com.syncrobot.bench;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table: one row per figure, each holding one sample per run (or per round); printed as
 * min / median / max with the number of samples. Rows print in the order first recorded within
 * their section. Thread-safe.
 */
final class Results {
  /** How a row's numbers are printed. */
  enum Unit {
    MS("ms", 1),
    S("s", 2),
    RATIO("×", 2),
    COUNT("", 0),
    MB("MB", 1),
    RATE("/s", 1);

    final String label;
    final int decimals;

    Unit(String label, int decimals) {
      this.label = label;
      this.decimals = decimals;
    }
  }

  private record Row(int section, String label, Unit unit, List<Double> values, List<String> notes) {}

  private final Map<String, Row> rows = new LinkedHashMap<>();

  /** Adds one sample to the row {@code label} of {@code section}. */
  synchronized void add(int section, String label, Unit unit, double value) {
    row(section, label, unit).values().add(value);
  }

  /** Sets the note printed after the row (the last one given wins). */
  synchronized void note(int section, String label, Unit unit, String note) {
    Row r = row(section, label, unit);
    r.notes().clear();
    r.notes().add(note);
  }

  private Row row(int section, String label, Unit unit) {
    return rows.computeIfAbsent(section + "|" + label,
        k -> new Row(section, label, unit, new ArrayList<>(), new ArrayList<>()));
  }

  /** Prints the table in Markdown, sections in order. */
  synchronized void print(PrintStream out, Map<Integer, String> sections) {
    List<Row> all = new ArrayList<>(rows.values());
    all.sort((a, b) -> Integer.compare(a.section(), b.section()));
    int width = all.stream().mapToInt(r -> r.label().length()).max().orElse(10);
    String header = String.format(Locale.ROOT, "| %-" + width + "s | %-26s | %-3s | %s", "figure", "min / median / max",
        "n", "note");
    out.println(header);
    out.println("|" + "-".repeat(width + 2) + "|" + "-".repeat(28) + "|-----|------");
    int section = -1;
    for (Row r : all) {
      if (r.section() != section) {
        section = r.section();
        out.printf(Locale.ROOT, "| **%d. %s**%n", section, sections.getOrDefault(section, ""));
      }
      String figures = r.values().isEmpty() ? "–" : format(Stats.min(r.values()), r.unit()) + " / "
          + format(Stats.median(r.values()), r.unit()) + " / " + format(Stats.max(r.values()), r.unit())
          + (r.unit().label.isEmpty() ? "" : " " + r.unit().label);
      out.printf(Locale.ROOT, "| %-" + width + "s | %-26s | %3d | %s%n", r.label(), figures, r.values().size(),
          String.join("; ", r.notes()));
    }
  }

  private static String format(double v, Unit unit) {
    if (Double.isNaN(v)) {
      return "–";
    }
    int decimals = unit == Unit.MS && Math.abs(v) >= 100 ? 0 : unit.decimals;
    if (unit == Unit.COUNT && v != Math.rint(v)) {
      decimals = 1;
    }
    return String.format(Locale.ROOT, "%." + decimals + "f", v);
  }
}
