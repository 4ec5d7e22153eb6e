package com.syncrobot.playground.sandbox.model;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** The sandbox's reference records that the bot only reads: contacts, assets, products, appointment types. */
public final class Catalog {
  private Catalog() {}

  /** A customer's contact person. */
  public record Contact(long id, long customerId, String name, @Nullable String email, @Nullable String phone,
      @Nullable String mobile, @Nullable String address1, @Nullable String address2, @Nullable String city,
      @Nullable String state, @Nullable String zip, @Nullable String title) {
    public Contact {
      Objects.requireNonNull(name, "name");
    }
  }

  /** A customer's device. */
  public record Asset(long id, long customerId, @Nullable Long contactId, String name, String assetType,
      @Nullable String serial, Instant createdAt) {
    public Asset {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(assetType, "assetType");
      Objects.requireNonNull(createdAt, "createdAt");
    }
  }

  /**
   * A product of the rate table or the shop. Only category {@link #LABOR} debits a prepaid block
   * (Syncro help, "Prepay Hours": "Labor" category products subtract hours).
   */
  public record Product(long id, String name, String description, BigDecimal priceRetail, BigDecimal priceCost,
      String category, boolean taxable) {
    static final String LABOR = "Labor";

    public Product {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(description, "description");
      Objects.requireNonNull(priceRetail, "priceRetail");
      Objects.requireNonNull(priceCost, "priceCost");
      Objects.requireNonNull(category, "category");
    }

    boolean debitsPrepaidHours() {
      return LABOR.equals(category);
    }
  }

  /** An appointment type: where the appointment happens ({@code location_type}). */
  public record AppointmentType(long id, String name, String locationType, @Nullable String locationHardCode) {
    public AppointmentType {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(locationType, "locationType");
    }
  }
}
