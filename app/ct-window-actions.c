/* ct-window-actions.c: the window's actions and the work they start
 *
 * Every win.* action lives here (import, export, correct, undo, redo, copy,
 * find, compare-all, shared-only, print), with the file choosers and the
 * worker-thread export they open; _ct_window_update_actions() says which
 * of them can run now.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ct-bar-chart.h"
#include "ct-correction-dialog.h"
#include "ct-error.h"
#include "ct-export-xlsx.h"
#include "ct-import-dialog.h"
#include "ct-library-dialog.h"
#include "ct-print.h"
#include "ct-print-table.h"
#include "ct-search-dialog.h"
#include "ct-store-compare.h"
#include "ct-window-private.h"

/* Extensions the reader understands; folders are searched for these. */
static const gchar *const report_suffixes[] = { ".docx", ".odt", ".pdf", ".doc", ".rtf", ".html", ".htm",
                                                ".txt", ".md", ".markdown", ".zip", ".png", ".jpg",
                                                ".jpeg", ".tif", ".tiff", NULL };

static gboolean
has_selection (CtWindow *self)
{
  g_autoptr(GArray) ids = ct_library_sidebar_get_selected_reports (self->sidebar);

  return ids->len > 0;
}

void
_ct_window_update_actions (CtWindow *self)
{
  gboolean have_store = self->store != NULL && !self->busy;
  CtComparison *comparison = ct_compare_view_get_comparison (self->compare_view);
  /* An empty library compares nothing: nothing to copy, export or print. */
  gboolean have_table = have_store && comparison != NULL && ct_comparison_get_n_columns (comparison) > 0;
  guint row, column;
  gboolean have_cell = have_table && ct_compare_view_get_current_cell (self->compare_view, &row, &column)
                       && ct_window_get_current_observation (self) != 0;
  static const gchar *const table_actions[] = { "copy", "find", "shared-only", "compare-all", "print-table" };
  gboolean have_chart = have_table && ct_bar_chart_get_chart (CT_BAR_CHART (self->chart)) != NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "import")),
                               have_store);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "remove-reports")),
                               have_store && has_selection (self));
  for (guint i = 0; i < G_N_ELEMENTS (table_actions); i++)
    g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), table_actions[i])),
                                 have_table);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "export")),
                               have_table && !self->exporting);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "correct")),
                               have_cell);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "print")),
                               have_chart);
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "undo")),
                               have_store && ct_undo_stack_can_undo (self->undo));
  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "redo")),
                               have_store && ct_undo_stack_can_redo (self->undo));
}

/* ------------------------------------------------------------------ */
/* Corrections                                                        */
/* ------------------------------------------------------------------ */

static void
after_correction (CtWindow *self,
                  gint64    observation_id)
{
  _ct_window_refresh_comparison (self);
  if (observation_id != 0)
    _ct_window_show_source (self, observation_id);
  _ct_window_update_actions (self);
}

static void
on_correction_apply (CtCorrectionDialog *dialog,
                     gint64              observation_id,
                     gpointer            corrections,
                     guint               clear_fields,
                     gpointer            user_data)
{
  CtWindow *self = user_data;
  g_autoptr(GError) error = NULL;

  (void) dialog;
  if (!ct_undo_stack_apply (self->undo, self->store, observation_id, corrections, clear_fields, &error))
    {
      ct_window_toast (self, error->message);
      return;
    }
  ct_window_toast (self, _("Correction saved. Ctrl+Z undoes it."));
  after_correction (self, observation_id);
}

static void
correct_action (GSimpleAction *action,
                GVariant      *param,
                gpointer       user_data)
{
  CtWindow *self = user_data;
  gint64 id = ct_window_get_current_observation (self);
  g_autoptr(CtStoredObservation) obs = NULL;
  g_autoptr(GError) error = NULL;
  CtCorrectionDialog *dialog;

  (void) action;
  (void) param;
  if (id == 0)
    return;
  obs = ct_store_get_observation (self->store, id, &error);
  if (obs == NULL)
    {
      ct_window_toast (self, error->message);
      return;
    }
  dialog = ct_correction_dialog_new (GTK_WINDOW (self), self->store, obs);
  g_signal_connect_object (dialog, "apply", G_CALLBACK (on_correction_apply), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

/* Undo and redo differ only in the direction they walk the history. */
static void
step_history (CtWindow *self,
              gboolean  forward)
{
  g_autoptr(GError) error = NULL;
  gint64 id = 0;
  gboolean done = forward ? ct_undo_stack_redo (self->undo, self->store, &id, &error)
                          : ct_undo_stack_undo (self->undo, self->store, &id, &error);

  if (!done)
    {
      if (error != NULL)
        ct_window_toast (self, error->message);
      return;
    }
  after_correction (self, id);
}

static void
undo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  (void) action;
  (void) param;
  step_history (user_data, FALSE);
}

static void
redo_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  (void) action;
  (void) param;
  step_history (user_data, TRUE);
}

/* ------------------------------------------------------------------ */
/* Import                                                             */
/* ------------------------------------------------------------------ */

static gboolean
has_report_suffix (const gchar *name)
{
  g_autofree gchar *lower = g_ascii_strdown (name, -1);

  for (guint i = 0; report_suffixes[i] != NULL; i++)
    if (g_str_has_suffix (lower, report_suffixes[i]))
      return TRUE;
  return FALSE;
}

static gint
compare_files (gconstpointer a,
               gconstpointer b)
{
  g_autofree gchar *x = g_file_get_basename (*(GFile **) a);
  g_autofree gchar *y = g_file_get_basename (*(GFile **) b);

  return g_utf8_collate (x, y);
}

/* Files as given; folders give the reports inside them, sorted, to a
 * depth that covers "province/district/year" trees. */
static void
collect_files (GFile     *file,
               GPtrArray *out,
               guint      depth)
{
  g_autoptr(GFileEnumerator) children = NULL;
  g_autoptr(GPtrArray) found = NULL;
  GFileType type = g_file_query_file_type (file, G_FILE_QUERY_INFO_NONE, NULL);

  if (type != G_FILE_TYPE_DIRECTORY)
    {
      g_ptr_array_add (out, g_object_ref (file));
      return;
    }
  if (depth > 4)
    return;
  children = g_file_enumerate_children (file, G_FILE_ATTRIBUTE_STANDARD_NAME "," G_FILE_ATTRIBUTE_STANDARD_TYPE,
                                        G_FILE_QUERY_INFO_NONE, NULL, NULL);
  if (children == NULL)
    return;
  found = g_ptr_array_new_with_free_func (g_object_unref);
  for (;;)
    {
      GFileInfo *info = NULL;
      GFile *child = NULL;

      if (!g_file_enumerator_iterate (children, &info, &child, NULL, NULL) || info == NULL)
        break;
      if (g_file_info_get_file_type (info) == G_FILE_TYPE_DIRECTORY
          || has_report_suffix (g_file_info_get_name (info)))
        g_ptr_array_add (found, g_object_ref (child));
    }
  g_ptr_array_sort (found, compare_files);
  for (guint i = 0; i < found->len; i++)
    collect_files (g_ptr_array_index (found, i), out, depth + 1);
}

static void
on_imported (CtImportDialog *dialog,
             gpointer        user_data)
{
  (void) dialog;
  ct_window_reload (CT_WINDOW (user_data));
}

GtkWindow *
ct_window_import_files (CtWindow  *self,
                        GFile    **files,
                        guint      n_files)
{
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  CtImportDialog *dialog;

  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);

  if (self->store == NULL)
    return NULL;
  for (guint i = 0; i < n_files; i++)
    collect_files (files[i], all, 0);
  if (all->len == 0)
    {
      ct_window_toast (self, _("No reports found there. Chỉ tiêu reads .docx, .odt, .pdf, .doc, .rtf, .html, .txt, .md and .zip files."));
      return NULL;
    }
  /* Logged so a second instance's hand-off can be followed (G_MESSAGES_DEBUG). */
  g_debug ("Import asked for %u files, first %s", all->len,
           g_file_peek_path (g_ptr_array_index (all, 0)));
  dialog = ct_import_dialog_new (GTK_WINDOW (self), self->store, (GFile **) all->pdata, all->len);
  g_signal_connect_object (dialog, "imported", G_CALLBACK (on_imported), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  return GTK_WINDOW (dialog);
}

static void
on_import_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  CtWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        g_ptr_array_add (list, g_list_model_get_item (files, i));
      ct_window_import_files (self, (GFile **) list->pdata, list->len);
    }
  g_clear_object (&self->chooser);
}

static void
on_library_chosen (const gchar *location,
                   gpointer     user_data)
{
  ct_window_open_library (CT_WINDOW (user_data), location);
}

static void
open_library_action (GSimpleAction *action,
                     GVariant      *param,
                     gpointer       user_data)
{
  CtWindow *self = user_data;

  (void) action;
  (void) param;
  ct_library_dialog_ask (GTK_WINDOW (self),
                         self->store != NULL ? ct_store_get_path (self->store) : NULL,
                         on_library_chosen, self);
}

static void
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  CtWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();
  g_autoptr(GtkFileFilter) everything = gtk_file_filter_new ();

  (void) action;
  (void) param;
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import Reports"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Reports (.docx, .odt, .pdf, .doc, .rtf, .html, .txt, .md, .zip, scanned images)"));
  for (guint i = 0; report_suffixes[i] != NULL; i++)
    {
      g_autofree gchar *pattern = g_strconcat ("*", report_suffixes[i], NULL);
      gtk_file_filter_add_pattern (filter, pattern);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
  /* The reader tells formats by content: a report saved without its
   * extension can still be chosen. */
  gtk_file_filter_set_name (everything, _("All files"));
  gtk_file_filter_add_pattern (everything, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), everything);
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_import_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

static gboolean
on_drop (GtkDropTarget *target,
         const GValue  *value,
         double         x,
         double         y,
         gpointer       user_data)
{
  CtWindow *self = user_data;
  GSList *files;
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func (g_object_unref);

  (void) target;
  (void) x;
  (void) y;
  if (!G_VALUE_HOLDS (value, GDK_TYPE_FILE_LIST))
    return FALSE;
  files = g_value_get_boxed (value);
  for (GSList *l = files; l != NULL; l = l->next)
    g_ptr_array_add (list, g_object_ref (l->data));
  return ct_window_import_files (self, (GFile **) list->pdata, list->len) != NULL;
}

/* ------------------------------------------------------------------ */
/* Export                                                             */
/* ------------------------------------------------------------------ */

typedef struct
{
  CtWindow *window;
  gchar    *name;
} ExportJob;

static void
on_workbook_written (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  ExportJob *job = user_data;
  CtWindow *self = job->window;
  g_autoptr(GError) error = NULL;

  _ct_window_set_exporting (self, FALSE);
  (void) source;
  if (!ct_export_xlsx_finish (self->store, result, &error))
    {
      if (!g_error_matches (error, CT_ERROR, CT_ERROR_CANCELLED))
        ct_window_toast (self, error->message);
    }
  else
    {
      g_autofree gchar *message = g_strdup_printf (_("Saved “%s”."), job->name);

      ct_window_toast (self, message);
    }
  g_debug ("Workbook %s written", job->name);
  _ct_window_update_actions (self);
  g_object_unref (self);
  g_free (job->name);
  g_free (job);
}

void
ct_window_export_workbook (CtWindow *self,
                           GFile    *file)
{
  g_autofree gchar *path = NULL;
  g_autoptr(CtExportOptions) options = NULL;
  CtComparison *comparison;
  ExportJob *job;

  g_return_if_fail (CT_IS_WINDOW (self));
  g_return_if_fail (G_IS_FILE (file));

  if (self->store == NULL || self->exporting)
    return;
  path = g_file_get_path (file);
  if (path == NULL)
    {
      ct_window_toast (self, _("Choose a folder on this computer to save the workbook in."));
      return;
    }
  options = ct_export_options_new ();
  comparison = ct_compare_view_get_comparison (self->compare_view);
  if (comparison != NULL)
    options->comparison = ct_comparison_ref (comparison);

  /* A large library takes seconds: the window stays usable meanwhile. */
  job = g_new0 (ExportJob, 1);
  job->window = g_object_ref (self);
  job->name = g_file_get_basename (file);
  _ct_window_set_exporting (self, TRUE);
  ct_window_toast (self, _("Writing the workbook…"));
  ct_export_xlsx_async (self->store, options, path, self->cancellable, on_workbook_written, job);
}

static void
on_export_chosen (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  CtWindow *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      g_autofree gchar *base = g_file_get_basename (file);

      /* A name typed without an extension gets the workbook's own. */
      if (base != NULL && strchr (base, '.') == NULL)
        {
          g_autofree gchar *named = g_strconcat (base, ".xlsx", NULL);
          g_autoptr(GFile) parent = g_file_get_parent (file);

          g_set_object (&file, g_file_get_child (parent, named));
        }
      ct_window_export_workbook (self, file);
    }
  g_clear_object (&self->chooser);
}

static void
export_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  CtWindow *self = user_data;

  (void) action;
  (void) param;
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Export Workbook"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_SAVE,
                                               _("_Save"), _("_Cancel"));
  /* TRANSLATORS: default file name of the exported workbook */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (self->chooser), _("comparison.xlsx"));
  g_signal_connect (self->chooser, "response", G_CALLBACK (on_export_chosen), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (self->chooser));
}

/* ------------------------------------------------------------------ */
/* Removing reports                                                   */
/* ------------------------------------------------------------------ */

/* A removal is shown at once and done when its toast goes away (timeout,
 * dismissal, another removal, the window closing): until then "Undo"
 * brings the reports back untouched, as they never left the store. */

gboolean
_ct_window_is_pending_removal (CtWindow *self,
                               gint64    report_id)
{
  for (guint i = 0; i < self->pending_removal->len; i++)
    if (g_array_index (self->pending_removal, gint64, i) == report_id)
      return TRUE;
  return FALSE;
}

void
_ct_window_finish_removal (CtWindow *self)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GArray) ids = NULL;

  if (self->pending_removal == NULL || self->pending_removal->len == 0)
    return;
  ids = g_steal_pointer (&self->pending_removal);
  self->pending_removal = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; self->store != NULL && i < ids->len; i++)
    if (!ct_store_delete_report (self->store, g_array_index (ids, gint64, i), &error))
      {
        /* What could not be removed comes back into view. */
        ct_window_toast (self, error->message);
        break;
      }
}

static void
on_removal_toast_dismissed (AdwToast *toast,
                            CtWindow *self)
{
  if (self->removal_toast != toast)
    return;
  self->removal_toast = NULL;
  _ct_window_finish_removal (self);
  ct_window_reload (self);
}

static void
remove_reports_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  CtWindow *self = user_data;
  g_autoptr(GArray) ids = ct_library_sidebar_get_selected_reports (self->sidebar);
  g_autofree gchar *message = NULL;
  AdwToast *toast;

  (void) action;
  (void) param;
  if (ids->len == 0)
    return;
  /* An earlier removal still waiting is done now: one undo at a time. */
  if (self->removal_toast != NULL)
    {
      AdwToast *old = g_steal_pointer (&self->removal_toast);

      _ct_window_finish_removal (self);
      adw_toast_dismiss (old);
    }
  g_array_append_vals (self->pending_removal, ids->data, ids->len);
  message = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report removed", "%u reports removed",
                                          ids->len), ids->len);
  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 10);
  adw_toast_set_button_label (toast, _("_Undo"));
  adw_toast_set_action_name (toast, "win.undo-remove");
  g_signal_connect_object (toast, "dismissed", G_CALLBACK (on_removal_toast_dismissed), self, 0);
  self->removal_toast = toast;
  ct_library_sidebar_unselect_all (self->sidebar);
  ct_window_reload (self);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
undo_remove_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CtWindow *self = user_data;

  (void) action;
  (void) param;
  g_array_set_size (self->pending_removal, 0);
  self->removal_toast = NULL;
  ct_window_reload (self);
}

/* ------------------------------------------------------------------ */
/* Moving between the panes                                           */
/* ------------------------------------------------------------------ */

/* F6 and Shift+F6 go round the library, the table, the source and the
 * chart, as in GNOME's other paned windows; Tab stays inside a pane,
 * where lists and the text view need it. */
static void
focus_pane (CtWindow *self,
            gint      step)
{
  GtkWidget *panes[] = {
    GTK_WIDGET (self->sidebar), GTK_WIDGET (self->compare_view),
    GTK_WIDGET (self->source_view), self->chart,
  };
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  gint n = G_N_ELEMENTS (panes);
  gint current = -1;

  for (gint i = 0; i < n && current < 0; i++)
    if (focus != NULL && (focus == panes[i] || gtk_widget_is_ancestor (focus, panes[i])))
      current = i;
  for (gint k = 1; k <= n; k++)
    {
      gint i = ((current < 0 ? (step > 0 ? -1 : 0) : current) + step * k + n * 2) % n;

      if (!gtk_widget_get_mapped (panes[i]))
        continue;
      if (gtk_widget_get_focusable (panes[i]))
        {
          gtk_widget_grab_focus (panes[i]);
          return;
        }
      /* Start from nothing so the pane's first focusable child gets it. */
      gtk_root_set_focus (GTK_ROOT (self), NULL);
      if (gtk_widget_child_focus (panes[i], GTK_DIR_TAB_FORWARD))
        return;
    }
}

static void
next_pane_action (GSimpleAction *action,
                  GVariant      *param,
                  gpointer       user_data)
{
  (void) action;
  (void) param;
  focus_pane (CT_WINDOW (user_data), 1);
}

static void
previous_pane_action (GSimpleAction *action,
                      GVariant      *param,
                      gpointer       user_data)
{
  (void) action;
  (void) param;
  focus_pane (CT_WINDOW (user_data), -1);
}

/* ------------------------------------------------------------------ */
/* Table actions                                                      */
/* ------------------------------------------------------------------ */

static void
copy_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  CtWindow *self = user_data;

  (void) action;
  (void) param;
  ct_compare_view_copy (self->compare_view);
  ct_window_toast (self, _("Rows copied; paste them into a spreadsheet."));
}

static void
find_action (GSimpleAction *action,
             GVariant      *param,
             gpointer       user_data)
{
  (void) action;
  (void) param;
  ct_compare_view_focus_search (CT_WINDOW (user_data)->compare_view);
}

static void
compare_all_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  (void) action;
  (void) param;
  ct_library_sidebar_unselect_all (CT_WINDOW (user_data)->sidebar);
}

static void
shared_only_changed (GSimpleAction *action,
                     GVariant      *state,
                     gpointer       user_data)
{
  CtWindow *self = user_data;

  g_simple_action_set_state (action, state);
  ct_window_set_comparable_only (self, g_variant_get_boolean (state));
}

static void
print_action (GSimpleAction *action,
              GVariant      *param,
              gpointer       user_data)
{
  CtWindow *self = user_data;
  CtChart *chart = ct_bar_chart_get_chart (CT_BAR_CHART (self->chart));

  (void) action;
  (void) param;
  if (chart != NULL)
    ct_print_chart (GTK_WINDOW (self), chart);
}

static void
print_table_action (GSimpleAction *action,
                    GVariant      *param,
                    gpointer       user_data)
{
  CtWindow *self = user_data;
  CtComparison *comparison = ct_compare_view_get_comparison (self->compare_view);

  (void) action;
  (void) param;
  if (comparison != NULL)
    ct_print_table (GTK_WINDOW (self), comparison);
}

/* Ctrl+Shift+F: sentences of every report, as `chitieu search`. */
static void
find_sentences_action (GSimpleAction *action,
                       GVariant      *param,
                       gpointer       user_data)
{
  CtWindow *self = user_data;
  CtSearchDialog *dialog;

  (void) action;
  (void) param;
  if (self->store == NULL)
    return;
  dialog = ct_search_dialog_new (GTK_WINDOW (self), self->store);
  g_signal_connect_object (dialog, "hit-activated", G_CALLBACK (_ct_window_show_hit), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static const GActionEntry win_actions[] = {
  { "find-sentences", find_sentences_action, NULL, NULL, NULL, { 0 } },
  { "print", print_action, NULL, NULL, NULL, { 0 } },
  { "print-table", print_table_action, NULL, NULL, NULL, { 0 } },
  { "remove-reports", remove_reports_action, NULL, NULL, NULL, { 0 } },
  { "undo-remove", undo_remove_action, NULL, NULL, NULL, { 0 } },
  { "next-pane", next_pane_action, NULL, NULL, NULL, { 0 } },
  { "previous-pane", previous_pane_action, NULL, NULL, NULL, { 0 } },
  { "import", import_action, NULL, NULL, NULL, { 0 } },
  { "open-library", open_library_action, NULL, NULL, NULL, { 0 } },
  { "export", export_action, NULL, NULL, NULL, { 0 } },
  { "correct", correct_action, NULL, NULL, NULL, { 0 } },
  { "undo", undo_action, NULL, NULL, NULL, { 0 } },
  { "redo", redo_action, NULL, NULL, NULL, { 0 } },
  { "copy", copy_action, NULL, NULL, NULL, { 0 } },
  { "find", find_action, NULL, NULL, NULL, { 0 } },
  { "compare-all", compare_all_action, NULL, NULL, NULL, { 0 } },
  { "shared-only", NULL, NULL, "false", shared_only_changed, { 0 } },
};



void
_ct_window_actions_init (CtWindow *self)
{
  GtkDropTarget *drop;

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);

  /* Files dropped anywhere on the window are imported like chosen ones. */
  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));
}
