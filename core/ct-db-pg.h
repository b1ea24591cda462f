/* ct-db-pg.h: the PostgreSQL engine, a module loaded on the first server
 *
 * libpq brings some twenty libraries (TLS, Kerberos, LDAP …) that a library
 * in a file never needs: the engine (ct-db-pg.c) is the module
 * libchitieu-pg.so, built beside the programs, and ct_db_open_postgresql()
 * (ct-db-pg-open.c) opens it through ct-module.h.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gmodule.h>

#include "ct-db-private.h"

G_BEGIN_DECLS

#define CT_DB_PG_MODULE "chitieu-pg"
#define CT_DB_PG_SYMBOL "ct_db_pg_module"
/* Raised whenever the table below, CtDb or CtDbEngine change. */
#define CT_DB_PG_ABI    1

typedef struct
{
  guint        abi;
  gsize        size;         /* sizeof (CtDbPgModule) in the module */
  gsize        engine_size;  /* sizeof (CtDbEngine) in the module */
  CtDbResult (*open) (const gchar  *conninfo,
                      CtDb        **out);
} CtDbPgModule;

/* In the module only: its table. */
G_MODULE_EXPORT const CtDbPgModule *ct_db_pg_module (void);

G_END_DECLS
