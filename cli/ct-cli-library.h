/* ct-cli-library.h: what the library subcommands (import, list, compare,
 * search) share: opening the database named by --db or CHITIEU_DB, and
 * numbers written for people
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include "ct-store.h"

G_BEGIN_DECLS

/* Opens db_path, or ct_store_default_path() when NULL; prints the error and
 * returns NULL when it cannot. */
CtStore *ct_cli_open_library     (const gchar *db_path);
/* "2.703,5" (Vietnamese separators), "" for NAN. */
gchar   *ct_cli_human_number     (gdouble      value);
/* "60,1%", "" for NAN. */
gchar   *ct_cli_human_percent    (gdouble      value);
/* Replaces tabs and newlines so a field stays one TSV cell. */
gchar   *ct_cli_tsv_field        (const gchar *text);

G_END_DECLS
