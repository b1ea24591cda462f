/* ct-db-private.h: what each engine behind ct-db.h provides
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-db.h"

G_BEGIN_DECLS

typedef struct
{
  void         (*close)          (CtDb        *db);
  const gchar *(*errmsg)         (CtDb        *db);
  CtDbFailure  (*failure)        (CtDb        *db);
  gint64       (*data_version)   (CtDb        *db);
  CtDbResult   (*exec)           (CtDb        *db,
                                  const gchar *sql);
  gint64       (*changes)        (CtDb        *db);
  gint64       (*last_insert_id) (CtDb        *db);
  CtDbResult   (*prepare)        (CtDb        *db,
                                  const gchar *sql,
                                  CtDbStmt   **out);
  void         (*finalize)       (CtDbStmt    *stmt);
  void         (*reset)          (CtDbStmt    *stmt);
  void         (*clear_bindings) (CtDbStmt    *stmt);
  CtDbResult   (*step)           (CtDbStmt    *stmt);
  void         (*bind_null)      (CtDbStmt    *stmt,
                                  gint         index);
  void         (*bind_int64)     (CtDbStmt    *stmt,
                                  gint         index,
                                  gint64       value);
  void         (*bind_double)    (CtDbStmt    *stmt,
                                  gint         index,
                                  gdouble      value);
  void         (*bind_text)      (CtDbStmt    *stmt,
                                  gint         index,
                                  const gchar *text,
                                  gssize       len);
  gboolean     (*column_is_null) (CtDbStmt    *stmt,
                                  gint         column);
  gint64       (*column_int64)   (CtDbStmt    *stmt,
                                  gint         column);
  gdouble      (*column_double)  (CtDbStmt    *stmt,
                                  gint         column);
  const gchar *(*column_text)    (CtDbStmt    *stmt,
                                  gint         column);
  gint         (*column_bytes)   (CtDbStmt    *stmt,
                                  gint         column);
} CtDbEngine;

/* The head of every engine's connection and statement structs. */
struct _CtDb
{
  const CtDbEngine *engine;
  CtDbKind          kind;
};

struct _CtDbStmt
{
  CtDb *db;
};

G_END_DECLS
