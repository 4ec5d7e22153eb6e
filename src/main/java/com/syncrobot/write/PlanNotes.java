package com.syncrobot.write;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** The plain sentences stored as a plan's note, for the technician (R17). */
final class PlanNotes {
  private PlanNotes() {}

  static String name(Step step) {
    return "step " + (step.index() + 1) + " “" + step.label() + "”";
  }

  /** Says which steps did happen and which were not sent, e.g. after a failure. */
  static String progress(Plan plan) {
    List<String> done = new ArrayList<>();
    List<String> notSent = new ArrayList<>();
    for (Step s : plan.steps()) {
      if (s.state() == StepState.DONE) {
        done.add("“" + s.label() + "”" + (s.resultId() == null ? "" : " (id " + s.resultId() + ")"));
      } else if (s.state() == StepState.PENDING) {
        notSent.add("“" + s.label() + "”");
      }
    }
    String did = done.isEmpty() ? "Nothing was written to Syncro." : "Done: " + String.join(", ", done) + ".";
    return notSent.isEmpty() ? did : did + " Not sent: " + String.join(", ", notSent) + ".";
  }

  static String refused(Step step, int status, String message, Plan plan) {
    return "Syncro refused " + name(step) + " (" + status + "): " + message + ". " + progress(plan);
  }

  static String tokenRefused(Step step, Plan plan) {
    return "Syncro refused the token of " + plan.syncroUserName() + " for " + name(step)
        + ": it is invalid, expired or lacks the permission. Reconnect it. " + progress(plan);
  }

  static String notFound(Step step, Plan plan) {
    return "Syncro answered 404 for " + name(step) + ": that record does not exist. " + progress(plan);
  }

  static String tokenGone(Plan plan) {
    return "The Syncro token of " + plan.syncroUserName() + " is no longer connected (token removed), so nothing"
        + " more was sent. " + progress(plan);
  }

  static String otherUser(Plan plan) {
    return "Nothing more was sent: the preview said this would run as " + plan.syncroUserName() + ", but your"
        + " connected Syncro token now belongs to someone else (you reconnected). Run the command again to see a"
        + " new preview with the token you have now. " + progress(plan);
  }

  static String unresolved(Step step, int needed, Plan plan) {
    return name(step) + " needs the id from step " + (needed + 1) + ", which Syncro did not return; it was not sent. "
        + progress(plan);
  }

  static String rereading(Step step, Duration delay) {
    return "Syncro did not answer while " + name(step) + " was reading; it wrote nothing and reads again in "
        + human(delay) + ".";
  }

  static String unreadable(Step step, String why, Plan plan) {
    return "Could not check " + name(step) + " (" + why + "); nothing after it was sent. " + progress(plan);
  }

  static String recoverable(Step step, String how, Plan plan) {
    return name(step) + ": " + how + " Nothing after it was sent. " + progress(plan);
  }

  static String assertionFailed(Step step, String how, Plan plan) {
    return name(step) + " found: " + how + " Nothing after it was sent. " + progress(plan);
  }

  static String rateLimited(Step step, Duration delay) {
    return "Syncro is rate limiting; " + name(step) + " was not processed and will be sent in " + human(delay) + ".";
  }

  static String unreachable(Step step, Duration delay) {
    return "Syncro could not be reached, so " + name(step) + " was not sent; trying again in " + human(delay) + ".";
  }

  static String verifying(Step step, Duration delay) {
    return "Syncro did not answer while checking whether " + name(step) + " happened; it was not sent again."
        + " Checking again in " + human(delay) + ".";
  }

  static String stillChecking(Step step, Duration delay) {
    return "Syncro did not confirm " + name(step) + " in time. It may still be working on it, so it is not sent"
        + " again. The bot is still checking and looks again " + inWords(delay) + "; if it is there, the rest"
        + " goes on by itself.";
  }

  static String checkingBeforeResend(Step step, Duration delay) {
    return "Before sending " + name(step) + " again the bot looks once more whether it reached Syncro after all,"
        + " but Syncro did not answer. Nothing was sent; it looks again " + inWords(delay) + ".";
  }

  /** A wait in words, e.g. "in about 40 seconds", "in about 2 minutes". */
  static String inWords(Duration d) {
    long seconds = Math.max(1, (d.toMillis() + 999) / 1000);
    if (seconds < 90) {
      return "in about " + seconds + (seconds == 1 ? " second" : " seconds");
    }
    long minutes = (seconds + 30) / 60;
    return "in about " + minutes + " minutes";
  }

  static String storeTrouble(Duration delay) {
    return "The bot cannot save its progress on this right now (its database is busy or full), so it paused;"
        + " nothing is sent twice. It tries again " + inWords(delay) + " and keeps trying; if this stays, tell"
        + " whoever runs the bot.";
  }

  /** The bot is being restarted part-way through the plan; it goes on by itself once the bot is back. */
  static String restarting(Plan plan) {
    boolean maybeSent = plan.steps().stream()
        .anyMatch(s -> s.state() == StepState.SENDING || s.state() == StepState.UNKNOWN);
    return "The bot is restarting. It goes on with the remaining steps by itself once it is back (usually within a"
        + " minute)" + (maybeSent ? ", first checking in Syncro whether the step it was sending arrived" : "")
        + "; nothing is sent twice. " + progress(plan);
  }

  static String absent(Step step, String how) {
    return name(step) + " did not reach Syncro (checked: " + how + "). It was not sent again: send it again?";
  }

  static String undecided(Step step, String how) {
    return "Could not tell whether " + name(step) + " happened (" + how + "). It was not sent again;"
        + " please look in Syncro.";
  }

  static String human(Duration d) {
    if (d.toMinutes() >= 1 && d.toSecondsPart() == 0) {
      return d.toMinutes() + " min";
    }
    return d.toSeconds() + " s";
  }
}
