package com.syncrobot.billing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.syncrobot.syncro.SyncroWrites;
import java.util.Objects;

/**
 * One labour line item as it will be sent with {@code add_line_item}: product, its name, the billing
 * narrative, quantity and the table's price, never taxable (R6).
 */
public record BillingLine(
    long productId, String name, String description, Quantity quantity, Money priceRetail, boolean taxable) {

  /**
   * Creates a line.
   *
   * @throws IllegalArgumentException if the product id is not positive, the name or description is
   *     blank (Syncro answers 422 without them), or {@code taxable} is true (R6)
   */
  public BillingLine {
    Objects.requireNonNull(name, "name == null");
    Objects.requireNonNull(description, "description == null");
    Objects.requireNonNull(quantity, "quantity == null");
    Objects.requireNonNull(priceRetail, "priceRetail == null");
    if (productId <= 0) {
      throw new IllegalArgumentException("product id must be positive, got " + productId);
    }
    if (name.isBlank()) {
      throw new IllegalArgumentException("line item name must not be blank (Syncro requires it)");
    }
    if (description.isBlank()) {
      throw new IllegalArgumentException("line item description must not be blank (Syncro requires it)");
    }
    if (taxable) {
      throw new IllegalArgumentException("labour lines are sent with taxable:false (R6)");
    }
  }

  /** Creates a non-taxable line (R6). */
  public BillingLine(long productId, String name, String description, Quantity quantity, Money priceRetail) {
    this(productId, name, description, quantity, priceRetail, false);
  }

  /** Returns price × quantity rounded half-up to the cent: the amount Syncro should invoice (R7). */
  public Money total() {
    return priceRetail.times(quantity);
  }

  /** Returns this line with another description. */
  public BillingLine withDescription(String newDescription) {
    return new BillingLine(productId, name, newDescription, quantity, priceRetail, taxable);
  }

  /** Returns this line as the body of {@code add_line_item}: see {@link SyncroWrites#lineItem}. */
  public ObjectNode toRequestBody() {
    return SyncroWrites.lineItem(productId, name, description, quantity.value(), priceRetail.amount());
  }

  /** Returns e.g. {@code 0.75 × Labor - Remote Business (1190473) @ 150.00 = 112.50}. */
  public String summary() {
    return quantity + " × " + name + " (" + productId + ") @ " + priceRetail + " = " + total();
  }
}
