/** Typed client for Syncro's REST API v1: its records, the shared request budget, errors. */
@NullMarked
package com.syncrobot.syncro;

import org.jspecify.annotations.NullMarked;
