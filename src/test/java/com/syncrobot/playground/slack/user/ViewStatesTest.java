package com.syncrobot.playground.slack.user;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.syncrobot.playground.slack.workspace.BlockKitCheck;
import com.syncrobot.playground.slack.workspace.Blocks;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The typed values and action entries Slack sends per element type, and Slack's client-side checks. */
final class ViewStatesTest {
  static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String s) throws Exception {
    return JSON.readTree(s);
  }

  static Blocks.Element element(String json) throws Exception {
    return new Blocks.Element("b1", "actions", json(json));
  }

  @Test
  void action_perElementType_carriesSlacksSelectedField() throws Exception {
    String opts = "\"options\":[{\"text\":{\"type\":\"plain_text\",\"text\":\"One\"},\"value\":\"1\"},"
        + "{\"text\":{\"type\":\"plain_text\",\"text\":\"Two\"},\"value\":\"2\"}]";
    assertThat(ViewStates.action(element("{\"type\":\"radio_buttons\",\"action_id\":\"r\"," + opts + "}"),
        F.textNode("2"), "1.2").path("selected_option").path("text").path("text").asText()).isEqualTo("Two");
    assertThat(ViewStates.action(element("{\"type\":\"checkboxes\",\"action_id\":\"c\"," + opts + "}"),
        F.arrayNode().add("2").add("1"), "1.2").path("selected_options")).extracting(o -> o.path("value").asText())
        .containsExactly("1", "2");
    assertThat(ViewStates.action(element("{\"type\":\"overflow\",\"action_id\":\"o\"," + opts + "}"),
        F.textNode("1"), "1.2").path("selected_option").path("value").asText()).isEqualTo("1");
    assertThat(ViewStates.action(element("{\"type\":\"datepicker\",\"action_id\":\"d\"}"), F.textNode("2024-06-30"),
        "1.2").path("selected_date").asText()).isEqualTo("2024-06-30");
    assertThat(ViewStates.action(element("{\"type\":\"timepicker\",\"action_id\":\"t\"}"), F.textNode("08:15"),
        "1.2").path("selected_time").asText()).isEqualTo("08:15");
    assertThat(ViewStates.action(element("{\"type\":\"users_select\",\"action_id\":\"u\"}"), F.textNode("U0BOB"),
        "1.2").path("selected_user").asText()).isEqualTo("U0BOB");
    JsonNode button = ViewStates.action(element("{\"type\":\"button\",\"action_id\":\"go\",\"value\":\"v\","
        + "\"style\":\"danger\",\"text\":{\"type\":\"plain_text\",\"text\":\"Go\"}}"), null, "1.2");
    assertThat(button.path("type").asText()).isEqualTo("button");
    assertThat(button.path("value").asText()).isEqualTo("v");
    assertThat(button.path("style").asText()).isEqualTo("danger");
    assertThat(button.path("block_id").asText()).isEqualTo("b1");
    assertThat(button.path("action_ts").asText()).isEqualTo("1.2");
  }

  @Test
  void values_unchangedInputsKeepTheBotsInitialValues_andEmptyOnesAreNull() throws Exception {
    JsonNode blocks = json("""
        [{"type":"input","block_id":"a","label":{"type":"plain_text","text":"A"},
          "element":{"type":"plain_text_input","action_id":"v","initial_value":"kept"}},
         {"type":"input","block_id":"b","optional":true,"label":{"type":"plain_text","text":"B"},
          "element":{"type":"static_select","action_id":"v","options":[
           {"text":{"type":"plain_text","text":"X"},"value":"x"}]}},
         {"type":"input","block_id":"c","label":{"type":"plain_text","text":"C"},
          "element":{"type":"multi_users_select","action_id":"v","initial_users":["U0ALICE"]}}]""");
    JsonNode values = ViewStates.values(blocks, Map.of());
    assertThat(values.path("a").path("v").path("value").asText()).isEqualTo("kept");
    assertThat(values.path("b").path("v").path("selected_option").isNull()).isTrue();
    assertThat(values.path("c").path("v").path("selected_users")).extracting(JsonNode::asText)
        .containsExactly("U0ALICE");
    assertThat(ViewStates.clientErrors(blocks, ViewStates.values(blocks, Map.of("a", Map.of("v", F.textNode(" "))))))
        .containsOnlyKeys("a");
  }

  @Test
  void clientErrors_lengthAndNumberRange() throws Exception {
    JsonNode blocks = json("""
        [{"type":"input","block_id":"n","label":{"type":"plain_text","text":"N"},
          "element":{"type":"number_input","action_id":"v","is_decimal_allowed":true,"min_value":"0.25",
           "max_value":"8"}},
         {"type":"input","block_id":"t","label":{"type":"plain_text","text":"T"},
          "element":{"type":"plain_text_input","action_id":"v","min_length":10}}]""");
    Map<String, String> errors = ViewStates.clientErrors(blocks, ViewStates.values(blocks, Map.of(
        "n", Map.of("v", F.textNode("9.5")), "t", Map.of("v", F.textNode("short")))));
    assertThat(errors).containsOnly(Map.entry("n", "Please enter a number between 0.25 and 8."),
        Map.entry("t", "Please enter at least 10 characters."));
    assertThat(ViewStates.clientErrors(blocks, ViewStates.values(blocks, Map.of(
        "n", Map.of("v", F.textNode("0.5")), "t", Map.of("v", F.textNode("long enough now")))))).isEmpty();
    assertThat(ViewStates.clientErrors(blocks, ViewStates.values(blocks, Map.of(
        "n", Map.of("v", F.textNode("abc")), "t", Map.of("v", F.textNode("long enough now"))))))
        .containsOnly(Map.entry("n", "Please enter a number."));
  }

  @Test
  void blockKitCheck_rejectsWhatSlackRejects() throws Exception {
    assertThat(BlockKitCheck.message(json("[{\"type\":\"header\",\"text\":{\"type\":\"plain_text\",\"text\":\""
        + "h".repeat(151) + "\"}}]"))).singleElement().asString()
        .contains("must be less than 151 characters", "/blocks/0/text/text");
    assertThat(BlockKitCheck.message(json("[{\"type\":\"divider\",\"block_id\":\"x\"},"
        + "{\"type\":\"divider\",\"block_id\":\"x\"}]"))).singleElement().asString().contains("duplicate block_id x");
    StringBuilder many = new StringBuilder("[");
    for (int i = 0; i < 51; i++) {
      many.append(i == 0 ? "" : ",").append("{\"type\":\"divider\"}");
    }
    assertThat(BlockKitCheck.message(json(many + "]"))).singleElement().asString()
        .contains("no more than 50 items allowed");
    assertThat(BlockKitCheck.message(json("[{\"type\":\"actions\",\"elements\":[{\"type\":\"button\","
        + "\"action_id\":\"a\",\"style\":\"green\",\"text\":{\"type\":\"plain_text\",\"text\":\"x\"}}]}]")))
        .singleElement().asString().contains("must be primary or danger");
    assertThat(BlockKitCheck.message(json("[{\"type\":\"fancy\"}]"))).singleElement().asString()
        .contains("unsupported type 'fancy'");
    assertThat(BlockKitCheck.view(json("{\"type\":\"modal\",\"title\":{\"type\":\"plain_text\",\"text\":\"T\"},"
        + "\"private_metadata\":\"" + "m".repeat(3001) + "\",\"blocks\":[]}"))).singleElement().asString()
        .contains("/view/private_metadata");
    assertThat(BlockKitCheck.message(json("[{\"type\":\"section\",\"text\":{\"type\":\"mrkdwn\",\"text\":\"ok\"},"
        + "\"accessory\":{\"type\":\"static_select\",\"action_id\":\"s\",\"options\":[{\"text\":{\"type\":"
        + "\"plain_text\",\"text\":\"A\"},\"value\":\"a\"}]}}]"))).isEmpty();
  }
}
