package com.syncrobot.store;

import com.syncrobot.billing.LabourType;
import com.syncrobot.billing.Money;
import com.syncrobot.billing.Rate;
import com.syncrobot.billing.RateTable;
import com.syncrobot.billing.Unit;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The labour rate table in the database, seeded by migration V4 (the table in docs/rules.md) and changed
 * only by an admin (R6). Prices are stored as decimal strings, never floating point. Never cached: every
 * {@link #current()} reads the table, so a {@code rates set} from another process (the command line, another
 * replica) prices the very next preview. Thread-safe:
 * every call uses its own handle, and {@link #set(Rate)} validates and writes in one transaction.
 */
public final class RateStore {
  private final Database db;

  public RateStore(Database db) {
    this.db = Objects.requireNonNull(db, "db == null");
  }

  /**
   * Returns the current rate table.
   *
   * @throws IllegalStateException if the stored rows do not make a valid table (e.g. a row was
   *     deleted by hand)
   */
  public RateTable current() {
    return db.jdbi().withExtension(RateDao.class, dao -> table(dao.all()));
  }

  /** Returns every rate in labour-type order. */
  public List<Rate> list() {
    return current().all();
  }

  /**
   * Replaces the rate of {@code rate.type()}.
   *
   * @throws IllegalArgumentException if the table with this rate would be invalid (one product at two
   *     prices, say); nothing is written then
   */
  public void set(Rate rate) {
    Objects.requireNonNull(rate, "rate == null");
    db.jdbi().useTransaction(h -> {
      RateDao dao = h.attach(RateDao.class);
      List<Rate> after = new ArrayList<>();
      for (RateDao.StoredRate row : dao.all()) {
        if (!row.labourType().equals(rate.type().key())) {
          after.add(rate(row));
        }
      }
      after.add(rate);
      // A table with rows deleted by hand cannot be validated as a whole, and must stay repairable.
      if (after.size() == LabourType.values().length) {
        RateTable.of(after);
      }
      dao.upsert(new RateDao.StoredRate(rate.type().key(), rate.productId(), rate.productName(),
          rate.priceRetail().amount().toPlainString(), rate.unit().key()));
    });
  }

  private static RateTable table(List<RateDao.StoredRate> rows) {
    try {
      return RateTable.of(rows.stream().map(RateStore::rate).toList());
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException("the stored labour rate table is invalid: " + e.getMessage(), e);
    }
  }

  private static Rate rate(RateDao.StoredRate row) {
    return new Rate(LabourType.parse(row.labourType()), row.productId(), row.productName(),
        Money.parse(row.priceRetail()), Unit.parse(row.unit()));
  }
}
