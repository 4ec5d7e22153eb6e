package com.syncrobot.slack;

import com.syncrobot.feature.connect.ConnectSubmission;
import com.syncrobot.slack.blocks.SearchText;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.slack.api.bolt.context.builtin.SlashCommandContext;
import com.slack.api.bolt.response.Response;
import org.junit.jupiter.api.Test;

final class SubcommandsTest {
  record Named(String name) implements Subcommand {
    @Override
    public String usage() {
      return "`/syncro " + name + "`";
    }

    @Override
    public Response handle(Invocation call, SlashCommandContext ctx) {
      return ctx.ack();
    }
  }

  @Test
  void register_sameNameTwice_fails() {
    Subcommands s = new Subcommands().register(new Named("bill"));
    assertThatThrownBy(() -> s.register(new Named("bill"))).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void find_ignoresCase_andUsageKeepsRegistrationOrder() {
    Subcommands s = new Subcommands().register(new Named("zeta")).register(new Named("alpha"));
    assertThat(s.find("ALPHA")).isPresent();
    assertThat(s.find("beta")).isEmpty();
    assertThat(s.usage()).endsWith("• `/syncro zeta`\n• `/syncro alpha`");
  }

  @Test
  void register_nameThatIsNotAWord_fails() {
    assertThatThrownBy(() -> new Subcommands().register(new Named("two words")))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void connectProblem_blankOrSpacesOrTooLong_areFlaggedWithoutEchoingTheToken() {
    assertThat(ConnectSubmission.problem("   ")).contains("Paste your Syncro API token.");
    assertThat(ConnectSubmission.problem("abc def")).hasValueSatisfying(m -> assertThat(m).doesNotContain("abc"));
    assertThat(ConnectSubmission.problem("Tök")).isPresent();
    assertThat(ConnectSubmission.problem("x".repeat(201))).isPresent();
    assertThat(ConnectSubmission.problem(" T1a2b3c-4d5e ")).isEmpty();
  }

  @Test
  void searchText_blankOrOver200Characters_isRefused() {
    assertThat(SearchText.problem("", "`/syncro search printer`")).hasValueSatisfying(m -> assertThat(m)
        .startsWith("What should I search for?"));
    assertThat(SearchText.problem("é".repeat(200), "u")).isEmpty();
    assertThat(SearchText.problem("a".repeat(201), "u")).contains(
        "That search text is 201 characters long; keep it to 200 or fewer.");
  }
}
