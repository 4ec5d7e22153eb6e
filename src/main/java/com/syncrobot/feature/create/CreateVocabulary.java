package com.syncrobot.feature.create;

import com.syncrobot.feature.comment.AccountSettings;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Ticker;
import com.syncrobot.syncro.AccountDataCache;
import com.syncrobot.syncro.AppointmentType;
import com.syncrobot.syncro.SyncroApi;
import com.syncrobot.syncro.SyncroUser;
import com.syncrobot.syncro.TicketSettings;
import java.util.List;
import java.util.Optional;

/**
 * The account's lists the create modal offers (R14): issue types and priorities ({@code GET
 * /tickets/settings} and {@code /settings}), technicians ({@code GET /users}) and appointment types
 * ({@code GET /appointment_types}). Cached for {@link AccountDataCache#MAX_AGE} per process, since every
 * technician shares one account (so every replica offers an admin's change within that bound); an empty
 * list falls back to the vocabulary in docs/rules.md. Thread-safe.
 */
public final class CreateVocabulary {
  static final String EMERGENCY = "Emergency Service";
  static final String NORMAL = "2 Normal";
  static final String URGENT = "4 Urgent";

  /** The issue types of docs/rules.md ("The account's data"), for an account that lists none. */
  static final List<String> BRIEF_ISSUE_TYPES = List.of("API", "Email", EMERGENCY, "File Services / Permissions",
      "Hardware", "Maintenance", "New User / M365 Account Creation", "New User / Workstation Deployment",
      "Not determined", "Onsite", "Other", "Phone/VOIP", "Remote", "Security", "Server Migration", "Service Request",
      "Software", "Website");

  /** The appointment types of docs/rules.md ("The account's data"), for an account that lists none. */
  static final List<AppointmentType> BRIEF_APPOINTMENT_TYPES = List.of(
      new AppointmentType(4321, "In Shop", "shop", null),
      new AppointmentType(4322, "Onsite", "customer", null),
      new AppointmentType(4323, "Phone Call", "pre-defined", null),
      new AppointmentType(193053, "Reminder", "manual entry", null),
      new AppointmentType(59289, "Remote", "pre-defined", null));

  /** The lists, each non-empty except technicians (an account without users offers the asker only). */
  record Lists(List<String> issueTypes, List<String> priorities, List<SyncroUser> techs,
      List<AppointmentType> appointmentTypes) {
    Lists {
      issueTypes = List.copyOf(issueTypes);
      priorities = List.copyOf(priorities);
      techs = List.copyOf(techs);
      appointmentTypes = List.copyOf(appointmentTypes);
    }

    Optional<AppointmentType> appointmentType(long id) {
      return appointmentTypes.stream().filter(t -> t.id() == id).findFirst();
    }

    Optional<SyncroUser> tech(long id) {
      return techs.stream().filter(t -> t.id() == id).findFirst();
    }

    /** Returns the priority to suggest for {@code issueType} (R14: Urgent for Emergency Service). */
    String suggestedPriority(String issueType) {
      String wanted = EMERGENCY.equalsIgnoreCase(issueType.strip()) ? URGENT : NORMAL;
      return AccountSettings.match(priorities, wanted).orElse(wanted);
    }
  }

  private final Cache<String, Lists> cache;

  CreateVocabulary(Ticker ticker) {
    this.cache = AccountDataCache.create(2, ticker);
  }

  /** Returns the lists, reading them with {@code api} when the cache has none. */
  Lists get(SyncroApi api) {
    return cache.get("account", k -> load(api));
  }

  private static Lists load(SyncroApi api) {
    TicketSettings s = api.ticketSettings();
    List<SyncroUser> users = api.users();
    List<AppointmentType> types = api.appointmentTypes();
    return new Lists(
        s.problemTypes().isEmpty() ? BRIEF_ISSUE_TYPES : s.problemTypes(),
        AccountSettings.priorities(s),
        users.isEmpty() ? s.users() : users,
        types.isEmpty() ? BRIEF_APPOINTMENT_TYPES : types);
  }
}
