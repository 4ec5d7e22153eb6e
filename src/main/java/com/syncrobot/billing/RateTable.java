package com.syncrobot.billing;

import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The account's labour rates, one per labour type, all seven present. They are data (seeded and
 * changed by an admin), never constants in code. Immutable and thread-safe.
 */
public final class RateTable {
  private final Map<LabourType, Rate> rates;

  private RateTable(Map<LabourType, Rate> rates) {
    this.rates = rates;
  }

  /**
   * Builds a table from exactly one rate per labour type.
   *
   * @throws IllegalArgumentException if a type is missing or repeated, or one product is listed at
   *     two prices, names or units
   */
  public static RateTable of(Collection<Rate> rates) {
    Objects.requireNonNull(rates, "rates == null");
    EnumMap<LabourType, Rate> map = new EnumMap<>(LabourType.class);
    for (Rate r : rates) {
      Objects.requireNonNull(r, "rate == null");
      if (map.put(r.type(), r) != null) {
        throw new IllegalArgumentException("the rate table lists " + r.type() + " twice");
      }
    }
    List<String> missing = new ArrayList<>();
    for (LabourType t : LabourType.values()) {
      if (!map.containsKey(t)) {
        missing.add(t.key());
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("the rate table has no rate for " + String.join(", ", missing));
    }
    for (Rate a : map.values()) {
      for (Rate b : map.values()) {
        // The review checks a line's price by its product, so one product must have one price.
        if (a.type().compareTo(b.type()) < 0 && a.productId() == b.productId()
            && (!a.priceRetail().equals(b.priceRetail()) || !a.productName().equals(b.productName())
                || a.unit() != b.unit())) {
          throw new IllegalArgumentException("product " + a.productId() + " is listed for " + a.type()
              + " as " + a.describe() + " and for " + b.type() + " as " + b.describe()
              + ": one product must have one name, price and unit");
        }
      }
    }
    return new RateTable(map);
  }

  /** Returns the rate of {@code type}. */
  public Rate rate(LabourType type) {
    return rates.get(Objects.requireNonNull(type, "type == null"));
  }

  /** Returns the rate whose product is {@code productId}, if the table lists that product. */
  public Optional<Rate> byProductId(long productId) {
    return rates.values().stream().filter(r -> r.productId() == productId).findFirst();
  }

  /** Returns all seven rates in labour-type order. */
  public List<Rate> all() {
    return List.copyOf(rates.values());
  }

  /**
   * Returns a copy of this table with {@code rate} replacing the rate of its type.
   *
   * @throws IllegalArgumentException if the result is not a valid table
   */
  public RateTable with(Rate rate) {
    EnumMap<LabourType, Rate> copy = new EnumMap<>(rates);
    copy.put(rate.type(), rate);
    return of(copy.values());
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof RateTable other && rates.equals(other.rates);
  }

  @Override
  public int hashCode() {
    return rates.hashCode();
  }

  @Override
  public String toString() {
    return "RateTable" + rates.values();
  }
}
