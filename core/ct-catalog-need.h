/* ct-catalog-need.h: the words a pattern cannot match without
 *
 * Plain GLib, no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Strings one of which every match of the GRegex pattern contains, or NULL
 * when none is known (a construct the reader does not know, or a branch
 * made of classes and escapes only). Free with g_strfreev(). */
gchar    **ct_regex_needs     (const gchar         *pattern);
/* Whether text holds one of needs (TRUE for NULL needs): when not, the
 * pattern cannot match it. */
gboolean   ct_regex_needs_met (const gchar * const *needs,
                               const gchar         *text);

G_END_DECLS
