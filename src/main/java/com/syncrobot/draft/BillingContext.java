package com.syncrobot.draft;

import com.syncrobot.billing.LabourType;
import com.syncrobot.syncro.TicketNumber;
import java.util.Objects;

/**
 * What the billing prompt may know: the ticket, customer, technician, the technician's notes and the
 * already computed labour line, which is context only (the model never chooses it, R13).
 *
 * @param labourLine e.g. {@code 0.75 × Labor - Remote Business (1190473) @ 150.00 = 112.50}
 */
public record BillingContext(
    TicketNumber ticketNumber,
    String ticketSubject,
    String customerName,
    String techName,
    String workDone,
    LabourType labourType,
    String labourLine) {

  /**
   * Creates a context.
   *
   * @throws IllegalArgumentException if the work-done notes are blank (R4: the form requires them)
   */
  public BillingContext {
    Objects.requireNonNull(ticketNumber, "ticketNumber == null");
    Objects.requireNonNull(ticketSubject, "ticketSubject == null");
    Objects.requireNonNull(customerName, "customerName == null");
    Objects.requireNonNull(techName, "techName == null");
    Objects.requireNonNull(workDone, "workDone == null");
    Objects.requireNonNull(labourType, "labourType == null");
    Objects.requireNonNull(labourLine, "labourLine == null");
    if (workDone.isBlank()) {
      throw new IllegalArgumentException("the work-done notes are required");
    }
  }
}
