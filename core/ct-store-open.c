/* ct-store-open.c: is this file a Chỉ tiêu library, and may we write it?
 *
 * Runs before anything that writes: the journal mode, the schema and the
 * catalogue all change the file, and a file that is not ours (another
 * program's SQLite database, a damaged or newer library, a read-only one)
 * must be refused exactly as it was found, with a message that says which.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <glib/gstdio.h>
#include <unistd.h>

CtDbResult
ct_store_query_int (CtStore     *self,
                    const gchar *sql,
                    gint        *out)
{
  CtDbStmt *stmt = NULL;
  CtDbResult rc = ct_db_prepare (self->db, sql, &stmt);

  if (rc == CT_DB_OK)
    {
      rc = ct_db_step (stmt);
      if (rc == CT_DB_ROW)
        {
          *out = ct_db_column_int (stmt, 0);
          rc = CT_DB_OK;
        }
    }
  ct_db_finalize (stmt);
  return rc;
}

gboolean
ct_store_explain_access (CtStore  *self,
                         GError  **error)
{
  g_autofree gchar *dir = g_path_get_dirname (self->path);

  if (g_access (dir, W_OK) != 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The folder “%s” of the library is read-only; Chỉ tiêu needs to write "
                     "beside the library. Check the folder’s permissions or choose another library."),
                   dir);
      return TRUE;
    }
  if (g_file_test (self->path, G_FILE_TEST_EXISTS) && g_access (self->path, R_OK | W_OK) != 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The library “%s” is read-only or unreadable for you. "
                     "Check the file’s permissions or choose another library."),
                   self->path);
      return TRUE;
    }
  return FALSE;
}

/* Why SQLite could not read the file at all, in the user's words. */
static void
set_unreadable_error (CtStore  *self,
                      GError  **error)
{
  CtDbFailure failure = ct_db_get_failure (self->db);

  if (failure == CT_DB_FAILURE_NOT_DB)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_NOT_LIBRARY,
                   _("“%s” is not a SQLite database, so it is not a Chỉ tiêu library. "
                     "Choose another file, or move this one away to start a new library."),
                   self->path);
      return;
    }
  if (failure == CT_DB_FAILURE_CORRUPT)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
                   _("The library “%s” is damaged (%s). Restore it from a backup, "
                     "or move it away to start a new library."),
                   self->path, ct_db_errmsg (self->db));
      return;
    }
  if ((failure == CT_DB_FAILURE_READONLY || failure == CT_DB_FAILURE_CANT_OPEN
       || failure == CT_DB_FAILURE_PERMISSION)
      && ct_store_explain_access (self, error))
    return;
  g_set_error (error, CT_ERROR, CT_ERROR_DATABASE,
               _("The library database failed: %s. Check that the disk is not full "
                 "and the file is writable."),
               ct_db_errmsg (self->db));
}

/* A file without our application_id is ours only when it is new (no table
 * at all) or when an earlier Chỉ tiêu wrote it before it had the id: then
 * its schema version is one we know and its tables are ours. */
gboolean
ct_store_check_library (CtStore  *self,
                        GError  **error)
{
  gint app_id = 0, version = 0, tables = 0, ours = 0;

  if (ct_store_query_int (self, "SELECT COUNT(*) FROM sqlite_master", &tables) != CT_DB_OK
      || ct_store_query_int (self, "PRAGMA application_id", &app_id) != CT_DB_OK
      || ct_store_query_int (self, "PRAGMA user_version", &version) != CT_DB_OK
      || ct_store_query_int (self, "SELECT COUNT(*) FROM sqlite_master WHERE type = 'table'"
                                " AND name IN ('report', 'observation', 'locality')", &ours) != CT_DB_OK)
    {
      set_unreadable_error (self, error);
      return FALSE;
    }

  if (app_id != CT_STORE_APPLICATION_ID && app_id != 0)
    goto foreign;
  if (app_id == 0 && tables > 0 && (version < 1 || ours < 3))
    goto foreign;
  if (version > CT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_SCHEMA_TOO_NEW,
                   _("The library “%s” was written by a newer version of Chỉ tiêu "
                     "(schema %d, this one knows %d). Update Chỉ tiêu to open it."),
                   self->path, version, CT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  return TRUE;

foreign:
  g_set_error (error, CT_ERROR, CT_ERROR_NOT_LIBRARY,
               _("“%s” is a database of another program, not a Chỉ tiêu library; it was "
                 "left unchanged. Choose another file, or a new file name to start a library."),
               self->path);
  return FALSE;
}
