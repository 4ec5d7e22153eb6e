/** Process entry point, configuration and wiring. */
@NullMarked
package com.syncrobot.app;

import org.jspecify.annotations.NullMarked;
