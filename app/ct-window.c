/* ct-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-bar-chart.h"
#include "ct-chart-compare.h"
#include "ct-store-compare.h"
#include "ct-correction-dialog.h"
#include "ct-error.h"
#include "ct-export-xlsx.h"
#include "ct-import-dialog.h"
#include "ct-print.h"
#include "ct-store-undo.h"
#include "ct-window.h"

struct _CtWindow
{
  AdwApplicationWindow parent_instance;

  AdwHeaderBar      *header_bar;
  AdwWindowTitle    *window_title;
  AdwToastOverlay   *toast_overlay;
  GtkStack          *main_stack;
  AdwStatusPage     *empty_page;
  CtLibrarySidebar  *sidebar;
  CtCompareView     *compare_view;
  CtSourceView      *source_view;
  GtkBox            *chart_box;
  GtkWidget         *chart;

  CtStore           *store;
  GPtrArray         *reports;      /* CtReportInfo */
  CtUndoStack       *undo;
  GCancellable      *cancellable;
  gboolean           busy;
  gboolean           exporting;    /* a workbook is being written */
  GtkFileChooserNative *chooser;
};

G_DEFINE_FINAL_TYPE (CtWindow, ct_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  LIBRARY_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Extensions the reader understands; folders are searched for these. */
static const gchar *const report_suffixes[] = { ".txt", ".md", ".markdown", ".docx", ".zip", NULL };

CtWindow *
ct_window_new (CtApplication *application)
{
  return g_object_new (CT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

void
ct_window_toast (CtWindow    *self,
                 const gchar *message)
{
  AdwToast *toast;

  g_return_if_fail (CT_IS_WINDOW (self));

  toast = adw_toast_new (message);
  adw_toast_set_timeout (toast, 6);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
update_actions (CtWindow *self)
{
  gboolean have_store = self->store != NULL && !self->busy;
  gboolean have_table = have_store && ct_compare_view_get_comparison (self->compare_view) != NULL;
  guint row, column;
  gboolean have_cell = have_table && ct_compare_view_get_current_cell (self->compare_view, &row, &column)
                       && ct_window_get_current_observation (self) != 0;
  static const gchar *const table_actions[] = { "copy", "find", "shared-only", "compare-all" };
  gboolean have_chart = have_table && ct_bar_chart_get_chart (CT_BAR_CHART (self->chart)) != NULL;

  g_simple_action_set_enabled (G_SIMPLE_ACTION (g_action_map_lookup_action (G_ACTION_MAP (self), "import")),
                               have_store);
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
/* Comparison                                                         */
/* ------------------------------------------------------------------ */

/* With nothing chosen in the library, the table shows every locality's
 * report of the newest year and period: districts side by side. */
static CtCompareQuery *
default_query (CtWindow *self)
{
  CtCompareQuery *query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  const CtReportInfo *newest = NULL;

  for (guint i = 0; i < self->reports->len; i++)
    {
      const CtReportInfo *info = g_ptr_array_index (self->reports, i);

      if (newest == NULL || info->year > newest->year)
        newest = info;
    }
  if (newest != NULL)
    {
      query->year = newest->year;
      query->period = g_strdup (newest->period);
    }
  return query;
}

static void
refresh_comparison (CtWindow *self)
{
  g_autoptr(GArray) ids = NULL;
  g_autoptr(CtCompareQuery) query = NULL;
  g_autoptr(CtComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *keep_code = NULL;
  gint64 keep_report = 0;
  guint row, column;
  CtComparison *old;

  if (self->store == NULL)
    return;

  /* Keep the current cell across a refresh (after a correction). */
  old = ct_compare_view_get_comparison (self->compare_view);
  if (old != NULL && ct_compare_view_get_current_cell (self->compare_view, &row, &column))
    {
      keep_code = g_strdup (ct_comparison_get_row (old, row)->code);
      keep_report = ct_comparison_get_column (old, column)->report_id;
    }

  ct_bar_chart_set_chart (CT_BAR_CHART (self->chart), NULL);
  ids = ct_library_sidebar_get_selected_reports (self->sidebar);
  if (ids->len > 0)
    {
      query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
      query->report_ids = g_array_ref (ids);
    }
  else
    query = default_query (self);

  comparison = ct_store_compare (self->store, query, &error);
  if (comparison == NULL)
    {
      ct_window_toast (self, error->message);
      ct_compare_view_set_comparison (self->compare_view, NULL);
    }
  else
    {
      g_autofree gchar *subtitle = NULL;
      guint n = ct_comparison_get_n_columns (comparison);

      ct_compare_view_set_comparison (self->compare_view, comparison);
      if (ids->len > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report compared", "%u reports compared", n), n);
      else
        subtitle = g_strdup_printf (_("%s %d, every locality"),
                                    query->period != NULL ? query->period : "", query->year);
      adw_window_title_set_subtitle (self->window_title, subtitle);

      if (keep_code != NULL)
        {
          gint r = ct_comparison_find_row (comparison, keep_code);

          for (guint c = 0; r >= 0 && c < n; c++)
            if (ct_comparison_get_column (comparison, c)->report_id == keep_report)
              {
                ct_compare_view_select_cell (self->compare_view, (guint) r, c);
                break;
              }
        }
    }
  update_actions (self);
}

static void
on_sidebar_selection_changed (CtLibrarySidebar *sidebar,
                              gpointer          user_data)
{
  (void) sidebar;
  refresh_comparison (CT_WINDOW (user_data));
}

void
ct_window_reload (CtWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reports;

  g_return_if_fail (CT_IS_WINDOW (self));

  if (self->store == NULL || self->busy)
    return;
  reports = ct_store_list_reports (self->store, &error);
  if (reports == NULL)
    {
      ct_window_toast (self, error->message);
      return;
    }
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  self->reports = reports;

  gtk_stack_set_visible_child_name (self->main_stack, reports->len > 0 ? "library" : "empty");
  /* Emits ::selection-changed, which refreshes the table. */
  ct_library_sidebar_set_reports (self->sidebar, reports);
  update_actions (self);
  g_signal_emit (self, signals[LIBRARY_CHANGED], 0);
}

/* ------------------------------------------------------------------ */
/* Source                                                             */
/* ------------------------------------------------------------------ */

static gchar *
report_title (CtWindow *self,
              gint64    report_id)
{
  for (guint i = 0; self->reports != NULL && i < self->reports->len; i++)
    {
      const CtReportInfo *info = g_ptr_array_index (self->reports, i);

      if (info->id == report_id)
        return g_strdup_printf ("%s · %s %d", info->locality,
                                info->period != NULL ? info->period : "", info->year);
    }
  return NULL;
}

static gboolean
show_source (CtWindow *self,
             gint64    observation_id)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtSourceSpan) span = NULL;
  g_autoptr(GPtrArray) observations = NULL;
  g_autofree gchar *title = NULL;

  span = ct_store_get_source (self->store, observation_id, &error);
  if (span == NULL)
    {
      ct_window_toast (self, error->message);
      return FALSE;
    }
  observations = ct_store_list_observations (self->store, span->report_id, &error);
  if (observations == NULL)
    {
      ct_window_toast (self, error->message);
      g_clear_error (&error);
    }
  title = report_title (self, span->report_id);
  ct_source_view_set_source (self->source_view, span, observations, title);
  return TRUE;
}

gint64
ct_window_get_current_observation (CtWindow *self)
{
  CtComparison *comparison;
  guint row, column;

  g_return_val_if_fail (CT_IS_WINDOW (self), 0);

  comparison = ct_compare_view_get_comparison (self->compare_view);
  if (comparison == NULL || !ct_compare_view_get_current_cell (self->compare_view, &row, &column))
    return 0;
  return ct_comparison_get_cell (comparison, row, column)->observation_id;
}

/* The chosen indicator across the compared reports, as achievement bars. */
static void
show_chart (CtWindow     *self,
            CtComparison *comparison,
            guint         row)
{
  g_autoptr(CtChart) chart = NULL;

  if (comparison != NULL && row < ct_comparison_get_n_rows (comparison))
    chart = ct_chart_new_from_comparison (comparison, &row, 1);
  ct_bar_chart_set_chart (CT_BAR_CHART (self->chart), chart);
}

static void
on_bar_activated (CtBarChart *chart,
                  gint64      observation_id,
                  gpointer    user_data)
{
  (void) chart;
  if (observation_id != 0)
    ct_window_show_observation (CT_WINDOW (user_data), observation_id);
}

static void
on_cell_selected (CtCompareView *view,
                  guint          row,
                  guint          column,
                  gpointer       user_data)
{
  CtWindow *self = user_data;
  const CtCompareCell *cell = ct_comparison_get_cell (ct_compare_view_get_comparison (view), row, column);

  if (cell->observation_id != 0)
    show_source (self, cell->observation_id);
  else
    ct_source_view_clear (self->source_view);
  show_chart (self, ct_compare_view_get_comparison (view), row);
  update_actions (self);
}

gboolean
ct_window_show_observation (CtWindow *self,
                            gint64    observation_id)
{
  g_autoptr(CtStoredObservation) obs = NULL;
  CtComparison *comparison;

  g_return_val_if_fail (CT_IS_WINDOW (self), FALSE);

  if (self->store == NULL)
    return FALSE;
  obs = ct_store_get_observation (self->store, observation_id, NULL);
  comparison = ct_compare_view_get_comparison (self->compare_view);
  if (obs != NULL && comparison != NULL && obs->indicator_code != NULL)
    {
      gint row = ct_comparison_find_row (comparison, obs->indicator_code);

      for (guint c = 0; row >= 0 && c < ct_comparison_get_n_columns (comparison); c++)
        {
          const CtCompareCell *cell = ct_comparison_get_cell (comparison, (guint) row, c);

          if (cell->observation_id == observation_id)
            {
              ct_compare_view_select_cell (self->compare_view, (guint) row, c);
              break;
            }
        }
    }
  /* The figure may not be the one its cell shows (a second mention): the
   * source view shows it all the same. */
  return show_source (self, observation_id);
}

static void
on_observation_activated (CtSourceView *view,
                          gint64        observation_id,
                          gpointer      user_data)
{
  (void) view;
  ct_window_show_observation (CT_WINDOW (user_data), observation_id);
}

/* ------------------------------------------------------------------ */
/* Corrections                                                        */
/* ------------------------------------------------------------------ */

static void
after_correction (CtWindow *self,
                  gint64    observation_id)
{
  refresh_comparison (self);
  if (observation_id != 0)
    show_source (self, observation_id);
  update_actions (self);
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

static void
on_cell_activated (CtCompareView *view,
                   guint          row,
                   guint          column,
                   gpointer       user_data)
{
  (void) view;
  (void) row;
  (void) column;
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "correct", NULL);
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
      ct_window_toast (self, _("No reports found there. Chỉ tiêu reads .txt, .md, .docx and .zip files."));
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
import_action (GSimpleAction *action,
               GVariant      *param,
               gpointer       user_data)
{
  CtWindow *self = user_data;
  g_autoptr(GtkFileFilter) filter = gtk_file_filter_new ();

  (void) action;
  (void) param;
  if (self->chooser != NULL)
    return;
  self->chooser = gtk_file_chooser_native_new (_("Import Reports"), GTK_WINDOW (self),
                                               GTK_FILE_CHOOSER_ACTION_OPEN,
                                               _("_Import"), _("_Cancel"));
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (self->chooser), TRUE);
  gtk_file_filter_set_name (filter, _("Reports (.txt, .md, .docx, .zip)"));
  for (guint i = 0; report_suffixes[i] != NULL; i++)
    {
      g_autofree gchar *pattern = g_strconcat ("*", report_suffixes[i], NULL);
      gtk_file_filter_add_pattern (filter, pattern);
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (self->chooser), filter);
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

  self->exporting = FALSE;
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
  update_actions (self);
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
  self->exporting = TRUE;
  update_actions (self);
  ct_window_toast (self, _("Writing the workbook…"));
  ct_export_xlsx_async (self->store, options, path, self->cancellable, on_workbook_written, job);
}

gboolean
ct_window_get_exporting (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), FALSE);

  return self->exporting;
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
  ct_compare_view_set_shared_only (self->compare_view, g_variant_get_boolean (state));
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

static const GActionEntry win_actions[] = {
  { "print", print_action, NULL, NULL, NULL, { 0 } },
  { "import", import_action, NULL, NULL, NULL, { 0 } },
  { "export", export_action, NULL, NULL, NULL, { 0 } },
  { "correct", correct_action, NULL, NULL, NULL, { 0 } },
  { "undo", undo_action, NULL, NULL, NULL, { 0 } },
  { "redo", redo_action, NULL, NULL, NULL, { 0 } },
  { "copy", copy_action, NULL, NULL, NULL, { 0 } },
  { "find", find_action, NULL, NULL, NULL, { 0 } },
  { "compare-all", compare_all_action, NULL, NULL, NULL, { 0 } },
  { "shared-only", NULL, NULL, "false", shared_only_changed, { 0 } },
};

/* ------------------------------------------------------------------ */
/* Demo samples                                                       */
/* ------------------------------------------------------------------ */

static void
import_samples_thread (GTask        *task,
                       gpointer      source,
                       gpointer      task_data,
                       GCancellable *cancellable)
{
  const gchar *path = task_data;
  g_autoptr(CtStore) store = NULL;
  GError *error = NULL;
  guint n;

  (void) source;
  /* The window's connection stays on the main thread; this one is ours. */
  store = ct_store_open (path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  n = ct_store_import_samples (store, cancellable, &error);
  if (error != NULL)
    g_task_return_error (task, error);
  else
    g_task_return_int (task, n);
}

static void
on_samples_imported (GObject      *source,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  CtWindow *self = CT_WINDOW (source);
  g_autoptr(GError) error = NULL;

  (void) user_data;
  g_task_propagate_int (G_TASK (result), &error);
  self->busy = FALSE;
  if (error != NULL && !g_error_matches (error, CT_ERROR, CT_ERROR_CANCELLED)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ct_window_toast (self, error->message);
  ct_window_reload (self);
}

static void
open_store (CtWindow *self)
{
  g_autofree gchar *path = ct_store_default_path ();
  g_autoptr(GError) error = NULL;

  self->store = ct_store_open (path, &error);
  if (self->store == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Library Cannot Be Opened"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }

  if (ct_store_is_empty (self->store))
    {
      GTask *task = g_task_new (self, self->cancellable, on_samples_imported, NULL);

      self->busy = TRUE;
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      g_task_set_task_data (task, g_strdup (path), g_free);
      g_task_run_in_thread (task, import_samples_thread);
      g_object_unref (task);
      return;
    }
  ct_window_reload (self);
}

/* ------------------------------------------------------------------ */
/* Getters                                                            */
/* ------------------------------------------------------------------ */

CtStore *
ct_window_get_store (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);
  return self->store;
}

CtLibrarySidebar *
ct_window_get_sidebar (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);
  return self->sidebar;
}

CtCompareView *
ct_window_get_compare_view (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);
  return self->compare_view;
}

CtSourceView *
ct_window_get_source_view (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);
  return self->source_view;
}

gboolean
ct_window_get_busy (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), FALSE);
  return self->busy;
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
ct_window_dispose (GObject *object)
{
  CtWindow *self = CT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  if (self->chooser != NULL)
    gtk_native_dialog_destroy (GTK_NATIVE_DIALOG (self->chooser));
  g_clear_object (&self->chooser);
  gtk_widget_dispose_template (GTK_WIDGET (object), CT_TYPE_WINDOW);

  G_OBJECT_CLASS (ct_window_parent_class)->dispose (object);
}

static void
ct_window_finalize (GObject *object)
{
  CtWindow *self = CT_WINDOW (object);

  g_clear_pointer (&self->reports, g_ptr_array_unref);
  g_clear_pointer (&self->undo, ct_undo_stack_free);
  g_clear_pointer (&self->store, ct_store_close);
  g_clear_object (&self->cancellable);

  G_OBJECT_CLASS (ct_window_parent_class)->finalize (object);
}

static void
ct_window_class_init (CtWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_window_dispose;
  object_class->finalize = ct_window_finalize;

  /**
   * CtWindow::library-changed:
   *
   * The reports were listed again (start, import, samples).
   */
  signals[LIBRARY_CHANGED] = g_signal_new ("library-changed", G_TYPE_FROM_CLASS (klass),
                                           G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                           G_TYPE_NONE, 0);

  g_type_ensure (CT_TYPE_LIBRARY_SIDEBAR);
  g_type_ensure (CT_TYPE_COMPARE_VIEW);
  g_type_ensure (CT_TYPE_SOURCE_VIEW);

  gtk_widget_class_set_template_from_resource (widget_class, "/io/github/chitieu/Chitieu/ui/ct-window.ui");
  gtk_widget_class_bind_template_child (widget_class, CtWindow, header_bar);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, main_stack);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, empty_page);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, sidebar);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, compare_view);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, source_view);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, chart_box);
}

static void
ct_window_init (CtWindow *self)
{
  GtkDropTarget *drop;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo = ct_undo_stack_new ();
  self->cancellable = g_cancellable_new ();
  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_report_info_free);

  g_action_map_add_action_entries (G_ACTION_MAP (self), win_actions, G_N_ELEMENTS (win_actions), self);

  g_signal_connect (self->sidebar, "selection-changed", G_CALLBACK (on_sidebar_selection_changed), self);
  g_signal_connect (self->compare_view, "cell-selected", G_CALLBACK (on_cell_selected), self);
  g_signal_connect (self->compare_view, "cell-activated", G_CALLBACK (on_cell_activated), self);
  g_signal_connect (self->source_view, "observation-activated", G_CALLBACK (on_observation_activated), self);

  self->chart = ct_bar_chart_new ();
  gtk_widget_set_vexpand (self->chart, TRUE);
  gtk_widget_set_hexpand (self->chart, TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->chart),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Achievement chart of the chosen indicator"), -1);
  g_signal_connect (self->chart, "bar-activated", G_CALLBACK (on_bar_activated), self);
  gtk_box_append (self->chart_box, self->chart);

  drop = gtk_drop_target_new (GDK_TYPE_FILE_LIST, GDK_ACTION_COPY);
  g_signal_connect (drop, "drop", G_CALLBACK (on_drop), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (drop));

  update_actions (self);
  open_store (self);
}
