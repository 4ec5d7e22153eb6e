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
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/tickets/settings")).willReturn(okJson(
        "{\"ticket_status_list\":[\"New\",\"In Progress\",\"Resolved\"],\"problem_types\":[\"Hardware\","
            + "\"Emergency Service\",\"Not determined\"],\"priorities\":[\"1 High\",\"2 Normal\",\"3 Low\","
            + "\"4 Urgent\"]}")));
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/settings")).willReturn(okJson(
        "{\"locale\":{\"time_zone\":\"Pacific Time (US & Canada)\"}}")));
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/users")).willReturn(okJson(
        "{\"users\":[[1735,\"Jane Tech\"],[1750,\"Bob Tech\"]]}")));
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/appointment_types")).willReturn(okJson(
        "{\"appointment_types\":[{\"id\":4321,\"name\":\"In Shop\",\"location_type\":\"shop\"},"
            + "{\"id\":4322,\"name\":\"Onsite\",\"location_type\":\"customer\"}]}")));
  }

  private void stubCustomer() {
    String customer = "{\"id\":" + CUSTOMER + ",\"business_name\":\"" + CUSTOMER_NAME + "\","
        + "\"email\":\"desk@acme.test\","
        + "\"contacts\":[{\"id\":" + CONTACT + ",\"name\":\"Dr Smile\",\"email\":\"smile@acme.test\","
        + "\"address1\":\"1 Main St\",\"city\":\"Springfield\"},{\"id\":6,\"name\":\"Front Desk\"}]}";
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/customers")).withQueryParam("query", equalTo("acme"))
        .willReturn(okJson("{\"customers\":[" + customer + "],\"meta\":{\"total_pages\":1}}")));
    bot.syncro.stubFor(get(urlPathEqualTo(API + "/customers/" + CUSTOMER))
        .willReturn(okJson("{\"customer\":" + customer + "}")));
  }

  static String ticketJson(long id, long number, String subject, Instant created) {
    return "{\"id\":" + id + ",\"number\":" + number + ",\"subject\":" + str(subject)
        + ",\"status\":\"New\",\"customer_id\":" + CUSTOMER + ",\"customer_business_then_name\":\"" + CUSTOMER_NAME
        + "\",\"created_at\":\"" + created + "\",\"comments\":[],\"line_items\":[]}";
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
    return JSON.readTree(WriteFlowHarness.formField(updated.get(updated.size() - 1).getBodyAsString(), "view"));
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

  private static String user(String user) {
    return "\"user\":{\"id\":\"" + user + "\",\"username\":\"u\",\"name\":\"u\",\"team_id\":\"T0001\"}";
  }

  private static String viewJson(JsonNode view, String viewId, String values) {
    return "{\"id\":\"" + viewId + "\",\"team_id\":\"T0001\",\"type\":\"modal\",\"callback_id\":"
        + str(view.path("callback_id").asText()) + ",\"private_metadata\":"
        + str(view.path("private_metadata").asText()) + ",\"hash\":\"1.abc" + seq.incrementAndGet()
        + "\",\"state\":{\"values\":" + values + "}}";
  }

  /** Submits {@code view} with {@code values}; returns the ack. */
  HttpResponse<String> submit(String user, JsonNode view, Values values) {
    String json = "{\"type\":\"view_submission\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"}," + user(user)
        + ",\"api_app_id\":\"A0001\",\"token\":\"legacy-verification-token\",\"trigger_id\":\"1.2.3\",\"view\":"
        + viewJson(view, "VS" + seq.incrementAndGet(), values.json()) + ",\"response_urls\":[]}";
    return bot.signed(SignedRequests.form(Map.of("payload", json)), SignedRequests.FORM);
  }

  /** A live field of {@code view} changed (block_actions from a modal). */
  HttpResponse<String> changed(String user, JsonNode view, String blockId, String actionId, Values values) {
    String json = "{\"type\":\"block_actions\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"}," + user(user)
        + ",\"api_app_id\":\"A0001\",\"token\":\"legacy-verification-token\",\"trigger_id\":\"9.8.7\","
        + "\"container\":{\"type\":\"view\",\"view_id\":\"V1\"},\"view\":" + viewJson(view, "V1", values.json())
        + ",\"actions\":[{\"action_id\":\"" + actionId + "\",\"block_id\":\"" + blockId + "\",\"type\":"
        + "\"static_select\",\"action_ts\":\"" + WriteFlowHarness.actionTs() + "\"}]}";
    return bot.signed(SignedRequests.form(Map.of("payload", json)), SignedRequests.FORM);
  }

  /** Type-ahead in an external select of {@code view}. */
  HttpResponse<String> suggest(String user, JsonNode view, String actionId, String typed) {
    String json = "{\"type\":\"block_suggestion\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"}," + user(user)
        + ",\"api_app_id\":\"A0001\",\"token\":\"legacy-verification-token\",\"container\":{\"type\":\"view\","
        + "\"view_id\":\"V1\"},\"view\":" + viewJson(view, "V1", "{}") + ",\"action_id\":\"" + actionId
        + "\",\"block_id\":\"customer\",\"value\":" + str(typed) + "}";
    return bot.signed(SignedRequests.form(Map.of("payload", json)), SignedRequests.FORM);
  }

  /** A message shortcut on a message in C0001 (ts 1700000000.000100, in the thread of {@code threadTs}). */
  HttpResponse<String> shortcut(String user, String callbackId, String text, String threadTs, String responsePath) {
    String json = "{\"type\":\"message_action\",\"token\":\"legacy-verification-token\",\"action_ts\":\""
        + WriteFlowHarness.actionTs() + "\",\"team\":{\"id\":\"T0001\",\"domain\":\"acme\"}," + user(user)
        + ",\"channel\":{\"id\":\"C0001\",\"name\":\"support\"},\"callback_id\":\"" + callbackId + "\","
        + "\"trigger_id\":\"5.6.7\",\"message_ts\":\"1700000000.000100\",\"message\":{\"type\":\"message\","
        + "\"user\":\"U0CUST\",\"ts\":\"1700000000.000100\"" + (threadTs == null ? "" : ",\"thread_ts\":\""
        + threadTs + "\"") + ",\"text\":" + str(text) + "},\"response_url\":"
        + str(bot.slack.baseUrl() + responsePath) + "}";
    return bot.signed(SignedRequests.form(Map.of("payload", json)), SignedRequests.FORM);
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
          fields.put(name, WriteFlowHarness.formField(r.getBodyAsString(), name));
        } catch (AssertionError e) {
          // absent field
        }
      }
      out.add(fields);
    }
    return out;
  }
}
