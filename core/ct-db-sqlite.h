/* ct-db-sqlite.h: the SQLite handles behind a ct-db connection
 *
 * For what only SQLite has and the store still uses on SQLite libraries:
 * SQL functions written in C (the packed texts of ct-store-text.c) and
 * BLOB parameters.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <sqlite3.h>

#include "ct-db.h"

G_BEGIN_DECLS

/* NULL when @db is not a SQLite connection. */
sqlite3      *ct_db_sqlite_handle      (CtDb     *db);
/* NULL when @stmt is not a SQLite statement. */
sqlite3_stmt *ct_db_sqlite_stmt_handle (CtDbStmt *stmt);

G_END_DECLS
