package com.syncrobot.notify;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * What happened to a ticket. The first five are what a channel subscription can ask for, by the word a
 * technician types ({@code events new,reply,status,assigned,resolved}); the last two are personal alerts
 * only.
 */
public enum EventKind {
  /** A ticket was created. */
  NEW("new"),
  /** The customer wrote on the ticket (a public comment with no technician behind it). */
  REPLY("reply"),
  /** The status changed (to anything but a closed status, which is {@link #RESOLVED}). */
  STATUS("status"),
  /** The ticket was assigned to a technician, or to another one. */
  ASSIGNED("assigned"),
  /** The ticket was resolved (or otherwise closed). */
  RESOLVED("resolved"),
  /** Personal: one of my appointments starts soon. */
  APPOINTMENT("appointment"),
  /** Personal: a prepaid customer of my open tickets is running out of hours. */
  PREPAID_LOW("prepaid");

  private final String word;

  EventKind(String word) {
    this.word = word;
  }

  /** The word a technician types and reads. */
  public String word() {
    return word;
  }

  /** The kinds a channel subscription can ask for: all of them when none are named. */
  public static Set<EventKind> subscribable() {
    return EnumSet.of(NEW, REPLY, STATUS, ASSIGNED, RESOLVED);
  }

  /** Returns the subscribable kind a technician typed (any case), or empty. */
  public static Optional<EventKind> parse(String word) {
    String w = word.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(k -> subscribable().contains(k) && k.word.equals(w)).findFirst();
  }
}
