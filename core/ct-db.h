/* ct-db.h: one statement-level interface over SQLite and PostgreSQL
 *
 * The store speaks to its database only through this: a connection runs
 * prepared statements with numbered parameters ("?1", "?2" … or "?" counted
 * from the left), steps through rows and reads columns, as SQLite does. The
 * PostgreSQL side (libpq) turns the parameters into "$n" and fetches the
 * whole result when a statement is first stepped.
 *
 * SQL given here must be valid on both engines unless the caller asks
 * ct_db_get_kind() first: quote the column "end", write IS DISTINCT FROM,
 * sum CASE expressions rather than booleans.
 *
 * A connection is used from one thread at a time.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef struct _CtDb     CtDb;
typedef struct _CtDbStmt CtDbStmt;

typedef enum
{
  CT_DB_SQLITE,
  CT_DB_POSTGRESQL,
} CtDbKind;

/* What ct_db_step() and the others return. */
typedef enum
{
  CT_DB_OK,
  CT_DB_ROW,
  CT_DB_DONE,
  CT_DB_FAILED, /* ct_db_get_failure() and ct_db_errmsg() say why */
} CtDbResult;

/* Why the last call failed, in the terms the store explains to users. */
typedef enum
{
  CT_DB_FAILURE_NONE,
  CT_DB_FAILURE_OTHER,
  CT_DB_FAILURE_FULL,       /* disk full */
  CT_DB_FAILURE_READONLY,   /* the file or the role may not write */
  CT_DB_FAILURE_BUSY,       /* another connection holds a lock */
  CT_DB_FAILURE_IO,
  CT_DB_FAILURE_NOT_DB,     /* not a database of this engine */
  CT_DB_FAILURE_CORRUPT,
  CT_DB_FAILURE_CANT_OPEN,
  CT_DB_FAILURE_PERMISSION,
  CT_DB_FAILURE_UNIQUE,     /* a unique constraint refused the row */
  CT_DB_FAILURE_CONNECTION, /* the server could not be reached or went away */
} CtDbFailure;

/* TRUE when location names a PostgreSQL database (a "postgresql://" or
 * "postgres://" URI, or a libpq "key=value" string such as "service=…"). */
gboolean     ct_db_location_is_postgresql (const gchar *location);

/* The location to show and remember: a password written into a URI
 * ("postgresql://user:secret@host/db", "?password=…") or a "password=…"
 * pair is left out. */
gchar       *ct_db_location_without_password (const gchar *location);

/* Opens a SQLite file (created when missing). Always returns a connection
 * object, which may be in a failed state: check the result, then read
 * ct_db_errmsg() / ct_db_get_failure() before ct_db_close(). */
CtDbResult   ct_db_open_sqlite     (const gchar  *path,
                                    gint          busy_timeout_ms,
                                    CtDb        **out);
/* Connects to PostgreSQL with libpq's rules (the URI, PGSERVICE, PGHOST …
 * and ~/.pgpass for the password). Same contract as ct_db_open_sqlite(). */
CtDbResult   ct_db_open_postgresql (const gchar  *conninfo,
                                    CtDb        **out);
void         ct_db_close           (CtDb         *db);

CtDbKind     ct_db_get_kind        (CtDb         *db);
CtDbFailure  ct_db_get_failure     (CtDb         *db);
const gchar *ct_db_errmsg          (CtDb         *db);

/* Runs one or more statements without parameters or rows. */
CtDbResult   ct_db_exec            (CtDb         *db,
                                    const gchar  *sql);
/* Starts a transaction that will write. Writers take turns, as SQLite's
 * BEGIN IMMEDIATE makes them: on PostgreSQL a transaction-scoped advisory
 * lock, so that two imports of one report see each other's row instead of
 * both writing it. End with ct_db_exec (db, "COMMIT") or "ROLLBACK". */
CtDbResult   ct_db_begin_write     (CtDb         *db);
/* A number that changes when another connection commits a write (SQLite's
 * PRAGMA data_version; on PostgreSQL the notices that ct_db_begin_write()
 * sends, received without blocking). Own writes leave it. */
gint64       ct_db_data_version    (CtDb         *db);
/* Rows changed by the last INSERT, UPDATE or DELETE. */
gint64       ct_db_changes         (CtDb         *db);
/* The id the last INSERT gave to a row of a table with a generated id. */
gint64       ct_db_last_insert_id  (CtDb         *db);

CtDbResult   ct_db_prepare         (CtDb         *db,
                                    const gchar  *sql,
                                    CtDbStmt    **out);
void         ct_db_finalize        (CtDbStmt     *stmt);
/* Makes the statement ready to run again; bindings stay. */
void         ct_db_reset           (CtDbStmt     *stmt);
void         ct_db_clear_bindings  (CtDbStmt     *stmt);
CtDbResult   ct_db_step            (CtDbStmt     *stmt);

void         ct_db_bind_null       (CtDbStmt     *stmt,
                                    gint          index);
void         ct_db_bind_int        (CtDbStmt     *stmt,
                                    gint          index,
                                    gint          value);
void         ct_db_bind_int64      (CtDbStmt     *stmt,
                                    gint          index,
                                    gint64        value);
void         ct_db_bind_double     (CtDbStmt     *stmt,
                                    gint          index,
                                    gdouble       value);
/* Copies the text (len -1: up to the NUL). */
void         ct_db_bind_text       (CtDbStmt     *stmt,
                                    gint          index,
                                    const gchar  *text,
                                    gssize        len);

gboolean     ct_db_column_is_null  (CtDbStmt     *stmt,
                                    gint          column);
gint         ct_db_column_int      (CtDbStmt     *stmt,
                                    gint          column);
gint64       ct_db_column_int64    (CtDbStmt     *stmt,
                                    gint          column);
gdouble      ct_db_column_double   (CtDbStmt     *stmt,
                                    gint          column);
/* Valid until the next step, reset or finalize; NULL for NULL. */
const gchar *ct_db_column_text     (CtDbStmt     *stmt,
                                    gint          column);
gint         ct_db_column_bytes    (CtDbStmt     *stmt,
                                    gint          column);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtDbStmt, ct_db_finalize)

G_END_DECLS
