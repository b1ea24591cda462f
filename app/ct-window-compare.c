/* ct-window-compare.c: the table's comparison, computed off the UI thread
 *
 * Comparing the newest period of a province's library (500 reports) takes
 * a third of a second or more; done before the first frame it kept the
 * window from showing at all. Each request is computed by a worker thread
 * with a connection of its own (as the import and export workers do), and
 * the window says "Đang so sánh…" until it is in the table.
 *
 * One worker runs at a time. A request made while it runs waits, replacing
 * any request that was already waiting: when the worker ends, its result
 * is dropped and the newest request starts, so choosing one locality then
 * another never shows the first one's table. Requests made in one turn of
 * the main loop (listing the library, then restoring the reports chosen
 * last time) start one worker, in an idle, for the last of them.
 *
 * The task holds the window only weakly: closing it while a worker runs
 * disposes of it at once and cancels its cancellable; the finished task
 * then touches nothing.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-bar-chart.h"
#include "ct-store-compare.h"
#include "ct-window-private.h"

/* A refresh of a table already shown says it is working only when it takes
 * this long: a few reports compare in milliseconds, and a spinner that
 * flashes on every click is noise. */
#define SHOW_LOADING_MS 250

struct _CtCompareRequest
{
  gchar          *location;    /* the library, opened again by the worker */
  CtCompareQuery *query;
  guint           n_reports;   /* for "Comparing N reports…" */
  gboolean        chosen;      /* the reports chosen in the library, not the default */
  gchar          *keep_code;   /* the current cell to keep, by row code … */
  gint64          keep_report; /* … and report */
};

void
_ct_compare_request_free (CtCompareRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->location);
  g_clear_pointer (&request->query, ct_compare_query_free);
  g_free (request->keep_code);
  g_free (request);
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

static CtCompareRequest *
new_request (CtWindow *self)
{
  CtCompareRequest *request = g_new0 (CtCompareRequest, 1);
  g_autoptr(GArray) ids = ct_library_sidebar_get_selected_reports (self->sidebar);
  CtComparison *old = ct_compare_view_get_comparison (self->compare_view);
  guint row, column;

  request->location = g_strdup (ct_store_get_path (self->store));
  if (ids->len > 0)
    {
      request->query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
      request->query->report_ids = g_array_ref (ids);
      request->n_reports = ids->len;
      request->chosen = TRUE;
    }
  else
    request->query = default_query (self, &request->n_reports);

  /* Keep the current cell across a refresh (after a correction). */
  if (old != NULL && ct_compare_view_get_current_cell (self->compare_view, &row, &column))
    {
      request->keep_code = g_strdup (ct_comparison_get_row (old, row)->code);
      request->keep_report = ct_comparison_get_column (old, column)->report_id;
    }
  return request;
}

static void
compare_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  CtCompareRequest *request = task_data;
  g_autoptr(CtStore) store = NULL;
  GError *error = NULL;
  CtComparison *comparison;

  (void) source;
  (void) cancellable;
  /* The window's connection stays on the main thread; this one is ours. */
  store = ct_store_open (request->location, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  comparison = ct_store_compare (store, request->query, &error);
  if (comparison == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, comparison, (GDestroyNotify) ct_comparison_unref);
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
  _ct_window_notify_comparing (self);
}

static void
apply_comparison (CtWindow         *self,
                  CtCompareRequest *request,
                  CtComparison     *comparison)
{
  g_autofree gchar *subtitle = NULL;
  guint n = ct_comparison_get_n_columns (comparison);

  ct_compare_view_set_comparison (self->compare_view, comparison);
  _ct_window_notify_comparison (self);
  if (self->reports->len == 0)
    subtitle = g_strdup (_("Socio-economic report indicators"));
  else if (request->chosen)
    subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report compared", "%u reports compared", n), n);
  else
    subtitle = g_strdup_printf (_("%s %d, every locality"),
                                request->query->period != NULL ? request->query->period : "",
                                request->query->year);
  adw_window_title_set_subtitle (self->window_title, subtitle);

  if (request->keep_code != NULL)
    {
      gint r = ct_comparison_find_row (comparison, request->keep_code);

      for (guint c = 0; r >= 0 && c < n; c++)
        if (ct_comparison_get_column (comparison, c)->report_id == request->keep_report)
          {
            ct_compare_view_select_cell (self->compare_view, (guint) r, c);
            break;
          }
    }
  /* A sort saved last time names a column of this table. */
  _ct_window_restore_sort (self);
}

static void start_worker (CtWindow *self);

static void
on_compared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(CtWindow) self = g_weak_ref_get (ref);
  CtCompareRequest *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(CtComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  (void) source;
  g_weak_ref_clear (ref);
  g_free (ref);
  comparison = g_task_propagate_pointer (G_TASK (result), &error);
  /* The window was closed: its widgets are gone. */
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->compare_running = FALSE;
  /* A newer request waited for this one: its table is the one to show. */
  if (self->compare_waiting != NULL)
    {
      start_worker (self);
      return;
    }
  set_comparing (self, FALSE);
  if (comparison == NULL)
    {
      ct_window_toast (self, error->message);
      ct_compare_view_set_comparison (self->compare_view, NULL);
      _ct_window_notify_comparison (self);
    }
  else
    apply_comparison (self, request, comparison);
  _ct_window_update_actions (self);
}

static void
start_worker (CtWindow *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *ref;

  g_clear_handle_id (&self->start_source, g_source_remove);
  if (self->compare_running || self->compare_waiting == NULL)
    return;
  /* The task does not hold the window: closing it disposes of it at once
   * (its saved view, removals made final), not when the worker ends. */
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, self->cancellable, on_compared, ref);
  g_task_set_source_tag (task, start_worker);
  g_task_set_task_data (task, g_steal_pointer (&self->compare_waiting),
                        (GDestroyNotify) _ct_compare_request_free);
  self->compare_running = TRUE;
  g_task_run_in_thread (task, compare_thread);
}

static gboolean
on_start (gpointer user_data)
{
  CtWindow *self = user_data;

  self->start_source = 0;
  start_worker (self);
  return G_SOURCE_REMOVE;
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
  else if (self->loading_source == 0 && !gtk_widget_get_visible (self->comparing_box))
    self->loading_source = g_timeout_add (SHOW_LOADING_MS, on_loading_delay, self);
}

void
_ct_window_refresh_comparison (CtWindow *self)
{
  CtCompareRequest *request;

  if (self->store == NULL)
    return;

  /* The source pane shows the sentence of the current cell or nothing:
   * a new comparison that does not hold that cell clears it. */
  ct_source_view_clear (self->source_view);
  ct_bar_chart_set_chart (CT_BAR_CHART (self->chart), NULL);

  request = new_request (self);
  set_comparing (self, TRUE);
  say_comparing (self, request->n_reports);
  g_clear_pointer (&self->compare_waiting, _ct_compare_request_free);
  self->compare_waiting = request;
  if (!self->compare_running && self->start_source == 0)
    self->start_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_start, self, NULL);
  _ct_window_update_actions (self);
}

/* Closing the window: a request not started yet is dropped; a running
 * worker ends on its own and finds the window's cancellable cancelled. */
void
_ct_window_stop_comparing (CtWindow *self)
{
  g_clear_handle_id (&self->start_source, g_source_remove);
  g_clear_handle_id (&self->loading_source, g_source_remove);
  g_clear_pointer (&self->compare_waiting, _ct_compare_request_free);
}
