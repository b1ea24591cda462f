/* ct-db-pg.c: the PostgreSQL engine behind ct-db.h (libpq)
 *
 * Parameters travel as text, typed only where the store bound a number, so
 * the server infers the rest from the columns they meet. A statement is
 * prepared on the server the first time it runs, with the types of that
 * first binding, and its whole result is fetched at the first step: the
 * store reads small results and holds no statement open across another.
 *
 * Built as the module libchitieu-pg.so, not into the core (ct-db-pg.h).
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-db-pg.h"

#include <libpq-fe.h>
#include <stdlib.h>
#include <string.h>

/* The type oids of int8 and float8 (pg_type.h is not a client header). */
#define OID_INT8   20
#define OID_FLOAT8 701

typedef struct
{
  CtDb         parent;
  PGconn      *conn;
  gchar       *errmsg;
  CtDbFailure  failure;
  gint64       changes;
  guint        next_name;
  gint64       others_commits; /* notices from other sessions received */
} CtDbPg;

typedef struct
{
  CtDbStmt   parent;
  gchar     *sql;      /* with $n parameters */
  gchar     *name;     /* the server-side prepared statement, once prepared */
  gint       n_params;
  gchar    **values;   /* n_params, NULL for NULL */
  Oid       *types;
  PGresult  *result;
  gint       row;
} CtDbPgStmt;

#define PG(db)     ((CtDbPg *) (db))
#define STMT(stmt) ((CtDbPgStmt *) (stmt))

static CtDbFailure
failure_of_state (const gchar *state)
{
  if (state == NULL)
    return CT_DB_FAILURE_CONNECTION;
  if (strcmp (state, "23505") == 0)
    return CT_DB_FAILURE_UNIQUE;
  if (strcmp (state, "53100") == 0)
    return CT_DB_FAILURE_FULL;
  if (strcmp (state, "25006") == 0 || strcmp (state, "42501") == 0)
    return CT_DB_FAILURE_READONLY;
  if (strcmp (state, "40001") == 0 || strcmp (state, "40P01") == 0 || strcmp (state, "55P03") == 0)
    return CT_DB_FAILURE_BUSY;
  if (strcmp (state, "58030") == 0)
    return CT_DB_FAILURE_IO;
  if (g_str_has_prefix (state, "08") || g_str_has_prefix (state, "57P"))
    return CT_DB_FAILURE_CONNECTION;
  return CT_DB_FAILURE_OTHER;
}

/* Keeps why a call failed (libpq's message without its newline). */
static void
set_failure (CtDbPg         *db,
             const PGresult *result)
{
  const gchar *message = result != NULL ? PQresultErrorMessage (result) : "";

  if (message == NULL || *message == '\0')
    message = PQerrorMessage (db->conn);
  g_free (db->errmsg);
  db->errmsg = g_strstrip (g_strdup (message));
  db->failure = result != NULL
                ? failure_of_state (PQresultErrorField (result, PG_DIAG_SQLSTATE))
                : CT_DB_FAILURE_CONNECTION;
  if (PQstatus (db->conn) != CONNECTION_OK)
    db->failure = CT_DB_FAILURE_CONNECTION;
}

/* TRUE when the result is a success; else records the failure. */
static gboolean
check_result (CtDbPg   *db,
              PGresult *result)
{
  ExecStatusType status = result != NULL ? PQresultStatus (result) : PGRES_FATAL_ERROR;

  if (status == PGRES_COMMAND_OK || status == PGRES_TUPLES_OK)
    {
      const gchar *n = PQcmdTuples (result);

      db->failure = CT_DB_FAILURE_NONE;
      if (n != NULL && *n != '\0')
        db->changes = g_ascii_strtoll (n, NULL, 10);
      return TRUE;
    }
  set_failure (db, result);
  return FALSE;
}

static void
pg_close (CtDb *db)
{
  PQfinish (PG (db)->conn);
  g_free (PG (db)->errmsg);
  g_free (db);
}

static const gchar *
pg_errmsg (CtDb *db)
{
  return PG (db)->errmsg != NULL ? PG (db)->errmsg : "";
}

static CtDbFailure
pg_failure (CtDb *db)
{
  return PG (db)->failure;
}

static gint64
pg_data_version (CtDb *db)
{
  CtDbPg *self = PG (db);
  PGnotify *notice;

  /* Reads what has arrived on the socket, without waiting. */
  if (!PQconsumeInput (self->conn))
    return self->others_commits;
  while ((notice = PQnotifies (self->conn)) != NULL)
    {
      if (notice->be_pid != PQbackendPID (self->conn))
        self->others_commits++;
      PQfreemem (notice);
    }
  return self->others_commits;
}

static CtDbResult
pg_exec (CtDb        *db,
         const gchar *sql)
{
  PGresult *result = PQexec (PG (db)->conn, sql);
  gboolean ok = check_result (PG (db), result);

  PQclear (result);
  return ok ? CT_DB_OK : CT_DB_FAILED;
}

static gint64
pg_changes (CtDb *db)
{
  return PG (db)->changes;
}

static gint64
pg_last_insert_id (CtDb *db)
{
  /* The session's last sequence value: every table whose ids the store
   * asks for has one (BIGSERIAL). */
  PGresult *result = PQexec (PG (db)->conn, "SELECT lastval ()");
  gint64 id = 0;

  if (PQresultStatus (result) == PGRES_TUPLES_OK && PQntuples (result) == 1)
    id = g_ascii_strtoll (PQgetvalue (result, 0, 0), NULL, 10);
  PQclear (result);
  return id;
}

/* "?1" → "$1", "?" → "$n" counting from the left, outside quotes. */
static gchar *
translate_sql (const gchar *sql,
               gint        *n_params)
{
  GString *out = g_string_sized_new (strlen (sql) + 16);
  gint counted = 0, highest = 0;
  gchar quote = 0;

  for (const gchar *p = sql; *p != '\0'; p++)
    {
      if (quote != 0)
        {
          if (*p == quote)
            quote = 0;
          g_string_append_c (out, *p);
          continue;
        }
      if (*p == '\'' || *p == '"')
        quote = *p;
      if (*p != '?')
        {
          g_string_append_c (out, *p);
          continue;
        }
      if (g_ascii_isdigit (p[1]))
        {
          gchar *end = NULL;
          gint n = (gint) strtol (p + 1, &end, 10);

          highest = MAX (highest, n);
          g_string_append_printf (out, "$%d", n);
          p = end - 1;
        }
      else
        {
          highest = MAX (highest, ++counted);
          g_string_append_printf (out, "$%d", counted);
        }
    }
  *n_params = highest;
  return g_string_free (out, FALSE);
}

static CtDbResult
pg_prepare (CtDb         *db,
            const gchar  *sql,
            CtDbStmt    **out)
{
  CtDbPgStmt *stmt = g_new0 (CtDbPgStmt, 1);

  stmt->parent.db = db;
  stmt->sql = translate_sql (sql, &stmt->n_params);
  stmt->values = g_new0 (gchar *, stmt->n_params + 1);
  stmt->types = g_new0 (Oid, stmt->n_params + 1);
  stmt->row = -1;
  *out = &stmt->parent;
  return CT_DB_OK;
}

static void
pg_reset (CtDbStmt *stmt)
{
  g_clear_pointer (&STMT (stmt)->result, PQclear);
  STMT (stmt)->row = -1;
}

static void
pg_clear_bindings (CtDbStmt *stmt)
{
  for (gint i = 0; i < STMT (stmt)->n_params; i++)
    g_clear_pointer (&STMT (stmt)->values[i], g_free);
}

static void
pg_finalize (CtDbStmt *stmt)
{
  CtDbPgStmt *self = STMT (stmt);

  pg_reset (stmt);
  pg_clear_bindings (stmt);
  if (self->name != NULL && PQstatus (PG (stmt->db)->conn) == CONNECTION_OK)
    {
      g_autofree gchar *sql = g_strdup_printf ("DEALLOCATE %s", self->name);

      PQclear (PQexec (PG (stmt->db)->conn, sql));
    }
  g_free (self->name);
  g_free (self->values);
  g_free (self->types);
  g_free (self->sql);
  g_free (self);
}

static gboolean
ensure_prepared (CtDbPgStmt *self)
{
  CtDbPg *db = PG (self->parent.db);
  g_autofree gchar *name = NULL;
  PGresult *result;
  gboolean ok;

  if (self->name != NULL)
    return TRUE;
  name = g_strdup_printf ("ct_%u", ++db->next_name);
  result = PQprepare (db->conn, name, self->sql, self->n_params, self->types);
  ok = check_result (db, result);
  PQclear (result);
  if (ok)
    self->name = g_steal_pointer (&name);
  return ok;
}

static CtDbResult
pg_step (CtDbStmt *stmt)
{
  CtDbPgStmt *self = STMT (stmt);
  CtDbPg *db = PG (stmt->db);

  if (self->result == NULL)
    {
      if (!ensure_prepared (self))
        return CT_DB_FAILED;
      self->result = PQexecPrepared (db->conn, self->name, self->n_params,
                                     (const gchar * const *) self->values, NULL, NULL, 0);
      if (!check_result (db, self->result))
        {
          g_clear_pointer (&self->result, PQclear);
          return CT_DB_FAILED;
        }
      self->row = -1;
    }
  if (PQresultStatus (self->result) != PGRES_TUPLES_OK)
    return CT_DB_DONE;
  if (self->row + 1 >= PQntuples (self->result))
    return CT_DB_DONE;
  self->row++;
  return CT_DB_ROW;
}

static void
bind_value (CtDbStmt *stmt,
            gint      index,
            gchar    *value,
            Oid       type)
{
  CtDbPgStmt *self = STMT (stmt);

  if (index < 1 || index > self->n_params)
    {
      g_free (value);
      return;
    }
  g_free (self->values[index - 1]);
  self->values[index - 1] = value;
  /* The first non-NULL binding decides the type the server prepares. */
  if (self->name == NULL && value != NULL)
    self->types[index - 1] = type;
}

static void
pg_bind_null (CtDbStmt *stmt,
              gint      index)
{
  bind_value (stmt, index, NULL, 0);
}

static void
pg_bind_int64 (CtDbStmt *stmt,
               gint      index,
               gint64    value)
{
  bind_value (stmt, index, g_strdup_printf ("%" G_GINT64_FORMAT, value), OID_INT8);
}

static void
pg_bind_double (CtDbStmt *stmt,
                gint      index,
                gdouble   value)
{
  gchar buffer[G_ASCII_DTOSTR_BUF_SIZE];

  /* Enough digits to give back the same double. */
  g_ascii_formatd (buffer, sizeof buffer, "%.17g", value);
  bind_value (stmt, index, g_strdup (buffer), OID_FLOAT8);
}

static void
pg_bind_text (CtDbStmt    *stmt,
              gint         index,
              const gchar *text,
              gssize       len)
{
  bind_value (stmt, index, len < 0 ? g_strdup (text) : g_strndup (text, len), 0);
}

static const gchar *
value_at (CtDbStmt *stmt,
          gint      column)
{
  CtDbPgStmt *self = STMT (stmt);

  if (self->result == NULL || self->row < 0 || column >= PQnfields (self->result)
      || PQgetisnull (self->result, self->row, column))
    return NULL;
  return PQgetvalue (self->result, self->row, column);
}

static gboolean
pg_column_is_null (CtDbStmt *stmt,
                   gint      column)
{
  return value_at (stmt, column) == NULL;
}

static gint64
pg_column_int64 (CtDbStmt *stmt,
                 gint      column)
{
  const gchar *value = value_at (stmt, column);

  if (value == NULL)
    return 0;
  /* Booleans ("t", "f") read as SQLite gives them: 1 and 0. */
  if (value[0] == 't' && value[1] == '\0')
    return 1;
  if (strchr (value, '.') != NULL || strchr (value, 'e') != NULL)
    return (gint64) g_ascii_strtod (value, NULL);
  return g_ascii_strtoll (value, NULL, 10);
}

static gdouble
pg_column_double (CtDbStmt *stmt,
                  gint      column)
{
  const gchar *value = value_at (stmt, column);

  if (value == NULL || (value[0] == 'f' && value[1] == '\0'))
    return 0.0;
  if (value[0] == 't' && value[1] == '\0')
    return 1.0;
  return g_ascii_strtod (value, NULL);
}

static const gchar *
pg_column_text (CtDbStmt *stmt,
                gint      column)
{
  return value_at (stmt, column);
}

static gint
pg_column_bytes (CtDbStmt *stmt,
                 gint      column)
{
  CtDbPgStmt *self = STMT (stmt);

  if (value_at (stmt, column) == NULL)
    return 0;
  return PQgetlength (self->result, self->row, column);
}

static const CtDbEngine pg_engine = {
  .close = pg_close,
  .errmsg = pg_errmsg,
  .failure = pg_failure,
  .data_version = pg_data_version,
  .exec = pg_exec,
  .changes = pg_changes,
  .last_insert_id = pg_last_insert_id,
  .prepare = pg_prepare,
  .finalize = pg_finalize,
  .reset = pg_reset,
  .clear_bindings = pg_clear_bindings,
  .step = pg_step,
  .bind_null = pg_bind_null,
  .bind_int64 = pg_bind_int64,
  .bind_double = pg_bind_double,
  .bind_text = pg_bind_text,
  .column_is_null = pg_column_is_null,
  .column_int64 = pg_column_int64,
  .column_double = pg_column_double,
  .column_text = pg_column_text,
  .column_bytes = pg_column_bytes,
};

/* Notices ("relation already exists, skipping") are not for users. */
static void
ignore_notice (void       *data,
               const char *message)
{
  (void) data;
  (void) message;
}

static CtDbResult
pg_open (const gchar  *conninfo,
         CtDb        **out)
{
  CtDbPg *db = g_new0 (CtDbPg, 1);

  db->parent.engine = &pg_engine;
  db->parent.kind = CT_DB_POSTGRESQL;
  *out = &db->parent;
  /* libpq reads the URI, PGSERVICE, PGHOST … and ~/.pgpass itself: the
   * program never sees nor keeps a password. */
  db->conn = PQconnectdb (conninfo);
  if (PQstatus (db->conn) != CONNECTION_OK)
    {
      set_failure (db, NULL);
      return CT_DB_FAILED;
    }
  PQsetNoticeProcessor (db->conn, ignore_notice, NULL);
  /* Other sessions' commits: see ct_db_data_version(). */
  PQclear (PQexec (db->conn, "LISTEN chitieu_changed"));
  /* Text in and out is UTF-8, whatever the server's default. */
  if (PQsetClientEncoding (db->conn, "UTF8") != 0)
    {
      set_failure (db, NULL);
      return CT_DB_FAILED;
    }
  return CT_DB_OK;
}

static const CtDbPgModule pg_module = {
  .abi = CT_DB_PG_ABI,
  .size = sizeof (CtDbPgModule),
  .engine_size = sizeof (CtDbEngine),
  .open = pg_open,
};

const CtDbPgModule *
ct_db_pg_module (void)
{
  return &pg_module;
}
