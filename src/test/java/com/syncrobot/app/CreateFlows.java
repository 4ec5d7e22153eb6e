package com.syncrobot.app;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.syncrobot.app.WriteFlowHarness.API;
import static com.syncrobot.app.WriteFlowHarness.JSON;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.syncrobot.testkit.Forms;
import com.syncrobot.testkit.JsonFixtures;
import java.net.http.HttpResponse;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Drives issue 5's flows on a {@link WriteFlowHarness}: the account, customer and appointment
 * stubs on the fake Syncro, the extra Slack methods (views.update, users.info, chat.getPermalink),
 * and the signed payloads Slack sends for modals, type-ahead, live fields and message shortcuts.
 */
final class CreateFlows {
  static final long CUSTOMER = 77;
  static final String CUSTOMER_NAME = "Acme Dental";
  static final long CONTACT = 5;
  static final String LA = "America/Los_Angeles";
  static final String PERMALINK = "https://acme.slack.com/archives/C0001/p1700000000000100";
  private static final AtomicInteger seq = new AtomicInteger();

  /** Returns {@code s} as a JSON string literal (newlines and all). */
  static String str(String s) {
    try {
      return JSON.writeValueAsString(s);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  final WriteFlowHarness bot;

  CreateFlows(WriteFlowHarness bot, String zone) {
    this.bot = bot;
    bot.slack.stubFor(post(urlPathEqualTo("/api/views.update"))
        .willReturn(okJson("{\"ok\":true,\"view\":{\"id\":\"V1\"}}")));
    bot.slack.stubFor(post(urlPathEqualTo("/api/users.info")).willReturn(okJson(
        "{\"ok\":true,\"user\":{\"id\":\"U0JANE\",\"name\":\"jane\",\"tz\":\"" + zone + "\"}}")));
    bot.slack.stubFor(post(urlPathEqualTo("/api/chat.getPermalink")).willReturn(okJson(
        "{\"ok\":true,\"channel\":\"C0001\",\"permalink\":\"" + PERMALINK + "\"}")));
    stubAccount();
    stubCustomer();
  }

  // ---- Syncro ---------------------------------------------------------------------------------

  private void stubAccount() {
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/tickets/settings"))
        .willReturn(okJson(JsonFixtures.load("flows/tickets-settings.json"))));
    bot.syncro
        .stubFor(get(urlPathEqualTo(API + "/settings")).willReturn(okJson(JsonFixtures.load("flows/settings.json"))));
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/users")).willReturn(okJson(JsonFixtures.load("flows/users.json"))));
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/appointment_types"))
        .willReturn(okJson(JsonFixtures.load("flows/appointment-types.json"))));
  }

  private void stubCustomer() {
    // CUSTOMER (CUSTOMER_NAME) with contact CONTACT
    String customer = JsonFixtures.load("flows/customer-acme.json");
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/customers")).withQueryParam("query", equalTo("acme"))
        .willReturn(okJson("{\"customers\":[" + customer + "],\"meta\":{\"total_pages\":1}}")));
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/customers/" + CUSTOMER))
        .willReturn(okJson("{\"customer\":" + customer + "}")));
  }

  static String ticketJson(long id, long number, String subject, Instant created) {
    // a new ticket of CUSTOMER (CUSTOMER_NAME)
    return JsonFixtures.load("flows/new-ticket.json",
        Map.of("id", id, "number", number, "subject", str(subject), "created_at", created));
  }

  // ---- time -----------------------------------------------------------------------------------

  /** The next Tuesday at least two days ahead, 18:00 in {@code zone}. */
  static Instant nextTuesdayEvening(Instant now, ZoneId zone) {
    LocalDate day = LocalDate.ofInstant(now, zone).plusDays(2).with(TemporalAdjusters.nextOrSame(DayOfWeek.TUESDAY));
    return day.atTime(18, 0).atZone(zone).toInstant();
  }

  // ---- Slack payloads -------------------------------------------------------------------------

  /** The view the bot last sent with views.update (form field "view"). */
  JsonNode lastUpdatedView(int atLeast) throws Exception {
    List<LoggedRequest> updated = WriteFlowHarness.await(
        () -> bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/views.update"))), l -> l.size() >= atLeast,
        atLeast + " views.update");
    return JSON.readTree(Forms.field(updated.get(updated.size() - 1).getBodyAsString(), "view"));
  }

  /** Fills a modal's state: block id → action id → element state JSON. */
  static final class Values {
    private final Map<String, Map<String, String>> blocks = new LinkedHashMap<>();

    private Values put(String block, String action, String element) {
      blocks.computeIfAbsent(block, k -> new LinkedHashMap<>()).put(action, element);
      return this;
    }

    Values text(String block, String action, String value) {
      return put(block, action, "{\"type\":\"plain_text_input\",\"value\":" + str(value) + "}");
    }

    Values select(String block, String action, String value, String text) {
      return put(block, action, "{\"type\":\"static_select\",\"selected_option\":{\"value\":" + str(value)
          + ",\"text\":{\"type\":\"plain_text\",\"text\":" + str(text) + "}}}");
    }

    Values external(String block, String action, String value, String text) {
      return put(block, action, "{\"type\":\"external_select\",\"selected_option\":{\"value\":"
          + str(value) + ",\"text\":{\"type\":\"plain_text\",\"text\":" + str(text) + "}}}");
    }

    Values checked(String block, String action) {
      return put(block, action, "{\"type\":\"checkboxes\",\"selected_options\":[{\"value\":\"yes\",\"text\":"
          + "{\"type\":\"plain_text\",\"text\":\"x\"}}]}");
    }

    Values radio(String block, String action, String value) {
      return put(block, action, "{\"type\":\"radio_buttons\",\"selected_option\":{\"value\":" + str(value)
          + ",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"}}}");
    }

    Values dateTime(String block, String action, Instant t) {
      return put(block, action, "{\"type\":\"datetimepicker\",\"selected_date_time\":" + t.getEpochSecond() + "}");
    }

    Values date(String block, String action, LocalDate d) {
      return put(block, action, "{\"type\":\"datepicker\",\"selected_date\":\"" + d + "\"}");
    }

    /** Returns these values without {@code block}, as if the field had been left empty. */
    Values without(String block) {
      blocks.remove(block);
      return this;
    }

    String json() {
      List<String> out = new ArrayList<>();
      blocks.forEach((block, actions) -> {
        List<String> inner = new ArrayList<>();
        actions.forEach((action, element) -> inner.add(str(action) + ":" + element));
        out.add(str(block) + ":{" + String.join(",", inner) + "}");
      });
      return "{" + String.join(",", out) + "}";
    }
  }

  /** A complete create form for Acme Dental; appointments only when {@code start} is given. */
  static Values createForm(String subject, Instant start) {
    Values v = new Values()
        .external("customer", "create_customer", Long.toString(CUSTOMER), CUSTOMER_NAME)
        .text("subject", "create_subject", subject)
        .select("issue_type", "create_issue_type", "Hardware", "Hardware")
        .select("priority", "create_priority", "2 Normal", "2 Normal")
        .text("description", "create_description", "Printer jams on every page.\nTried a new tray.")
        .checked("do_not_email", "create_no_email")
        .select("tech", "create_tech", "1735", "Jane Tech")
        .select("contact:" + CUSTOMER, "create_contact", Long.toString(CONTACT), "Dr Smile")
        .select("address:" + CUSTOMER, "create_address", Long.toString(CONTACT), "1 Main St, Springfield");
    if (start != null) {
      v.select("appointment_type", "create_appointment_type", "4322", "Onsite")
          .dateTime("start", "create_start", start);
    }
    return v;
  }

  /** Submits {@code view} with {@code values}; returns the ack. */
  HttpResponse<String> submit(String user, JsonNode view, Values values) {
    return bot.submitView(user, view, "VS" + seq.incrementAndGet(), "1.abc" + seq.incrementAndGet(), values.json());
  }

  /** A live field of {@code view} changed (block_actions from a modal). */
  HttpResponse<String> changed(String user, JsonNode view, String blockId, String actionId, Values values) {
    return bot.interaction(JsonFixtures.load("slack/block_actions_view.json", Map.of("user", user,
        "view", WriteFlowHarness.modalView(view, "V1", "1.abc" + seq.incrementAndGet(), values.json()), "action_id",
        actionId, "block_id", blockId,
        "action_ts", WriteFlowHarness.actionTs())));
  }

  /** Type-ahead in an external select of {@code view}. */
  HttpResponse<String> suggest(String user, JsonNode view, String actionId, String typed) {
    return bot.interaction(JsonFixtures.load("slack/block_suggestion.json", Map.of("user", user,
        "view", WriteFlowHarness.modalView(view, "V1", "1.abc" + seq.incrementAndGet(), "{}"), "action_id", actionId,
        "value", str(typed))));
  }

  /** A message shortcut on a message in C0001 (ts 1700000000.000100, in the thread of {@code threadTs}). */
  HttpResponse<String> shortcut(String user, String callbackId, String text, String threadTs, String responsePath) {
    String message = "{\"type\":\"message\",\"user\":\"U0CUST\",\"ts\":\"1700000000.000100\""
        + (threadTs == null ? "" : ",\"thread_ts\":\"" + threadTs + "\"") + ",\"text\":" + str(text) + "}";
    return bot.interaction(JsonFixtures.load("slack/message_action.json", Map.of("action_ts",
        WriteFlowHarness.actionTs(), "user", user, "callback_id", callbackId, "message", message,
        "response_url", str(bot.slack.baseUrl() + responsePath))));
  }

  /** Returns how many plans were stored, whatever their state. */
  int plansStored() {
    return bot.db.jdbi().withHandle(h -> h.createQuery("SELECT COUNT(*) FROM plans").mapTo(Integer.class).one());
  }

  /** Every chat.postMessage the bot sent, as form fields. */
  List<Map<String, String>> postedMessages() {
    List<Map<String, String>> out = new ArrayList<>();
    for (LoggedRequest r : bot.slack.findAll(postRequestedFor(urlPathEqualTo("/api/chat.postMessage")))) {
      Map<String, String> fields = new LinkedHashMap<>();
      for (String name : List.of("channel", "thread_ts", "text")) {
        try {
          fields.put(name, Forms.field(r.getBodyAsString(), name));
        } catch (AssertionError e) {
          // absent field
        }
      }
      out.add(fields);
    }
    return out;
  }
}
