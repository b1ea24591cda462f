/* ct-search-dialog.h: find sentences in every stored report
 *
 * The window's side of `chitieu search`: a search field over the library's
 * full-text index, the matching sentences listed with their locality, period
 * and year, best first; choosing one emits ::hit-activated, which the
 * window answers by showing it in the source pane (its figure's cell too,
 * when the sentence holds one).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-store.h"

G_BEGIN_DECLS

#define CT_TYPE_SEARCH_DIALOG (ct_search_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CtSearchDialog, ct_search_dialog, CT, SEARCH_DIALOG, AdwWindow)

/* store: the parent window's library; the dialog is destroyed with the
 * window, before the store is closed. */
CtSearchDialog *ct_search_dialog_new        (GtkWindow      *parent,
                                             CtStore        *store);
/* Searches at once (typing searches after a pause). */
void            ct_search_dialog_set_query  (CtSearchDialog *self,
                                             const gchar    *query);
guint           ct_search_dialog_get_n_hits (CtSearchDialog *self);
/* "Hạ Lang · 6 tháng đầu năm 2021" and the sentence of hit i. */
const gchar    *ct_search_dialog_get_hit_sentence (CtSearchDialog *self,
                                                   guint           i);
/* What a click on hit i does; FALSE past the last one. */
gboolean        ct_search_dialog_activate_hit (CtSearchDialog *self,
                                               guint           i);

G_END_DECLS
