/* ct-source-view.h: the sentence behind a number
 *
 * Shows a report's text with the clause of one observation highlighted and
 * scrolled into view, its section path above, and the other figures of the
 * same paragraph below. Every figure the extractor found is marked in the
 * text; clicking one (or Enter with the cursor in it) emits
 * ::observation-activated with its id.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-store.h"

G_BEGIN_DECLS

#define CT_TYPE_SOURCE_VIEW (ct_source_view_get_type ())

G_DECLARE_FINAL_TYPE (CtSourceView, ct_source_view, CT, SOURCE_VIEW, GtkWidget)

GtkWidget *ct_source_view_new            (void);
/* span: where the observation came from (copied). observations: the
 * report's CtStoredObservation in text order, to mark its figures and list
 * the paragraph's others; may be NULL. title: the report, for the header. */
void       ct_source_view_set_source     (CtSourceView       *self,
                                          const CtSourceSpan *span,
                                          GPtrArray          *observations,
                                          const gchar        *title);
void       ct_source_view_clear          (CtSourceView       *self);
gint64     ct_source_view_get_observation_id (CtSourceView   *self);
/* The highlighted text (newly allocated) and its byte span in the report's
 * text; NULL when nothing is shown. */
gchar     *ct_source_view_get_highlighted (CtSourceView      *self,
                                           gsize             *start,
                                           gsize             *end);
const gchar *ct_source_view_get_section  (CtSourceView       *self);
/* The ids of the other observations listed for the paragraph. */
GArray    *ct_source_view_get_siblings   (CtSourceView       *self);
/* Emits ::observation-activated for the figure at a byte offset of the
 * report's text, as a click there does; FALSE when no figure is there. */
gboolean   ct_source_view_activate_at    (CtSourceView       *self,
                                          gsize               offset);

G_END_DECLS
