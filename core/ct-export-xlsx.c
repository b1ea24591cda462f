/* ct-export-xlsx.c: gather the workbook's data, write it safely
 *
 * libxlsxwriter writes to a file name of its own choosing only, so the
 * atomic replace is done here: a temporary file created next to the target
 * (same file system, so rename() is atomic), filled, flushed to disk, then
 * renamed. Any failure removes the temporary file.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <glib/gstdio.h>
#include <stdio.h>
#include <time.h>
#include <unistd.h>

#include "ct-error.h"
#include "ct-export-xlsx.h"
#include "ct-export-xlsx-private.h"
#include "ct-i18n.h"

/* Below this much free space a failed write is reported as a full disk. */
#define LOW_SPACE_BYTES (1024 * 1024)

/* How many localities the subject property names before "…". */
#define SUBJECT_MAX_LOCALITIES 8

CtExportOptions *
ct_export_options_new (void)
{
  return g_new0 (CtExportOptions, 1);
}

void
ct_export_options_free (CtExportOptions *options)
{
  if (options == NULL)
    return;
  g_clear_pointer (&options->comparison, ct_comparison_unref);
  g_clear_pointer (&options->query, ct_compare_query_free);
  g_strfreev (options->chart_indicators);
  g_free (options->title);
  g_free (options);
}

CtExportOptions *
ct_export_options_copy (const CtExportOptions *options)
{
  CtExportOptions *copy = ct_export_options_new ();

  if (options == NULL)
    return copy;
  copy->comparison = options->comparison != NULL ? ct_comparison_ref (options->comparison) : NULL;
  copy->query = options->query != NULL ? ct_compare_query_copy (options->query) : NULL;
  copy->chart_indicators = g_strdupv (options->chart_indicators);
  copy->title = g_strdup (options->title);
  copy->constant_memory = options->constant_memory;
  return copy;
}

static void
set_write_error (GError      **error,
                 const gchar  *path,
                 int           errsv)
{
  g_autofree gchar *display = g_filename_display_name (path);

  switch (errsv)
    {
    case ENOSPC:
    case EDQUOT:
    case EFBIG:
      g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
                   _("The disk is full: “%s” could not be written. "
                     "Free some space or choose another folder."), display);
      break;
    case EACCES:
    case EPERM:
    case EROFS:
      g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
                   _("You may not write to the folder of “%s”. Choose another folder."),
                   display);
      break;
    case ENOENT:
    case ENOTDIR:
      {
        g_autofree gchar *dir = g_path_get_dirname (path);

        /* /proc and the like exist but take no new files. */
        if (g_file_test (dir, G_FILE_TEST_IS_DIR))
          g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
                       _("No file can be created in the folder of “%s” (%s). Choose another folder."),
                       display, g_strerror (errsv));
        else
          g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
                       _("The folder of “%s” does not exist. Choose an existing folder."),
                       display);
      }
      break;
    case EISDIR:
      g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
                   _("“%s” is a folder. Choose a file name ending in .xlsx."), display);
      break;
    default:
      g_set_error (error, CT_ERROR, CT_ERROR_WRITE,
                   _("“%s” could not be written (%s). Check the folder and try again."),
                   display, g_strerror (errsv));
      break;
    }
}

/* libxlsxwriter reports a failed close without errno in every path; a
 * nearly full file system is the usual cause, so look before guessing. */
static int
close_failure_errno (const gchar *dir,
                     int          errsv)
{
  g_autoptr(GFile) file = g_file_new_for_path (dir);
  g_autoptr(GFileInfo) info = NULL;

  if (errsv == ENOSPC || errsv == EDQUOT || errsv == EFBIG)
    return errsv;
  info = g_file_query_filesystem_info (file, G_FILE_ATTRIBUTE_FILESYSTEM_FREE, NULL, NULL);
  if (info != NULL
      && g_file_info_has_attribute (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE)
      && g_file_info_get_attribute_uint64 (info, G_FILE_ATTRIBUTE_FILESYSTEM_FREE) < LOW_SPACE_BYTES)
    return ENOSPC;
  return errsv != 0 ? errsv : EIO;
}

/* libxlsxwriter prints "[ERROR]" lines of its own on stderr, in English,
 * beside the translated error the caller shows; they are kept off the
 * terminal while it closes the workbook, where all of them arise. Returns
 * its result with errno as workbook_close() left it. */
static lxw_error
close_quietly (lxw_workbook *workbook,
               int          *out_errno)
{
  static GMutex lock;
  int saved, devnull;
  lxw_error rc;

  g_mutex_lock (&lock);
  fflush (stderr);
  saved = dup (STDERR_FILENO);
  devnull = open ("/dev/null", O_WRONLY | O_CLOEXEC);
  if (saved >= 0 && devnull >= 0)
    dup2 (devnull, STDERR_FILENO);
  errno = 0;
  rc = workbook_close (workbook);
  *out_errno = errno;
  fflush (stderr);
  if (saved >= 0)
    {
      dup2 (saved, STDERR_FILENO);
      close (saved);
    }
  if (devnull >= 0)
    close (devnull);
  g_mutex_unlock (&lock);
  return rc;
}

/* Creates the empty temporary file next to path; its mode follows the
 * umask like any new file. */
static gchar *
create_temporary (const gchar  *path,
                  GError      **error)
{
  g_autofree gchar *dir = g_path_get_dirname (path);
  g_autofree gchar *base = g_path_get_basename (path);
  g_autofree gchar *name = g_strdup_printf (".%s.XXXXXX", base);
  g_autofree gchar *tmp = g_build_filename (dir, name, NULL);
  int fd;

  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      set_write_error (error, path, EISDIR);
      return NULL;
    }
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0666);
  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return NULL;
    }
  close (fd);
  return g_steal_pointer (&tmp);
}

/* Data reaches the disk before the rename makes it the target: a crash then
 * leaves the old file, never an empty one under the new name. */
static gboolean
sync_file (const gchar  *tmp,
           const gchar  *path,
           GError      **error)
{
  int fd = g_open (tmp, O_RDONLY | O_CLOEXEC, 0);
  int errsv;

  if (fd < 0)
    {
      set_write_error (error, path, errno);
      return FALSE;
    }
  if (fsync (fd) != 0)
    {
      errsv = errno;
      close (fd);
      set_write_error (error, path, errsv);
      return FALSE;
    }
  close (fd);
  return TRUE;
}

static CtComparison *
get_comparison (CtStore                *store,
                const CtExportOptions  *options,
                GError                **error)
{
  g_autoptr(CtCompareQuery) all = NULL;

  if (options != NULL && options->comparison != NULL)
    return ct_comparison_ref (options->comparison);
  if (options != NULL && options->query != NULL)
    return ct_store_compare (store, options->query, error);
  all = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  return ct_store_compare (store, all, error);
}

/* With an indicator query the observations sheet keeps to its rows. */
static GHashTable *
indicator_codes (CtComparison *comparison)
{
  const CtCompareQuery *query = ct_comparison_get_query (comparison);
  GHashTable *codes;

  if (query == NULL || query->indicator == NULL)
    return NULL;
  codes = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint r = 0; r < ct_comparison_get_n_rows (comparison); r++)
    {
      const CtCompareRow *row = ct_comparison_get_row (comparison, r);

      if (row->code != NULL)
        g_hash_table_add (codes, row->code);
    }
  return codes;
}

static gboolean
row_has_rate (CtComparison *comparison,
              guint         r)
{
  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    if (isfinite (ct_compare_cell_get_rate (ct_comparison_get_cell (comparison, r, c))))
      return TRUE;
  return FALSE;
}

static gboolean
row_is_chosen (const CtCompareRow *row,
               gchar             **chosen)
{
  for (guint i = 0; chosen[i] != NULL; i++)
    if ((row->code != NULL && g_ascii_strcasecmp (row->code, chosen[i]) == 0)
        || g_strcmp0 (row->name, chosen[i]) == 0)
      return TRUE;
  return FALSE;
}

/* Row indices (ascending) the chart shows. */
static GArray *
chart_rows (CtComparison           *comparison,
            const CtExportOptions  *options)
{
  const CtCompareQuery *query = ct_comparison_get_query (comparison);
  GArray *rows = g_array_new (FALSE, FALSE, sizeof (guint));
  gboolean by_query = query != NULL && query->indicator != NULL;

  for (guint r = 0; r < ct_comparison_get_n_rows (comparison); r++)
    {
      if (options != NULL && options->chart_indicators != NULL)
        {
          if (!row_is_chosen (ct_comparison_get_row (comparison, r), options->chart_indicators))
            continue;
        }
      else if (!by_query)
        {
          if (rows->len >= CT_EXPORT_XLSX_MAX_CHART_ROWS || !row_has_rate (comparison, r))
            continue;
        }
      g_array_append_val (rows, r);
    }
  return rows;
}

/* The compared reports in column order, from one listing of the library
 * rather than a query per column (a comparison may have 700). */
static GPtrArray *
list_reports (CtStore       *store,
              CtComparison  *comparison,
              guint         *n_observations,
              GError       **error)
{
  g_autoptr(GPtrArray) all = ct_store_list_reports (store, error);
  g_autoptr(GHashTable) by_id = NULL;
  GPtrArray *reports;

  if (all == NULL)
    return NULL;
  /* The infos move from the listing to the hash table, then to the result;
   * those of reports not compared are freed with the table. */
  g_ptr_array_set_free_func (all, NULL);
  by_id = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                 (GDestroyNotify) ct_report_info_free);
  for (guint i = 0; i < all->len; i++)
    {
      CtReportInfo *info = g_ptr_array_index (all, i);

      /* A key of its own: &info->id is info itself, which the table
       * would take for a set. */
      g_hash_table_insert (by_id, g_memdup2 (&info->id, sizeof info->id), info);
    }

  reports = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_report_info_free);
  *n_observations = 0;
  for (guint c = 0; c < ct_comparison_get_n_columns (comparison); c++)
    {
      const CtCompareColumn *column = ct_comparison_get_column (comparison, c);
      gpointer key, info;

      if (!g_hash_table_steal_extended (by_id, &column->report_id, &key, &info))
        continue;
      g_free (key);
      *n_observations += ((CtReportInfo *) info)->n_observations;
      g_ptr_array_add (reports, info);
    }
  return reports;
}

static gchar *
make_subject (GPtrArray *reports)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GHashTable) seen = g_hash_table_new (g_str_hash, g_str_equal);
  g_autofree gchar *joined = NULL;
  gint first_year = G_MAXINT, last_year = 0;

  for (guint i = 0; i < reports->len; i++)
    {
      const CtReportInfo *info = g_ptr_array_index (reports, i);

      first_year = MIN (first_year, info->year);
      last_year = MAX (last_year, info->year);
      if (g_hash_table_add (seen, info->locality) && names->len < SUBJECT_MAX_LOCALITIES)
        g_ptr_array_add (names, info->locality);
    }
  if (g_hash_table_size (seen) > names->len)
    g_ptr_array_add (names, (gpointer) "…");
  g_ptr_array_add (names, NULL);
  joined = g_strjoinv (", ", (gchar **) names->pdata);

  if (reports->len == 0)
    return g_strdup (_("Socio-economic indicators"));
  if (first_year == last_year)
    return g_strdup_printf (_("Socio-economic indicators: %s, %d"), joined, first_year);
  return g_strdup_printf (_("Socio-economic indicators: %s, %d–%d"),
                          joined, first_year, last_year);
}

static void
set_properties (lxw_workbook *workbook,
                const gchar  *title,
                const gchar  *subject)
{
  g_autofree gchar *comments = g_strdup_printf (_("Written by Chỉ tiêu %s"), PACKAGE_VERSION);
  lxw_doc_properties properties = { 0 };

  properties.title = (char *) title;
  properties.subject = (char *) subject;
  properties.author = (char *) "Chỉ tiêu";
  properties.comments = comments;
  properties.created = time (NULL);
  workbook_set_properties (workbook, &properties);
}

static gboolean
write_workbook (lxw_workbook           *workbook,
                CtStore                *store,
                const CtExportOptions  *options,
                CtComparison           *comparison,
                GPtrArray              *reports,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(GArray) rows = chart_rows (comparison, options);
  g_autoptr(GHashTable) codes = indicator_codes (comparison);
  g_autofree gchar *subject = make_subject (reports);
  g_autofree gchar *title = NULL;
  CtXlsxFormats formats;

  if (options != NULL && options->title != NULL)
    title = g_strdup (options->title);
  else
    title = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE,
                                          "Chỉ tiêu: comparison of %u report",
                                          "Chỉ tiêu: comparison of %u reports",
                                          ct_comparison_get_n_columns (comparison)),
                             ct_comparison_get_n_columns (comparison));

  set_properties (workbook, title, subject);
  ct_xlsx_formats_init (&formats, workbook);

  /* Sheet names follow the UI language; Excel forbids []:*?/\ in them,
   * which none of the translations use. */
  ct_xlsx_write_comparison (workbook, &formats, _("Comparison"), title, comparison, rows);
  if (!ct_xlsx_write_observations (workbook, &formats, _("Observations"), store,
                                   comparison, codes, cancellable, error))
    {
      ct_xlsx_formats_clear (&formats);
      return FALSE;
    }
  ct_xlsx_write_reports (workbook, &formats, _("Reports"), reports);
  ct_xlsx_formats_clear (&formats);
  return !ct_xlsx_set_error_if_cancelled (cancellable, error);
}

gboolean
ct_export_xlsx (CtStore                *store,
                const CtExportOptions  *options,
                const gchar            *path,
                GCancellable           *cancellable,
                GError                **error)
{
  g_autoptr(CtComparison) comparison = NULL;
  g_autoptr(GPtrArray) reports = NULL;
  g_autofree gchar *tmp = NULL;
  g_autofree gchar *dir = NULL;
  g_autoptr(GError) local_error = NULL;
  lxw_workbook_options workbook_options = { 0 };
  lxw_workbook *workbook;
  guint n_observations;
  lxw_error rc;
  int errsv;

  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (path == NULL || *path == '\0')
    {
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("No file name was given for the workbook. Choose where to save it."));
      return FALSE;
    }
  /* An Excel file named .csv or .pdf opens as garbage in what the name
   * promises: the name must say what is written. */
  if (!g_str_has_suffix (path, ".xlsx") && !g_str_has_suffix (path, ".XLSX"))
    {
      g_autofree gchar *base = g_path_get_basename (path);

      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("“%s” would be an Excel workbook under another name; nothing was written. "
                     "End the file name with .xlsx."), base);
      return FALSE;
    }

  comparison = get_comparison (store, options, error);
  if (comparison == NULL)
    return FALSE;
  if (ct_comparison_get_n_columns (comparison) == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                   _("No report matches; no workbook was written. "
                     "Import reports or choose other filters."));
      return FALSE;
    }
  reports = list_reports (store, comparison, &n_observations, error);
  if (reports == NULL)
    return FALSE;
  if (ct_xlsx_set_error_if_cancelled (cancellable, error))
    return FALSE;

  tmp = create_temporary (path, error);
  if (tmp == NULL)
    return FALSE;
  dir = g_path_get_dirname (path);

  workbook_options.constant_memory = (options != NULL && options->constant_memory)
                                     || n_observations > CT_EXPORT_XLSX_CONSTANT_MEMORY_THRESHOLD;
  workbook = workbook_new_opt (tmp, &workbook_options);
  if (workbook == NULL)
    {
      errsv = errno;
      g_unlink (tmp);
      set_write_error (error, path, close_failure_errno (dir, errsv));
      return FALSE;
    }

  /* The workbook is closed even after a failure: closing is what frees it. */
  write_workbook (workbook, store, options, comparison, reports, cancellable, &local_error);
  rc = close_quietly (workbook, &errsv);

  if (local_error != NULL)
    {
      g_unlink (tmp);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  if (rc != LXW_NO_ERROR)
    {
      g_unlink (tmp);
      set_write_error (error, path, close_failure_errno (dir, errsv));
      return FALSE;
    }
  if (!sync_file (tmp, path, error))
    {
      g_unlink (tmp);
      return FALSE;
    }
  if (g_rename (tmp, path) != 0)
    {
      errsv = errno;
      g_unlink (tmp);
      set_write_error (error, path, errsv);
      return FALSE;
    }
  return TRUE;
}

typedef struct
{
  gchar           *db_path;
  CtExportOptions *options;
  gchar           *path;
} ExportJob;

static void
export_job_free (gpointer data)
{
  ExportJob *job = data;

  g_free (job->db_path);
  ct_export_options_free (job->options);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask        *task,
               gpointer      source_object,
               gpointer      task_data,
               GCancellable *cancellable)
{
  ExportJob *job = task_data;
  g_autoptr(CtStore) store = NULL;
  GError *error = NULL;

  (void) source_object;
  store = ct_store_open (job->db_path, &error);
  if (store == NULL || !ct_export_xlsx (store, job->options, job->path, cancellable, &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

void
ct_export_xlsx_async (CtStore               *store,
                      const CtExportOptions *options,
                      const gchar           *path,
                      GCancellable          *cancellable,
                      GAsyncReadyCallback    callback,
                      gpointer               user_data)
{
  g_autoptr(GTask) task = NULL;
  ExportJob *job;

  g_return_if_fail (store != NULL);

  task = g_task_new (NULL, cancellable, callback, user_data);
  g_task_set_source_tag (task, ct_export_xlsx_async);
  /* The thread reports a cancellation itself, as CT_ERROR_CANCELLED. */
  g_task_set_check_cancellable (task, FALSE);
  job = g_new0 (ExportJob, 1);
  job->db_path = g_strdup (ct_store_get_path (store));
  job->options = ct_export_options_copy (options);
  job->path = g_strdup (path);
  g_task_set_task_data (task, job, export_job_free);
  g_task_run_in_thread (task, export_thread);
}

gboolean
ct_export_xlsx_finish (CtStore       *store,
                       GAsyncResult  *result,
                       GError       **error)
{
  (void) store;
  g_return_val_if_fail (g_task_is_valid (result, NULL), FALSE);
  return g_task_propagate_boolean (G_TASK (result), error);
}
