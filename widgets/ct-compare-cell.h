/* ct-compare-cell.h: one figure of the comparison table, drawn as one widget
 *
 * A table of 700 reports has 700 cells in every row GtkColumnView creates;
 * a cell made of boxes, labels and images is eight widgets, and scrolling
 * then re-binds thousands of them a frame. This one widget draws the value,
 * the plan, the rate band (a tint behind words that say the same) and the
 * flag and correction marks itself.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-figure.h"

G_BEGIN_DECLS

#define CT_TYPE_COMPARE_CELL (ct_compare_cell_get_type ())

G_DECLARE_FINAL_TYPE (CtCompareCellWidget, ct_compare_cell, CT, COMPARE_CELL, GtkWidget)

GtkWidget   *ct_compare_cell_new        (void);
/* Texts may be NULL; header TRUE draws nothing (a sector heading row). */
void         ct_compare_cell_set        (CtCompareCellWidget *self,
                                         const gchar         *value,
                                         const gchar         *plan,
                                         const gchar         *rate,
                                         CtRateBand           band,
                                         gboolean             flagged,
                                         gboolean             corrected,
                                         gboolean             empty);
void         ct_compare_cell_set_header (CtCompareCellWidget *self);
const gchar *ct_compare_cell_get_value_text (CtCompareCellWidget *self);
const gchar *ct_compare_cell_get_plan_text  (CtCompareCellWidget *self);
const gchar *ct_compare_cell_get_rate_text  (CtCompareCellWidget *self);
/* The value's layout: NULL until the cell is first drawn, then kept. */
PangoLayout *ct_compare_cell_peek_value_layout (CtCompareCellWidget *self);

G_END_DECLS
