/**
 * {@code /syncro connect} and {@code disconnect}: a technician stores their own Syncro API token
 * (checked, then encrypted in the store) and removes it. Start at {@link
 * com.syncrobot.feature.connect.ConnectFeature}.
 */
@NullMarked
package com.syncrobot.feature.connect;

import org.jspecify.annotations.NullMarked;
