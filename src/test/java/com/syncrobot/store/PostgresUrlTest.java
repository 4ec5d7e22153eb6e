package com.syncrobot.store;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresUrlTest {

  @Test
  void login_passwordParameter_takenOutOfTheUrl() {
    PostgresUrl.Login first = PostgresUrl.parse("jdbc:postgresql://db/bot?password=p%26w&user=bot").login();
    assertThat(first.url()).isEqualTo("jdbc:postgresql://db/bot?user=bot");
    assertThat(first.password()).isEqualTo("p&w");

    PostgresUrl.Login last = PostgresUrl.parse("jdbc:postgresql://db/bot?user=bot&password=pw").login();
    assertThat(last.url()).isEqualTo("jdbc:postgresql://db/bot?user=bot");
    assertThat(last.password()).isEqualTo("pw");

    PostgresUrl.Login none = PostgresUrl.parse("jdbc:postgresql://db/bot?user=bot").login();
    assertThat(none.url()).isEqualTo("jdbc:postgresql://db/bot?user=bot");
    assertThat(none.password()).isNull();
  }

  @Test
  void shown_everyPasswordParameterMasked() {
    assertThat(PostgresUrl.parse("jdbc:postgresql://db/bot?user=bot&password=pw&sslpassword=k").shown())
        .isEqualTo("jdbc:postgresql://db/bot?user=bot&password=***&sslpassword=***");
  }
}
