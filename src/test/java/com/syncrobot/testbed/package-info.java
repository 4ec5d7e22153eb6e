/** Test beds shared by the resilience suite and the benchmark: the fakes around a bot, wired once. */
@NullMarked
package com.syncrobot.testbed;

import org.jspecify.annotations.NullMarked;
