/* ct-window.c: the main window
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-bar-chart.h"
#include "ct-chart-compare.h"
#include "ct-chart-toolbar.h"
#include "ct-compare-worker.h"
#include "ct-error.h"
#include "ct-window-private.h"

/* How often the window asks the library whether someone else changed it. */
#define WATCH_SECONDS 2

G_DEFINE_FINAL_TYPE (CtWindow, ct_window, ADW_TYPE_APPLICATION_WINDOW)

enum {
  PROP_0,
  PROP_DEMO,
  PROP_BUSY,
  PROP_EXPORTING,
  PROP_COMPARABLE_ONLY,
  PROP_COMPARISON,
  PROP_COMPARING,
  N_PROPS
};

enum {
  LIBRARY_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

CtWindow *
ct_window_new (CtApplication *application)
{
  return g_object_new (CT_TYPE_WINDOW,
                       "application", application,
                       NULL);
}

CtWindow *
ct_window_new_demo (CtApplication *application)
{
  return g_object_new (CT_TYPE_WINDOW,
                       "application", application,
                       "demo", TRUE,
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

/* ------------------------------------------------------------------ */
/* Comparison, computed by a worker (ct-compare-worker.c)             */
/* ------------------------------------------------------------------ */

/* A refresh of a table already shown says it is working only when it takes
 * this long: a few reports compare in milliseconds, and a spinner that
 * flashes on every click is noise. */
#define SHOW_LOADING_MS 250

/* What the window needs again when a comparison it asked for comes. */
typedef struct
{
  guint     n_reports;   /* for "Comparing N reports…" */
  gboolean  chosen;      /* the reports chosen in the library, not the default */
  gint      year;        /* the default's, for the subtitle */
  gchar    *period;
  gchar    *keep_code;   /* the current cell to keep, by row code … */
  gint64    keep_report; /* … and report */
} Asked;

static void
asked_free (gpointer data)
{
  Asked *asked = data;

  g_free (asked->period);
  g_free (asked->keep_code);
  g_free (asked);
}

/* With nothing chosen in the library, the table shows every locality's
 * report of the newest year and period: districts side by side. */
static CtCompareQuery *
default_query (CtWindow *self,
               guint    *n_reports)
{
  CtCompareQuery *query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  const CtReportInfo *newest = NULL;

  for (guint i = 0; i < self->reports->len; i++)
    {
      const CtReportInfo *info = g_ptr_array_index (self->reports, i);

      if (newest == NULL || info->year > newest->year)
        newest = info;
    }
  *n_reports = 0;
  if (newest == NULL)
    return query;
  query->year = newest->year;
  query->period = g_strdup (newest->period);
  /* While a removal can be undone the store still holds the reports: name
   * the ones shown instead of asking by year and period. */
  if (self->pending_removal->len > 0)
    query->report_ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  for (guint i = 0; i < self->reports->len; i++)
    {
      const CtReportInfo *info = g_ptr_array_index (self->reports, i);

      if (info->year != newest->year || g_strcmp0 (info->period, newest->period) != 0)
        continue;
      (*n_reports)++;
      if (query->report_ids != NULL)
        g_array_append_val (query->report_ids, info->id);
    }
  return query;
}

static CtCompareQuery *
new_query (CtWindow *self,
           Asked    *asked)
{
  g_autoptr(GArray) ids = ct_library_sidebar_get_selected_reports (self->sidebar);
  CtComparison *old = ct_compare_view_get_comparison (self->compare_view);
  CtCompareQuery *query;
  guint row, column;

  if (ids->len > 0)
    {
      query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
      query->report_ids = g_array_ref (ids);
      asked->n_reports = ids->len;
      asked->chosen = TRUE;
    }
  else
    query = default_query (self, &asked->n_reports);
  asked->year = query->year;
  asked->period = g_strdup (query->period);
  /* Keep the current cell across a refresh (after a correction). */
  if (old != NULL && ct_compare_view_get_current_cell (self->compare_view, &row, &column))
    {
      asked->keep_code = g_strdup (ct_comparison_get_row (old, row)->code);
      asked->keep_report = ct_comparison_get_column (old, column)->report_id;
    }
  return query;
}

static void
show_loading (CtWindow *self,
              gboolean  shown)
{
  gtk_widget_set_visible (self->comparing_box, shown);
  gtk_spinner_set_spinning (GTK_SPINNER (self->comparing_spinner), shown);
}

static gboolean
on_loading_delay (gpointer user_data)
{
  CtWindow *self = user_data;

  self->loading_source = 0;
  show_loading (self, TRUE);
  return G_SOURCE_REMOVE;
}

static void
set_comparing (CtWindow *self,
               gboolean  comparing)
{
  g_clear_handle_id (&self->loading_source, g_source_remove);
  if (!comparing)
    show_loading (self, FALSE);
  if (self->comparing == comparing)
    return;
  self->comparing = comparing;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARING]);
}

static void
say_comparing (CtWindow *self,
               guint     n_reports)
{
  g_autofree gchar *text = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "Comparing %u report…",
                                                         "Comparing %u reports…", n_reports),
                                            n_reports);

  gtk_label_set_text (GTK_LABEL (self->comparing_label), text);
  /* A first table is awaited on an empty view: say so at once. */
  if (ct_compare_view_get_comparison (self->compare_view) == NULL)
    show_loading (self, TRUE);
  else if (!gtk_widget_get_visible (self->comparing_box))
    self->loading_source = g_timeout_add (SHOW_LOADING_MS, on_loading_delay, self);
}

static void
apply_comparison (CtWindow     *self,
                  const Asked  *asked,
                  CtComparison *comparison)
{
  g_autofree gchar *subtitle = NULL;
  guint n = ct_comparison_get_n_columns (comparison);

  ct_compare_view_set_comparison (self->compare_view, comparison);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
  if (self->reports->len == 0)
    subtitle = g_strdup (_("Socio-economic report indicators"));
  else if (asked->chosen)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report compared", "%u reports compared", n), n);
  else
    subtitle = g_strdup_printf (_("%s %d, every locality"), asked->period != NULL ? asked->period : "",
                                asked->year);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (asked->keep_code != NULL)
    {
      gint r = ct_comparison_find_row (comparison, asked->keep_code);

      for (guint c = 0; r >= 0 && c < n; c++)
        if (ct_comparison_get_column (comparison, c)->report_id == asked->keep_report)
          {
            ct_compare_view_select_cell (self->compare_view, (guint) r, c);
            break;
          }
    }
  /* A sort saved last time names a column of this table. */
  _ct_window_restore_sort (self);
}

/* The newest request's comparison, from the worker. */
static void
on_compared (CtComparison *comparison,
             const GError *error,
             gpointer      data,
             gpointer      user_data)
{
  CtWindow *self = user_data;

  set_comparing (self, FALSE);
  if (comparison == NULL)
    {
      ct_window_toast (self, error->message);
      ct_compare_view_set_comparison (self->compare_view, NULL);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARISON]);
    }
  else
    apply_comparison (self, data, comparison);
  _ct_window_update_actions (self);
}

void
_ct_window_refresh_comparison (CtWindow *self)
{
  Asked *asked;
  CtCompareQuery *query;

  if (self->store == NULL)
    return;

  /* The source pane shows the sentence of the current cell or nothing:
   * a new comparison that does not hold that cell clears it. */
  ct_source_view_clear (self->source_view);
  ct_bar_chart_set_chart (CT_BAR_CHART (self->chart), NULL);

  asked = g_new0 (Asked, 1);
  query = new_query (self, asked);
  set_comparing (self, TRUE);
  say_comparing (self, asked->n_reports);
  ct_compare_worker_request (self->compare_worker, ct_store_get_path (self->store), query, asked, asked_free);
  _ct_window_update_actions (self);
}

static void
on_sidebar_selection_changed (CtLibrarySidebar *sidebar,
                              gpointer          user_data)
{
  (void) sidebar;
  _ct_window_refresh_comparison (CT_WINDOW (user_data));
}

void
ct_window_reload (CtWindow *self)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *reports;

  g_return_if_fail (CT_IS_WINDOW (self));

  if (self->store == NULL || self->busy)
    return;
  /* What is listed now includes every change made so far, the window's own
   * imports in their worker's connection too: the watch for others'
   * changes must not list it all again (a second comparison of the whole
   * library, and the one views hold freed under them). */
  self->data_version = ct_store_get_data_version (self->store);
  reports = ct_store_list_reports (self->store, &error);
  if (reports == NULL)
    {
      ct_window_toast (self, error->message);
      return;
    }
  /* Reports being removed stay out of sight until the removal is undone
   * or done. */
  for (guint i = reports->len; i > 0; i--)
    if (_ct_window_is_pending_removal (self, ((CtReportInfo *) g_ptr_array_index (reports, i - 1))->id))
      g_ptr_array_remove_index (reports, i - 1);
  g_clear_pointer (&self->reports, g_ptr_array_unref);
  self->reports = reports;

  gtk_stack_set_visible_child_name (self->main_stack, reports->len > 0 ? "library" : "empty");
  /* Emits ::selection-changed, which refreshes the table. */
  ct_library_sidebar_set_reports (self->sidebar, reports);
  _ct_window_update_actions (self);
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

gboolean
_ct_window_show_source (CtWindow *self,
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
  if (observations == NULL
      || !ct_store_judge_observations (self->store, observations, &error))
    {
      ct_window_toast (self, error->message);
      g_clear_error (&error);
    }
  title = report_title (self, span->report_id);
  ct_source_view_set_source (self->source_view, span, observations, title);
  return TRUE;
}

/* A sentence found in the reports: its figure's cell and source when it
 * holds one, else the sentence itself in its report's text. */
gboolean
_ct_window_show_hit (CtWindow          *self,
                     const CtSearchHit *hit)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) observations = NULL;
  g_autoptr(CtSourceSpan) span = NULL;
  g_autofree gchar *title = NULL;

  if (hit->observation_id != 0)
    return ct_window_show_observation (self, hit->observation_id);
  /* The report's text comes with any of its figures' sources. */
  observations = ct_store_list_observations (self->store, hit->report_id, &error);
  if (observations != NULL && observations->len > 0)
    span = ct_store_get_source (self->store,
                                ((CtStoredObservation *) g_ptr_array_index (observations, 0))->id, &error);
  if (span == NULL)
    {
      ct_window_toast (self, error != NULL ? error->message
                                           : _("This report’s text is not kept in the library; import it again to read it here."));
      return FALSE;
    }
  span->observation_id = 0;
  span->start = span->block_start = hit->start;
  span->end = span->block_end = hit->end;
  span->line = hit->line;
  g_clear_pointer (&span->section, g_free);
  g_array_set_size (span->siblings, 0);
  title = report_title (self, hit->report_id);
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
    _ct_window_show_source (self, cell->observation_id);
  else
    ct_source_view_clear (self->source_view);
  show_chart (self, ct_compare_view_get_comparison (view), row);
  _ct_window_update_actions (self);
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
  return _ct_window_show_source (self, observation_id);
}

static void
on_observation_activated (CtSourceView *view,
                          gint64        observation_id,
                          gpointer      user_data)
{
  (void) view;
  ct_window_show_observation (CT_WINDOW (user_data), observation_id);
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

/* ------------------------------------------------------------------ */
/* Demo samples                                                       */
/* ------------------------------------------------------------------ */

static void
set_busy (CtWindow *self,
          gboolean  busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

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
  set_busy (self, FALSE);
  if (error != NULL && !g_error_matches (error, CT_ERROR, CT_ERROR_CANCELLED)
      && !g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    ct_window_toast (self, error->message);
  ct_window_reload (self);
  _ct_window_restore_state (self);
}

/* The demo library lives beside the user's, never in it ($CHITIEU_DB,
 * which `make run` points into the build folder, wins for both). */
static gchar *
library_path (CtWindow *self)
{
  const gchar *env = g_getenv ("CHITIEU_DB");

  if (self->demo && (env == NULL || *env == '\0'))
    return g_build_filename (g_get_user_data_dir (), "chitieu", "demo-library.db", NULL);
  return ct_store_default_path ();
}

/* Someone else changed the library (a colleague on the server, another
 * window, a command): list it again, as the user would after a restart. */
static gboolean
watch_library (gpointer user_data)
{
  CtWindow *self = CT_WINDOW (user_data);
  gint64 version;

  if (self->store == NULL || self->busy || self->exporting)
    return G_SOURCE_CONTINUE;
  version = ct_store_get_data_version (self->store);
  if (version != self->data_version)
    {
      self->data_version = version;
      ct_window_reload (self);
    }
  return G_SOURCE_CONTINUE;
}

static void
open_store (CtWindow *self)
{
  g_autofree gchar *path = library_path (self);
  g_autoptr(GError) error = NULL;

  self->store = ct_store_open (path, &error);
  if (self->store == NULL)
    {
      adw_status_page_set_title (self->empty_page, _("The Library Cannot Be Opened"));
      adw_status_page_set_description (self->empty_page, error->message);
      gtk_stack_set_visible_child_name (self->main_stack, "empty");
      return;
    }
  self->data_version = ct_store_get_data_version (self->store);
  self->watch_id = g_timeout_add_seconds (WATCH_SECONDS, watch_library, self);

  /* Only the demo library is filled with the fictional samples: a user's
   * own library starts empty, with the welcome page. */
  if (self->demo && ct_store_is_empty (self->store))
    {
      GTask *task = g_task_new (self, self->cancellable, on_samples_imported, NULL);

      set_busy (self, TRUE);
      gtk_stack_set_visible_child_name (self->main_stack, "loading");
      g_task_set_task_data (task, g_strdup (path), g_free);
      g_task_run_in_thread (task, import_samples_thread);
      g_object_unref (task);
      return;
    }
  ct_window_reload (self);
  _ct_window_restore_state (self);
}

gboolean
ct_window_open_library (CtWindow    *self,
                        const gchar *location)
{
  g_autoptr(GError) error = NULL;
  CtStore *store;

  g_return_val_if_fail (CT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (location != NULL, FALSE);

  if (self->busy)
    return FALSE;
  store = ct_store_open (location, &error);
  if (store == NULL)
    {
      ct_window_toast (self, error->message);
      return FALSE;
    }
  /* Removals waiting for their undo toast belong to the old library. */
  _ct_window_finish_removal (self);
  g_clear_pointer (&self->undo, ct_undo_stack_free);
  self->undo = ct_undo_stack_new ();
  g_clear_pointer (&self->store, ct_store_close);
  self->store = store;
  self->data_version = ct_store_get_data_version (store);
  if (self->watch_id == 0)
    self->watch_id = g_timeout_add_seconds (WATCH_SECONDS, watch_library, self);
  ct_window_reload (self);
  if (ct_store_is_empty (store))
    gtk_stack_set_visible_child_name (self->main_stack, "empty");
  _ct_window_update_actions (self);
  return TRUE;
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

gboolean
ct_window_get_exporting (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), FALSE);
  return self->exporting;
}

void
_ct_window_set_exporting (CtWindow *self,
                          gboolean  exporting)
{
  if (self->exporting == exporting)
    return;
  self->exporting = exporting;
  _ct_window_update_actions (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_EXPORTING]);
}

gboolean
ct_window_get_comparable_only (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), FALSE);
  return self->comparable_only;
}

void
ct_window_set_comparable_only (CtWindow *self,
                               gboolean  comparable_only)
{
  GAction *action;

  g_return_if_fail (CT_IS_WINDOW (self));

  comparable_only = !!comparable_only;
  if (self->comparable_only == comparable_only)
    return;
  self->comparable_only = comparable_only;
  ct_compare_view_set_shared_only (self->compare_view, comparable_only);
  /* The header button shows the action's state. */
  action = g_action_map_lookup_action (G_ACTION_MAP (self), "shared-only");
  if (action != NULL)
    g_simple_action_set_state (G_SIMPLE_ACTION (action), g_variant_new_boolean (comparable_only));
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_COMPARABLE_ONLY]);
}

gboolean
ct_window_get_comparing (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), FALSE);
  return self->comparing;
}

CtComparison *
ct_window_get_comparison (CtWindow *self)
{
  g_return_val_if_fail (CT_IS_WINDOW (self), NULL);
  return ct_compare_view_get_comparison (self->compare_view);
}

/* ------------------------------------------------------------------ */
/* GObject                                                            */
/* ------------------------------------------------------------------ */

static void
ct_window_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CtWindow *self = CT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DEMO:
      g_value_set_boolean (value, self->demo);
      break;
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    case PROP_EXPORTING:
      g_value_set_boolean (value, self->exporting);
      break;
    case PROP_COMPARABLE_ONLY:
      g_value_set_boolean (value, self->comparable_only);
      break;
    case PROP_COMPARISON:
      g_value_set_boxed (value, ct_window_get_comparison (self));
      break;
    case PROP_COMPARING:
      g_value_set_boolean (value, self->comparing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_window_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CtWindow *self = CT_WINDOW (object);

  switch (prop_id)
    {
    case PROP_DEMO:
      self->demo = g_value_get_boolean (value);
      break;
    case PROP_COMPARABLE_ONLY:
      ct_window_set_comparable_only (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* The library opens once the construct properties are known: whether
 * this is the demo library decides what an empty one gets. */
static void
ct_window_constructed (GObject *object)
{
  CtWindow *self = CT_WINDOW (object);

  G_OBJECT_CLASS (ct_window_parent_class)->constructed (object);
  _ct_window_update_actions (self);
  open_store (self);
}

static void
ct_window_dispose (GObject *object)
{
  CtWindow *self = CT_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  /* A comparison still running is not heard of: the widgets are going. */
  if (self->compare_worker != NULL)
    ct_compare_worker_stop (self->compare_worker);
  g_clear_object (&self->compare_worker);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_clear_handle_id (&self->watch_id, g_source_remove);
  /* While the widgets still say what was shown. */
  if (self->compare_view != NULL)
    {
      g_autoptr(GError) error = NULL;

      if (!_ct_window_save_state (self, &error))
        g_warning ("The comparison could not be saved: %s", error->message);
    }
  /* Closing the window ends the time to undo a removal; its toast, gone
   * with the window, must not list the library again. */
  self->removal_toast = NULL;
  _ct_window_finish_removal (self);
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
  g_clear_pointer (&self->pending_removal, g_array_unref);
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

  object_class->get_property = ct_window_get_property;
  object_class->set_property = ct_window_set_property;
  object_class->constructed = ct_window_constructed;
  object_class->dispose = ct_window_dispose;
  object_class->finalize = ct_window_finalize;

  properties[PROP_DEMO] =
    g_param_spec_boolean ("demo", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  properties[PROP_BUSY] =
    g_param_spec_boolean ("busy", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_EXPORTING] =
    g_param_spec_boolean ("exporting", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARABLE_ONLY] =
    g_param_spec_boolean ("comparable-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARISON] =
    g_param_spec_boxed ("comparison", NULL, NULL, CT_TYPE_COMPARISON,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_COMPARING] =
    g_param_spec_boolean ("comparing", NULL, NULL, FALSE,
                          G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

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
  gtk_widget_class_bind_template_child (widget_class, CtWindow, comparing_box);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, comparing_spinner);
  gtk_widget_class_bind_template_child (widget_class, CtWindow, comparing_label);
}

static void
ct_window_init (CtWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->undo = ct_undo_stack_new ();
  self->cancellable = g_cancellable_new ();
  self->compare_worker = ct_compare_worker_new (on_compared, self);
  self->reports = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_report_info_free);
  self->pending_removal = g_array_new (FALSE, FALSE, sizeof (gint64));

  _ct_window_actions_init (self);
  /* Delete removes what is chosen in the library, and only there: in the
   * search entry it deletes a letter. */
  {
    GtkEventController *keys = gtk_shortcut_controller_new ();

    gtk_shortcut_controller_add_shortcut (GTK_SHORTCUT_CONTROLLER (keys),
                                          gtk_shortcut_new (gtk_keyval_trigger_new (GDK_KEY_Delete, 0),
                                                            gtk_named_action_new ("win.remove-reports")));
    gtk_widget_add_controller (GTK_WIDGET (self->sidebar), keys);
  }

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
  gtk_box_append (self->chart_box, ct_chart_toolbar_new (CT_BAR_CHART (self->chart)));
  gtk_box_append (self->chart_box, self->chart);

}
