package com.syncrobot.feature.create;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

/**
 * The create form and the move dialog carry the technician's time zone in their private metadata (and the
 * move list's buttons), so the submission is checked in that zone on whichever replica it reaches, even one
 * that never asked Slack for it.
 */
final class FormZoneTest {
  static final ZoneId LA = ZoneId.of("America/Los_Angeles");

  @Test
  void createForm_zoneReadWhenFilledIn_survivesThePrivateMetadata() {
    CreateModal.Meta opened = new CreateModal.Meta("https://hooks/r", "C1", null, null, null, null);

    CreateModal.Meta back = CreateModal.Meta.fromJson(opened.withZone(LA).withCustomer(77L).toJson()).orElseThrow();

    assertThat(back.zoneId()).isEqualTo(LA);
    assertThat(back.customerId()).isEqualTo(77L);
  }

  @Test
  void createForm_withoutAZone_orWithAnUnknownOne_isUtc() {
    assertThat(new CreateModal.Meta("", "C1", null, null, null, null).zoneId()).isEqualTo(ZoneOffset.UTC);
    assertThat(new CreateModal.Meta("", "C1", null, null, null, "Mars/Olympus").zoneId()).isEqualTo(ZoneOffset.UTC);
  }

  @Test
  void moveChoice_zoneOfTheListing_survivesTheButtonValueAndTheDialog() {
    MoveModal.Choice choice = new MoveModal.Choice(991, 1_765_000_000L, null, 9001L, 32203L, "Onsite", "Acme",
        "Visit", LA.getId());

    MoveModal.Choice fromButton = MoveModal.Choice.fromJson(choice.toJson()).orElseThrow();
    MoveModal.Meta fromDialog = MoveModal.Meta.fromJson(new MoveModal.Meta(fromButton, "", "C1").toJson())
        .orElseThrow();

    assertThat(fromDialog.choice().zoneId()).isEqualTo(LA);
  }
}
