package com.syncrobot.app;

import com.syncrobot.store.Database;
import java.sql.BatchUpdateException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Handle;
import org.jspecify.annotations.Nullable;

/**
 * Copies a SQLite store into an empty PostgreSQL database at the same schema version, in one transaction on
 * the target, and checks the copy before committing it. Table-driven: {@link #TABLES} names every table the
 * migrations create and whether it moves; a source table it does not name stops the copy, so a table added by
 * a later migration cannot be left behind unnoticed (give it an entry there).
 */
final class StoreCopy {
  /** A table of the store; {@code skipped} says why it is not copied, null for one that is. */
  record Table(String name, @Nullable String skipped) {}

  /** Every table of the store, parents before their children (the order rows are copied in). */
  static final List<Table> TABLES = List.of(
      new Table("connected_users", null),
      new Table("plans", null),
      new Table("plan_steps", null),
      new Table("plan_step_attempts", null),
      new Table("slack_deliveries", null),
      new Table("labour_rates", null),
      new Table("digest_schedules", null),
      new Table("digest_runs", null),
      new Table("subscriptions", null),
      new Table("subscription_threads", null),
      new Table("alert_settings", null),
      // where each view's polling stands and what was announced, so nothing is announced twice after the move
      new Table("notify_views", null),
      new Table("notify_snapshots", null),
      new Table("notify_outbox", null),
      // the requests of the last minute, so the replicas on the target do not spend the budget twice
      new Table("syncro_budgets", null),
      new Table("syncro_permits", null),
      new Table("plan_runners", "live heartbeats of the bots that served the SQLite store; each replica writes its"
          + " own when it starts"));

  /** Flyway's own table: each database keeps its own history, and both were brought to this version on opening. */
  static final String HISTORY = "flyway_schema_history";

  /** Tables a migration fills: a target holding exactly those rows (as a new database does) counts as empty. */
  static final Set<String> SEEDED = Set.of("labour_rates");

  /** Cheap content checks, the same SQL on both databases, compared after the copy. */
  static final List<Check> CHECKS = List.of(
      new Check("SELECT COALESCE(MAX(created_at), 0) FROM plans",
          v -> v == 0 ? "no plans" : "newest plan created " + Instant.ofEpochMilli(v)),
      new Check("SELECT COALESCE(SUM(attempt), 0) FROM plan_steps", v -> v + " step sends (attempts summed)"),
      new Check("SELECT COALESCE(SUM(LENGTH(token_ciphertext)), 0) FROM connected_users",
          v -> v + " bytes of encrypted tokens"));

  private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]*");
  private static final int BATCH = 500;

  private StoreCopy() {}

  /** A content check: a query giving one number, and how to say that number. */
  record Check(String sql, LongFunction<String> describe) {}

  /** A table's rows in the source and, when it was copied, in the target (else null). */
  record Count(Table table, long source, @Nullable Long target) {}

  /** What was copied and what the checks found on both sides. */
  record Result(List<Count> counts, List<String> checks) {}

  /** The copy did not succeed; the target transaction was rolled back. The message says why and what to do. */
  static final class CopyFailed extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CopyFailed(String message, @Nullable Throwable cause) {
      super(message, cause);
    }
  }

  /**
   * Stops unless every table of {@code source} is one of {@link #TABLES} (or Flyway's) and every copied one is
   * there.
   *
   * @throws ConfigException naming each unknown table and its rows, or the missing ones
   */
  static void requireKnownTables(Database source) {
    Database.read(source.jdbi(), h -> {
      Set<String> present = sqliteTables(h);
      Set<String> known = new HashSet<>();
      TABLES.forEach(t -> known.add(t.name()));
      known.add(HISTORY);
      List<String> unknown = present.stream().filter(t -> !known.contains(t)).toList();
      if (!unknown.isEmpty()) {
        throw new ConfigException("the SQLite store has " + (unknown.size() == 1 ? "a table" : "tables")
            + " migrate-store does not know, so it cannot tell whether " + (unknown.size() == 1 ? "it" : "they")
            + " must move: " + unknown.stream().map(t -> t + " (" + rows(count(h, t)) + ")")
                .collect(Collectors.joining(", "))
            + ". Nothing was copied. A table added by hand: drop it (or work on a copy of the file without it)"
            + " and run migrate-store again; a table of the bot's own is missing from migrate-store (a bug:"
            + " report it)");
      }
      List<String> missing = TABLES.stream().filter(t -> t.skipped() == null && !present.contains(t.name()))
          .map(Table::name).toList();
      if (!missing.isEmpty()) {
        throw new ConfigException("the SQLite store lacks the table(s) " + String.join(", ", missing)
            + " that its schema version should have; it was changed by hand. Nothing was copied");
      }
      return null;
    });
  }

  /**
   * The rows of the {@link #SEEDED} tables in a new store, each row as text (as {@link #rows} reads them): what
   * a new PostgreSQL database holds after its migrations, too.
   */
  static Map<String, Set<List<String>>> newStoreRows() {
    try (Database fresh = Database.open("jdbc:sqlite:file:migrate-store-" + UUID.randomUUID()
        + "?mode=memory&cache=shared")) {
      return fresh.jdbi().withHandle(h -> SEEDED.stream().collect(Collectors.toMap(t -> t, t -> rows(h, t))));
    }
  }

  /**
   * Copies {@code source} into {@code target} in one transaction: refuses a target that is not empty, copies
   * every table of {@link #TABLES} not skipped, moves identity columns past every id the source used, and
   * commits only when every copied table has as many rows on both sides and every {@link #CHECKS} agrees.
   *
   * @param seeded what {@link #newStoreRows()} returned
   * @throws ConfigException when the target is not empty (nothing changed)
   * @throws CopyFailed when a row cannot be copied or the copy does not match (nothing changed)
   */
  static Result copy(Database source, Database target, String targetShown, Map<String, Set<List<String>>> seeded) {
    // The source in one snapshot; the target in one transaction, which a failure anywhere rolls back.
    return Database.read(source.jdbi(), src -> target.jdbi().inTransaction(dst -> {
      requireEmpty(dst, targetShown, seeded);
      Set<String> present = sqliteTables(src);
      List<Count> counts = new ArrayList<>();
      for (Table table : TABLES) {
        if (!present.contains(table.name())) {
          continue;
        }
        long rows = count(src, table.name());
        if (table.skipped() != null) {
          counts.add(new Count(table, rows, null));
          continue;
        }
        if (SEEDED.contains(table.name())) {
          dst.execute("DELETE FROM " + table.name());
        }
        insertAll(src, dst, table.name());
        restartIdentities(src, dst, table.name());
        counts.add(new Count(table, rows, count(dst, table.name())));
      }
      List<String> mismatches = new ArrayList<>();
      for (Count c : counts) {
        if (c.target() != null && c.target() != c.source()) {
          mismatches.add(c.table().name() + " has " + c.source() + " rows in the SQLite store but " + c.target()
              + " in PostgreSQL");
        }
      }
      List<String> checks = new ArrayList<>();
      for (Check check : CHECKS) {
        long before = number(src, check.sql());
        long after = number(dst, check.sql());
        if (before != after) {
          mismatches.add("the SQLite store has " + check.describe().apply(before) + ", PostgreSQL "
              + check.describe().apply(after));
        }
        checks.add(check.describe().apply(before));
      }
      if (!mismatches.isEmpty()) {
        throw new CopyFailed("the copy does not match the SQLite store: " + String.join("; ", mismatches)
            + ". It was rolled back: nothing was changed in " + targetShown, null);
      }
      return new Result(counts, checks);
    }));
  }

  /** Stops, naming each table and how much it holds, unless the target holds no row but a new database's. */
  private static void requireEmpty(Handle dst, String targetShown, Map<String, Set<List<String>>> seeded) {
    List<String> holding = new ArrayList<>();
    for (String table : dst.createQuery("SELECT table_name FROM information_schema.tables"
        + " WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' ORDER BY table_name")
        .mapTo(String.class).list()) {
      if (table.equals(HISTORY) || !NAME.matcher(table).matches()) {
        continue;
      }
      Set<List<String>> start = seeded.get(table);
      if (start != null) {
        Set<List<String>> rows = rows(dst, table);
        if (!rows.equals(start)) {
          holding.add(table + " (" + rows.size() + " rows, other than those a new database starts with)");
        }
      } else {
        long n = count(dst, table);
        if (n > 0) {
          holding.add(table + " (" + rows(n) + ")");
        }
      }
    }
    if (!holding.isEmpty()) {
      throw new ConfigException("the target database " + targetShown + " is not empty: " + String.join(", ", holding)
          + ". migrate-store copies only into an empty database, so that nothing is mixed or overwritten; nothing"
          + " was changed. Give --to a new empty database (CREATE DATABASE), or drop and recreate this one if what"
          + " it holds may go");
    }
  }

  /** Copies every row of {@code table}, binding each value as the PostgreSQL column's type wants it. */
  private static void insertAll(Handle src, Handle dst, String table) {
    List<Column> columns = columns(src, dst, table);
    String names = columns.stream().map(Column::name).collect(Collectors.joining(", "));
    String marks = columns.stream().map(c -> "?").collect(Collectors.joining(", "));
    Connection in = src.getConnection();
    Connection out = dst.getConnection();
    try (Statement select = in.createStatement();
        ResultSet rs = select.executeQuery("SELECT " + names + " FROM " + table);
        PreparedStatement insert = out.prepareStatement("INSERT INTO " + table + " (" + names + ") VALUES (" + marks
            + ")")) {
      int pending = 0;
      while (rs.next()) {
        for (int i = 0; i < columns.size(); i++) {
          bind(insert, rs, i + 1, table, columns.get(i));
        }
        insert.addBatch();
        if (++pending == BATCH) {
          insert.executeBatch();
          pending = 0;
        }
      }
      if (pending > 0) {
        insert.executeBatch();
      }
    } catch (SQLException e) {
      throw new CopyFailed("copying the table " + table + " failed: " + reason(e)
          + ". It was rolled back: nothing was changed in the target", e);
    }
  }

  /** A column of a copied table and its PostgreSQL type. */
  private record Column(String name, String type) {}

  /** The table's columns, which must be the same on both sides (both are at one schema version). */
  private static List<Column> columns(Handle src, Handle dst, String table) {
    List<String> lite = src.createQuery("SELECT name FROM pragma_table_info(:t) ORDER BY cid").bind("t", table)
        .mapTo(String.class).list();
    List<Column> pg = dst.createQuery("SELECT column_name, data_type FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = :t ORDER BY ordinal_position")
        .bind("t", table)
        .map((rs, ctx) -> new Column(rs.getString(1), rs.getString(2))).list();
    Set<String> onlyLite = new LinkedHashSet<>(lite);
    pg.forEach(c -> onlyLite.remove(c.name()));
    Set<String> onlyPg = new LinkedHashSet<>();
    pg.stream().map(Column::name).filter(n -> !lite.contains(n)).forEach(onlyPg::add);
    if (!onlyLite.isEmpty() || !onlyPg.isEmpty()) {
      throw new CopyFailed("the table " + table + " differs between the two schemas (only in SQLite: " + onlyLite
          + "; only in PostgreSQL: " + onlyPg + "): their migrations disagree, a bug: report it. Nothing was changed"
          + " in the target", null);
    }
    for (Column c : pg) {
      if (!NAME.matcher(c.name()).matches()) {
        throw new CopyFailed("the column " + table + "." + c.name() + " has a name migrate-store does not expect."
            + " Nothing was changed in the target", null);
      }
    }
    return pg;
  }

  private static void bind(PreparedStatement insert, ResultSet rs, int i, String table, Column column)
      throws SQLException {
    switch (column.type()) {
      case "bigint", "integer", "smallint" -> {
        Object value = rs.getObject(i);
        if (value == null) {
          insert.setNull(i, Types.BIGINT);
        } else if (value instanceof Integer || value instanceof Long) {
          long n = ((Number) value).longValue();
          if (column.type().equals("bigint")) {
            insert.setLong(i, n);
          } else {
            insert.setInt(i, Math.toIntExact(n));
          }
        } else {
          throw new CopyFailed("the SQLite store holds a " + value.getClass().getSimpleName() + " in " + table + "."
              + column.name() + ", where PostgreSQL keeps a whole number. Nothing was changed in the target", null);
        }
      }
      case "text", "character varying" -> insert.setString(i, rs.getString(i));
      case "bytea" -> insert.setBytes(i, rs.getBytes(i));
      default -> throw new CopyFailed("the column " + table + "." + column.name() + " is of the PostgreSQL type "
          + column.type() + ", which migrate-store does not copy yet (a bug: report it). Nothing was changed in the"
          + " target", null);
    }
  }

  /**
   * Makes each identity column of {@code table} hand out ids above every id the SQLite store ever gave (its
   * {@code sqlite_sequence} remembers removed rows' ids too), so a removed schedule's id never names a new one.
   * {@code ALTER TABLE} is part of the transaction.
   */
  private static void restartIdentities(Handle src, Handle dst, String table) {
    List<String> identities = dst.createQuery("SELECT column_name FROM information_schema.columns"
        + " WHERE table_schema = current_schema() AND table_name = :t AND is_identity = 'YES'")
        .bind("t", table).mapTo(String.class).list();
    for (String column : identities) {
      long highest = number(dst, "SELECT COALESCE(MAX(" + column + "), 0) FROM " + table);
      if (number(src, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_sequence'") > 0) {
        highest = Math.max(highest, src.createQuery("SELECT seq FROM sqlite_sequence WHERE name = :t")
            .bind("t", table).mapTo(Long.class).findOne().orElse(0L));
      }
      if (highest > 0) {
        dst.execute("ALTER TABLE " + table + " ALTER COLUMN " + column + " RESTART WITH " + (highest + 1));
      }
    }
  }

  /** The SQLite store's tables, without SQLite's own ({@code sqlite_sequence} and the like). */
  private static Set<String> sqliteTables(Handle h) {
    return new LinkedHashSet<>(h.createQuery("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .mapTo(String.class).list().stream().filter(t -> !t.startsWith("sqlite_")).toList());
  }

  private static long count(Handle h, String table) {
    return number(h, "SELECT COUNT(*) FROM " + table);
  }

  private static long number(Handle h, String sql) {
    return h.createQuery(sql).mapTo(Long.class).one();
  }

  private static String rows(long n) {
    return n + (n == 1 ? " row" : " rows");
  }

  /** Every row of {@code table} as text, one list per row. */
  private static Set<List<String>> rows(Handle h, String table) {
    return new HashSet<>(h.createQuery("SELECT * FROM " + table).map((rs, ctx) -> {
      List<String> row = new ArrayList<>();
      for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
        row.add(rs.getString(i));
      }
      return row;
    }).list());
  }

  /** The server's own words: for a batch, the statement's error rather than the batch's (which lists values). */
  private static String reason(SQLException e) {
    SQLException shown = e instanceof BatchUpdateException && e.getNextException() != null ? e.getNextException() : e;
    return String.valueOf(shown.getMessage());
  }
}
