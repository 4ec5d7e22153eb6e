package com.syncrobot.playground.slack;

import static com.syncrobot.playground.slack.SimFixture.ALICE;
import static com.syncrobot.playground.slack.SimFixture.BOB;
import static com.syncrobot.playground.slack.SlackSimulator.SUPPORT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.slack.api.app_backend.views.payload.ViewSubmissionPayload;
import com.slack.api.methods.response.views.ViewsOpenResponse;
import com.slack.api.model.view.ViewState;
import com.slack.api.util.json.GsonFactory;
import com.syncrobot.playground.slack.FakeBot.Answer;
import com.syncrobot.playground.slack.user.ModalActions;
import com.syncrobot.playground.slack.user.ViewStates;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Modals (open, state, errors, update, push, close), external selects and the Home tab. */
final class ModalTest {
  static final String BILL_MODAL = """
      {"type":"modal","callback_id":"bill","title":{"type":"plain_text","text":"Bill ticket"},
       "submit":{"type":"plain_text","text":"Preview"},"close":{"type":"plain_text","text":"Cancel"},
       "private_metadata":"ticket=32203","notify_on_close":true,
       "blocks":[
        {"type":"input","block_id":"notes","label":{"type":"plain_text","text":"Notes"},
         "element":{"type":"plain_text_input","action_id":"v","multiline":true}},
        {"type":"input","block_id":"minutes","label":{"type":"plain_text","text":"Minutes"},
         "element":{"type":"number_input","action_id":"v","is_decimal_allowed":false}},
        {"type":"input","block_id":"labour","label":{"type":"plain_text","text":"Labour"},
         "element":{"type":"static_select","action_id":"v","options":[
          {"text":{"type":"plain_text","text":"Remote"},"value":"remote"},
          {"text":{"type":"plain_text","text":"Onsite"},"value":"onsite"}]}},
        {"type":"input","block_id":"product","optional":true,"label":{"type":"plain_text","text":"Product"},
         "element":{"type":"external_select","action_id":"v","min_query_length":2}},
        {"type":"input","block_id":"where","label":{"type":"plain_text","text":"Where"},
         "element":{"type":"radio_buttons","action_id":"v",
          "initial_option":{"text":{"type":"plain_text","text":"Business hours"},"value":"bh"},
          "options":[{"text":{"type":"plain_text","text":"Business hours"},"value":"bh"},
                     {"text":{"type":"plain_text","text":"After hours"},"value":"ah"}]}},
        {"type":"input","block_id":"flags","optional":true,"label":{"type":"plain_text","text":"Flags"},
         "element":{"type":"checkboxes","action_id":"v","options":[
          {"text":{"type":"mrkdwn","text":"*Emergency*"},"value":"emergency"},
          {"text":{"type":"plain_text","text":"Taxable"},"value":"taxable"}]}},
        {"type":"input","block_id":"day","label":{"type":"plain_text","text":"Day"},
         "element":{"type":"datepicker","action_id":"v","initial_date":"2024-05-01"}},
        {"type":"input","block_id":"start","label":{"type":"plain_text","text":"Start"},
         "element":{"type":"timepicker","action_id":"v"}},
        {"type":"input","block_id":"when","optional":true,"label":{"type":"plain_text","text":"Follow-up"},
         "element":{"type":"datetimepicker","action_id":"v"}},
        {"type":"input","block_id":"tech","label":{"type":"plain_text","text":"Technician"},
         "element":{"type":"users_select","action_id":"v"}},
        {"type":"actions","block_id":"more","elements":[
         {"type":"button","action_id":"add_line","text":{"type":"plain_text","text":"Add line"}}]}]}""";

  SimFixture f;
  final List<String> apiErrors = new CopyOnWriteArrayList<>();

  @BeforeEach
  void start() throws Exception {
    f = new SimFixture();
    f.bot.on("command", in -> {
      open(in.json().path("trigger_id").asText(), BILL_MODAL);
      return Answer.ack();
    });
  }

  @AfterEach
  void stop() {
    f.close();
  }

  void open(String trigger, String view) {
    try {
      ViewsOpenResponse r = f.bot.api().viewsOpen(x -> x.triggerId(trigger).viewAsString(view));
      if (!r.isOk()) {
        apiErrors.add(r.getError());
      }
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  @Test
  void viewsOpen_withTheCommandsTrigger_showsTheModalToThatUserOnly() {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill 32203");
    assertThat(apiErrors).isEmpty();
    SimModal m = f.sim.currentModal(ALICE).orElseThrow();
    assertThat(m.title()).isEqualTo("Bill ticket");
    assertThat(m.callbackId()).isEqualTo("bill");
    assertThat(m.depth()).isEqualTo(1);
    assertThat(m.view().path("private_metadata").asText()).isEqualTo("ticket=32203");
    assertThat(f.sim.currentModal(BOB)).isEmpty();
  }

  @Test
  void trigger_isSingleUseAndExpiresAfterThreeSeconds() {
    f.bot.on("command", in -> {
      String trigger = in.json().path("trigger_id").asText();
      if (in.json().path("text").asText().equals("late")) {
        f.clock.add(Duration.ofSeconds(4));
        open(trigger, BILL_MODAL);
      } else {
        open(trigger, BILL_MODAL);
        open(trigger, BILL_MODAL);
      }
      return Answer.ack();
    });
    f.sim.runSlashCommand(ALICE, SUPPORT, "twice");
    f.sim.runSlashCommand(BOB, SUPPORT, "late");
    assertThat(apiErrors).containsExactly("exchanged_trigger_id", "expired_trigger_id");
    assertThat(f.sim.currentModal(BOB)).isEmpty();
  }

  @Test
  void viewsOpen_titleTooLongOrSubmitMissing_refusedAsInvalidArguments() {
    f.bot.on("command", in -> {
      open(in.json().path("trigger_id").asText(), BILL_MODAL.replace("Bill ticket", "A title far beyond 24 chars"));
      open(in.json().path("trigger_id").asText(),
          BILL_MODAL.replace("\"submit\":{\"type\":\"plain_text\",\"text\":\"Preview\"},", ""));
      return Answer.ack();
    });
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    assertThat(apiErrors).containsExactly("invalid_arguments", "invalid_arguments");
    assertThat(f.sim.currentModal(ALICE)).isEmpty();
  }

  @Test
  void submit_emptyRequiredFields_flaggedWithoutCallingTheBot() {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    BotAck ack = f.sim.submitModal(ALICE, Map.of("notes", "Replaced toner", "minutes", "12.5"));
    assertThat(ack.failure()).isEqualTo("client_validation");
    assertThat(f.sim.currentModal(ALICE).orElseThrow().errors()).containsOnly(
        Map.entry("minutes", "Please enter a whole number."),
        Map.entry("labour", ViewStates.REQUIRED),
        Map.entry("start", ViewStates.REQUIRED),
        Map.entry("tech", ViewStates.REQUIRED));
    assertThat(f.bot.received()).extracting(FakeBot.Incoming::kind).containsExactly("command");
  }

  @Test
  void submit_sendsSlacksStateStructure_thenErrorsThenUpdateThenClose() {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    String viewId = f.sim.currentModal(ALICE).orElseThrow().viewId();
    List<String> answers = new CopyOnWriteArrayList<>(List.of(
        "{\"response_action\":\"errors\",\"errors\":{\"minutes\":\"Bill in steps of 15 minutes.\"}}",
        "{\"response_action\":\"update\",\"view\":{\"type\":\"modal\",\"callback_id\":\"preview\","
            + "\"title\":{\"type\":\"plain_text\",\"text\":\"Preview\"},\"submit\":{\"type\":\"plain_text\","
            + "\"text\":\"Confirm\"},\"blocks\":[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\","
            + "\"text\":\"Total *$112.50*\"}}]}}",
        ""));
    f.bot.on("view_submission", in -> Answer.json(answers.remove(0)));
    Map<String, Object> values = Map.of("notes", "Replaced toner\nTested", "minutes", "45", "labour", "onsite",
        "product", FakeBot.JSON.createObjectNode().put("value", "26117").put("text", "Travel"),
        "flags", List.of("taxable", "emergency"), "start", "14:30", "when", "1714572000", "tech", BOB);

    assertThat(f.sim.submitModal(ALICE, values).ok()).isTrue();
    FakeBot.Incoming in = f.bot.last("view_submission");
    JsonNode view = in.json().path("view");
    assertThat(view.path("id").asText()).isEqualTo(viewId);
    assertThat(view.path("callback_id").asText()).isEqualTo("bill");
    assertThat(view.path("private_metadata").asText()).isEqualTo("ticket=32203");
    JsonNode v = view.path("state").path("values");
    assertThat(v.path("notes").path("v").toString())
        .isEqualTo("{\"type\":\"plain_text_input\",\"value\":\"Replaced toner\\nTested\"}");
    assertThat(v.path("minutes").path("v").toString()).isEqualTo("{\"type\":\"number_input\",\"value\":\"45\"}");
    assertThat(v.path("labour").path("v").path("selected_option").path("value").asText()).isEqualTo("onsite");
    assertThat(v.path("labour").path("v").path("selected_option").path("text").path("text").asText())
        .isEqualTo("Onsite");
    assertThat(v.path("product").path("v").path("selected_option").toString())
        .isEqualTo("{\"text\":{\"type\":\"plain_text\",\"text\":\"Travel\",\"emoji\":true},\"value\":\"26117\"}");
    assertThat(v.path("where").path("v").path("selected_option").path("value").asText()).isEqualTo("bh");
    assertThat(v.path("flags").path("v").path("selected_options")).extracting(o -> o.path("value").asText())
        .containsExactly("emergency", "taxable");
    assertThat(v.path("day").path("v").toString())
        .isEqualTo("{\"type\":\"datepicker\",\"selected_date\":\"2024-05-01\"}");
    assertThat(v.path("start").path("v").toString())
        .isEqualTo("{\"type\":\"timepicker\",\"selected_time\":\"14:30\"}");
    assertThat(v.path("when").path("v").toString())
        .isEqualTo("{\"type\":\"datetimepicker\",\"selected_date_time\":1714572000}");
    assertThat(v.path("tech").path("v").toString())
        .isEqualTo("{\"type\":\"users_select\",\"selected_user\":\"U0BOB\"}");
    // Bolt's own model reads the same payload: the structure is what the SDK expects.
    ViewSubmissionPayload parsed = GsonFactory.createSnakeCase().fromJson(in.json().toString(),
        ViewSubmissionPayload.class);
    Map<String, Map<String, ViewState.Value>> state = parsed.getView().getState().getValues();
    assertThat(state.get("minutes").get("v").getValue()).isEqualTo("45");
    assertThat(state.get("when").get("v").getSelectedDateTime()).isEqualTo(1714572000);
    assertThat(state.get("tech").get("v").getSelectedUser()).isEqualTo(BOB);
    assertThat(state.get("flags").get("v").getSelectedOptions()).hasSize(2);
    assertThat(parsed.getUser().getId()).isEqualTo(ALICE);

    SimModal withErrors = f.sim.currentModal(ALICE).orElseThrow();
    assertThat(withErrors.errors()).containsExactly(Map.entry("minutes", "Bill in steps of 15 minutes."));

    assertThat(f.sim.submitModal(ALICE, values).ok()).isTrue();
    SimModal preview = f.sim.currentModal(ALICE).orElseThrow();
    assertThat(preview.viewId()).isEqualTo(viewId);
    assertThat(preview.title()).isEqualTo("Preview");
    assertThat(preview.errors()).isEmpty();

    assertThat(f.sim.submitModal(ALICE, Map.of()).ok()).isTrue();
    assertThat(f.sim.currentModal(ALICE)).isEmpty();
  }

  @Test
  void submit_responseActionPushThenClear_stacksThenClosesEverything() {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    List<String> answers = new CopyOnWriteArrayList<>(List.of(
        "{\"response_action\":\"push\",\"view\":{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\","
            + "\"text\":\"Are you sure?\"},\"submit\":{\"type\":\"plain_text\",\"text\":\"Yes\"},\"blocks\":[]}}",
        "{\"response_action\":\"clear\"}"));
    f.bot.on("view_submission", in -> Answer.json(answers.remove(0)));
    f.sim.submitModal(ALICE, Map.of("notes", "n", "minutes", "45", "labour", "onsite", "start", "09:00", "tech", BOB));
    SimModal pushed = f.sim.currentModal(ALICE).orElseThrow();
    assertThat(pushed.title()).isEqualTo("Are you sure?");
    assertThat(pushed.depth()).isEqualTo(2);
    f.sim.submitModal(ALICE, Map.of());
    assertThat(f.sim.currentModal(ALICE)).isEmpty();
  }

  @Test
  void submit_botTooSlow_keepsTheModalWithSlacksTroubleBanner() {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    f.bot.on("view_submission", in -> new Answer(500, ""));
    BotAck ack = f.sim.submitModal(ALICE, Map.of("notes", "n", "minutes", "45", "labour", "onsite", "start", "09:00",
        "tech", BOB));
    assertThat(ack.failure()).isEqualTo("dispatch_failed");
    assertThat(f.sim.currentModal(ALICE).orElseThrow().problem()).isEqualTo(ModalActions.TROUBLE);
  }

  @Test
  void submit_errorsForABlockThatIsNotAnInput_showTheTroubleBanner() {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    f.bot.on("view_submission", in -> Answer.json("{\"response_action\":\"errors\",\"errors\":{\"more\":\"x\"}}"));
    assertThat(f.sim.submitModal(ALICE, Map.of("notes", "n", "minutes", "45", "labour", "onsite", "start", "09:00",
        "tech", BOB)).ok()).isTrue();
    assertThat(f.sim.currentModal(ALICE).orElseThrow().problem()).contains("not inputs: [more]");
  }

  @Test
  void buttonInAModal_sendsBlockActionsWithTheView_andViewsPushStacks() {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    f.bot.on("block_actions", in -> {
      try {
        var r = f.bot.api().viewsPush(x -> x.triggerId(in.json().path("trigger_id").asText()).viewAsString(
            "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Add line\"},\"blocks\":[]}"));
        if (!r.isOk()) {
          apiErrors.add(r.getError());
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return Answer.ack();
    });
    String root = f.sim.currentModal(ALICE).orElseThrow().viewId();
    f.sim.clickModalButton(ALICE, "Add line");
    JsonNode p = f.bot.last("block_actions").json();
    assertThat(p.path("container").path("type").asText()).isEqualTo("view");
    assertThat(p.path("container").path("view_id").asText()).isEqualTo(root);
    assertThat(p.path("view").path("callback_id").asText()).isEqualTo("bill");
    assertThat(p.path("view").path("state").path("values").path("day").path("v").path("selected_date").asText())
        .isEqualTo("2024-05-01");
    assertThat(p.has("response_url")).isFalse();
    SimModal pushed = f.sim.currentModal(ALICE).orElseThrow();
    assertThat(pushed.depth()).isEqualTo(2);
    assertThat(pushed.view().path("root_view_id").asText()).isEqualTo(root);
    assertThat(apiErrors).isEmpty();
    // Back to the first view; it had notify_on_close, the pushed one did not.
    assertThat(f.sim.closeModal(ALICE)).isEmpty();
    assertThat(f.sim.currentModal(ALICE).orElseThrow().viewId()).isEqualTo(root);
    assertThat(f.sim.closeModal(ALICE)).hasValueSatisfying(a -> assertThat(a.ok()).isTrue());
    JsonNode closed = f.bot.last("view_closed").json();
    assertThat(closed.path("view").path("id").asText()).isEqualTo(root);
    assertThat(closed.path("is_cleared").asBoolean()).isFalse();
    assertThat(f.sim.currentModal(ALICE)).isEmpty();
  }

  @Test
  void externalSelect_asksTheBotOncePastMinQueryLength_andReturnsItsOptions() {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    f.bot.on("block_suggestion", in -> Answer.json("{\"options\":[{\"text\":{\"type\":\"plain_text\","
        + "\"text\":\"Fee - Travel Time\"},\"value\":\"26117\"}]}"));
    assertThat(f.sim.suggestions(ALICE, "product", "t")).isEmpty();
    assertThat(f.bot.received()).extracting(FakeBot.Incoming::kind).doesNotContain("block_suggestion");
    List<JsonNode> options = f.sim.suggestions(ALICE, "product", "tra");
    assertThat(options).extracting(o -> o.path("value").asText()).containsExactly("26117");
    JsonNode p = f.bot.last("block_suggestion").json();
    assertThat(p.path("value").asText()).isEqualTo("tra");
    assertThat(p.path("block_id").asText()).isEqualTo("product");
    assertThat(p.path("action_id").asText()).isEqualTo("v");
    assertThat(p.path("view").path("id").asText()).isEqualTo(f.sim.currentModal(ALICE).orElseThrow().viewId());
  }

  @Test
  void appHomeOpened_thenViewsPublish_showsTheHomeTab_andItsButtonsSendBlockActions() {
    f.bot.on("app_home_opened", in -> {
      try {
        var r = f.bot.api().viewsPublish(x -> x.userId(in.event().path("user").asText()).viewAsString(
            "{\"type\":\"home\",\"blocks\":[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\","
                + "\"text\":\"Your tickets\"}},{\"type\":\"actions\",\"elements\":[{\"type\":\"button\","
                + "\"action_id\":\"refresh\",\"text\":{\"type\":\"plain_text\",\"text\":\"Refresh\"}}]}]}"));
        if (!r.isOk()) {
          apiErrors.add(r.getError());
        }
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
      return Answer.ack();
    });
    assertThat(f.sim.openHome(ALICE).ok()).isTrue();
    JsonNode ev = f.bot.last("app_home_opened").event();
    assertThat(ev.path("user").asText()).isEqualTo(ALICE);
    assertThat(ev.path("tab").asText()).isEqualTo("home");
    assertThat(ev.path("channel").asText()).isEqualTo(f.sim.dmChannel(ALICE));
    assertThat(ev.has("view")).isFalse();
    assertThat(f.sim.homeView(ALICE).orElseThrow().path("blocks").get(0).path("text").path("text").asText())
        .isEqualTo("Your tickets");
    f.sim.openHome(ALICE);
    assertThat(f.bot.last("app_home_opened").event().path("view").path("hash").asText()).isNotBlank();
    f.sim.clickHomeButton(ALICE, "Refresh");
    JsonNode p = f.bot.last("block_actions").json();
    assertThat(p.path("view").path("type").asText()).isEqualTo("home");
    assertThat(p.path("actions").get(0).path("action_id").asText()).isEqualTo("refresh");
    assertThat(f.sim.homeView(BOB)).isEmpty();
    assertThat(apiErrors).isEmpty();
  }

  @Test
  void viewsUpdate_withAStaleHash_isAConflict() throws Exception {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    SimModal m = f.sim.currentModal(ALICE).orElseThrow();
    String view = "{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"Working…\"},\"blocks\":[]}";
    assertThat(f.bot.api().viewsUpdate(x -> x.viewId(m.viewId()).hash("1.stale").viewAsString(view)).getError())
        .isEqualTo("hash_conflict");
    String hash = m.view().path("hash").asText();
    assertThat(f.bot.api().viewsUpdate(x -> x.viewId(m.viewId()).hash(hash).viewAsString(view)).isOk()).isTrue();
    assertThat(f.sim.currentModal(ALICE).orElseThrow().title()).isEqualTo("Working…");
    assertThat(f.bot.api().viewsUpdate(x -> x.viewId("V404").viewAsString(view)).getError()).isEqualTo("not_found");
  }

  @Test
  void submitModal_unknownBlock_isATestError() {
    f.sim.runSlashCommand(ALICE, SUPPORT, "bill");
    assertThatThrownBy(() -> f.sim.submitModal(ALICE, Map.of("nope", "x")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("nope");
  }
}
