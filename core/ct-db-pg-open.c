/* ct-db-pg-open.c: a connection to PostgreSQL through the engine's module
 *
 * Without the module (or with one of another build) the connection is
 * still an object, in a failed state whose message says what to do, as
 * ct_db_open_postgresql() promises: the store shows it like any server that
 * cannot be reached.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-db-pg.h"
#include "ct-i18n.h"
#include "ct-module.h"

typedef struct
{
  CtDb   parent;
  gchar *errmsg;
} CtDbUnloaded;

static void
unloaded_close (CtDb *db)
{
  g_free (((CtDbUnloaded *) db)->errmsg);
  g_free (db);
}

static const gchar *
unloaded_errmsg (CtDb *db)
{
  return ((CtDbUnloaded *) db)->errmsg;
}

static CtDbFailure
unloaded_failure (CtDb *db)
{
  (void) db;
  return CT_DB_FAILURE_CONNECTION;
}

/* A failed connection only says why and closes. */
static const CtDbEngine unloaded_engine = {
  .close = unloaded_close,
  .errmsg = unloaded_errmsg,
  .failure = unloaded_failure,
};

static const CtDbPgModule *
pg_module (gchar **why)
{
  CtModuleStatus status;
  const gchar *path = NULL;
  const CtDbPgModule *(*entry) (void) = ct_module_symbol (CT_DB_PG_MODULE, CT_DB_PG_SYMBOL, &status, &path);
  const CtDbPgModule *module = entry != NULL ? entry () : NULL;

  if (status == CT_MODULE_MISSING)
    *why = g_strdup_printf (_("a library on a server needs the program’s PostgreSQL module (%s), "
                              "which is not installed beside it; reinstall Chỉ tiêu"), CT_DB_PG_MODULE);
  else if (status == CT_MODULE_BROKEN)
    *why = g_strdup (_("a library on a server needs the library libpq, which is missing or damaged; "
                       "reinstall Chỉ tiêu with it"));
  else if (module == NULL || module->abi != CT_DB_PG_ABI || module->size != sizeof (CtDbPgModule)
           || module->engine_size != sizeof (CtDbEngine))
    *why = g_strdup_printf (_("the PostgreSQL module found beside Chỉ tiêu (%s) belongs to another "
                              "version of the program; reinstall Chỉ tiêu"), path);
  else
    return module;
  return NULL;
}

CtDbResult
ct_db_open_postgresql (const gchar  *conninfo,
                       CtDb        **out)
{
  g_autofree gchar *why = NULL;
  const CtDbPgModule *module = pg_module (&why);
  CtDbUnloaded *db;

  if (module != NULL)
    return module->open (conninfo, out);
  db = g_new0 (CtDbUnloaded, 1);
  db->parent.engine = &unloaded_engine;
  db->parent.kind = CT_DB_POSTGRESQL;
  db->errmsg = g_steal_pointer (&why);
  *out = &db->parent;
  return CT_DB_FAILED;
}
