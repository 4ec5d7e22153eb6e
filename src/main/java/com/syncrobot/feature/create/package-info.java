/**
 * Making things in Syncro: {@code /syncro create} (a ticket with its first comment and optionally
 * an appointment), {@code /syncro move-appointment}, and the message shortcuts "Create Syncro
 * ticket" and "Add to Syncro ticket". Start at {@link com.syncrobot.feature.create.CreateFeature};
 * the create modal is {@link com.syncrobot.feature.create.CreateModal} and its plan {@link
 * com.syncrobot.feature.create.CreatePlans}; moving is the {@code Move*} classes; shortcuts the
 * {@code Message*} classes.
 */
@NullMarked
package com.syncrobot.feature.create;

import org.jspecify.annotations.NullMarked;
