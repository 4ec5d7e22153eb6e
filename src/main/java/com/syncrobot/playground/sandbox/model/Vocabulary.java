package com.syncrobot.playground.sandbox.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The demo account's ticket vocabulary (docs/rules.md): statuses, priorities, issue types. */
public final class Vocabulary {
  /** "Customer Reply" is what Syncro's default automation sets when a customer answers by email or portal. */
  public static final List<String> STATUSES = List.of("New", "In Progress", "Waiting on Customer", "Waiting on Vendor",
      "Scheduled", "Customer Reply", "Resolved", "Invoiced", "Closed");
  /** The status a customer's reply sets. */
  public static final String CUSTOMER_REPLY = "Customer Reply";
  /** Syncro's {@code /settings} lists a blank priority first. */
  public static final List<String> PRIORITIES = List.of("", "1 High", "2 Normal", "3 Low", "4 Urgent");
  public static final List<String> PROBLEM_TYPES = List.of("API", "Email", "Emergency Service",
      "File Services / Permissions", "Hardware", "Maintenance", "New User / M365 Account Creation",
      "New User / Workstation Deployment", "Not determined", "Onsite", "Other", "Phone/VOIP", "Remote", "Security",
      "Server Migration", "Service Request", "Software", "Website");
  /** Syncro's pseudo-status for {@code GET /tickets?status=}: everything but Resolved and Closed. */
  public static final String NOT_CLOSED = "Not Closed";

  private Vocabulary() {}

  /** Returns the account's spelling of a status typed in any case, if it is one. */
  public static Optional<String> status(String s) {
    String wanted = s.strip().toLowerCase(Locale.ROOT);
    return STATUSES.stream().filter(x -> x.toLowerCase(Locale.ROOT).equals(wanted)).findFirst();
  }

  /** Returns whether a ticket in {@code status} is still being worked: neither Resolved, Invoiced nor Closed. */
  public static boolean open(String status) {
    return !closed(status) && !status.equalsIgnoreCase("Invoiced");
  }

  public static boolean closed(String status) {
    return status.equalsIgnoreCase("Resolved") || status.equalsIgnoreCase("Closed");
  }
}
