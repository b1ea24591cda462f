/* ct-compare-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ct-compare-cell.h"
#include "ct-compare-item.h"
#include "ct-compare-sort.h"
#include "ct-compare-view.h"
#include "ct-quiet-tooltip.h"
#include "ct-store-compare-reform.h"
#include "ct-format.h"
#include "ct-text.h"

#include "ct-compare-view-private.h"

G_DEFINE_FINAL_TYPE (CtCompareView, ct_compare_view, GTK_TYPE_WIDGET)

enum {
  CELL_SELECTED,
  CELL_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* ------------------------------------------------------------------ */
/* Shown columns                                                      */
/* ------------------------------------------------------------------ */

/* Hidden reports are left out of the slots: slot i shows the shown column
 * at offset + i. */
static guint
n_shown (CtCompareView *self)
{
  return self->visible != NULL ? self->visible->len : 0;
}

/* The comparison column in a slot, or -1 past the last shown one. */
static gint
slot_column (CtCompareView *self,
             guint          slot)
{
  if (self->visible == NULL || self->offset + slot >= self->visible->len)
    return -1;
  return (gint) g_array_index (self->visible, guint, self->offset + slot);
}

/* Where a comparison column is among the shown ones, or -1 when hidden. */
static gint
shown_index (CtCompareView *self,
             gint           column)
{
  for (guint i = 0; column >= 0 && self->visible != NULL && i < self->visible->len; i++)
    if (g_array_index (self->visible, guint, i) == (guint) column)
      return (gint) i;
  return -1;
}

static gint find_report (CtComparison *comparison,
                         gint64        report_id);

/* From the reports hidden by id: which columns show, in order. */
static void
update_shown (CtCompareView *self)
{
  guint n = self->comparison != NULL ? ct_comparison_get_n_columns (self->comparison) : 0;

  g_clear_pointer (&self->shown, g_free);
  g_array_set_size (self->visible, 0);
  self->shown = g_new0 (gboolean, MAX (n, 1));
  for (guint c = 0; c < n; c++)
    {
      gint64 id = ct_comparison_get_column (self->comparison, c)->report_id;

      self->shown[c] = !g_hash_table_contains (self->hidden_reports, &id);
      if (self->shown[c])
        g_array_append_val (self->visible, c);
    }
}

/* How many of the row's figures are in shown columns. */
static guint
shown_values (CtCompareView *self,
              CtComparison  *comparison,
              guint          row)
{
  guint n = 0;

  for (guint i = 0; i < n_shown (self); i++)
    n += ct_comparison_get_cell (comparison, row, g_array_index (self->visible, guint, i))->observation_id != 0;
  return n;
}

/* ------------------------------------------------------------------ */
/* Model                                                              */
/* ------------------------------------------------------------------ */

/* A row shows when some report has it (two, with shared_only)
 * and its name holds every search word. */
static gboolean
row_visible (CtCompareView *self,
             CtCompareItem *item)
{
  const CtCompareRow *row = ct_comparison_get_row (ct_compare_item_get_comparison (item),
                                                   ct_compare_item_get_row (item));
  const gchar *key = self->search_tones ? ct_compare_item_get_search_key_tones (item)
                                        : ct_compare_item_get_search_key (item);

  guint n_values;

  if (row->n_values == 0)
    return FALSE;
  n_values = shown_values (self, ct_compare_item_get_comparison (item), (guint) ct_compare_item_get_row (item));
  /* Comparable: at least two shown reports have it (or the only one does). */
  if (self->shared_only && n_values < MIN (2, n_shown (self)))
    return FALSE;
  for (guint i = 0; self->search_words != NULL && self->search_words[i] != NULL; i++)
    if (strstr (key, self->search_words[i]) == NULL)
      return FALSE;
  return ct_compare_row_has_verdict (ct_compare_item_get_comparison (item), ct_compare_item_get_row (item),
                                     self->verdict_filter, self->shown);
}

static gboolean
filter_func (gpointer item,
             gpointer user_data)
{
  CtCompareView *self = user_data;
  CtCompareItem *it = item;

  if (ct_compare_item_is_header (it))
    return g_hash_table_contains (self->matched_sectors,
                                  GUINT_TO_POINTER (ct_compare_item_get_sector_index (it)));
  return row_visible (self, it);
}

static void update_summary (CtCompareView *self);

/* Recomputes which sectors keep their heading, then filters again. */
static void
refilter (CtCompareView *self)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

  g_hash_table_remove_all (self->matched_sectors);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

      if (!ct_compare_item_is_header (item) && row_visible (self, item))
        g_hash_table_add (self->matched_sectors,
                          GUINT_TO_POINTER (ct_compare_item_get_sector_index (item)));
    }
  gtk_filter_changed (GTK_FILTER (self->filter), GTK_FILTER_CHANGE_DIFFERENT);
  update_summary (self);
}

void
_ct_compare_view_refilter (CtCompareView *self)
{
  refilter (self);
}

/* The sort key changed: the same column, compared another way. */
void
_ct_compare_view_resort (CtCompareView *self)
{
  gtk_sorter_changed (GTK_SORTER (self->sorter), GTK_SORTER_CHANGE_DIFFERENT);
}

/* Sector first, its heading before its rows: whatever the column sort,
 * rows never leave their sector. */
static int
sector_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  CtCompareItem *x = (CtCompareItem *) a, *y = (CtCompareItem *) b;
  guint sx = ct_compare_item_get_sector_index (x), sy = ct_compare_item_get_sector_index (y);
  int hx = ct_compare_item_is_header (x) ? 0 : 1, hy = ct_compare_item_is_header (y) ? 0 : 1;

  (void) user_data;
  if (sx != sy)
    return sx < sy ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  if (hx != hy)
    return hx < hy ? GTK_ORDERING_SMALLER : GTK_ORDERING_LARGER;
  return GTK_ORDERING_EQUAL;
}

static int
order_compare (gconstpointer a,
               gconstpointer b,
               gpointer      user_data)
{
  guint ox = ct_compare_item_get_order ((CtCompareItem *) a);
  guint oy = ct_compare_item_get_order ((CtCompareItem *) b);

  (void) user_data;
  return ox < oy ? GTK_ORDERING_SMALLER : ox > oy ? GTK_ORDERING_LARGER : GTK_ORDERING_EQUAL;
}

/* Sorts by the achievement rate or the verdict of one report column:
 * figures in ha and in tỷ đồng are not comparable, their rates are. */
static int
column_compare (gconstpointer a,
                gconstpointer b,
                gpointer      user_data)
{
  CtCompareItem *x = (CtCompareItem *) a, *y = (CtCompareItem *) b;
  ColumnData *data = user_data;
  CtCompareView *self = data->view;
  guint column = data->sort_column;
  CtComparison *comparison;

  /* probe_sort(): the first slot asked is the primary sort column. */
  if (self->probing)
    {
      if (self->probe_slot < 0)
        self->probe_slot = (gint) data->column;
      return GTK_ORDERING_SMALLER;
    }
  comparison = ct_compare_item_get_comparison (x);
  if (ct_compare_item_is_header (x) || ct_compare_item_is_header (y)
      || column >= ct_comparison_get_n_columns (comparison))
    return GTK_ORDERING_EQUAL;
  return ct_compare_sort_cells (ct_comparison_get_cell (comparison, ct_compare_item_get_row (x), column),
                                ct_comparison_get_cell (comparison, ct_compare_item_get_row (y), column),
                                self->sort_key, self->sort_descending);
}

static void
fill_items (CtCompareView *self)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  const gchar *last_sector = NULL;
  gboolean have_sector = FALSE;
  guint sector_index = 0;
  guint n_rows;

  if (self->comparison == NULL)
    {
      g_list_store_remove_all (self->items);
      return;
    }

  n_rows = ct_comparison_get_n_rows (self->comparison);
  for (guint i = 0; i < n_rows; i++)
    {
      const CtCompareRow *row = ct_comparison_get_row (self->comparison, i);
      const gchar *sector = row->sector != NULL ? row->sector : _("Other figures");

      if (!have_sector || g_strcmp0 (sector, last_sector) != 0)
        {
          if (have_sector)
            sector_index++;
          have_sector = TRUE;
          last_sector = sector;
          g_ptr_array_add (items, ct_compare_item_new (self->comparison, -1, sector,
                                                       sector_index, items->len));
        }
      g_ptr_array_add (items, ct_compare_item_new (self->comparison, (gint) i, sector,
                                                   sector_index, items->len));
    }
  g_list_store_splice (self->items, 0, g_list_model_get_n_items (G_LIST_MODEL (self->items)),
                       items->pdata, items->len);
}

/* ------------------------------------------------------------------ */
/* Current cell                                                       */
/* ------------------------------------------------------------------ */

static void
update_cell_highlight (CtCompareView *self,
                       GtkWidget     *cell)
{
  gint row = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ct-row"));
  gint column = slot_column (self, (guint) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ct-slot")));

  if (row == self->current_row && column == self->current_column)
    gtk_widget_add_css_class (cell, "current-cell");
  else
    gtk_widget_remove_css_class (cell, "current-cell");
}

static void
update_all_highlights (CtCompareView *self)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    update_cell_highlight (self, cell);
}

/* Brings a row into view. GtkListView in GTK 4.8 has no public
 * scroll_to(), and both its "list.scroll-to-item" action and moving the
 * adjustment warn when the rows are not laid out yet (just after a filter
 * or a new comparison); so this waits until the frame is drawn, then puts
 * the row inside the page by the adjustment's height spread over the rows. */
static gboolean sync_scroll   (gpointer       user_data);
static void     schedule_sync (CtCompareView *self,
                               gboolean       from_left);

static gboolean
scroll_to_pending (GtkWidget     *widget,
                   GdkFrameClock *clock,
                   gpointer       user_data)
{
  CtCompareView *self = user_data;
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->right_scroller));
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));
  gdouble upper = gtk_adjustment_get_upper (v);
  gdouble page = gtk_adjustment_get_page_size (v);
  gdouble value = gtk_adjustment_get_value (v);
  gdouble y;

  (void) widget;
  (void) clock;
  /* The first frame lays the rows out; the next ones can be trusted. */
  if (++self->scroll_frames < 2)
    return G_SOURCE_CONTINUE;
  if (!isnan (self->restore_value))
    gtk_adjustment_set_value (v, CLAMP (self->restore_value, 0, MAX (upper - page, 0)));
  else if (n > 0 && upper > page && self->scroll_position < n)
    {
      y = self->scroll_position == 0 ? 0 : upper * self->scroll_position / n;
      if (y < value || y + ROW_HEIGHT > value + page)
        gtk_adjustment_set_value (v, CLAMP (y - (y > 0 ? page / 3 : 0), 0, upper - page));
    }
  /* Both lists are laid out by now: put the names beside their figures
   * without waiting for the idle that follows scrolling. */
  schedule_sync (self, FALSE);
  g_clear_handle_id (&self->sync_source, g_source_remove);
  sync_scroll (self);
  if (self->scroll_frames < 3)
    return G_SOURCE_CONTINUE;
  self->scroll_source = 0;
  return G_SOURCE_REMOVE;
}

static void
scroll_to_position (CtCompareView *self,
                    guint          position)
{
  self->restore_value = NAN;
  self->scroll_position = position;
  self->scroll_frames = 0;
  if (self->scroll_source == 0)
    self->scroll_source = gtk_widget_add_tick_callback (GTK_WIDGET (self->right_view),
                                                        scroll_to_pending, self, NULL);
}

static gint
position_of_row (CtCompareView *self,
                 gint           row)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (ct_compare_item_get_row (item) == row)
        return (gint) i;
    }
  return -1;
}

static guint
visible_slots (CtCompareView *self)
{
  guint page = (guint) gtk_adjustment_get_page_size (self->columns_adjustment);

  return MAX (page, 1);
}

static void
scroll_to_column (CtCompareView *self)
{
  gint index = shown_index (self, self->current_column);
  guint column = (guint) MAX (index, 0);
  guint page = visible_slots (self);

  if (index < 0)
    return;
  if (column < self->offset)
    gtk_adjustment_set_value (self->columns_adjustment, column);
  else if (column >= self->offset + page)
    gtk_adjustment_set_value (self->columns_adjustment, column + 1 - page);
}

static void
set_current (CtCompareView *self,
             gint           row,
             gint           column,
             gboolean       notify)
{
  gboolean changed = row != self->current_row || column != self->current_column;

  self->current_row = row;
  self->current_column = column;
  update_all_highlights (self);
  if (column >= 0)
    scroll_to_column (self);
  if (notify && changed && row >= 0 && column >= 0)
    g_signal_emit (self, signals[CELL_SELECTED], 0, (guint) row, (guint) column);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      gpointer           user_data)
{
  CtCompareView *self = user_data;
  g_autoptr(GtkBitset) selected = gtk_selection_model_get_selection (model);
  g_autoptr(CtCompareItem) item = NULL;
  guint pos;

  (void) position;
  (void) n_items;
  if (gtk_bitset_is_empty (selected))
    return;
  /* The row the user moved to is the last one of a keyboard range, and the
   * only one of a plain click. */
  pos = gtk_bitset_get_size (selected) == 1 ? gtk_bitset_get_minimum (selected)
                                            : gtk_bitset_get_maximum (selected);
  item = g_list_model_get_item (G_LIST_MODEL (model), pos);
  if (item == NULL || ct_compare_item_is_header (item))
    return;
  set_current (self, ct_compare_item_get_row (item),
               self->current_column >= 0 ? self->current_column : 0, TRUE);
}

static void
move_column (CtCompareView *self,
             gint           delta)
{
  gint index, column;

  if (self->comparison == NULL || self->current_row < 0 || n_shown (self) == 0)
    return;
  /* Among the shown reports only. */
  index = CLAMP (shown_index (self, self->current_column) + delta, 0, (gint) n_shown (self) - 1);
  column = (gint) g_array_index (self->visible, guint, index);
  if (column != self->current_column)
    set_current (self, self->current_row, column, TRUE);
}

static void
next_column_action (GtkWidget   *widget,
                    const gchar *action_name,
                    GVariant    *parameter)
{
  (void) action_name;
  (void) parameter;
  move_column (CT_COMPARE_VIEW (widget), 1);
}

static void
previous_column_action (GtkWidget   *widget,
                        const gchar *action_name,
                        GVariant    *parameter)
{
  (void) action_name;
  (void) parameter;
  move_column (CT_COMPARE_VIEW (widget), -1);
}

/* Left and Right in the table choose the report; the list itself only
 * knows Up and Down. Captured, so the list does not scroll instead. */
static gboolean
on_key_pressed (GtkEventControllerKey *controller,
                guint                  keyval,
                guint                  keycode,
                GdkModifierType        state,
                gpointer               user_data)
{
  CtCompareView *self = user_data;

  (void) controller;
  (void) keycode;
  if (self->comparison == NULL || self->current_row < 0
      || (state & (GDK_CONTROL_MASK | GDK_ALT_MASK)) != 0)
    return FALSE;

  switch (keyval)
    {
    case GDK_KEY_Left:
    case GDK_KEY_KP_Left:
      return gtk_widget_activate_action (GTK_WIDGET (self), "compare.previous-column", NULL);
    case GDK_KEY_Right:
    case GDK_KEY_KP_Right:
      return gtk_widget_activate_action (GTK_WIDGET (self), "compare.next-column", NULL);
    default:
      return FALSE;
    }
}

static void
on_activate (GtkColumnView *view,
             guint          position,
             gpointer       user_data)
{
  CtCompareView *self = user_data;
  g_autoptr(CtCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), position);

  (void) view;
  if (item == NULL || ct_compare_item_is_header (item) || self->current_column < 0)
    return;
  set_current (self, ct_compare_item_get_row (item), self->current_column, TRUE);
  g_signal_emit (self, signals[CELL_ACTIVATED], 0,
                 (guint) self->current_row, (guint) self->current_column);
}

/* ------------------------------------------------------------------ */
/* Indicator column                                                   */
/* ------------------------------------------------------------------ */

static void
indicator_setup (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *name = gtk_label_new (NULL);
  GtkWidget *detail = gtk_label_new (NULL);

  (void) factory;
  (void) user_data;
  gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
  gtk_label_set_xalign (GTK_LABEL (name), 0);
  gtk_label_set_wrap (GTK_LABEL (name), TRUE);
  gtk_label_set_lines (GTK_LABEL (name), 2);
  gtk_label_set_ellipsize (GTK_LABEL (name), PANGO_ELLIPSIZE_END);
  gtk_label_set_max_width_chars (GTK_LABEL (name), 30);
  gtk_label_set_xalign (GTK_LABEL (detail), 0);
  gtk_label_set_ellipsize (GTK_LABEL (detail), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (detail, "dim-label");
  gtk_widget_add_css_class (detail, "caption");
  gtk_box_append (GTK_BOX (box), name);
  gtk_box_append (GTK_BOX (box), detail);
  g_object_set_data (G_OBJECT (box), "ct-name", name);
  g_object_set_data (G_OBJECT (box), "ct-detail", detail);
  gtk_list_item_set_child (list_item, box);
}

static void
indicator_bind (GtkSignalListItemFactory *factory,
                GtkListItem              *list_item,
                gpointer                  user_data)
{
  CtCompareItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *box = gtk_list_item_get_child (list_item);
  GtkWidget *name = g_object_get_data (G_OBJECT (box), "ct-name");
  GtkWidget *detail = g_object_get_data (G_OBJECT (box), "ct-detail");

  (void) factory;
  (void) user_data;
  if (ct_compare_item_is_header (item))
    {
      gtk_label_set_text (GTK_LABEL (name), ct_compare_item_get_sector (item));
      gtk_widget_add_css_class (name, "heading");
      gtk_widget_set_visible (detail, FALSE);
      gtk_widget_set_size_request (box, -1, HEADER_ROW_HEIGHT);
      gtk_list_item_set_selectable (list_item, FALSE);
      gtk_list_item_set_activatable (list_item, FALSE);
    }
  else
    {
      const CtCompareRow *row = ct_comparison_get_row (ct_compare_item_get_comparison (item),
                                                       ct_compare_item_get_row (item));
      g_autofree gchar *text = NULL;

      gtk_label_set_text (GTK_LABEL (name), row->name);
      gtk_widget_remove_css_class (name, "heading");
      if (row->unit != NULL && row->code != NULL)
        text = g_strdup_printf ("%s · %s", row->unit, row->code);
      else if (row->unit != NULL)
        text = g_strdup (row->unit);
      gtk_label_set_text (GTK_LABEL (detail), text != NULL ? text : "");
      gtk_widget_set_visible (detail, TRUE);
      ct_quiet_tooltip_set (box, row->name_en != NULL ? row->name_en : row->name);
      gtk_widget_set_size_request (box, -1, ROW_HEIGHT);
      gtk_list_item_set_selectable (list_item, TRUE);
      gtk_list_item_set_activatable (list_item, TRUE);
    }
}

/* ------------------------------------------------------------------ */
/* Report columns                                                     */
/* ------------------------------------------------------------------ */

/* One gesture for the whole table rather than one per cell: a row of 700
 * cells would otherwise carry 700 controllers. */
static void
on_table_pressed (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  CtCompareView *self = user_data;
  GtkWidget *table = gtk_event_controller_get_widget (GTK_EVENT_CONTROLLER (gesture));
  GtkWidget *cell = gtk_widget_pick (table, x, y, GTK_PICK_DEFAULT);

  (void) x;
  while (cell != NULL && cell != table && !CT_IS_COMPARE_CELL (cell))
    cell = gtk_widget_get_parent (cell);
  if (cell != NULL && CT_IS_COMPARE_CELL (cell))
    _ct_compare_view_press_cell (self, cell, n_press);
}

gboolean
_ct_compare_view_cell_position (CtCompareView *self,
                                GtkWidget     *cell,
                                guint         *row,
                                guint         *column)
{
  gint r = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ct-row"));
  gint c = slot_column (self, (guint) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ct-slot")));

  if (r < 0 || c < 0 || self->comparison == NULL)
    return FALSE;
  *row = (guint) r;
  *column = (guint) c;
  return TRUE;
}

void
_ct_compare_view_press_cell (CtCompareView *self,
                             GtkWidget     *cell,
                             gint           n_press)
{
  guint row, column;

  g_return_if_fail (CT_IS_COMPARE_VIEW (self));
  if (!_ct_compare_view_cell_position (self, cell, &row, &column))
    return;
  /* The cell becomes current before the list selects its row, so the one
   * ::cell-selected names the cell clicked; another cell of the same row
   * is a change of its own (the source pane follows it). */
  set_current (self, (gint) row, (gint) column, TRUE);
  if (n_press == 2)
    g_signal_emit (self, signals[CELL_ACTIVATED], 0, row, column);
}

static void
report_setup (GtkSignalListItemFactory *factory,
              GtkListItem              *list_item,
              gpointer                  user_data)
{
  ColumnData *data = user_data;
  GtkWidget *cell = ct_compare_cell_new ();

  (void) factory;
  gtk_widget_add_css_class (cell, "compare-cell");
  g_object_set_data (G_OBJECT (cell), "ct-row", GINT_TO_POINTER (-1));
  g_object_set_data (G_OBJECT (cell), "ct-slot", GINT_TO_POINTER (data->column));
  gtk_list_item_set_child (list_item, cell);
}

/* Draws comparison column (offset + slot) of a row into a cell; a sector
 * heading, or a slot past the last column, is left blank. */
static void
render_cell (CtCompareView *self,
             GtkWidget     *cell,
             CtCompareItem *item,
             guint          slot)
{
  CtComparison *comparison = ct_compare_item_get_comparison (item);
  gint shown_column = slot_column (self, slot);
  guint index = shown_column >= 0 ? (guint) shown_column : G_MAXUINT;
  const CtCompareRow *row;
  const CtCompareColumn *column;
  const CtCompareCell *figure;
  g_autofree gchar *value_text = NULL;
  g_autofree gchar *plan_text = NULL;
  g_autofree gchar *rate_text = NULL;
  g_autofree gchar *flags_text = NULL;
  g_autofree gchar *description = NULL;
  g_autofree gchar *tooltip = NULL;

  if (ct_compare_item_is_header (item) || index >= ct_comparison_get_n_columns (comparison))
    {
      ct_compare_cell_set_header (CT_COMPARE_CELL (cell));
      gtk_widget_set_size_request (cell, -1, ct_compare_item_is_header (item) ? HEADER_ROW_HEIGHT : ROW_HEIGHT);
      ct_quiet_tooltip_set (cell, NULL);
      return;
    }

  row = ct_comparison_get_row (comparison, ct_compare_item_get_row (item));
  column = ct_comparison_get_column (comparison, index);
  figure = ct_comparison_get_cell (comparison, ct_compare_item_get_row (item), index);
  value_text = ct_compare_cell_format_value (figure);
  plan_text = ct_compare_cell_format_plan (figure);
  rate_text = ct_compare_cell_format_rate (figure);
  flags_text = ct_figure_describe_flags (figure->flags);
  /* Other figures of the same concept in the report (never a sub-part: a
   * sub-part has a row of its own): "+2" says the cell is one of several,
   * as on the printed table. */
  if (figure->n_more > 0)
    {
      g_autofree gchar *plain = g_steal_pointer (&plan_text);

      plan_text = g_strdup_printf ("%s%s+%u", plain != NULL ? plain : "", plain != NULL ? " · " : "",
                                   figure->n_more);
    }
  /* Its place among the reports by achievement rate. */
  {
    g_autofree gchar *rank = _ct_compare_view_rank_text (self, (guint) ct_compare_item_get_row (item), index);

    if (rank != NULL)
      {
        g_autofree gchar *plain = g_steal_pointer (&plan_text);

        plan_text = g_strconcat (plain != NULL ? plain : "", plain != NULL ? " · " : "", rank, NULL);
      }
  }

  gtk_widget_set_size_request (cell, -1, ROW_HEIGHT);
  ct_compare_cell_set (CT_COMPARE_CELL (cell), value_text, plan_text, rate_text,
                       ct_compare_cell_get_band (figure),
                       flags_text != NULL, figure->corrected != 0, figure->observation_id == 0);

  /* The tooltip and a screen reader give the whole cell, the flag's reason
   * and the correction included. */
  tooltip = g_strdup_printf ("%s%s%s%s%s",
                             column->title != NULL ? column->title : column->locality,
                             flags_text != NULL ? "\n" : "", flags_text != NULL ? flags_text : "",
                             figure->corrected != 0 ? "\n" : "",
                             figure->corrected != 0 ? _("Corrected by hand") : "");
  ct_quiet_tooltip_set (cell, tooltip);
  description = g_strdup_printf ("%s, %s: %s%s%s%s%s%s%s",
                                 row->name, column->title != NULL ? column->title : column->locality,
                                 value_text,
                                 plan_text != NULL ? ", " : "", plan_text != NULL ? plan_text : "",
                                 rate_text != NULL ? ", " : "", rate_text != NULL ? rate_text : "",
                                 flags_text != NULL ? ". " : "", flags_text != NULL ? flags_text : "");
  gtk_accessible_update_property (GTK_ACCESSIBLE (cell),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, description, -1);
}

static void
report_bind (GtkSignalListItemFactory *factory,
             GtkListItem              *list_item,
             gpointer                  user_data)
{
  ColumnData *data = user_data;
  CtCompareView *self = data->view;
  CtCompareItem *item = gtk_list_item_get_item (list_item);
  GtkWidget *cell = gtk_list_item_get_child (list_item);
  gboolean header = ct_compare_item_is_header (item);

  (void) factory;
  gtk_list_item_set_selectable (list_item, !header);
  gtk_list_item_set_activatable (list_item, !header);
  g_object_set_data (G_OBJECT (cell), "ct-row", GINT_TO_POINTER (ct_compare_item_get_row (item)));
  g_object_set_data (G_OBJECT (cell), "ct-item", item);
  render_cell (self, cell, item, data->column);
  if (!header)
    {
      g_hash_table_add (self->bound_cells, cell);
      update_cell_highlight (self, cell);
    }
}

static void
report_unbind (GtkSignalListItemFactory *factory,
               GtkListItem              *list_item,
               gpointer                  user_data)
{
  ColumnData *data = user_data;
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  (void) factory;
  if (cell != NULL)
    {
      g_hash_table_remove (data->view->bound_cells, cell);
      g_object_set_data (G_OBJECT (cell), "ct-row", GINT_TO_POINTER (-1));
      g_object_set_data (G_OBJECT (cell), "ct-item", NULL);
    }
}

static void
report_teardown (GtkSignalListItemFactory *factory,
                 GtkListItem              *list_item,
                 gpointer                  user_data)
{
  ColumnData *data = user_data;
  GtkWidget *cell = gtk_list_item_get_child (list_item);

  (void) factory;
  if (cell != NULL)
    g_hash_table_remove (data->view->bound_cells, cell);
}

static gchar *
column_title (const CtCompareColumn *column)
{
  if (column->title != NULL)
    return g_strdup (column->title);
  return g_strdup_printf ("%s · %s %d", column->locality,
                          column->period != NULL ? column->period : "", column->year);
}

/* The header says only what differs between the columns, so it fits:
 * "Hạ Lang" when all share a year and period, "Hạ Lang 2021" when only the
 * period is shared; the full title is in each cell's tooltip. */
static gchar *
column_header (CtComparison *comparison,
               guint         column)
{
  const CtCompareColumn *col = ct_comparison_get_column (comparison, column);
  const CtCompareColumn *first = ct_comparison_get_column (comparison, 0);
  gboolean same_year = TRUE, same_period = TRUE, same_locality = TRUE;

  for (guint c = 1; c < ct_comparison_get_n_columns (comparison); c++)
    {
      const CtCompareColumn *other = ct_comparison_get_column (comparison, c);

      same_year &= other->year == first->year;
      same_period &= g_strcmp0 (other->period, first->period) == 0;
      same_locality &= other->locality_id == first->locality_id;
    }
  if (same_year && same_period && !same_locality)
    return g_strdup (col->locality);
  if (same_period && !same_locality)
    return g_strdup_printf ("%s %d", col->locality, col->year);
  if (same_locality)
    return g_strdup_printf ("%s %d", col->period != NULL ? col->period : "", col->year);
  return column_title (col);
}

static void
remove_report_columns (CtCompareView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->right_view);

  g_ptr_array_set_size (self->slots, 0);
  while (g_list_model_get_n_items (columns) > 0)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, 0);

      gtk_column_view_remove_column (self->right_view, column);
    }
}

static void
update_headers (CtCompareView *self)
{
  GListModel *columns = gtk_column_view_get_columns (self->right_view);
  guint n = self->comparison != NULL ? ct_comparison_get_n_columns (self->comparison) : 0;

  for (guint slot = 0; slot < g_list_model_get_n_items (columns); slot++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, slot);
      gint shown_column = slot_column (self, slot);
      g_autofree gchar *title = shown_column >= 0 && (guint) shown_column < n
                                ? column_header (self->comparison, (guint) shown_column) : NULL;

      gtk_column_view_column_set_title (column, title != NULL ? title : "");
    }
}

static void
add_report_columns (CtCompareView *self)
{
  guint n = self->comparison != NULL ? ct_comparison_get_n_columns (self->comparison) : 0;

  self->n_slots = MIN (n, MAX_SLOTS);
  g_ptr_array_set_size (self->slots, 0);
  for (guint i = 0; i < self->n_slots; i++)
    {
      GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
      ColumnData *data = g_rc_box_new0 (ColumnData);
      GtkColumnViewColumn *column;
      GtkSorter *sorter;

      data->view = self;
      data->column = i;
      g_signal_connect_data (factory, "setup", G_CALLBACK (report_setup), data,
                             (GClosureNotify) (void (*) (void)) g_rc_box_release, 0);
      g_signal_connect (factory, "bind", G_CALLBACK (report_bind), data);
      g_signal_connect (factory, "unbind", G_CALLBACK (report_unbind), data);
      g_signal_connect (factory, "teardown", G_CALLBACK (report_teardown), data);

      column = gtk_column_view_column_new (NULL, factory);
      gtk_column_view_column_set_fixed_width (column, (int) self->report_width);
      gtk_column_view_column_set_visible (column, i < n_shown (self));
      sorter = GTK_SORTER (gtk_custom_sorter_new (column_compare, g_rc_box_acquire (data), g_rc_box_release));
      gtk_column_view_column_set_sorter (column, sorter);
      data->sort_column = i;
      g_ptr_array_add (self->slots, g_rc_box_acquire (data));
      gtk_column_view_append_column (self->right_view, column);
      g_object_unref (column);
    }
  update_headers (self);
}

/* GtkColumnView in GTK 4.8 tells neither which column sorts nor which
 * way: its sorter is asked to compare two stand-ins while every slot
 * answers "smaller"; the first slot asked is the primary column, and an
 * inverted answer means descending. */
static void
probe_sort (CtCompareView *self)
{
  GtkSorter *sorter = gtk_column_view_get_sorter (self->right_view);
  g_autoptr(GObject) a = g_object_new (G_TYPE_OBJECT, NULL);
  g_autoptr(GObject) b = g_object_new (G_TYPE_OBJECT, NULL);
  GtkOrdering order;

  self->probing = TRUE;
  self->probe_slot = -1;
  order = gtk_sorter_compare (sorter, a, b);
  self->probing = FALSE;
  self->sort_descending = order == GTK_ORDERING_LARGER;
  self->sort_column = self->probe_slot >= 0 ? slot_column (self, (guint) self->probe_slot) : -1;
}

/* Keeps the place in the table across a new order: the current row stays
 * in sight, or else the same stretch of the table. */
static void
keep_scroll_position (CtCompareView *self)
{
  GtkAdjustment *v = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->right_scroller));
  gint position = self->current_row >= 0 ? position_of_row (self, self->current_row) : -1;

  if (position >= 0)
    {
      scroll_to_position (self, (guint) position);
    }
  else
    {
      gdouble value = gtk_adjustment_get_value (v);

      scroll_to_position (self, 0);
      self->restore_value = value;
    }
}

/* A header was clicked (or sort_by_column() called): each slot sorts by
 * the comparison column it shows now, and keeps to it while scrolling.
 * Connected before the sort model, which sorts once this returns. */
static void
on_sort_changed (GtkSorter       *sorter,
                 GtkSorterChange  change,
                 gpointer         user_data)
{
  CtCompareView *self = user_data;

  (void) sorter;
  (void) change;
  for (guint i = 0; i < self->slots->len; i++)
    {
      ColumnData *data = g_ptr_array_index (self->slots, i);

      gint column = slot_column (self, data->column);

      data->sort_column = column >= 0 ? (guint) column : G_MAXUINT;
    }
  probe_sort (self);
}

/* After the sort model has sorted again. */
static void
on_sorted (GtkSorter       *sorter,
           GtkSorterChange  change,
           gpointer         user_data)
{
  (void) sorter;
  (void) change;
  if (CT_COMPARE_VIEW (user_data)->right_scroller != NULL)
    keep_scroll_position (CT_COMPARE_VIEW (user_data));
}

/* The slots show other comparison columns: redraw the cells on screen in
 * place (no rows are rebuilt), rename the headers, and sort again when a
 * slot's column is the sort key. */
static void redraw_cells (CtCompareView *self);

static void
on_columns_scrolled (GtkAdjustment *adjustment,
                     gpointer       user_data)
{
  CtCompareView *self = user_data;
  guint offset = (guint) MAX (0, (gint) (gtk_adjustment_get_value (adjustment) + 0.5));

  if (offset == self->offset)
    return;
  self->offset = offset;
  redraw_cells (self);
}

/* The cells on screen show their slot's column again. */
static void
redraw_cells (CtCompareView *self)
{
  GHashTableIter iter;
  gpointer cell;

  g_hash_table_iter_init (&iter, self->bound_cells);
  while (g_hash_table_iter_next (&iter, &cell, NULL))
    {
      CtCompareItem *item = g_object_get_data (G_OBJECT (cell), "ct-item");

      if (item != NULL)
        render_cell (self, cell, item,
                     (guint) GPOINTER_TO_INT (g_object_get_data (G_OBJECT (cell), "ct-slot")));
      update_cell_highlight (self, cell);
    }
  update_headers (self);
}

/* The report columns share the width: as many as fit at REPORT_MIN_WIDTH
 * or more, each as wide as the room allows up to REPORT_MAX_WIDTH, so two
 * reports do not leave the table half empty and five fit a laptop. */
/* The pinned columns give room on a small screen: the indicator's names
 * wrap on two lines from a fifth of the table's width. */
static guint
indicator_width_for (int table_width)
{
  return CLAMP (table_width / 5, INDICATOR_MIN_WIDTH, INDICATOR_WIDTH);
}

static guint
report_width_for (guint n,
                  int   width)
{
  guint fit;

  if (n == 0 || width <= 0)
    return REPORT_WIDTH;
  fit = MAX (1, (guint) width / REPORT_MIN_WIDTH);
  return CLAMP ((guint) width / MIN (n, MIN (fit, MAX_SLOTS)), REPORT_MIN_WIDTH, REPORT_MAX_WIDTH);
}

static gboolean
apply_report_width (gpointer user_data)
{
  CtCompareView *self = user_data;
  GListModel *columns;

  self->width_source = 0;
  if (self->right_view == NULL)
    return G_SOURCE_REMOVE;
  columns = gtk_column_view_get_columns (self->right_view);
  gtk_column_view_column_set_fixed_width (self->indicator_column, (int) self->indicator_width);
  gtk_widget_set_margin_start (self->hscrollbar, (int) self->indicator_width
                               + (gtk_column_view_column_get_column_view (self->totals_column) != NULL ? TOTALS_WIDTH : 0));
  for (guint slot = 0; slot < g_list_model_get_n_items (columns); slot++)
    {
      g_autoptr(GtkColumnViewColumn) column = g_list_model_get_item (columns, slot);

      gtk_column_view_column_set_fixed_width (column, (int) self->report_width);
      gtk_column_view_column_set_visible (column, slot < n_shown (self));
    }
  return G_SOURCE_REMOVE;
}

/* How many whole report columns fit: the page of the columns scrollbar. */
static void
update_columns_page (CtCompareView *self)
{
  guint n = n_shown (self);
  int width = self->right_view != NULL ? gtk_widget_get_width (self->right_scroller) : 0;
  guint report_width = report_width_for (n, width);
  guint page = width > 0 ? MAX (1, (guint) width / report_width) : MIN (n, 1);
  guint indicator_width = indicator_width_for (gtk_widget_get_width (GTK_WIDGET (self)));

  page = MIN (page, MAX (self->n_slots, 1));
  gtk_adjustment_configure (self->columns_adjustment,
                            MIN (gtk_adjustment_get_value (self->columns_adjustment), (gdouble) n),
                            0, MAX (n, 1), 1, MAX (page, 1), MIN (page, MAX (n, 1)));
  gtk_widget_set_visible (self->hscrollbar, n > page);
  /* Columns are resized after this allocation, not in the middle of it. */
  if (self->right_view != NULL
      && (report_width != self->report_width || indicator_width != self->indicator_width))
    {
      self->report_width = report_width;
      self->indicator_width = indicator_width;
      if (self->width_source == 0)
        self->width_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, apply_report_width, self, NULL);
    }
}

static void
on_right_width (GtkAdjustment *adjustment,
                gpointer       user_data)
{
  (void) adjustment;
  update_columns_page (CT_COMPARE_VIEW (user_data));
}

static gboolean
on_table_scroll (GtkEventControllerScroll *controller,
                 double                    dx,
                 double                    dy,
                 gpointer                  user_data)
{
  CtCompareView *self = user_data;
  GdkModifierType state = gtk_event_controller_get_current_event_state (GTK_EVENT_CONTROLLER (controller));

  /* Sideways wheels and Shift with the wheel move across the reports. */
  if (dx == 0 && (state & GDK_SHIFT_MASK) != 0)
    dx = dy;
  else if (dx == 0)
    return FALSE;
  gtk_adjustment_set_value (self->columns_adjustment,
                            gtk_adjustment_get_value (self->columns_adjustment) + (dx > 0 ? 1 : -1));
  return TRUE;
}

static void
update_summary (CtCompareView *self)
{
  g_autofree gchar *text = NULL;
  guint n_rows = 0, n_columns = 0;

  /* The rows the table shows: the search and "comparable only" count. */
  if (self->comparison != NULL)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->items));

      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CtCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->items), i);

          n_rows += !ct_compare_item_is_header (item) && row_visible (self, item);
        }
      n_columns = n_shown (self);
    }
  text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u indicator", "%u indicators", n_rows), n_rows);
  {
    g_autofree gchar *reports = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n_columns),
                                                 n_columns);
    g_autofree gchar *both = g_strdup_printf ("%s · %s", text, reports);

    gtk_label_set_text (GTK_LABEL (self->summary_label), both);
  }
}

const gchar *
ct_compare_view_get_summary (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), NULL);
  return gtk_label_get_text (GTK_LABEL (self->summary_label));
}

static void on_search_changed (GtkSearchEntry *entry,
                               gpointer        user_data);

/* ------------------------------------------------------------------ */
/* Public API                                                         */
/* ------------------------------------------------------------------ */

/* The column of a report in the new comparison, or -1. */
static gint
find_report (CtComparison *comparison,
             gint64        report_id)
{
  for (guint c = 0; comparison != NULL && c < ct_comparison_get_n_columns (comparison); c++)
    if (ct_comparison_get_column (comparison, c)->report_id == report_id)
      return (gint) c;
  return -1;
}

void
ct_compare_view_set_comparison (CtCompareView *self,
                                CtComparison  *comparison)
{
  gint64 sort_report = 0;
  gboolean descending = self->sort_descending;

  g_return_if_fail (CT_IS_COMPARE_VIEW (self));

  /* A refresh (after a correction, or the library changing) keeps the
   * order by the same report when it is still there. */
  if (self->comparison != NULL && self->sort_column >= 0)
    sort_report = ct_comparison_get_column (self->comparison, (guint) self->sort_column)->report_id;
  if (comparison != NULL)
    ct_comparison_ref (comparison);
  g_clear_pointer (&self->comparison, ct_comparison_unref);
  self->comparison = comparison;
  update_shown (self);

  self->current_row = -1;
  self->current_column = -1;
  g_hash_table_remove_all (self->bound_cells);
  gtk_column_view_sort_by_column (self->right_view, NULL, GTK_SORT_ASCENDING);
  /* Without a model, adding a column makes no cells: 700 columns would
   * otherwise fill every existing row 700 times over. Both views let go
   * of the rows while the items, then the filter (the sectors matched
   * point into the new items) are made again: each view builds its rows
   * once, for the final list, instead of for the new items and again
   * when the search is applied to them. */
  gtk_column_view_set_model (self->left_view, NULL);
  gtk_column_view_set_model (self->right_view, NULL);
  remove_report_columns (self);
  fill_items (self);
  self->offset = 0;
  g_signal_handlers_block_by_func (self->columns_adjustment, on_columns_scrolled, self);
  gtk_adjustment_set_value (self->columns_adjustment, 0);
  g_signal_handlers_unblock_by_func (self->columns_adjustment, on_columns_scrolled, self);
  add_report_columns (self);
  update_columns_page (self);
  ct_compare_view_set_search (self, gtk_editable_get_text (GTK_EDITABLE (self->search_entry)));
  gtk_column_view_set_model (self->left_view, GTK_SELECTION_MODEL (self->selection));
  gtk_column_view_set_model (self->right_view, GTK_SELECTION_MODEL (self->selection));
  {
    g_autofree gchar *reform = comparison != NULL ? ct_comparison_reform_note (comparison) : NULL;

    gtk_label_set_text (GTK_LABEL (self->reform_label), reform != NULL ? reform : "");
    gtk_widget_set_visible (self->reform_label, reform != NULL);
  }
  _ct_compare_view_update_report_menu (self);
  _ct_compare_view_update_totals (self);
  apply_report_width (self);
  if (find_report (comparison, sort_report) >= 0)
    ct_compare_view_sort_by_column (self, find_report (comparison, sort_report),
                                    descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
  /* A new table starts at its first heading (the list would otherwise keep
   * its scroll position, or start at the first selectable row). */
  scroll_to_position (self, 0);
}

CtComparison *
ct_compare_view_get_comparison (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), NULL);
  return self->comparison;
}

/* g_strsplit_set leaves "" between two spaces. */
static void
drop_empty_words (gchar **words)
{
  guint out = 0;

  for (guint i = 0; words[i] != NULL; i++)
    {
      if (words[i][0] == '\0')
        g_free (words[i]);
      else
        words[out++] = words[i];
    }
  words[out] = NULL;
}

void
ct_compare_view_set_search (CtCompareView *self,
                            const gchar   *text)
{
  g_autofree gchar *folded = NULL;

  g_return_if_fail (CT_IS_COMPARE_VIEW (self));

  if (text == NULL)
    text = "";
  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->search_entry)), text) != 0)
    {
      /* ::search-changed comes later (the entry waits for typing to pause);
       * filter now, and do not filter twice. */
      g_signal_handlers_block_by_func (self->search_entry, on_search_changed, self);
      gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
      g_signal_handlers_unblock_by_func (self->search_entry, on_search_changed, self);
    }

  /* "lúa" must not find "luân chuyển": a query written with Vietnamese
   * letters is matched without tones only; one typed in plain letters
   * ("lua") without any mark. */
  self->search_tones = !g_str_is_ascii (text);
  folded = self->search_tones ? ct_text_fold_tones (text, -1) : ct_text_fold (text, -1);
  g_clear_pointer (&self->search_words, g_strfreev);
  self->search_words = g_strsplit_set (folded != NULL ? folded : "", " \t", -1);
  drop_empty_words (self->search_words);
  refilter (self);
}

const gchar *
ct_compare_view_get_search (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), NULL);
  return gtk_editable_get_text (GTK_EDITABLE (self->search_entry));
}

void
ct_compare_view_set_shared_only (CtCompareView *self,
                                 gboolean       shared_only)
{
  g_return_if_fail (CT_IS_COMPARE_VIEW (self));

  if (self->shared_only == !!shared_only)
    return;
  self->shared_only = !!shared_only;
  refilter (self);
}

gboolean
ct_compare_view_get_shared_only (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), FALSE);
  return self->shared_only;
}

void
ct_compare_view_focus_search (CtCompareView *self)
{
  g_return_if_fail (CT_IS_COMPARE_VIEW (self));
  gtk_widget_grab_focus (self->search_entry);
}

GListModel *
ct_compare_view_get_model (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), NULL);
  return G_LIST_MODEL (self->sort_model);
}

void
ct_compare_view_sort_by_column (CtCompareView *self,
                                gint           column,
                                GtkSortType    order)
{
  GListModel *columns;
  g_autoptr(GtkColumnViewColumn) col = NULL;

  g_return_if_fail (CT_IS_COMPARE_VIEW (self));

  columns = gtk_column_view_get_columns (self->right_view);
  if (self->comparison != NULL && shown_index (self, column) >= 0)
    {
      guint index = (guint) shown_index (self, column);

      /* Sorting is by a slot: show the column in the first one. */
      if (index < self->offset || index >= self->offset + self->n_slots)
        gtk_adjustment_set_value (self->columns_adjustment, index);
      col = g_list_model_get_item (columns, index - self->offset);
    }
  gtk_column_view_sort_by_column (self->right_view, col, order);
}

guint
ct_compare_view_get_first_column (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), 0);
  return (guint) MAX (slot_column (self, 0), 0);
}

gboolean
ct_compare_view_get_current_cell (CtCompareView *self,
                                  guint         *row,
                                  guint         *column)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), FALSE);

  if (self->current_row < 0 || self->current_column < 0)
    return FALSE;
  if (row != NULL)
    *row = (guint) self->current_row;
  if (column != NULL)
    *column = (guint) self->current_column;
  return TRUE;
}

gboolean
ct_compare_view_select_cell (CtCompareView *self,
                             guint          row,
                             guint          column)
{
  gint position;

  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), FALSE);

  if (self->comparison == NULL
      || row >= ct_comparison_get_n_rows (self->comparison)
      || column >= ct_comparison_get_n_columns (self->comparison)
      || !self->shown[column])
    return FALSE;
  position = position_of_row (self, (gint) row);
  if (position < 0)
    return FALSE;

  self->current_column = (gint) column;
  /* Selecting emits ::cell-selected through on_selection_changed unless the
   * row was already the selected one. */
  self->current_row = -1;
  gtk_selection_model_select_item (GTK_SELECTION_MODEL (self->selection), position, TRUE);
  if (self->current_row != (gint) row)
    set_current (self, (gint) row, (gint) column, TRUE);
  scroll_to_position (self, (guint) position);
  return TRUE;
}

void
ct_compare_view_set_report_hidden (CtCompareView *self,
                                   gint64         report_id,
                                   gboolean       hidden)
{
  g_return_if_fail (CT_IS_COMPARE_VIEW (self));

  if (hidden == g_hash_table_contains (self->hidden_reports, &report_id))
    return;
  /* The table keeps one report at least. */
  if (hidden && n_shown (self) == 1 && self->comparison != NULL
      && shown_index (self, find_report (self->comparison, report_id)) == 0)
    return;
  if (hidden)
    g_hash_table_add (self->hidden_reports, g_memdup2 (&report_id, sizeof report_id));
  else
    g_hash_table_remove (self->hidden_reports, &report_id);
  if (self->comparison == NULL)
    return;

  update_shown (self);
  self->offset = MIN (self->offset, n_shown (self) > 0 ? n_shown (self) - 1 : 0);
  g_signal_handlers_block_by_func (self->columns_adjustment, on_columns_scrolled, self);
  gtk_adjustment_set_value (self->columns_adjustment, self->offset);
  g_signal_handlers_unblock_by_func (self->columns_adjustment, on_columns_scrolled, self);
  /* The current cell moves off a column that is gone. */
  if (self->current_column >= 0 && shown_index (self, self->current_column) < 0)
    set_current (self, n_shown (self) > 0 ? self->current_row : -1,
                 n_shown (self) > 0 ? (gint) g_array_index (self->visible, guint, 0) : -1, TRUE);
  update_columns_page (self);
  redraw_cells (self);
  refilter (self);
  _ct_compare_view_update_totals (self);
  apply_report_width (self);
}

guint
ct_compare_view_get_columns_on_screen (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), 0);
  return MIN (visible_slots (self), n_shown (self));
}

guint
ct_compare_view_get_report_width (CtCompareView *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), 0);
  return self->report_width;
}

gboolean
ct_compare_view_get_report_hidden (CtCompareView *self,
                                   gint64         report_id)
{
  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), FALSE);
  return g_hash_table_contains (self->hidden_reports, &report_id);
}

GArray *
ct_compare_view_get_hidden_reports (CtCompareView *self)
{
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), ids);
  g_hash_table_iter_init (&iter, self->hidden_reports);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_array_append_val (ids, *(gint64 *) key);
  return ids;
}

static void
append_tsv_field (GString     *out,
                  const gchar *text)
{
  /* Tabs and line breaks would split the cell in a spreadsheet. */
  for (const gchar *p = text; p != NULL && *p != '\0'; p++)
    g_string_append_c (out, (*p == '\t' || *p == '\n' || *p == '\r') ? ' ' : *p);
}

gchar *
ct_compare_view_get_tsv (CtCompareView *self)
{
  GListModel *model;
  g_autoptr(GtkBitset) selected = NULL;
  GString *out;
  guint n_columns, n;
  gboolean any_selected;

  g_return_val_if_fail (CT_IS_COMPARE_VIEW (self), NULL);

  out = g_string_new (NULL);
  if (self->comparison == NULL)
    return g_string_free (out, FALSE);

  model = G_LIST_MODEL (self->sort_model);
  n = g_list_model_get_n_items (model);
  n_columns = ct_comparison_get_n_columns (self->comparison);
  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  any_selected = !gtk_bitset_is_empty (selected);

  append_tsv_field (out, _("Sector"));
  g_string_append_c (out, '\t');
  append_tsv_field (out, _("Indicator"));
  g_string_append_c (out, '\t');
  append_tsv_field (out, _("Unit"));
  for (guint c = 0; c < n_columns; c++)
    {
      g_autofree gchar *title = NULL;

      if (!self->shown[c])
        continue;
      title = column_title (ct_comparison_get_column (self->comparison, c));
      g_string_append_c (out, '\t');
      append_tsv_field (out, title);
    }
  g_string_append_c (out, '\n');

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtCompareItem) item = g_list_model_get_item (model, i);
      const CtCompareRow *row;

      if (ct_compare_item_is_header (item) || (any_selected && !gtk_bitset_contains (selected, i)))
        continue;
      row = ct_comparison_get_row (self->comparison, ct_compare_item_get_row (item));
      append_tsv_field (out, ct_compare_item_get_sector (item));
      g_string_append_c (out, '\t');
      append_tsv_field (out, row->name);
      g_string_append_c (out, '\t');
      append_tsv_field (out, row->unit);
      for (guint c = 0; c < n_columns; c++)
        {
          const CtCompareCell *cell = ct_comparison_get_cell (self->comparison,
                                                              ct_compare_item_get_row (item), c);

          /* Hidden reports stay out of what is copied. */
          if (!self->shown[c])
            continue;
          g_string_append_c (out, '\t');
          /* The number alone, so the spreadsheet reads it as a number. */
          if (cell->observation_id != 0 && !isnan (cell->value))
            {
              g_autofree gchar *value = ct_format_number (cell->value, 3);

              g_string_append (out, value);
            }
        }
      g_string_append_c (out, '\n');
    }
  return g_string_free (out, FALSE);
}

void
ct_compare_view_copy (CtCompareView *self)
{
  g_autofree gchar *tsv = NULL;

  g_return_if_fail (CT_IS_COMPARE_VIEW (self));

  tsv = ct_compare_view_get_tsv (self);
  gdk_clipboard_set_text (gtk_widget_get_clipboard (GTK_WIDGET (self)), tsv);
}

static void
copy_action (GtkWidget   *widget,
             const gchar *action_name,
             GVariant    *parameter)
{
  (void) action_name;
  (void) parameter;
  _ct_compare_view_copy_cell_or_rows (CT_COMPARE_VIEW (widget));
}

static void
on_search_changed (GtkSearchEntry *entry,
                   gpointer        user_data)
{
  ct_compare_view_set_search (CT_COMPARE_VIEW (user_data),
                              gtk_editable_get_text (GTK_EDITABLE (entry)));
}

/* Down from the search field goes to the table, as in GNOME's lists. */
static void
on_search_activate (GtkSearchEntry *entry,
                    gpointer        user_data)
{
  CtCompareView *self = user_data;
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->sort_model));

  (void) entry;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CtCompareItem) item = g_list_model_get_item (G_LIST_MODEL (self->sort_model), i);

      if (!ct_compare_item_is_header (item))
        {
          ct_compare_view_select_cell (self, ct_compare_item_get_row (item),
                                       self->current_column >= 0 ? self->current_column : 0);
          gtk_widget_grab_focus (GTK_WIDGET (self->right_view));
          return;
        }
    }
}

/* ------------------------------------------------------------------ */
/* Scrolling together                                                 */
/* ------------------------------------------------------------------ */

static gboolean
sync_scroll (gpointer user_data)
{
  CtCompareView *self = user_data;
  GtkAdjustment *right = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->right_scroller));
  GtkAdjustment *left = gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->left_scroller));
  GtkAdjustment *from = self->sync_from_left ? left : right;
  GtkAdjustment *to = self->sync_from_left ? right : left;
  gdouble value = gtk_adjustment_get_value (from);
  gdouble max = gtk_adjustment_get_upper (to) - gtk_adjustment_get_page_size (to);

  self->sync_source = 0;
  value = CLAMP (value, 0, MAX (max, 0));
  if (gtk_adjustment_get_value (to) != value)
    {
      g_signal_handlers_block_matched (to, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
      gtk_adjustment_set_value (to, value);
      g_signal_handlers_unblock_matched (to, G_SIGNAL_MATCH_DATA, 0, 0, NULL, NULL, self);
    }
  return G_SOURCE_REMOVE;
}

static void
schedule_sync (CtCompareView *self,
               gboolean       from_left)
{
  self->sync_from_left = from_left;
  if (self->sync_source == 0)
    self->sync_source = g_idle_add_full (G_PRIORITY_LOW, sync_scroll, self, NULL);
}

static void
on_right_scrolled (GtkAdjustment *adjustment,
                   gpointer       user_data)
{
  (void) adjustment;
  schedule_sync (CT_COMPARE_VIEW (user_data), FALSE);
}

static void
on_left_scrolled (GtkAdjustment *adjustment,
                  gpointer       user_data)
{
  (void) adjustment;
  schedule_sync (CT_COMPARE_VIEW (user_data), TRUE);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
ct_compare_view_dispose (GObject *object)
{
  CtCompareView *self = CT_COMPARE_VIEW (object);
  GtkWidget *child;

  g_clear_handle_id (&self->sync_source, g_source_remove);
  g_clear_handle_id (&self->width_source, g_source_remove);
  if (self->scroll_source != 0 && self->right_view != NULL)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self->right_view), self->scroll_source);
  self->scroll_source = 0;
  if (self->context_menu != NULL)
    gtk_popover_popdown (GTK_POPOVER (self->context_menu));
  g_clear_pointer (&self->context_menu, gtk_widget_unparent);
  if (self->right_scroller != NULL)
    {
      g_signal_handlers_disconnect_by_data (self->sorter, self);
      g_signal_handlers_disconnect_by_data (gtk_column_view_get_sorter (self->right_view), self);
      g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->right_scroller)), self);
      g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->right_scroller)), self);
      g_signal_handlers_disconnect_by_data (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->left_scroller)), self);
      self->right_scroller = self->left_scroller = NULL;
    }
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
  /* The adjustments may still call: nothing is laid out any more. */
  self->right_view = NULL;
  self->left_view = NULL;
  g_clear_handle_id (&self->width_source, g_source_remove);
  g_clear_object (&self->selection);
  g_clear_object (&self->items);
  g_clear_pointer (&self->comparison, ct_comparison_unref);

  G_OBJECT_CLASS (ct_compare_view_parent_class)->dispose (object);
}

static void
ct_compare_view_finalize (GObject *object)
{
  CtCompareView *self = CT_COMPARE_VIEW (object);

  g_clear_pointer (&self->search_words, g_strfreev);
  g_clear_pointer (&self->shown, g_free);
  g_clear_pointer (&self->visible, g_array_unref);
  g_clear_pointer (&self->hidden_reports, g_hash_table_unref);
  g_clear_pointer (&self->matched_sectors, g_hash_table_unref);
  g_clear_pointer (&self->bound_cells, g_hash_table_unref);
  g_clear_pointer (&self->slots, g_ptr_array_unref);
  g_clear_object (&self->columns_adjustment);
  g_clear_object (&self->totals_column);

  G_OBJECT_CLASS (ct_compare_view_parent_class)->finalize (object);
}

static void
ct_compare_view_class_init (CtCompareViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_compare_view_dispose;
  object_class->finalize = ct_compare_view_finalize;

  /**
   * CtCompareView::cell-selected:
   * @row: the comparison row
   * @column: the comparison column
   *
   * The current cell changed (click, keyboard or ct_compare_view_select_cell()).
   */
  signals[CELL_SELECTED] = g_signal_new ("cell-selected", G_TYPE_FROM_CLASS (klass),
                                         G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                         G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);
  /**
   * CtCompareView::cell-activated:
   *
   * Enter or a double click on a cell: the window opens its correction.
   */
  signals[CELL_ACTIVATED] = g_signal_new ("cell-activated", G_TYPE_FROM_CLASS (klass),
                                          G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                          G_TYPE_NONE, 2, G_TYPE_UINT, G_TYPE_UINT);

  gtk_widget_class_install_action (widget_class, "compare.copy", NULL, copy_action);
  gtk_widget_class_install_action (widget_class, "compare.next-column", NULL, next_column_action);
  gtk_widget_class_install_action (widget_class, "compare.previous-column", NULL, previous_column_action);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_c, GDK_CONTROL_MASK, "compare.copy", NULL);
  _ct_compare_view_class_add_tools (widget_class);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ct-compare-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static GtkColumnView *
make_view (CtCompareView *self)
{
  GtkColumnView *view = GTK_COLUMN_VIEW (gtk_column_view_new (g_object_ref (GTK_SELECTION_MODEL (self->selection))));

  gtk_column_view_set_show_row_separators (view, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (view), "data-table");
  return view;
}

/* The search field, the sort and verdict menus, the reports menu and the
 * counter, above the table. */
static void
add_top_bar (CtCompareView *self)
{
  GtkWidget *top = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);

  self->search_entry = gtk_search_entry_new ();
  gtk_widget_set_hexpand (self->search_entry, TRUE);
  g_object_set (self->search_entry, "placeholder-text", _("Search indicators"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Search indicators"), -1);
  g_signal_connect (self->search_entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->search_entry, "activate", G_CALLBACK (on_search_activate), self);
  self->summary_label = gtk_label_new (NULL);
  gtk_widget_add_css_class (self->summary_label, "dim-label");
  gtk_box_append (GTK_BOX (top), self->search_entry);
  _ct_compare_view_add_tools (self, top);
  gtk_box_append (GTK_BOX (top), self->summary_label);
  gtk_widget_set_margin_start (top, 6);
  gtk_widget_set_margin_end (top, 6);
  gtk_widget_set_margin_top (top, 6);
  gtk_widget_set_margin_bottom (top, 6);
  gtk_widget_set_parent (top, GTK_WIDGET (self));
}

static void
ct_compare_view_init (CtCompareView *self)
{
  GtkWidget *table = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
  GtkListItemFactory *factory;
  GtkColumnViewColumn *column;
  GtkMultiSorter *sorter;
  GtkEventController *keys;
  GtkGesture *click;

  gtk_orientable_set_orientation (GTK_ORIENTABLE (gtk_widget_get_layout_manager (GTK_WIDGET (self))),
                                  GTK_ORIENTATION_VERTICAL);
  self->current_row = -1;
  self->current_column = -1;
  self->sort_column = -1;
  self->restore_value = NAN;
  self->matched_sectors = g_hash_table_new (NULL, NULL);
  self->bound_cells = g_hash_table_new (NULL, NULL);
  self->slots = g_ptr_array_new_with_free_func (g_rc_box_release);
  self->visible = g_array_new (FALSE, FALSE, sizeof (guint));
  self->hidden_reports = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free, NULL);
  self->report_width = REPORT_WIDTH;
  self->columns_adjustment = g_object_ref_sink (gtk_adjustment_new (0, 0, 1, 1, 1, 1));
  g_signal_connect (self->columns_adjustment, "value-changed", G_CALLBACK (on_columns_scrolled), self);

  /* The model: items → filter (search) → sort (sector, column, catalogue) */
  self->items = g_list_store_new (CT_TYPE_COMPARE_ITEM);
  self->filter = gtk_custom_filter_new (filter_func, self, NULL);
  self->filter_model = gtk_filter_list_model_new (G_LIST_MODEL (g_object_ref (self->items)),
                                                  GTK_FILTER (self->filter));
  sorter = self->sorter = gtk_multi_sorter_new ();
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (sector_compare, NULL, NULL)));
  self->sort_model = gtk_sort_list_model_new (G_LIST_MODEL (self->filter_model), GTK_SORTER (sorter));
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->sort_model));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  add_top_bar (self);

  /* Above the table, where it is read before any figure. */
  self->reform_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->reform_label), TRUE);
  gtk_label_set_xalign (GTK_LABEL (self->reform_label), 0);
  gtk_widget_add_css_class (self->reform_label, "warning");
  gtk_widget_set_margin_start (self->reform_label, 6);
  gtk_widget_set_margin_end (self->reform_label, 6);
  gtk_widget_set_margin_bottom (self->reform_label, 6);
  gtk_widget_set_visible (self->reform_label, FALSE);
  gtk_widget_set_parent (self->reform_label, GTK_WIDGET (self));

  /* The pinned indicator column */
  self->left_view = make_view (self);
  factory = gtk_signal_list_item_factory_new ();
  g_signal_connect (factory, "setup", G_CALLBACK (indicator_setup), self);
  g_signal_connect (factory, "bind", G_CALLBACK (indicator_bind), self);
  column = gtk_column_view_column_new (_("Indicator"), factory);
  gtk_column_view_column_set_fixed_width (column, INDICATOR_WIDTH);
  gtk_column_view_append_column (self->left_view, column);
  self->indicator_column = column;
  self->indicator_width = INDICATOR_WIDTH;
  g_object_unref (column);
  _ct_compare_view_add_totals_column (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->left_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Indicators"), -1);

  /* The report columns */
  self->right_view = make_view (self);
  gtk_column_view_set_reorderable (self->right_view, TRUE);
  /* Connected before the sort model hears of the change, so the slots
   * name their columns before the rows are compared. */
  g_signal_connect (gtk_column_view_get_sorter (self->right_view), "changed",
                    G_CALLBACK (on_sort_changed), self);
  gtk_multi_sorter_append (sorter, GTK_SORTER (g_object_ref (gtk_column_view_get_sorter (self->right_view))));
  gtk_multi_sorter_append (sorter, GTK_SORTER (gtk_custom_sorter_new (order_compare, NULL, NULL)));
  g_signal_connect (sorter, "changed", G_CALLBACK (on_sorted), self);
  g_signal_connect (self->right_view, "activate", G_CALLBACK (on_activate), self);
  keys = gtk_event_controller_key_new ();
  gtk_event_controller_set_propagation_phase (keys, GTK_PHASE_CAPTURE);
  g_signal_connect (keys, "key-pressed", G_CALLBACK (on_key_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->right_view), keys);
  click = gtk_gesture_click_new ();
  gtk_event_controller_set_propagation_phase (GTK_EVENT_CONTROLLER (click), GTK_PHASE_CAPTURE);
  g_signal_connect (click, "pressed", G_CALLBACK (on_table_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self->right_view), GTK_EVENT_CONTROLLER (click));
  _ct_compare_view_add_context_menu (self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->right_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Figures by report"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Up and Down choose the indicator, Left and Right the report; Control+C copies the selected rows."),
                                  -1);

  self->right_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->right_scroller), GTK_WIDGET (self->right_view));
  gtk_widget_set_hexpand (self->right_scroller, TRUE);
  self->left_scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->left_scroller),
                                  GTK_POLICY_NEVER, GTK_POLICY_EXTERNAL);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->left_scroller), GTK_WIDGET (self->left_view));
  /* The indicator names follow the figures' vertical scrolling, and the
   * other way round. Sharing one GtkAdjustment makes each list's layout
   * move the other mid-allocation (GTK 4.8 warns, and the rows jump), so
   * each keeps its own and the value is copied once both are laid out. */
  g_signal_connect (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->right_scroller)),
                    "value-changed", G_CALLBACK (on_right_scrolled), self);
  g_signal_connect (gtk_scrolled_window_get_vadjustment (GTK_SCROLLED_WINDOW (self->left_scroller)),
                    "value-changed", G_CALLBACK (on_left_scrolled), self);

  gtk_box_append (GTK_BOX (table), self->left_scroller);
  gtk_box_append (GTK_BOX (table), gtk_separator_new (GTK_ORIENTATION_VERTICAL));
  gtk_box_append (GTK_BOX (table), self->right_scroller);
  gtk_widget_set_vexpand (table, TRUE);
  gtk_widget_set_parent (table, GTK_WIDGET (self));

  /* The reports' own scrollbar: whole columns at a time (see MAX_SLOTS). */
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->right_scroller),
                                  GTK_POLICY_EXTERNAL, GTK_POLICY_AUTOMATIC);
  g_signal_connect (gtk_scrolled_window_get_hadjustment (GTK_SCROLLED_WINDOW (self->right_scroller)),
                    "changed", G_CALLBACK (on_right_width), self);
  self->hscrollbar = gtk_scrollbar_new (GTK_ORIENTATION_HORIZONTAL, self->columns_adjustment);
  gtk_widget_set_margin_start (self->hscrollbar, INDICATOR_WIDTH + TOTALS_WIDTH);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->hscrollbar),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Reports shown"), -1);
  gtk_widget_set_parent (self->hscrollbar, GTK_WIDGET (self));
  {
    GtkEventController *wheel = gtk_event_controller_scroll_new (GTK_EVENT_CONTROLLER_SCROLL_BOTH_AXES
                                                                 | GTK_EVENT_CONTROLLER_SCROLL_DISCRETE);

    gtk_event_controller_set_propagation_phase (wheel, GTK_PHASE_CAPTURE);
    g_signal_connect (wheel, "scroll", G_CALLBACK (on_table_scroll), self);
    gtk_widget_add_controller (self->right_scroller, wheel);
  }

  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Comparison table"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Indicators in rows, grouped by sector; one column per report."),
                                  -1);
}

GtkWidget *
ct_compare_view_new (void)
{
  return g_object_new (CT_TYPE_COMPARE_VIEW, NULL);
}
