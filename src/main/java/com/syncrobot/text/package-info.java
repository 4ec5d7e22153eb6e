/**
 * The rules for text a customer may read, in one place: {@link com.syncrobot.text.CommentText}
 * (line breaks, lists, markup and secrets in a Syncro comment) and {@link com.syncrobot.text.Secret},
 * the one list of secret shapes that comments refuse and the log redactor masks (R8, R11). Start
 * with {@code CommentText}. Nothing here knows Slack or does I/O.
 */
@NullMarked
package com.syncrobot.text;

import org.jspecify.annotations.NullMarked;
