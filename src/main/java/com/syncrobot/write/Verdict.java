package com.syncrobot.write;

import java.util.Objects;

/** What reading Syncro said about a step whose outcome was unknown. */
sealed interface Verdict {
  /** A human-readable account of how this was decided, kept in the step's verification column. */
  String how();

  /** The record is there; {@code id} is its Syncro id. */
  record Found(long id, String how) implements Verdict {
    public Found {
      Objects.requireNonNull(how, "how == null");
    }
  }

  /** The record is provably not there. */
  record Absent(String how) implements Verdict {
    public Absent {
      Objects.requireNonNull(how, "how == null");
    }
  }

  /** Reading Syncro cannot decide it; a person must look. */
  record Undecided(String how) implements Verdict {
    public Undecided {
      Objects.requireNonNull(how, "how == null");
    }
  }
}
