/* ct-compare-view-actions.c: what the reader does to the comparison
 * table: sort by rate or verdict, filter by verdict, hide reports, copy a
 * cell or rows, the context menu
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-compare-cell.h"
#include "ct-compare-item.h"
#include "ct-compare-stats.h"
#include "ct-compare-view-private.h"

/* ------------------------------------------------------------------ */
/* Sort and verdict controls                                          */
/* ------------------------------------------------------------------ */

static void
on_sort_key_selected (GtkDropDown *dropdown,
                      GParamSpec  *pspec,
                      gpointer     user_data)
{
  (void) pspec;
  ct_compare_view_set_sort_key (CT_COMPARE_VIEW (user_data),
                                gtk_drop_down_get_selected (dropdown) == 1 ? CT_COMPARE_SORT_VERDICT
                                                                           : CT_COMPARE_SORT_RATE);
}

static void
on_verdict_selected (GtkDropDown *dropdown,
                     GParamSpec  *pspec,
                     gpointer     user_data)
{
  guint i = gtk_drop_down_get_selected (dropdown);

  (void) pspec;
  if (i < G_N_ELEMENTS (ct_compare_filter_verdicts))
    ct_compare_view_set_verdict_filter (CT_COMPARE_VIEW (user_data), ct_compare_filter_verdicts[i]);
}

/* ------------------------------------------------------------------ */
/* The reports menu: hide and show columns                            */
/* ------------------------------------------------------------------ */

static void
on_report_toggled (GtkCheckButton *check,
                   gpointer        user_data)
{
  gint64 *id = g_object_get_data (G_OBJECT (check), "ct-report-id");

  ct_compare_view_set_report_hidden (CT_COMPARE_VIEW (user_data), *id,
                                     !gtk_check_button_get_active (check));
  /* The last report shown stays: its box is ticked again. */
  g_signal_handlers_block_by_func (check, on_report_toggled, user_data);
  gtk_check_button_set_active (check, !ct_compare_view_get_report_hidden (CT_COMPARE_VIEW (user_data), *id));
  g_signal_handlers_unblock_by_func (check, on_report_toggled, user_data);
}

static void fill_report_menu (GtkPopover *popover,
                              gpointer    user_data);

static void
add_reports_button (CtCompareView *self,
                    GtkWidget     *top)
{
  GtkWidget *popover = gtk_popover_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();

  self->reports_list = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_propagate_natural_height (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_propagate_natural_width (GTK_SCROLLED_WINDOW (scroller), TRUE);
  gtk_scrolled_window_set_max_content_height (GTK_SCROLLED_WINDOW (scroller), 420);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->reports_list);
  gtk_popover_set_child (GTK_POPOVER (popover), scroller);
  g_signal_connect (popover, "show", G_CALLBACK (fill_report_menu), self);

  self->reports_button = gtk_menu_button_new ();
  /* TRANSLATORS: the menu that hides and shows report columns */
  gtk_menu_button_set_label (GTK_MENU_BUTTON (self->reports_button), _("Columns"));
  gtk_menu_button_set_popover (GTK_MENU_BUTTON (self->reports_button), popover);
  gtk_widget_set_tooltip_text (self->reports_button, _("Hide or show reports in the table"));
  gtk_box_append (GTK_BOX (top), self->reports_button);
}

/* Filled when it opens: a table of 700 reports would otherwise build 700
 * check buttons at every refresh. */
static void
fill_report_menu (GtkPopover *popover,
                  gpointer    user_data)
{
  CtCompareView *self = user_data;
  GtkWidget *child;
  guint n = self->comparison != NULL ? ct_comparison_get_n_columns (self->comparison) : 0;

  (void) popover;
  while ((child = gtk_widget_get_first_child (self->reports_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->reports_list), child);
  for (guint c = 0; c < n; c++)
    {
      const CtCompareColumn *column = ct_comparison_get_column (self->comparison, c);
      g_autofree gchar *title = column->title != NULL ? g_strdup (column->title)
                                : g_strdup_printf ("%s · %s %d", column->locality,
                                                   column->period != NULL ? column->period : "", column->year);
      GtkWidget *check = gtk_check_button_new_with_label (title);

      g_object_set_data_full (G_OBJECT (check), "ct-report-id",
                              g_memdup2 (&column->report_id, sizeof column->report_id), g_free);
      gtk_check_button_set_active (GTK_CHECK_BUTTON (check),
                                   !ct_compare_view_get_report_hidden (self, column->report_id));
      g_signal_connect (check, "toggled", G_CALLBACK (on_report_toggled), self);
      gtk_box_append (GTK_BOX (self->reports_list), check);
    }
}

void
_ct_compare_view_update_report_menu (CtCompareView *self)
{
  GtkWidget *child;

  while ((child = gtk_widget_get_first_child (self->reports_list)) != NULL)
    gtk_box_remove (GTK_BOX (self->reports_list), child);
  gtk_widget_set_sensitive (self->reports_button,
                            self->comparison != NULL && ct_comparison_get_n_columns (self->comparison) > 1);
}

void
_ct_compare_view_add_tools (CtCompareView *self,
                            GtkWidget     *top)
{
  const gchar *keys[] = { _("Sort reports by rate"), _("Sort reports by verdict"), NULL };
  g_auto(GStrv) verdicts = ct_compare_filter_names ();

  self->sort_dropdown = gtk_drop_down_new_from_strings (keys);
  gtk_widget_set_tooltip_text (self->sort_dropdown,
                               _("What a click on a report's header sorts by: the achievement rate, or the verdict (not met first)"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->sort_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Sort report columns by"), -1);
  g_signal_connect (self->sort_dropdown, "notify::selected", G_CALLBACK (on_sort_key_selected), self);

  self->verdict_dropdown = gtk_drop_down_new_from_strings ((const gchar * const *) verdicts);
  gtk_widget_set_tooltip_text (self->verdict_dropdown,
                               _("Only the indicators some report judges so"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->verdict_dropdown),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Show indicators by verdict"), -1);
  g_signal_connect (self->verdict_dropdown, "notify::selected", G_CALLBACK (on_verdict_selected), self);

  gtk_box_append (GTK_BOX (top), self->sort_dropdown);
  gtk_box_append (GTK_BOX (top), self->verdict_dropdown);
  add_reports_button (self, top);
}

void
ct_compare_view_set_sort_key (CtCompareView    *self,
                              CtCompareSortKey  key)
{
  g_return_if_fail (CT_IS_COMPARE_VIEW (self));

  if (self->sort_key == key)
    return;
  self->sort_key = key;
  g_signal_handlers_block_by_func (self->sort_dropdown, on_sort_key_selected, self);
  gtk_drop_down_set_selected (GTK_DROP_DOWN (self->sort_dropdown), key == CT_COMPARE_SORT_VERDICT ? 1 : 0);
  g_signal_handlers_unblock_by_func (self->sort_dropdown, on_sort_key_selected, self);
  if (self->sort_column >= 0)
    _ct_compare_view_resort (self);
}

CtCompareSortKey
ct_compare_view_get_sort_key (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), CT_COMPARE_SORT_RATE);
  return self->sort_key;
}

gboolean
ct_compare_view_get_sort (CtCompareView *self,
                          guint         *column,
                          GtkSortType   *order)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), FALSE);

  if (self->sort_column < 0)
    return FALSE;
  if (column != NULL)
    *column = (guint) self->sort_column;
  if (order != NULL)
    *order = self->sort_descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING;
  return TRUE;
}

void
ct_compare_view_set_verdict_filter (CtCompareView *self,
                                    CtVerdict      verdict)
{
  g_return_if_fail (CT_IS_COMPARE_VIEW (self));

  if (self->verdict_filter == verdict)
    return;
  self->verdict_filter = verdict;
  for (guint i = 0; i < G_N_ELEMENTS (ct_compare_filter_verdicts); i++)
    if (ct_compare_filter_verdicts[i] == verdict)
      {
        g_signal_handlers_block_by_func (self->verdict_dropdown, on_verdict_selected, self);
        gtk_drop_down_set_selected (GTK_DROP_DOWN (self->verdict_dropdown), i);
        g_signal_handlers_unblock_by_func (self->verdict_dropdown, on_verdict_selected, self);
      }
  _ct_compare_view_refilter (self);
}

CtVerdict
ct_compare_view_get_verdict_filter (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), CT_VERDICT_NONE);
  return self->verdict_filter;
}

/* ------------------------------------------------------------------ */
/* Copying a cell, and the context menu                               */
/* ------------------------------------------------------------------ */

gchar *
ct_compare_view_get_cell_text (CtCompareView *self)
{
  guint row, column;

  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), NULL);

  if (self->comparison == NULL || !ct_compare_view_get_current_cell (self, &row, &column))
    return NULL;
  return ct_comparison_describe_cell (self->comparison, row, column, self->shown);
}

/* Ctrl+C: one row chosen with a current cell copies that cell as words;
 * several rows, or none, copy the rows for a spreadsheet. */
void
_ct_compare_view_copy_cell_or_rows (CtCompareView *self)
{
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  g_autofree gchar *text = NULL;

  if (gtk_bitset_get_size (selected) <= 1)
    text = ct_compare_view_get_cell_text (self);
  if (text == NULL)
    text = ct_compare_view_get_tsv (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), text);
}

static void
copy_cell_action (GtkWidget   *widget,
                  const gchar *action_name,
                  GVariant    *parameter)
{
  g_autofree gchar *text = ct_compare_view_get_cell_text (CT_COMPARE_VIEW (widget));

  (void) action_name;
  (void) parameter;
  if (text != NULL)
    gdk_clipboard_set_text (gtk_widget_get_clipboard (widget), text);
}

static void
copy_rows_action (GtkWidget   *widget,
                  const gchar *action_name,
                  GVariant    *parameter)
{
  (void) action_name;
  (void) parameter;
  ct_compare_view_copy (CT_COMPARE_VIEW (widget));
}

/* The header's click, from the keyboard: sort by the current cell's
 * report ("up": worst first), or back to the catalogue's order. */
static void
sort_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  CtCompareView *self = CT_COMPARE_VIEW (widget);
  const gchar *how = g_variant_get_string (parameter, NULL);

  (void) action_name;
  if (g_strcmp0 (how, "none") == 0)
    ct_compare_view_sort_by_column (self, -1, GTK_SORT_ASCENDING);
  else if (self->current_column >= 0)
    ct_compare_view_sort_by_column (self, self->current_column,
                                    g_strcmp0 (how, "down") == 0 ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static GtkWidget *
make_menu (CtCompareView *self)
{
  g_autoptr(GMenu) menu = g_menu_new ();
  GtkWidget *popover;

  g_autoptr(GMenu) sort = g_menu_new ();

  g_menu_append (menu, _("Copy Cell"), "compare.copy-cell");
  g_menu_append (menu, _("Copy Rows"), "compare.copy-rows");
  g_menu_append (sort, _("Sort by This Report, Lowest First"), "compare.sort::up");
  g_menu_append (sort, _("Sort by This Report, Highest First"), "compare.sort::down");
  g_menu_append (sort, _("Catalogue Order"), "compare.sort::none");
  g_menu_append_section (menu, NULL, G_MENU_MODEL (sort));
  popover = gtk_popover_menu_new_from_model (G_MENU_MODEL (menu));
  gtk_widget_set_parent (popover, GTK_WIDGET (self->right_view));
  gtk_popover_set_has_arrow (GTK_POPOVER (popover), FALSE);
  gtk_widget_set_halign (popover, GTK_ALIGN_START);
  return popover;
}

static void
popup_at (CtCompareView *self,
          double         x,
          double         y)
{
  if (self->context_menu == NULL)
    self->context_menu = make_menu (self);
  gtk_popover_set_pointing_to (GTK_POPOVER (self->context_menu),
                               &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->context_menu));
}

/* A right click makes the cell under it current, then offers to copy it. */
static void
on_secondary_pressed (GtkGestureClick *gesture,
                      int              n_press,
                      double           x,
                      double           y,
                      gpointer         user_data)
{
  CtCompareView *self = user_data;
  GtkWidget *table = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *cell = gtk_widget_pick (table, x, y, GTK_PICK_DEFAULT);

  (void) n_press;
  while (cell != NULL && cell != table && !CT_IS_COMPARE_CELL (cell))
    cell = gtk_widget_get_parent (cell);
  if (cell == NULL || !CT_IS_COMPARE_CELL (cell))
    return;
  {
    guint row, column;

    /* Selected too, so the menu's "Copy Rows" copies this row. */
    if (!_ct_compare_view_cell_position (self, cell, &row, &column))
      return;
    ct_compare_view_select_cell (self, row, column);
  }
  popup_at (self, x, y);
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
}

/* Shift+F10 and the Menu key: the same menu at the current cell. */
static void
context_menu_action (GtkWidget   *widget,
                     const gchar *action_name,
                     GVariant    *parameter)
{
  CtCompareView *self = CT_COMPARE_VIEW (widget);
  GtkWidget *view = GTK_WIDGET (self->right_view);

  (void) action_name;
  (void) parameter;
  if (self->current_row < 0)
    return;
  popup_at (self, gtk_widget_get_width (view) / 3.0, gtk_widget_get_height (view) / 3.0);
}

void
_ct_compare_view_add_context_menu (CtCompareView *self)
{
  GtkGesture *click = gtk_gesture_click_new ();

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_SECONDARY);
  g_signal_connect (click, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->right_view), GTK_EVENT_CONTROLLER (click));
}

void
_ct_compare_view_class_add_tools (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "compare.copy-cell", NULL, copy_cell_action);
  gtk_widget_class_install_action (widget_class, "compare.copy-rows", NULL, copy_rows_action);
  gtk_widget_class_install_action (widget_class, "compare.context-menu", NULL, context_menu_action);
  gtk_widget_class_install_action (widget_class, "compare.sort", "s", sort_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK | GDK_SHIFT_MASK,
                                       "compare.copy-rows", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "compare.context-menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "compare.context-menu", NULL);
}
