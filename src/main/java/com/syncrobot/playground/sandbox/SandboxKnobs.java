package com.syncrobot.playground.sandbox;

import com.syncrobot.playground.sandbox.model.Seed;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Switches for the sandbox's behaviour where Syncro's is unknown or varies (api-notes §5). The
 * defaults are the real quirks; each setter takes effect on the next request. Thread-safe.
 */
public final class SandboxKnobs {
  /** Phoenix's combined sales tax, applied to taxable lines on invoices. */
  public static final BigDecimal DEFAULT_TAX_RATE_PERCENT = new BigDecimal("8.6");

  private volatile int ticketsPageSize = 25;
  private volatile int listPageSize = 25;
  private volatile int commentsDefaultPerPage = 10;
  private volatile int commentsMaxPerPage = 100;
  private volatile int rateLimit = 180;
  private volatile Duration rateLimitWindow = Duration.ofSeconds(60);
  private volatile @Nullable Integer retryAfterSeconds;
  private volatile boolean doubleWrapAppointments = true;
  private volatile boolean accountOffsetTimestamps;
  private volatile ZoneId accountZone = Seed.ACCOUNT_ZONE;
  private volatile boolean invoiceDeleteFailsSilently;
  private volatile BigDecimal taxRatePercent = DEFAULT_TAX_RATE_PERCENT;

  /** Returns the page size of {@code GET /tickets} (default 25, as documented). */
  public int ticketsPageSize() {
    return ticketsPageSize;
  }

  /** Sets the page size of {@code GET /tickets}; Syncro was seen sending 50. */
  public SandboxKnobs ticketsPageSize(int size) {
    this.ticketsPageSize = positive(size, "ticketsPageSize");
    return this;
  }

  /** Returns the page size of customers, assets, invoices and appointments (default 25). */
  public int listPageSize() {
    return listPageSize;
  }

  public SandboxKnobs listPageSize(int size) {
    this.listPageSize = positive(size, "listPageSize");
    return this;
  }

  /** Returns the comments page size when no {@code per_page} is sent (default 10). */
  public int commentsDefaultPerPage() {
    return commentsDefaultPerPage;
  }

  public SandboxKnobs commentsDefaultPerPage(int size) {
    this.commentsDefaultPerPage = positive(size, "commentsDefaultPerPage");
    return this;
  }

  /** Returns the largest {@code per_page} honoured for comments (default 100). */
  public int commentsMaxPerPage() {
    return commentsMaxPerPage;
  }

  public SandboxKnobs commentsMaxPerPage(int size) {
    this.commentsMaxPerPage = positive(size, "commentsMaxPerPage");
    return this;
  }

  /** Returns how many requests one client IP may make per {@link #rateLimitWindow()} (default 180). */
  public int rateLimit() {
    return rateLimit;
  }

  public SandboxKnobs rateLimit(int requests) {
    this.rateLimit = positive(requests, "rateLimit");
    return this;
  }

  /** Returns the rolling window of the rate limit (default 60 s). */
  public Duration rateLimitWindow() {
    return rateLimitWindow;
  }

  public SandboxKnobs rateLimitWindow(Duration window) {
    Objects.requireNonNull(window, "window");
    if (window.isNegative() || window.isZero()) {
      throw new IllegalArgumentException("rateLimitWindow must be positive: " + window);
    }
    this.rateLimitWindow = window;
    return this;
  }

  /** Returns the Retry-After seconds sent with a 429, or null for none (the default: undocumented). */
  public @Nullable Integer retryAfterSeconds() {
    return retryAfterSeconds;
  }

  public SandboxKnobs retryAfterSeconds(@Nullable Integer seconds) {
    if (seconds != null && seconds < 0) {
      throw new IllegalArgumentException("retryAfterSeconds must not be negative: " + seconds);
    }
    this.retryAfterSeconds = seconds;
    return this;
  }

  /** Returns whether list items of {@code GET /appointments} come as {@code {"appointment": {...}}} (default). */
  public boolean doubleWrapAppointments() {
    return doubleWrapAppointments;
  }

  public SandboxKnobs doubleWrapAppointments(boolean on) {
    this.doubleWrapAppointments = on;
    return this;
  }

  /** Returns whether timestamps carry the account's offset ({@code -07:00}) instead of {@code Z} (default off). */
  public boolean accountOffsetTimestamps() {
    return accountOffsetTimestamps;
  }

  public SandboxKnobs accountOffsetTimestamps(boolean on) {
    this.accountOffsetTimestamps = on;
    return this;
  }

  /** Returns the account's time zone, reported by {@code GET /settings} (default America/Phoenix). */
  public ZoneId accountZone() {
    return accountZone;
  }

  public SandboxKnobs accountZone(ZoneId zone) {
    this.accountZone = Objects.requireNonNull(zone, "zone");
    return this;
  }

  /** Returns whether {@code DELETE /invoices/{id}} answers 200 but deletes nothing (default off). */
  public boolean invoiceDeleteFailsSilently() {
    return invoiceDeleteFailsSilently;
  }

  public SandboxKnobs invoiceDeleteFailsSilently(boolean on) {
    this.invoiceDeleteFailsSilently = on;
    return this;
  }

  /** Returns the tax rate in percent applied to taxable invoice lines (default 8.6). */
  public BigDecimal taxRatePercent() {
    return taxRatePercent;
  }

  public SandboxKnobs taxRatePercent(BigDecimal percent) {
    Objects.requireNonNull(percent, "percent");
    if (percent.signum() < 0) {
      throw new IllegalArgumentException("taxRatePercent must not be negative: " + percent);
    }
    this.taxRatePercent = percent;
    return this;
  }

  /** Puts every knob back to its default. */
  public synchronized void reset() {
    SandboxKnobs d = new SandboxKnobs();
    ticketsPageSize = d.ticketsPageSize;
    listPageSize = d.listPageSize;
    commentsDefaultPerPage = d.commentsDefaultPerPage;
    commentsMaxPerPage = d.commentsMaxPerPage;
    rateLimit = d.rateLimit;
    rateLimitWindow = d.rateLimitWindow;
    retryAfterSeconds = d.retryAfterSeconds;
    doubleWrapAppointments = d.doubleWrapAppointments;
    accountOffsetTimestamps = d.accountOffsetTimestamps;
    accountZone = d.accountZone;
    invoiceDeleteFailsSilently = d.invoiceDeleteFailsSilently;
    taxRatePercent = d.taxRatePercent;
  }

  private static int positive(int n, String name) {
    if (n < 1) {
      throw new IllegalArgumentException(name + " must be positive: " + n);
    }
    return n;
  }
}
