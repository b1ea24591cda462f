/* ct-window-state.c: the comparison as it was left, across restarts
 *
 * Kept in a small key file beside the library ("library.db" →
 * "library.db.view.ini") rather than in GSettings or the library itself:
 * the report ids it names only mean something in that one library, the
 * file goes with the library when it is copied or moved, and the store's
 * schema stays as it is. It holds the reports chosen, the sort (by report
 * id, key and order), the verdict filter, the hidden reports, "comparable
 * only", the search and the panes' positions.
 *
 * A library on a department server has no folder of its own: its file is
 * kept in the user's data folder, named by a hash of the address (which
 * holds no password), so each official keeps their own view of it.
 *
 * A file that cannot be read is set aside with a word, never a failure:
 * the window then opens as on a first start.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>

#include "ct-db.h"
#include "ct-window-private.h"

#define GROUP "comparison"
#define PANES "panes"

static gchar *
state_path (CtWindow *self)
{
  const gchar *location;
  g_autofree gchar *hash = NULL;
  g_autofree gchar *name = NULL;

  if (self->store == NULL || ct_store_get_path (self->store) == NULL)
    return NULL;
  location = ct_store_get_path (self->store);
  if (!ct_db_location_is_postgresql (location))
    return g_strconcat (location, ".view.ini", NULL);
  hash = g_compute_checksum_for_string (G_CHECKSUM_SHA1, location, -1);
  name = g_strconcat (hash, ".view.ini", NULL);
  return g_build_filename (g_get_user_data_dir (), "chitieu", "server-views", name, NULL);
}

/* The table, the source and the chart: the window's three panes, found
 * from the widgets they hold. */
static GtkPaned *
pane (CtWindow *self,
      guint     which)
{
  GtkWidget *content = gtk_widget_get_ancestor (GTK_WIDGET (self->compare_view), GTK_TYPE_PANED);

  switch (which)
    {
    case 0:
      return content != NULL ? GTK_PANED (gtk_widget_get_ancestor (gtk_widget_get_parent (content),
                                                                   GTK_TYPE_PANED)) : NULL;
    case 1:
      return GTK_PANED (content);
    default:
      return GTK_PANED (gtk_widget_get_ancestor (GTK_WIDGET (self->source_view), GTK_TYPE_PANED));
    }
}

static const gchar * const pane_keys[] = { "library", "table", "source" };

static void
set_ids (GKeyFile    *file,
         const gchar *key,
         GArray      *ids)
{
  g_autoptr(GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < ids->len; i++)
    g_ptr_array_add (texts, g_strdup_printf ("%" G_GINT64_FORMAT, g_array_index (ids, gint64, i)));
  g_key_file_set_string_list (file, GROUP, key, (const gchar * const *) texts->pdata, texts->len);
}

gboolean
_ct_window_save_state (CtWindow  *self,
                       GError   **error)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree gchar *path = state_path (self);
  g_autofree gchar *dir = NULL;
  g_autoptr(GArray) chosen = NULL;
  g_autoptr(GArray) hidden = NULL;
  CtComparison *comparison = ct_compare_view_get_comparison (self->compare_view);
  GtkSortType order;
  guint column;

  if (path == NULL || !self->state_restored)
    return TRUE;
  chosen = ct_library_sidebar_get_selected_reports (self->sidebar);
  hidden = ct_compare_view_get_hidden_reports (self->compare_view);
  set_ids (file, "reports", chosen);
  set_ids (file, "hidden", hidden);
  if (self->sort_report != 0)
    {
      /* Closed before the table came: the sort restored is still the one. */
      g_key_file_set_int64 (file, GROUP, "sort-report", self->sort_report);
      g_key_file_set_boolean (file, GROUP, "sort-descending", self->sort_descending);
    }
  else if (comparison != NULL && ct_compare_view_get_sort (self->compare_view, &column, &order))
    {
      g_key_file_set_int64 (file, GROUP, "sort-report", ct_comparison_get_column (comparison, column)->report_id);
      g_key_file_set_boolean (file, GROUP, "sort-descending", order == GTK_SORT_DESCENDING);
    }
  g_key_file_set_string (file, GROUP, "sort-key",
                         ct_compare_view_get_sort_key (self->compare_view) == CT_COMPARE_SORT_VERDICT
                         ? "verdict" : "rate");
  g_key_file_set_string (file, GROUP, "verdict",
                         ct_verdict_to_string (ct_compare_view_get_verdict_filter (self->compare_view)));
  g_key_file_set_boolean (file, GROUP, "comparable-only", self->comparable_only);
  g_key_file_set_string (file, GROUP, "search", ct_compare_view_get_search (self->compare_view));
  for (guint i = 0; i < G_N_ELEMENTS (pane_keys); i++)
    if (pane (self, i) != NULL)
      g_key_file_set_integer (file, PANES, pane_keys[i], gtk_paned_get_position (pane (self, i)));
  /* A server library's view lives in a folder that may not exist yet. */
  dir = g_path_get_dirname (path);
  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved = errno;

      g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (saved),
                   _("The folder “%s” could not be created: %s."), dir, g_strerror (saved));
      return FALSE;
    }
  return g_key_file_save_to_file (file, path, error);
}

/* The ids of key still in the library. */
static GArray *
get_ids (CtWindow    *self,
         GKeyFile    *file,
         const gchar *key)
{
  g_auto(GStrv) texts = g_key_file_get_string_list (file, GROUP, key, NULL, NULL);
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));

  for (guint i = 0; texts != NULL && texts[i] != NULL; i++)
    {
      gint64 id = g_ascii_strtoll (texts[i], NULL, 10);

      for (guint r = 0; r < self->reports->len; r++)
        if (((CtReportInfo *) g_ptr_array_index (self->reports, r))->id == id)
          g_array_append_val (ids, id);
    }
  return ids;
}

static CtVerdict
verdict_from_string (const gchar *text)
{
  for (guint i = 0; text != NULL && i < G_N_ELEMENTS (ct_compare_filter_verdicts); i++)
    if (g_strcmp0 (ct_verdict_to_string (ct_compare_filter_verdicts[i]), text) == 0)
      return ct_compare_filter_verdicts[i];
  return CT_VERDICT_NONE;
}

/* The sort names a report's column: it waits for the comparison the
 * restored choice of reports asks for (computed by a worker). */
void
_ct_window_restore_sort (CtWindow *self)
{
  CtComparison *comparison = ct_compare_view_get_comparison (self->compare_view);
  gint64 report = self->sort_report;

  if (report == 0 || self->comparing)
    return;
  self->sort_report = 0;
  for (guint c = 0; comparison != NULL && c < ct_comparison_get_n_columns (comparison); c++)
    if (ct_comparison_get_column (comparison, c)->report_id == report)
      ct_compare_view_sort_by_column (self->compare_view, (gint) c,
                                      self->sort_descending ? GTK_SORT_DESCENDING : GTK_SORT_ASCENDING);
}

static void
apply_state (CtWindow *self,
             GKeyFile *file)
{
  g_autoptr(GArray) hidden = get_ids (self, file, "hidden");
  g_autoptr(GArray) chosen = get_ids (self, file, "reports");
  g_autofree gchar *key = g_key_file_get_string (file, GROUP, "sort-key", NULL);
  g_autofree gchar *verdict = g_key_file_get_string (file, GROUP, "verdict", NULL);
  g_autofree gchar *search = g_key_file_get_string (file, GROUP, "search", NULL);

  for (guint i = 0; i < hidden->len; i++)
    ct_compare_view_set_report_hidden (self->compare_view, g_array_index (hidden, gint64, i), TRUE);
  ct_compare_view_set_sort_key (self->compare_view, g_strcmp0 (key, "verdict") == 0 ? CT_COMPARE_SORT_VERDICT
                                                                                    : CT_COMPARE_SORT_RATE);
  ct_compare_view_set_verdict_filter (self->compare_view, verdict_from_string (verdict));
  ct_compare_view_set_search (self->compare_view, search);
  g_object_set (self, "comparable-only", g_key_file_get_boolean (file, GROUP, "comparable-only", NULL), NULL);
  /* Choosing the reports asks for the comparison the sort applies to. */
  if (chosen->len > 0)
    ct_library_sidebar_select_reports (self->sidebar, (gint64 *) chosen->data, chosen->len);
  self->sort_report = g_key_file_get_int64 (file, GROUP, "sort-report", NULL);
  self->sort_descending = g_key_file_get_boolean (file, GROUP, "sort-descending", NULL);
  _ct_window_restore_sort (self);
  for (guint i = 0; i < G_N_ELEMENTS (pane_keys); i++)
    {
      gint position = g_key_file_get_integer (file, PANES, pane_keys[i], NULL);

      if (position > 0 && pane (self, i) != NULL)
        gtk_paned_set_position (pane (self, i), position);
    }
}

/* Without a saved height, the table takes the larger part of the window
 * once its height is known (the template's 400 px suit a laptop, and left
 * a 1080 px screen mostly to the source). */
static gboolean
size_table_pane (GtkWidget     *widget,
                 GdkFrameClock *clock,
                 gpointer       user_data)
{
  int height = gtk_widget_get_height (widget);

  (void) clock;
  (void) user_data;
  if (height <= 0)
    return G_SOURCE_CONTINUE;
  gtk_paned_set_position (GTK_PANED (widget), MAX (400, height * 11 / 20));
  return G_SOURCE_REMOVE;
}

static void
default_panes (CtWindow *self)
{
  if (pane (self, 1) != NULL)
    gtk_widget_add_tick_callback (GTK_WIDGET (pane (self, 1)), size_table_pane, NULL, NULL);
}

void
_ct_window_restore_state (CtWindow *self)
{
  g_autoptr(GKeyFile) file = g_key_file_new ();
  g_autofree gchar *path = state_path (self);
  g_autoptr(GError) error = NULL;

  if (path == NULL || self->state_restored)
    return;
  self->state_restored = TRUE;
  if (!g_key_file_load_from_file (file, path, G_KEY_FILE_NONE, &error))
    {
      default_panes (self);
      if (!g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT))
        adw_toast_overlay_add_toast (self->toast_overlay,
                                     adw_toast_new (_("The comparison saved last time cannot be read; the window starts afresh.")));
      return;
    }
  apply_state (self, file);
}
