/* ct-compare-worker.c: comparisons computed off the UI thread, newest first
 *
 * The task holds the worker only weakly and checks the worker's cancellable:
 * a worker stopped or freed while a thread runs is not called back.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>

#include "ct-compare-worker.h"
#include "ct-store.h"

typedef struct
{
  gchar          *location;
  CtCompareQuery *query;
  gpointer        data;
  GDestroyNotify  destroy;
} Request;

struct _CtCompareWorker
{
  GObject           parent_instance;

  CtCompareDoneFunc done;
  gpointer          user_data;
  GCancellable     *cancellable;  /* cancelled by stop: a new one follows */
  Request          *waiting;      /* the newest request, not started yet */
  gboolean          running;
  guint             start_source;
};

G_DEFINE_FINAL_TYPE (CtCompareWorker, ct_compare_worker, G_TYPE_OBJECT)

static void
request_free (gpointer data)
{
  Request *request = data;

  if (request == NULL)
    return;
  g_free (request->location);
  g_clear_pointer (&request->query, ct_compare_query_free);
  if (request->destroy != NULL)
    request->destroy (request->data);
  g_free (request);
}

static void
compare_thread (GTask        *task,
                gpointer      source,
                gpointer      task_data,
                GCancellable *cancellable)
{
  Request *request = task_data;
  g_autoptr(CtStore) store = NULL;
  GError *error = NULL;
  CtComparison *comparison;

  (void) source;
  (void) cancellable;
  /* The caller's connection stays on its thread; this one is ours. */
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

static void start (CtCompareWorker *self);

static void
on_compared (GObject      *source,
             GAsyncResult *result,
             gpointer      user_data)
{
  GWeakRef *ref = user_data;
  g_autoptr(CtCompareWorker) self = g_weak_ref_get (ref);
  Request *request = g_task_get_task_data (G_TASK (result));
  g_autoptr(CtComparison) comparison = NULL;
  g_autoptr(GError) error = NULL;

  (void) source;
  g_weak_ref_clear (ref);
  g_free (ref);
  comparison = g_task_propagate_pointer (G_TASK (result), &error);
  if (self == NULL || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    return;
  self->running = FALSE;
  /* A newer request waited for this one: its result is the one wanted. */
  if (self->waiting != NULL)
    {
      start (self);
      return;
    }
  self->done (comparison, error, request->data, self->user_data);
}

static void
start (CtCompareWorker *self)
{
  g_autoptr(GTask) task = NULL;
  GWeakRef *ref;

  g_clear_handle_id (&self->start_source, g_source_remove);
  if (self->running || self->waiting == NULL)
    return;
  ref = g_new0 (GWeakRef, 1);
  g_weak_ref_init (ref, self);
  task = g_task_new (NULL, self->cancellable, on_compared, ref);
  g_task_set_source_tag (task, start);
  g_task_set_task_data (task, g_steal_pointer (&self->waiting), request_free);
  self->running = TRUE;
  g_task_run_in_thread (task, compare_thread);
}

static gboolean
on_start (gpointer user_data)
{
  CtCompareWorker *self = user_data;

  self->start_source = 0;
  start (self);
  return G_SOURCE_REMOVE;
}

void
ct_compare_worker_request (CtCompareWorker *self,
                           const gchar     *location,
                           CtCompareQuery  *query,
                           gpointer         data,
                           GDestroyNotify   destroy)
{
  Request *request;

  g_return_if_fail (CT_IS_COMPARE_WORKER (self));
  g_return_if_fail (location != NULL && query != NULL);

  request = g_new0 (Request, 1);
  request->location = g_strdup (location);
  request->query = query;
  request->data = data;
  request->destroy = destroy;
  request_free (self->waiting);
  self->waiting = request;
  if (!self->running && self->start_source == 0)
    self->start_source = g_idle_add_full (G_PRIORITY_HIGH_IDLE, on_start, self, NULL);
}

gboolean
ct_compare_worker_get_busy (CtCompareWorker *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_WORKER (self), FALSE);
  return self->running || self->waiting != NULL;
}

void
ct_compare_worker_stop (CtCompareWorker *self)
{
  g_return_if_fail (CT_IS_COMPARE_WORKER (self));

  g_clear_handle_id (&self->start_source, g_source_remove);
  g_clear_pointer (&self->waiting, request_free);
  g_cancellable_cancel (self->cancellable);
  g_object_unref (self->cancellable);
  self->cancellable = g_cancellable_new ();
  self->running = FALSE;
}

static void
ct_compare_worker_dispose (GObject *object)
{
  ct_compare_worker_stop (CT_COMPARE_WORKER (object));
  G_OBJECT_CLASS (ct_compare_worker_parent_class)->dispose (object);
}

static void
ct_compare_worker_finalize (GObject *object)
{
  g_clear_object (&CT_COMPARE_WORKER (object)->cancellable);
  G_OBJECT_CLASS (ct_compare_worker_parent_class)->finalize (object);
}

static void
ct_compare_worker_class_init (CtCompareWorkerClass *klass)
{
  G_OBJECT_CLASS (klass)->dispose = ct_compare_worker_dispose;
  G_OBJECT_CLASS (klass)->finalize = ct_compare_worker_finalize;
}

static void
ct_compare_worker_init (CtCompareWorker *self)
{
  self->cancellable = g_cancellable_new ();
}

CtCompareWorker *
ct_compare_worker_new (CtCompareDoneFunc done,
                       gpointer          user_data)
{
  CtCompareWorker *self = g_object_new (CT_TYPE_COMPARE_WORKER, NULL);

  self->done = done;
  self->user_data = user_data;
  return self;
}
