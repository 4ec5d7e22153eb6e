package com.syncrobot.slack;

import static org.assertj.core.api.Assertions.assertThat;

import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.TokenCipher;
import com.syncrobot.syncro.SyncroToken;
import java.nio.file.Path;
import java.time.Clock;
import javax.crypto.KeyGenerator;
import javax.crypto.SecretKey;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one check of the asker's connection that every command, button and shortcut runs first (R11). */
final class AskerTest {
  private static final SyncroToken TOKEN = new SyncroToken("AnnPlaintextToken-7f3e9a1c55d0");

  @TempDir
  Path dir;
  private Database db;
  private ConnectedUserStore users;

  @BeforeEach
  void open() throws Exception {
    db = Database.open("jdbc:sqlite:" + dir.resolve("bot.db"));
    users = new ConnectedUserStore(db, new TokenCipher(key()), Clock.systemUTC());
  }

  @AfterEach
  void close() {
    db.close();
  }

  @Test
  void connected_givesTheUserAndNoRefusal() {
    users.connect("UANN", 101, "Ann Tech", TOKEN);

    Asker asker = Asker.find(users, "UANN");

    assertThat(asker.refusal()).isNull();
    assertThat(asker.user()).isNotNull();
    assertThat(asker.user().token()).isEqualTo(TOKEN);
  }

  @Test
  void neverConnected_isToldToConnect() {
    Asker asker = Asker.find(users, "UBOB");

    assertThat(asker.user()).isNull();
    assertThat(asker.refusal()).isEqualTo(UserMessages.NOT_CONNECTED);
  }

  @Test
  void unreadableToken_isToldTheStoreFailed_withoutTheToken() throws Exception {
    users.connect("UANN", 101, "Ann Tech", TOKEN);
    ConnectedUserStore otherKey = new ConnectedUserStore(db, new TokenCipher(key()), Clock.systemUTC());

    Asker asker = Asker.find(otherKey, "UANN");

    assertThat(asker.user()).isNull();
    assertThat(asker.refusal()).isEqualTo(UserMessages.STORE_FAILED).doesNotContain(TOKEN.value());
  }

  private static SecretKey key() throws Exception {
    KeyGenerator kg = KeyGenerator.getInstance("AES");
    kg.init(256);
    return kg.generateKey();
  }
}
