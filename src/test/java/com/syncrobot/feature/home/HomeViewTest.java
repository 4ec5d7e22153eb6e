package com.syncrobot.feature.home;

import com.syncrobot.feature.digest.DigestRenderer;
import com.syncrobot.feature.digest.DigestRendererTest;

import static org.assertj.core.api.Assertions.assertThat;

import com.slack.api.model.block.ActionsBlock;
import com.slack.api.model.block.LayoutBlock;
import com.slack.api.model.block.SectionBlock;
import com.slack.api.model.block.element.ButtonElement;
import com.slack.api.model.view.View;
import com.syncrobot.store.ConnectedUserSummary;
import com.syncrobot.syncro.Ticket;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

final class HomeViewTest {
  private final HomeView views = new HomeView(new DigestRenderer(7));
  private final ConnectedUserSummary jane = new ConnectedUserSummary("U1", 1735, "Jane <Tech>",
      Instant.parse("2024-01-01T00:00:00Z"));

  @Test
  void eightyTickets_atMostOneHundredBlocks_fourButtonsPerTicketWithItsNumber() {
    List<Ticket> tickets = new ArrayList<>();
    for (int i = 0; i < 80; i++) {
      tickets.add(DigestRendererTest.ticket(50_000 + i, "New", 1735L, "Jane", "2024-03-01T09:00:00Z", null, null));
    }

    View v = views.tickets(jane, tickets, DigestRendererTest.NOW);

    assertThat(v.getType()).isEqualTo("home");
    assertThat(v.getBlocks()).hasSizeLessThanOrEqualTo(100);
    List<ActionsBlock> actions = v.getBlocks().stream().filter(b -> b instanceof ActionsBlock)
        .map(b -> (ActionsBlock) b).toList();
    assertThat(actions).hasSize(HomeView.MAX_TICKETS);
    assertThat(actions.get(0).getElements()).extracting(e -> ((ButtonElement) e).getActionId())
        .containsExactly("home_view", "home_comment", "home_bill", "home_close");
    assertThat(actions.get(0).getElements()).extracting(e -> ((ButtonElement) e).getValue()).containsOnly("50000");
    assertThat(actions).extracting(ActionsBlock::getBlockId).doesNotHaveDuplicates();
    LayoutBlock last = v.getBlocks().get(v.getBlocks().size() - 1);
    assertThat(DigestRendererTest.texts(List.of(last))).singleElement().asString()
        .startsWith("…and 35 more. See them all with `/syncro list`.");
    assertThat(((SectionBlock) v.getBlocks().get(1)).getText().getText())
        .isEqualTo("Connected to Syncro as *Jane &lt;Tech&gt;* (Syncro user 1735).");
  }

  @Test
  void notConnected_offersTheConnectButton() {
    View v = views.notConnected();

    SectionBlock s = (SectionBlock) v.getBlocks().get(1);
    assertThat(s.getText().getText()).startsWith("*Not connected.*");
    assertThat(((ButtonElement) s.getAccessory()).getActionId()).isEqualTo("home_connect");
  }
}
