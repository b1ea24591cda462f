/* ct-store-async.c: importing off the UI thread, and the demo samples
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-reader.h"

#define SAMPLES_PREFIX "/io/github/chitieu/Chitieu/samples/"

CtImportRequest *
ct_import_request_new (const gchar           *path,
                       const CtImportOptions *options)
{
  CtImportRequest *request = g_new0 (CtImportRequest, 1);

  request->path = g_strdup (path);
  request->options = options != NULL ? ct_import_options_copy (options) : NULL;
  return request;
}

void
ct_import_request_free (CtImportRequest *request)
{
  if (request == NULL)
    return;
  g_free (request->path);
  ct_import_options_free (request->options);
  g_free (request);
}

typedef struct
{
  gchar               *db_path;
  GPtrArray           *requests;
  CtImportProgressFunc progress;
  gpointer             progress_data;
  GDestroyNotify       progress_destroy;
  GMainContext        *context;
} ImportJob;

typedef struct
{
  GDestroyNotify destroy;
  gpointer       data;
} Destroy;

static gboolean
run_destroy (gpointer data)
{
  Destroy *d = data;

  d->destroy (d->data);
  return G_SOURCE_REMOVE;
}

/* The last reference to the task may go in the worker thread: the caller's
 * progress data is still released in the caller's main context, after the
 * progress events queued there. */
static void
import_job_free (gpointer data)
{
  ImportJob *job = data;

  g_free (job->db_path);
  g_ptr_array_unref (job->requests);
  if (job->progress_destroy != NULL)
    {
      Destroy *d = g_new (Destroy, 1);

      d->destroy = job->progress_destroy;
      d->data = job->progress_data;
      g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, run_destroy, d, g_free);
    }
  g_main_context_unref (job->context);
  g_free (job);
}

typedef struct
{
  CtImportProgressFunc progress;
  gpointer             progress_data;
  gdouble              fraction;
  gchar               *source_name;
} ProgressEvent;

static void
progress_event_free (gpointer data)
{
  ProgressEvent *ev = data;

  g_free (ev->source_name);
  g_free (ev);
}

static gboolean
deliver_progress (gpointer data)
{
  ProgressEvent *ev = data;

  ev->progress (ev->fraction, ev->source_name, ev->progress_data);
  return G_SOURCE_REMOVE;
}

/* Runs in the worker: forwards to the caller's main context. The job (and
 * with it progress_data) outlives these events because the task's result is
 * delivered through the same context after them. */
static void
worker_progress (gdouble      fraction,
                 const gchar *source_name,
                 gpointer     user_data)
{
  ImportJob *job = user_data;
  ProgressEvent *ev;

  if (job->progress == NULL)
    return;
  ev = g_new0 (ProgressEvent, 1);
  ev->progress = job->progress;
  ev->progress_data = job->progress_data;
  ev->fraction = fraction;
  ev->source_name = g_strdup (source_name);
  g_main_context_invoke_full (job->context, G_PRIORITY_DEFAULT, deliver_progress,
                              ev, progress_event_free);
}

static void
import_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ImportJob *job = task_data;
  g_autoptr(CtStore) store = NULL;
  GPtrArray *results;
  GError *error = NULL;

  (void) source_object;
  store = ct_store_open (job->db_path, &error);
  if (store == NULL)
    {
      g_task_return_error (task, error);
      return;
    }
  results = ct_store_import_files (store, job->requests, cancellable, worker_progress, job, &error);
  if (results == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, results, (GDestroyNotify) g_ptr_array_unref);
}

void
ct_store_import_async (CtStore              *self,
                       GPtrArray            *requests,
                       GCancellable         *cancellable,
                       CtImportProgressFunc  progress,
                       gpointer              progress_data,
                       GDestroyNotify        progress_destroy,
                       GAsyncReadyCallback   callback,
                       gpointer              user_data)
{
  g_autoptr(GTask) task = NULL;
  ImportJob *job;

  g_return_if_fail (self != NULL);
  g_return_if_fail (requests != NULL);

  /* The task has no GObject source: the store is plain C, and the worker
   * uses its own connection, never self. */
  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_store_import_async);
  /* Cancellation is reported as CT_ERROR_CANCELLED by the worker itself. */
  g_task_set_check_cancellable (task, FALSE);
  job = g_new0 (ImportJob, 1);
  job->db_path = g_strdup (self->location);
  job->requests = g_ptr_array_ref (requests);
  job->progress = progress;
  job->progress_data = progress_data;
  job->progress_destroy = progress_destroy;
  job->context = g_main_context_ref_thread_default ();
  g_task_set_task_data (task, job, import_job_free);
  g_task_run_in_thread (task, import_thread);
}

GPtrArray *
ct_store_import_finish (CtStore       *self,
                        GAsyncResult  *result,
                        GError       **error)
{
  (void) self;
  g_return_val_if_fail (g_task_is_valid (result, NULL), NULL);
  return g_task_propagate_pointer (G_TASK (result), error);
}

/* ------------------------------------------------------------------ */

guint
ct_store_import_samples (CtStore       *self,
                         GCancellable  *cancellable,
                         GError       **error)
{
  g_autoptr(GBytes) index = g_resources_lookup_data (SAMPLES_PREFIX "index.tsv",
                                                     G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_auto(GStrv) lines = NULL;
  guint stored = 0;

  if (index == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                   _("The demo reports are missing from the program; reinstall Chỉ tiêu."));
      return 0;
    }
  lines = g_strsplit (g_bytes_get_data (index, NULL), "\n", -1);

  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) cols = NULL;
      g_autofree gchar *path = NULL;
      g_autoptr(GBytes) bytes = NULL;
      g_autoptr(GPtrArray) docs = NULL;
      g_autoptr(CtImportOptions) options = NULL;

      g_strchomp (lines[i]);
      if (*lines[i] == '\0' || *lines[i] == '#')
        continue;
      /* file, locality, level, province, year, period */
      cols = g_strsplit (lines[i], "\t", -1);
      if (g_strv_length (cols) < 6)
        continue;
      path = g_strconcat (SAMPLES_PREFIX, cols[0], NULL);
      bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
      if (bytes == NULL)
        return stored;
      docs = ct_reader_read_bytes (bytes, cols[0], cancellable, error);
      if (docs == NULL)
        return stored;

      options = ct_import_options_new ();
      options->locality = g_strdup (cols[1]);
      options->level = g_strdup (cols[2]);
      options->province = g_strdup (cols[3]);
      options->year = (gint) g_ascii_strtoll (cols[4], NULL, 10);
      options->period = g_strdup (cols[5]);
      for (guint d = 0; d < docs->len; d++)
        {
          g_autoptr(CtImportResult) result =
            ct_store_import_document (self, g_ptr_array_index (docs, d), NULL, options,
                                      cancellable, error);

          if (result == NULL)
            return stored;
          if (result->status == CT_IMPORT_NEW || result->status == CT_IMPORT_REPLACED)
            stored++;
        }
    }
  return stored;
}
