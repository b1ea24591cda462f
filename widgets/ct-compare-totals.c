/* ct-compare-totals.c: the totals column and the ranks of the comparison
 * table, read from the view's state (never changing it)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-quiet-tooltip.h"
#include "config.h"

#include <glib/gi18n.h>

#include "ct-compare-item.h"
#include "ct-compare-stats.h"
#include "ct-quiet-tooltip.h"
#include "ct-compare-view-private.h"

/* ------------------------------------------------------------------ */
/* Totals column                                                      */
/* ------------------------------------------------------------------ */

static void
totals_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *value = gtk_label_new (NULL);
  GtkWidget *rate = gtk_label_new (NULL);

  (void) factory;
  (void) user_data;
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  for (GtkWidget *label = value; label != NULL; label = label == value ? rate : NULL)
    {
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 2);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_label_set_max_width_chars (GTK_LABEL (label), 24);
      gtk_box_append (GTK_BOX (box), label);
    }
  gtk_widget_add_css_class (rate, "caption");
  gtk_widget_add_css_class (rate, "dim-label");
  g_object_set_data (G_OBJECT (box), "ct-value", value);
  g_object_set_data (G_OBJECT (box), "ct-rate", rate);
  gtk_list_item_set_child (list_item, box);
}

static void
totals_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  CtCompareView *self = user_data;
  CtCompareItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *value = g_object_get_data (G_OBJECT (box), "ct-value");
  GtkWidget *rate = g_object_get_data (G_OBJECT (box), "ct-rate");
  g_autofree gchar *value_text = NULL;
  g_autofree gchar *rate_text = NULL;
  CtRowTotal total;

  (void) factory;
  if (!ct_compare_item_is_header (item))
    {
      CtComparison *comparison = ct_compare_item_get_comparison (item);
      guint row = (guint) ct_compare_item_get_row (item);

      ct_comparison_row_total (comparison, row, self->shown, &total);
      value_text = ct_row_total_format_value (&total, ct_comparison_get_row (comparison, row));
      rate_text = ct_row_total_format_rate (&total);
    }
  gtk_label_set_text (GTK_LABEL (value), value_text != NULL ? value_text : "");
  gtk_label_set_text (GTK_LABEL (rate), rate_text != NULL ? rate_text : "");
  gtk_widget_set_visible (rate, rate_text != NULL);
  gtk_widget_set_size_request (box, -1, ct_compare_item_is_header (item) ? HEADER_ROW_HEIGHT : ROW_HEIGHT);
  if (value_text != NULL)
    {
      g_autofree gchar *tip = g_strdup_printf ("%s%s%s", value_text, rate_text != NULL ? "\n" : "",
                                               rate_text != NULL ? rate_text : "");

      ct_quiet_tooltip_set (box, tip);
    }
  else
    ct_quiet_tooltip_set (box, ct_compare_item_is_header (item) ? NULL
                                 : _("No total: fewer than two figures, or reports of different periods or of the same locality"));
}

void
_ct_compare_view_add_totals_column (CtCompareView *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  g_signal_connect (factory, "setup", G_CALLBACK (totals_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (totals_bind), self);
  /* TRANSLATORS: the column of sums (what adds up) and plain means (what does not) */
  self->totals_column = gtk_column_view_column_new (_("Total or mean"), factory);
  gtk_column_view_column_set_fixed_width (self->totals_column, TOTALS_WIDTH);
  /* The view keeps its own reference: the column comes and goes. */
  gtk_column_view_append_column (self->left_view, self->totals_column);
}

/* Whether some row has a total: columns of one locality over the years,
 * or of different periods, have none, and the column then gives its room
 * to the reports. */
static gboolean
any_total (CtCompareView *self)
{
  guint n = self->comparison != NULL ? ct_comparison_get_n_rows (self->comparison) : 0;

  for (guint row = 0; row < n; row++)
    {
      CtRowTotal total;

      ct_comparison_row_total (self->comparison, row, self->shown, &total);
      if (total.kind != CT_ROW_TOTAL_NONE)
        return TRUE;
    }
  return FALSE;
}

/* The comparison or the reports shown changed: the sums are over those
 * only. */
void
_ct_compare_view_update_totals (CtCompareView *self)
{
  GtkListItemFactory *factory = gtk_column_view_column_get_factory (self->totals_column);

  /* Removed rather than hidden: GtkColumnView 4.8 keeps a hidden
   * column's width in its own. */
  if (any_total (self) != (gtk_column_view_column_get_column_view (self->totals_column) != NULL))
    {
      if (any_total (self))
        gtk_column_view_append_column (self->left_view, self->totals_column);
      else
        gtk_column_view_remove_column (self->left_view, self->totals_column);
    }

  /* Setting the factory again re-binds every row on screen. */
  g_object_ref (factory);
  gtk_column_view_column_set_factory (self->totals_column, NULL);
  gtk_column_view_column_set_factory (self->totals_column, factory);
  g_object_unref (factory);
}

gchar *
_ct_compare_view_rank_text (CtCompareView *self,
                            guint          row,
                            guint          column)
{
  guint n = 0;
  guint rank = ct_comparison_rank (self->comparison, row, column, self->shown, &n);

  return rank > 0 ? g_strdup_printf (_("rank %u/%u"), rank, n) : NULL;
}

