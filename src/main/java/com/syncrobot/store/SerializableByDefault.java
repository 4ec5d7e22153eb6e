package com.syncrobot.store;

import java.sql.SQLException;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.HandleCallback;
import org.jdbi.v3.core.transaction.LocalTransactionHandler;
import org.jdbi.v3.core.transaction.SerializableTransactionRunner;
import org.jdbi.v3.core.transaction.TransactionHandler;
import org.jdbi.v3.core.transaction.TransactionIsolationLevel;

/**
 * PostgreSQL's transaction handler: a transaction that names no isolation level runs SERIALIZABLE, and is run
 * again when the server aborts it for a conflict with a concurrent one (SQLSTATE 40001). That gives a
 * transaction what SQLite's one writer at a time gives it: nothing it read changes before it commits.
 */
final class SerializableByDefault extends SerializableTransactionRunner {
  /** Enough for 100 replicas' Confirms on one row; each retry starts a fresh snapshot at once. */
  static final int MAX_RETRIES = 50;

  SerializableByDefault() {
    this(new LocalTransactionHandler());
  }

  private SerializableByDefault(TransactionHandler delegate) {
    super(delegate);
  }

  @Override
  public <R, X extends Exception> R inTransaction(Handle handle, HandleCallback<R, X> callback) throws X {
    // A nested transaction, and any level asked for explicitly other than READ COMMITTED, keep theirs. READ
    // COMMITTED is the pool's default, so asking for it cannot be told from asking for nothing: it becomes
    // SERIALIZABLE (store.StoreRequestLedger opens its READ COMMITTED transaction by hand for that reason).
    if (handle.isInTransaction() || handle.getTransactionIsolationLevel() != TransactionIsolationLevel.READ_COMMITTED) {
      return super.inTransaction(handle, callback);
    }
    handle.setTransactionIsolationLevel(TransactionIsolationLevel.SERIALIZABLE);
    try {
      return super.inTransaction(handle, callback);
    } finally {
      handle.setTransactionIsolationLevel(TransactionIsolationLevel.READ_COMMITTED);
    }
  }

  @Override
  public TransactionHandler specialize(Handle handle) throws SQLException {
    return new SerializableByDefault(getDelegate().specialize(handle));
  }
}
