package com.syncrobot.feature.comment;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.syncrobot.syncro.AccountDataCache;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.TicketSettings;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The account's ticket statuses and priorities ({@code GET /tickets/settings}), cached for {@link
 * AccountDataCache#MAX_AGE} per process (every technician shares one Syncro account), so a status an admin
 * adds in Syncro is offered by every replica within that bound. Thread-safe.
 */
public final class AccountSettings {
  static final List<String> DEFAULT_PRIORITIES = List.of("1 High", "2 Normal", "3 Low", "4 Urgent");
  private static final String KEY = "account";

  private final Cache<String, TicketSettings> cache;

  public AccountSettings(Ticker ticker) {
    this.cache = AccountDataCache.create(4, ticker);
  }

  /** Returns the settings, reading them with {@code api} when the cache has none. */
  public TicketSettings get(SyncroApi api) {
    return cache.get(KEY, k -> api.ticketSettings());
  }

  public static List<String> priorities(TicketSettings s) {
    return s.priorities().isEmpty() ? DEFAULT_PRIORITIES : s.priorities();
  }

  /** Returns the account's spelling of {@code typed}, compared ignoring case. */
  public static Optional<String> match(List<String> known, String typed) {
    String t = typed.strip().toLowerCase(Locale.ROOT);
    return known.stream().filter(k -> k.strip().toLowerCase(Locale.ROOT).equals(t)).findFirst();
  }
}
