package com.syncrobot.bench;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table: one row per figure, each holding one sample per run (or per round); printed as
 * min / median / max with the number of samples. Rows print in the order first recorded within
 * their section. A run with a baseline jar records each sample in the column of the jar it measured
 * ({@link #in}), and the table then shows both columns side by side. Thread-safe.
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

  /** Which jar a sample was measured with: the baseline ({@code --baseline}) or the current one ({@code --jar}). */
  enum Column {
    BEFORE,
    AFTER
  }

  private record Row(int section, String label, Unit unit, Map<Column, List<Double>> values, List<String> notes) {
    List<Double> in(Column c) {
      return values.computeIfAbsent(c, k -> new ArrayList<>());
    }
  }

  /** Shared by every view of the table, and the lock of all of them. */
  private final Map<String, Row> rows;
  private final Column column;

  Results() {
    this(new LinkedHashMap<>(), Column.AFTER);
  }

  private Results(Map<String, Row> rows, Column column) {
    this.rows = rows;
    this.column = column;
  }

  /** Returns a view of the same table whose samples go to {@code c}. */
  Results in(Column c) {
    return new Results(rows, c);
  }

  /** Returns the column this view's samples go to. */
  Column column() {
    return column;
  }

  /** Adds one sample to the row {@code label} of {@code section}. */
  void add(int section, String label, Unit unit, double value) {
    synchronized (rows) {
      row(section, label, unit).in(column).add(value);
    }
  }

  /** Sets the note printed after the row (the last one given wins). */
  void note(int section, String label, Unit unit, String note) {
    synchronized (rows) {
      Row r = row(section, label, unit);
      r.notes().clear();
      r.notes().add(note);
    }
  }

  private Row row(int section, String label, Unit unit) {
    return rows.computeIfAbsent(section + "|" + label,
        k -> new Row(section, label, unit, new EnumMap<>(Column.class), new ArrayList<>()));
  }

  /**
   * Returns the table in Markdown, sections in order: one column of min / median / max when every
   * sample is the current jar's; else a column each for before and after, the ratio of their medians,
   * and a section none of whose figures has a before is marked as measured with the current jar only.
   */
  String table(Map<Integer, String> sections) {
    List<Row> all;
    synchronized (rows) {
      all = new ArrayList<>();
      for (Row r : rows.values()) {
        Map<Column, List<Double>> copy = new EnumMap<>(Column.class);
        r.values().forEach((c, v) -> copy.put(c, List.copyOf(v)));
        all.add(new Row(r.section(), r.label(), r.unit(), copy, List.copyOf(r.notes())));
      }
    }
    all.sort((a, b) -> Integer.compare(a.section(), b.section()));
    boolean compare = all.stream().anyMatch(r -> !r.in(Column.BEFORE).isEmpty());
    int width = all.stream().mapToInt(r -> r.label().length()).max().orElse(10);
    StringBuilder out = new StringBuilder();
    if (compare) {
      out.append(String.format(Locale.ROOT, "| %-" + width + "s | %-26s | %-26s | %-14s | %-5s | %s |%n", "figure",
          "before: min / median / max", "after: min / median / max", "after ÷ before", "n", "note"));
      out.append("|").append("-".repeat(width + 2)).append("|").append("-".repeat(28)).append("|")
          .append("-".repeat(28)).append("|----------------|-------|------|\n");
    } else {
      out.append(String.format(Locale.ROOT, "| %-" + width + "s | %-26s | %-3s | %s%n", "figure", "min / median / max",
          "n", "note"));
      out.append("|").append("-".repeat(width + 2)).append("|").append("-".repeat(28)).append("|-----|------\n");
    }
    int section = -1;
    for (Row r : all) {
      if (r.section() != section) {
        section = r.section();
        int s = section;
        boolean afterOnly = compare && all.stream().filter(x -> x.section() == s).allMatch(x -> x.in(Column.BEFORE)
            .isEmpty());
        out.append(String.format(Locale.ROOT, "| **%d. %s**%s%n", section, sections.getOrDefault(section, ""),
            afterOnly ? " (current jar only: this scenario does not run the baseline)" : ""));
      }
      String note = String.join("; ", r.notes());
      List<Double> after = r.in(Column.AFTER);
      if (compare) {
        List<Double> before = r.in(Column.BEFORE);
        String n = before.size() == after.size() ? Integer.toString(after.size())
            : before.size() + " / " + after.size();
        out.append(String.format(Locale.ROOT, "| %-" + width + "s | %-26s | %-26s | %-14s | %-5s | %s |%n", r.label(),
            figures(before, r.unit()), figures(after, r.unit()), ratio(before, after), n, note));
      } else {
        out.append(String.format(Locale.ROOT, "| %-" + width + "s | %-26s | %3d | %s%n", r.label(),
            figures(after, r.unit()), after.size(), note));
      }
    }
    return out.toString();
  }

  private static String figures(List<Double> xs, Unit unit) {
    if (xs.isEmpty()) {
      return "–";
    }
    return format(Stats.min(xs), unit) + " / " + format(Stats.median(xs), unit) + " / " + format(Stats.max(xs), unit)
        + (unit.label.isEmpty() ? "" : " " + unit.label);
  }

  /** The after median ÷ the before median, or a dash when either is missing or the before is 0. */
  private static String ratio(List<Double> before, List<Double> after) {
    double b = Stats.median(before);
    double a = Stats.median(after);
    if (Double.isNaN(a) || Double.isNaN(b) || b == 0) {
      return "–";
    }
    return String.format(Locale.ROOT, "%.2f×", a / b);
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
