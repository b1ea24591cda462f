/* ct-db-sqlite.c: the SQLite engine behind ct-db.h
 *
 * A thin layer: SQLite's own API has the shape ct-db.h copies.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-db-private.h"
#include "ct-db-sqlite.h"

#include <errno.h>
#include <sqlite3.h>
#include <string.h>

typedef struct
{
  CtDb     parent;
  sqlite3 *handle;
} CtDbSqlite;

typedef struct
{
  CtDbStmt      parent;
  sqlite3_stmt *handle;
} CtDbSqliteStmt;

#define HANDLE(db)   (((CtDbSqlite *) (db))->handle)
#define STMT(stmt)   (((CtDbSqliteStmt *) (stmt))->handle)

static CtDbResult
result_of (int rc)
{
  switch (rc)
    {
    case SQLITE_OK:
      return CT_DB_OK;
    case SQLITE_ROW:
      return CT_DB_ROW;
    case SQLITE_DONE:
      return CT_DB_DONE;
    default:
      return CT_DB_FAILED;
    }
}

static void
sqlite_close (CtDb *db)
{
  sqlite3_close (HANDLE (db));
  g_free (db);
}

static const gchar *
sqlite_errmsg (CtDb *db)
{
  return HANDLE (db) != NULL ? sqlite3_errmsg (HANDLE (db)) : g_strerror (ENOMEM);
}

static CtDbFailure
sqlite_failure (CtDb *db)
{
  if (HANDLE (db) == NULL)
    return CT_DB_FAILURE_OTHER;
  switch (sqlite3_extended_errcode (HANDLE (db)))
    {
    case SQLITE_CONSTRAINT_UNIQUE:
    case SQLITE_CONSTRAINT_PRIMARYKEY:
      return CT_DB_FAILURE_UNIQUE;
    default:
      break;
    }
  switch (sqlite3_errcode (HANDLE (db)) & 0xff) /* the primary code of an extended one */
    {
    case SQLITE_OK:
    case SQLITE_ROW:
    case SQLITE_DONE:
      return CT_DB_FAILURE_NONE;
    case SQLITE_FULL:
      return CT_DB_FAILURE_FULL;
    case SQLITE_READONLY:
      return CT_DB_FAILURE_READONLY;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      return CT_DB_FAILURE_BUSY;
    case SQLITE_IOERR:
      return CT_DB_FAILURE_IO;
    case SQLITE_NOTADB:
      return CT_DB_FAILURE_NOT_DB;
    case SQLITE_CORRUPT:
      return CT_DB_FAILURE_CORRUPT;
    case SQLITE_CANTOPEN:
      return CT_DB_FAILURE_CANT_OPEN;
    case SQLITE_PERM:
      return CT_DB_FAILURE_PERMISSION;
    default:
      return CT_DB_FAILURE_OTHER;
    }
}

static gint64
sqlite_data_version (CtDb *db)
{
  sqlite3_stmt *stmt = NULL;
  gint64 version = -1;

  if (sqlite3_prepare_v2 (HANDLE (db), "PRAGMA data_version", -1, &stmt, NULL) == SQLITE_OK
      && sqlite3_step (stmt) == SQLITE_ROW)
    version = sqlite3_column_int64 (stmt, 0);
  sqlite3_finalize (stmt);
  return version;
}

static CtDbResult
sqlite_exec (CtDb        *db,
             const gchar *sql)
{
  return result_of (sqlite3_exec (HANDLE (db), sql, NULL, NULL, NULL));
}

static gint64
sqlite_changes (CtDb *db)
{
  return sqlite3_changes64 (HANDLE (db));
}

static gint64
sqlite_last_insert_id (CtDb *db)
{
  return sqlite3_last_insert_rowid (HANDLE (db));
}

static CtDbResult
sqlite_prepare (CtDb         *db,
                const gchar  *sql,
                CtDbStmt    **out)
{
  sqlite3_stmt *handle = NULL;
  CtDbSqliteStmt *stmt;

  /* The store keeps its statements for the connection's life. */
  if (sqlite3_prepare_v3 (HANDLE (db), sql, -1, SQLITE_PREPARE_PERSISTENT, &handle, NULL) != SQLITE_OK)
    return CT_DB_FAILED;
  stmt = g_new0 (CtDbSqliteStmt, 1);
  stmt->parent.db = db;
  stmt->handle = handle;
  *out = &stmt->parent;
  return CT_DB_OK;
}

static void
sqlite_finalize (CtDbStmt *stmt)
{
  sqlite3_finalize (STMT (stmt));
  g_free (stmt);
}

static void
sqlite_reset (CtDbStmt *stmt)
{
  sqlite3_reset (STMT (stmt));
}

static void
sqlite_clear_bindings (CtDbStmt *stmt)
{
  sqlite3_clear_bindings (STMT (stmt));
}

static CtDbResult
sqlite_step (CtDbStmt *stmt)
{
  return result_of (sqlite3_step (STMT (stmt)));
}

static void
sqlite_bind_null (CtDbStmt *stmt,
                  gint      index)
{
  sqlite3_bind_null (STMT (stmt), index);
}

static void
sqlite_bind_int64 (CtDbStmt *stmt,
                   gint      index,
                   gint64    value)
{
  sqlite3_bind_int64 (STMT (stmt), index, value);
}

static void
sqlite_bind_double (CtDbStmt *stmt,
                    gint      index,
                    gdouble   value)
{
  sqlite3_bind_double (STMT (stmt), index, value);
}

static void
sqlite_bind_text (CtDbStmt    *stmt,
                  gint         index,
                  const gchar *text,
                  gssize       len)
{
  sqlite3_bind_text64 (STMT (stmt), index, text, len < 0 ? strlen (text) : (gsize) len,
                       SQLITE_TRANSIENT, SQLITE_UTF8);
}

static gboolean
sqlite_column_is_null (CtDbStmt *stmt,
                       gint      column)
{
  return sqlite3_column_type (STMT (stmt), column) == SQLITE_NULL;
}

static gint64
sqlite_column_int64 (CtDbStmt *stmt,
                     gint      column)
{
  return sqlite3_column_int64 (STMT (stmt), column);
}

static gdouble
sqlite_column_double (CtDbStmt *stmt,
                      gint      column)
{
  return sqlite3_column_double (STMT (stmt), column);
}

static const gchar *
sqlite_column_text (CtDbStmt *stmt,
                    gint      column)
{
  return (const gchar *) sqlite3_column_text (STMT (stmt), column);
}

static gint
sqlite_column_bytes (CtDbStmt *stmt,
                     gint      column)
{
  return sqlite3_column_bytes (STMT (stmt), column);
}

static const CtDbEngine sqlite_engine = {
  .close = sqlite_close,
  .errmsg = sqlite_errmsg,
  .failure = sqlite_failure,
  .data_version = sqlite_data_version,
  .exec = sqlite_exec,
  .changes = sqlite_changes,
  .last_insert_id = sqlite_last_insert_id,
  .prepare = sqlite_prepare,
  .finalize = sqlite_finalize,
  .reset = sqlite_reset,
  .clear_bindings = sqlite_clear_bindings,
  .step = sqlite_step,
  .bind_null = sqlite_bind_null,
  .bind_int64 = sqlite_bind_int64,
  .bind_double = sqlite_bind_double,
  .bind_text = sqlite_bind_text,
  .column_is_null = sqlite_column_is_null,
  .column_int64 = sqlite_column_int64,
  .column_double = sqlite_column_double,
  .column_text = sqlite_column_text,
  .column_bytes = sqlite_column_bytes,
};

CtDbResult
ct_db_open_sqlite (const gchar  *path,
                   gint          busy_timeout_ms,
                   CtDb        **out)
{
  CtDbSqlite *db = g_new0 (CtDbSqlite, 1);
  int rc;

  db->parent.engine = &sqlite_engine;
  db->parent.kind = CT_DB_SQLITE;
  *out = &db->parent;
  rc = sqlite3_open_v2 (path, &db->handle,
                        SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX, NULL);
  if (rc != SQLITE_OK)
    return CT_DB_FAILED;
  sqlite3_extended_result_codes (db->handle, 1);
  /* Another connection (the import worker, a second process) may hold the
   * write lock for the length of one report. */
  sqlite3_busy_timeout (db->handle, busy_timeout_ms);
  return CT_DB_OK;
}

sqlite3 *
ct_db_sqlite_handle (CtDb *db)
{
  return db != NULL && db->kind == CT_DB_SQLITE ? HANDLE (db) : NULL;
}

sqlite3_stmt *
ct_db_sqlite_stmt_handle (CtDbStmt *stmt)
{
  return stmt != NULL && stmt->db->kind == CT_DB_SQLITE ? STMT (stmt) : NULL;
}
