package com.syncrobot.feature.subscribe;

import com.syncrobot.notify.EventKind;
import com.syncrobot.slack.blocks.Mrkdwn;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;

/**
 * Parses the text after {@code /syncro subscribe} into a request, or into the one sentence that says what is
 * wrong with it. Names may be quoted ({@code status "Waiting on Customer" New}); a customer's name may also be
 * several plain words. Statuses and priorities are only split into words here: which of them Syncro knows is
 * decided against the account's lists ({@link #names}). Pure; no Slack or Syncro access.
 */
final class SubscribeArgs {
  static final String USAGE = "`/syncro subscribe [here|#channel] [customer NAME] [status S…] [priority P…] "
      + "[events new,reply,status,assigned,resolved]`";
  private static final Pattern ESCAPED_CHANNEL = Pattern.compile("<#([CGD][A-Z0-9]{2,30})(?:\\|[^>]*)?>");
  private static final Pattern RAW_CHANNEL = Pattern.compile("[CGD][A-Z0-9]{6,30}");
  private static final String EVENT_WORDS = EventKind.subscribable().stream().map(EventKind::word)
      .collect(Collectors.joining(", "));

  private SubscribeArgs() {}

  /** A word typed, and whether it was quoted (then it is one name, never joined with its neighbours). */
  record Word(String text, boolean quoted) {}

  sealed interface Parsed permits Request, Problem {}

  /**
   * A subscription asked for.
   *
   * @param channelId the channel, or null for the one the command was typed in
   * @param customer the customer's name as typed, or null for every customer
   */
  record Request(@Nullable String channelId, @Nullable String customer, List<Word> statuses, List<Word> priorities,
      Set<EventKind> events) implements Parsed {}

  /** Input that cannot be used, and the reply (escaped mrkdwn) that says why. */
  record Problem(String message) implements Parsed {}

  private enum Section {
    CUSTOMER("customer"), STATUS("status"), PRIORITY("priority"), EVENTS("events");

    final String word;

    Section(String word) {
      this.word = word;
    }

    static Optional<Section> of(String w) {
      return switch (w.toLowerCase(Locale.ROOT)) {
        case "customer" -> Optional.of(CUSTOMER);
        case "status", "statuses" -> Optional.of(STATUS);
        case "priority", "priorities" -> Optional.of(PRIORITY);
        case "event", "events" -> Optional.of(EVENTS);
        default -> Optional.empty();
      };
    }
  }

  static Parsed parse(String args) {
    Object split = words(unescape(args));
    if (split instanceof Problem p) {
      return p;
    }
    @SuppressWarnings("unchecked") List<Word> words = (List<Word>) split;
    String channel = null;
    boolean channelGiven = false;
    Section section = null;
    Map<Section, List<Word>> given = new EnumMap<>(Section.class);
    for (int i = 0; i < words.size(); i++) {
      Word w = words.get(i);
      Matcher m = ESCAPED_CHANNEL.matcher(w.text());
      boolean first = i == 0 && !w.quoted();
      if (!w.quoted() && (m.matches() || first && (w.text().equalsIgnoreCase("here")
          || RAW_CHANNEL.matcher(w.text()).matches()))) {
        if (channelGiven) {
          return new Problem("Give one channel only; `" + Mrkdwn.inCode(w.text(), 80) + "` is a second one.");
        }
        channelGiven = true;
        channel = m.matches() ? m.group(1) : w.text().equalsIgnoreCase("here") ? null : w.text();
        continue;
      }
      if (first && w.text().startsWith("#")) {
        // The manifest's should_escape decides whether Slack turns #name into <#C…|name>.
        return new Problem("Slack sent `" + Mrkdwn.inCode(w.text(), 80) + "` as plain text, not as a channel link, "
            + "so I cannot tell which channel it is. Run the command in that channel (`here` is the default), or "
            + "give the channel's ID (e.g. `C0123ABCD`, at the bottom of the channel's details).");
      }
      Optional<Section> next = w.quoted() ? Optional.empty() : Section.of(w.text());
      if (next.isPresent()) {
        if (given.containsKey(next.get())) {
          return new Problem("Give `" + next.get().word + "` once, with all its values after it.");
        }
        section = next.get();
        given.put(section, new ArrayList<>());
        continue;
      }
      if (section == null) {
        return new Problem("`" + Mrkdwn.inCode(w.text(), 60) + "` is not something I can filter on; start with "
            + "`customer`, `status`, `priority` or `events`. Usage: " + USAGE);
      }
      given.get(section).add(w);
    }
    for (var e : given.entrySet()) {
      if (e.getValue().isEmpty()) {
        return new Problem(switch (e.getKey()) {
          case CUSTOMER -> "Which customer? Give the name after `customer`, e.g. `customer \"Acme Dental\"`.";
          case STATUS -> "Which statuses? Give them after `status`, e.g. `status New \"Waiting on Customer\"`.";
          case PRIORITY -> "Which priorities? Give them after `priority`, e.g. `priority \"1 High\"`.";
          case EVENTS -> "Which events? Give them after `events`, e.g. `events new,reply` (any of " + EVENT_WORDS
              + ").";
        });
      }
    }
    String customer = given.containsKey(Section.CUSTOMER)
        ? given.get(Section.CUSTOMER).stream().map(Word::text).collect(Collectors.joining(" ")).strip() : null;
    Set<EventKind> events = EnumSet.noneOf(EventKind.class);
    for (Word w : given.getOrDefault(Section.EVENTS, List.of())) {
      for (String part : w.text().split(",")) {
        if (part.isBlank()) {
          continue;
        }
        Optional<EventKind> k = EventKind.parse(part);
        if (k.isEmpty()) {
          return new Problem("`" + Mrkdwn.inCode(part.strip(), 40) + "` is not an event I can post; use any of "
              + EVENT_WORDS + " (e.g. `events new,reply`).");
        }
        events.add(k.get());
      }
    }
    if (given.containsKey(Section.EVENTS) && events.isEmpty()) {
      return new Problem("Which events? Give them after `events`, e.g. `events new,reply` (any of " + EVENT_WORDS
          + ").");
    }
    return new Request(channel, customer, given.getOrDefault(Section.STATUS, List.of()),
        given.getOrDefault(Section.PRIORITY, List.of()), events.isEmpty() ? EventKind.subscribable() : events);
  }

  /**
   * Matches typed names against the account's {@code known} names (ignoring case); a run of plain words may
   * form one name ({@code In Progress}), the longest that is one. Returns the account's spellings, or a
   * {@link Problem} naming the first word that is none and listing the known ones.
   *
   * @param what "status" or "priority"
   */
  static Object names(List<Word> typed, List<String> known, String what) {
    List<String> out = new ArrayList<>();
    int i = 0;
    while (i < typed.size()) {
      String found = null;
      int end = i + 1;
      if (typed.get(i).quoted()) {
        found = match(known, typed.get(i).text());
      } else {
        for (int j = typed.size(); j > i && found == null; j--) {
          List<Word> run = typed.subList(i, j);
          if (j > i + 1 && run.stream().anyMatch(Word::quoted)) {
            continue;
          }
          found = match(known, run.stream().map(Word::text).collect(Collectors.joining(" ")));
          end = j;
        }
      }
      if (found == null) {
        String list = known.stream().map(k -> k.contains(" ") ? "\"" + k + "\"" : k)
            .map(Mrkdwn::escape).collect(Collectors.joining(", "));
        return new Problem("`" + Mrkdwn.inCode(typed.get(i).text(), 60) + "` is not a " + what + " in your Syncro "
            + "account; its " + (what.equals("status") ? "statuses" : "priorities") + " are " + list + " (quote a "
            + "name of several words).");
      }
      if (!out.contains(found)) {
        out.add(found);
      }
      i = end;
    }
    return out;
  }

  private static @Nullable String match(List<String> known, String typed) {
    String t = typed.strip().toLowerCase(Locale.ROOT);
    return known.stream().filter(k -> !k.isBlank() && k.strip().toLowerCase(Locale.ROOT).equals(t)).findFirst()
        .orElse(null);
  }

  /** Slack escapes &, < and > in a command's text (its own links aside). */
  private static String unescape(String s) {
    return s.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&");
  }

  /** Splits at white space; "…" (or “…”) is one word. Returns the words or a {@link Problem}. */
  static Object words(String text) {
    List<Word> out = new ArrayList<>();
    StringBuilder cur = new StringBuilder();
    boolean inQuote = false;
    boolean quoted = false;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (inQuote) {
        if (c == '"' || c == '”' || c == '“') {
          inQuote = false;
        } else {
          cur.append(c);
        }
      } else if (c == '"' || c == '“' || c == '”') {
        inQuote = true;
        quoted = true;
      } else if (Character.isWhitespace(c)) {
        flush(out, cur, quoted);
        quoted = false;
      } else {
        cur.append(c);
      }
    }
    if (inQuote) {
      return new Problem("A quote is not closed; put names of several words in quotes, e.g. `status \"Waiting on "
          + "Customer\"`.");
    }
    flush(out, cur, quoted);
    return out;
  }

  private static void flush(List<Word> out, StringBuilder cur, boolean quoted) {
    String w = cur.toString().strip();
    if (!w.isEmpty()) {
      out.add(new Word(w, quoted));
    }
    cur.setLength(0);
  }
}
