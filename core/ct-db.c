/* ct-db.c: dispatch to the engine of a connection
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-db-private.h"

#include <string.h>

gboolean
ct_db_location_is_postgresql (const gchar *location)
{
  if (location == NULL)
    return FALSE;
  if (g_str_has_prefix (location, "postgresql://") || g_str_has_prefix (location, "postgres://"))
    return TRUE;
  /* libpq's "key=value" form: a file name never starts with one of its
   * keywords followed by '='. */
  return g_str_has_prefix (location, "service=") || g_str_has_prefix (location, "host=")
         || g_str_has_prefix (location, "dbname=");
}

gchar *
ct_db_location_without_password (const gchar *location)
{
  g_autoptr(GRegex) userinfo = NULL;
  g_autoptr(GRegex) pair = NULL;
  g_autofree gchar *step = NULL;

  if (!ct_db_location_is_postgresql (location))
    return g_strdup (location);
  userinfo = g_regex_new ("^(postgres(?:ql)?://[^:@/?]*):[^@/?]*@", 0, 0, NULL);
  pair = g_regex_new ("(^|[?&\\s])password=[^&\\s]*&?", 0, 0, NULL);
  step = g_regex_replace (userinfo, location, -1, 0, "\\1@", 0, NULL);
  return g_regex_replace (pair, step, -1, 0, "\\1", 0, NULL);
}

void
ct_db_close (CtDb *db)
{
  if (db != NULL)
    db->engine->close (db);
}

CtDbKind
ct_db_get_kind (CtDb *db)
{
  return db->kind;
}

CtDbFailure
ct_db_get_failure (CtDb *db)
{
  return db->engine->failure (db);
}

const gchar *
ct_db_errmsg (CtDb *db)
{
  return db->engine->errmsg (db);
}

CtDbResult
ct_db_exec (CtDb        *db,
            const gchar *sql)
{
  return db->engine->exec (db, sql);
}

/* The advisory lock's key: the library's application id ("CTie"). */
#define WRITE_LOCK_KEY "1129609573"

CtDbResult
ct_db_begin_write (CtDb *db)
{
  if (db->kind == CT_DB_POSTGRESQL)
    /* The notice goes out at COMMIT only, to every window listening. */
    return ct_db_exec (db, "BEGIN; SELECT pg_advisory_xact_lock (" WRITE_LOCK_KEY ");"
                           " NOTIFY chitieu_changed");
  return ct_db_exec (db, "BEGIN IMMEDIATE");
}

gint64
ct_db_data_version (CtDb *db)
{
  return db->engine->data_version (db);
}

gint64
ct_db_changes (CtDb *db)
{
  return db->engine->changes (db);
}

gint64
ct_db_last_insert_id (CtDb *db)
{
  return db->engine->last_insert_id (db);
}

CtDbResult
ct_db_prepare (CtDb         *db,
               const gchar  *sql,
               CtDbStmt    **out)
{
  *out = NULL;
  return db->engine->prepare (db, sql, out);
}

void
ct_db_finalize (CtDbStmt *stmt)
{
  if (stmt != NULL)
    stmt->db->engine->finalize (stmt);
}

void
ct_db_reset (CtDbStmt *stmt)
{
  stmt->db->engine->reset (stmt);
}

void
ct_db_clear_bindings (CtDbStmt *stmt)
{
  stmt->db->engine->clear_bindings (stmt);
}

CtDbResult
ct_db_step (CtDbStmt *stmt)
{
  return stmt->db->engine->step (stmt);
}

void
ct_db_bind_null (CtDbStmt *stmt,
                 gint      index)
{
  stmt->db->engine->bind_null (stmt, index);
}

void
ct_db_bind_int (CtDbStmt *stmt,
                gint      index,
                gint      value)
{
  stmt->db->engine->bind_int64 (stmt, index, value);
}

void
ct_db_bind_int64 (CtDbStmt *stmt,
                  gint      index,
                  gint64    value)
{
  stmt->db->engine->bind_int64 (stmt, index, value);
}

void
ct_db_bind_double (CtDbStmt *stmt,
                   gint      index,
                   gdouble   value)
{
  stmt->db->engine->bind_double (stmt, index, value);
}

void
ct_db_bind_text (CtDbStmt    *stmt,
                 gint         index,
                 const gchar *text,
                 gssize       len)
{
  if (text == NULL)
    stmt->db->engine->bind_null (stmt, index);
  else
    stmt->db->engine->bind_text (stmt, index, text, len);
}

gboolean
ct_db_column_is_null (CtDbStmt *stmt,
                      gint      column)
{
  return stmt->db->engine->column_is_null (stmt, column);
}

gint
ct_db_column_int (CtDbStmt *stmt,
                  gint      column)
{
  return (gint) stmt->db->engine->column_int64 (stmt, column);
}

gint64
ct_db_column_int64 (CtDbStmt *stmt,
                    gint      column)
{
  return stmt->db->engine->column_int64 (stmt, column);
}

gdouble
ct_db_column_double (CtDbStmt *stmt,
                     gint      column)
{
  return stmt->db->engine->column_double (stmt, column);
}

const gchar *
ct_db_column_text (CtDbStmt *stmt,
                   gint      column)
{
  return stmt->db->engine->column_text (stmt, column);
}

gint
ct_db_column_bytes (CtDbStmt *stmt,
                    gint      column)
{
  return stmt->db->engine->column_bytes (stmt, column);
}
