/* ct-store-batch.c: many files at once, reading ahead on worker threads
 *
 * Reading and extraction cost more than storing and need no database, so
 * worker threads prepare the next few files (read, extract, and work out
 * their rows: packed text, sentences, folded words) while this thread
 * writes the current one. Results keep the order of the requests, so the
 * library is the same whatever the number of threads.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-extract.h"
#include "ct-i18n.h"
#include "ct-reader.h"

typedef struct
{
  const CtImportRequest *request;
  GCancellable          *cancellable;
  GPtrArray             *docs;         /* CtDocument */
  GPtrArray             *observations; /* per document: GPtrArray of CtObservation */
  GPtrArray             *rows;         /* per document: CtStoreRows */
  GError                *error;
  gboolean               ready;
} Prepared;

typedef struct
{
  GMutex   mutex;
  GCond    cond;
  CtDbKind kind;
  guint    n_threads;
  guint    active;   /* readers working on a file */
  guint    waiting;  /* files read and not yet taken by the writer */
} Shared;

/* Files read and waiting for the writer past which one reader rests. */
#define READY_ENOUGH 8

/* How many of n_threads readers may work while @waiting files, read,
 * wait for the writer. The writer is one thread and the readers one per
 * core: all of them busy, the scheduler gives each two thirds of a core,
 * and the writer, whose work cannot be shared out, set the pace
 * (bench-library's 2,000 reports: it used 7.0 s of CPU in 10.7 s and
 * waited 0.3 s for files, while the readers filled the read-ahead and
 * stopped, a core idle). With enough files waiting for it, one reader
 * rests, so the writer has a core of its own; below that all of them
 * read. */
guint
ct_store_readers_allowed (guint n_threads,
                          guint waiting)
{
  if (n_threads > 1 && waiting >= READY_ENOUGH)
    return n_threads - 1;
  return MAX (n_threads, 1);
}

static void
prepared_clear (Prepared *p)
{
  g_clear_pointer (&p->docs, g_ptr_array_unref);
  g_clear_pointer (&p->observations, g_ptr_array_unref);
  g_clear_pointer (&p->rows, g_ptr_array_unref);
  g_clear_error (&p->error);
}

static void
prepare (gpointer data,
         gpointer user_data)
{
  Prepared *p = data;
  Shared *shared = user_data;
  GPtrArray *docs;
  GPtrArray *observations = NULL;
  GPtrArray *rows = NULL;
  GError *error = NULL;

  g_mutex_lock (&shared->mutex);
  while (shared->active >= ct_store_readers_allowed (shared->n_threads, shared->waiting))
    g_cond_wait (&shared->cond, &shared->mutex);
  shared->active++;
  g_mutex_unlock (&shared->mutex);

  docs = ct_reader_read_file (p->request->path, p->cancellable, &error);
  if (docs != NULL)
    {
      observations = g_ptr_array_new_with_free_func ((GDestroyNotify) g_ptr_array_unref);
      rows = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_store_rows_free);
      for (guint i = 0; i < docs->len; i++)
        {
          CtDocument *doc = g_ptr_array_index (docs, i);

          GPtrArray *found = ct_extractor_run (ct_extractor_get_default (), doc);

          g_ptr_array_add (observations, found);
          g_ptr_array_add (rows, ct_store_rows_new (doc, found, shared->kind));
        }
    }

  g_mutex_lock (&shared->mutex);
  shared->active--;
  shared->waiting++;
  p->docs = docs;
  p->observations = observations;
  p->rows = rows;
  p->error = error;
  p->ready = TRUE;
  g_cond_broadcast (&shared->cond);
  g_mutex_unlock (&shared->mutex);
}

static CtImportResult *
failed (const gchar *path,
        const gchar *source_name,
        GError      *error)
{
  CtImportResult *result = g_new0 (CtImportResult, 1);

  result->path = g_strdup (path);
  result->source_name = source_name != NULL ? g_strdup (source_name) : g_path_get_basename (path);
  result->status = CT_IMPORT_FAILED;
  result->error = error;
  return result;
}

/* Documents are written in batches: each in a savepoint, the batch in one
 * transaction. A commit per report made SQLite flush the full-text index's
 * new terms into a segment of their own and merge segments at every
 * report, a third of an import's time. Each COMMIT still writes a segment
 * and merges: 600 reports in batches of 64 files or 4 MB took the writer
 * 21.4 M instructions a report, 3.4 G of them COMMITs; in batches of 256
 * or 16 MB (the index's hashsize, ct-store.c) 17.0 M, 0.8 G. Other writers
 * wait at most a batch, about two seconds. */
#define BATCH_FILES  256
#define BATCH_BYTES  (16 * 1024 * 1024)
/* Files read ahead of the writer: enough to keep the readers busy while
 * the writer ends a batch of 256 (merging its full-text entries); with 32
 * the readers waited there, and bench-library's import kept its two cores
 * busy for 1.54 of 2 (CPU / wall), with 128 for 1.60. Few enough to bound
 * memory: a report read and extracted holds a few times its text (136 MB
 * at most for bench-library's 2,000 reports, 99 MB with 32 ahead). */
#define READ_AHEAD   128
/* The last batch's full-text entries and COMMIT are written after the
 * readers have finished, with a core idle: a batch ends early when
 * READ_AHEAD files are left, so that only they are written then and the
 * batch before ends while the readers read them (bench-library: the time
 * after the last file was read 0.69-0.72 s with a last batch of 208
 * files, 0.40-0.42 s with 128). Not for a batch of a few files: each
 * COMMIT merges full-text segments. */
#define TAIL_FILES   READ_AHEAD
#define TAIL_MIN     32

gboolean
ct_store_batch_full (guint files,
                     gsize bytes,
                     guint left)
{
  if (files >= BATCH_FILES || bytes >= BATCH_BYTES)
    return TRUE;
  return left == TAIL_FILES && files > TAIL_MIN;
}

static gboolean
batch_begin (CtStore  *self,
             GError  **error)
{
  if (self->in_batch)
    return TRUE;
  if (!ct_store_begin (self, error))
    return FALSE;
  self->in_batch = TRUE;
  return TRUE;
}

/* Commits what the batch holds, its full-text rows written last (outside
 * any savepoint: FTS5 then flushes its new terms once, at the COMMIT); on
 * failure nothing of it is kept. */
static gboolean
batch_end (CtStore  *self,
           GError  **error)
{
  gboolean ok;

  if (!self->in_batch)
    return TRUE;
  self->in_batch = FALSE;
  ok = ct_store_flush_fts (self, error);
  if (ok && ct_store_exec (self, "COMMIT", error))
    return TRUE;
  ct_db_exec (self->db, "ROLLBACK");
  return FALSE;
}

/* $CT_IMPORT_THREADS readers if set (1 reads each file only after the last
 * one is written; tests compare), else one per core up to 8. */
static guint
reader_threads (void)
{
  const gchar *env = g_getenv ("CT_IMPORT_THREADS");
  guint64 n = 0;

  if (env != NULL && g_ascii_string_to_unsigned (env, 10, 1, 64, &n, NULL))
    return (guint) n;
  return CLAMP (g_get_num_processors (), 1, 8);
}

static gboolean
is_cancel (const GError *error)
{
  return g_error_matches (error, CT_ERROR, CT_ERROR_CANCELLED)
         || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED);
}

GPtrArray *
ct_store_import_files (CtStore               *self,
                       GPtrArray             *requests,
                       GCancellable          *cancellable,
                       CtImportProgressFunc   progress,
                       gpointer               progress_data,
                       GError               **error)
{
  g_autoptr(GPtrArray) results = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_import_result_free);
  guint n = requests->len;
  guint n_threads = reader_threads ();
  guint ahead = MAX (2 * n_threads, READ_AHEAD);
  g_autofree Prepared *jobs = g_new0 (Prepared, n);
  GThreadPool *pool;
  Shared shared;
  guint pushed = 0, batch_files = 0;
  gsize batch_bytes = 0;
  gboolean ok = TRUE;

  g_mutex_init (&shared.mutex);
  g_cond_init (&shared.cond);
  shared.kind = ct_db_get_kind (self->db);
  shared.n_threads = n_threads;
  shared.active = 0;
  shared.waiting = 0;
  pool = g_thread_pool_new (prepare, &shared, n_threads, FALSE, NULL);

  for (guint i = 0; i < n; i++)
    {
      jobs[i].request = g_ptr_array_index (requests, i);
      jobs[i].cancellable = cancellable;
    }

  for (guint i = 0; i < n && ok; i++)
    {
      Prepared *p = &jobs[i];
      const CtImportOptions *options = p->request->options;

      /* Keep a bounded number of files read ahead of the writer. */
      for (; pushed < n && pushed < i + ahead; pushed++)
        g_thread_pool_push (pool, &jobs[pushed], NULL);

      if (progress != NULL)
        progress ((gdouble) i / n, p->request->path, progress_data);

      g_mutex_lock (&shared.mutex);
      while (!p->ready)
        g_cond_wait (&shared.cond, &shared.mutex);
      shared.waiting--;
      g_cond_broadcast (&shared.cond);
      g_mutex_unlock (&shared.mutex);

      if (ct_store_check_cancelled (cancellable, error))
        {
          ok = FALSE;
          break;
        }
      if (p->docs == NULL)
        {
          g_ptr_array_add (results, failed (p->request->path, NULL, g_steal_pointer (&p->error)));
          prepared_clear (p);
          continue;
        }

      if (!batch_begin (self, error))
        {
          ok = FALSE;
          break;
        }
      for (guint d = 0; d < p->docs->len && ok; d++)
        {
          CtDocument *doc = g_ptr_array_index (p->docs, d);
          GError *local = NULL;
          CtImportResult *result = ct_store_import_prepared (self, doc,
                                                             g_ptr_array_index (p->observations, d),
                                                             g_ptr_array_index (p->rows, d),
                                                             options, cancellable, &local);

          batch_bytes += doc->text_len;

          if (result != NULL)
            {
              result->path = g_strdup (p->request->path);
              g_ptr_array_add (results, result);
            }
          else if (is_cancel (local) || g_error_matches (local, CT_ERROR, CT_ERROR_DATABASE))
            {
              /* The library itself failed or the user stopped: no point going on. */
              if (is_cancel (local))
                {
                  g_clear_error (&local);
                  g_set_error (&local, CT_ERROR, CT_ERROR_CANCELLED, _("The import was cancelled."));
                }
              g_propagate_error (error, local);
              ok = FALSE;
            }
          else
            g_ptr_array_add (results, failed (p->request->path, doc->source_name, local));
        }
      prepared_clear (p);
      if (ok && ct_store_batch_full (++batch_files, batch_bytes, n - i - 1))
        {
          ok = batch_end (self, error);
          batch_files = 0;
          batch_bytes = 0;
        }
    }
  /* The reports written before a cancel or a failure stay, as they would
   * have each in its own transaction. */
  if (!batch_end (self, ok ? error : NULL))
    ok = FALSE;

  /* Workers still running own nothing of ours but their job slots. */
  g_thread_pool_free (pool, FALSE, TRUE);
  for (guint i = 0; i < n; i++)
    prepared_clear (&jobs[i]);
  g_mutex_clear (&shared.mutex);
  g_cond_clear (&shared.cond);

  if (!ok)
    return NULL;
  if (progress != NULL && n > 0)
    progress (1.0, ((CtImportRequest *) g_ptr_array_index (requests, n - 1))->path, progress_data);
  return g_steal_pointer (&results);
}
