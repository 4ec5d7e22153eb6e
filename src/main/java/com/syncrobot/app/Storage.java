package com.syncrobot.app;

import com.syncrobot.store.ConnectedUserStore;
import com.syncrobot.store.Database;
import com.syncrobot.store.SecretKeys;
import com.syncrobot.store.TokenCipher;
import java.time.Clock;

/** The opened store with the parts that need the encryption key; one per process. */
record Storage(Database db, ConnectedUserStore users) implements AutoCloseable {

  /** Loads (or first creates) the key, opens the database and applies migrations. */
  static Storage open(BotConfig config, Clock clock) {
    TokenCipher cipher = new TokenCipher(SecretKeys.load(config.secretKeyBase64(), config.secretKeyFile()));
    Database db = Database.open(config.dbUrl());
    return new Storage(db, new ConnectedUserStore(db, cipher, clock));
  }

  @Override
  public void close() {
    db.close();
  }
}
