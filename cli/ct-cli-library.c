/* ct-cli-library.c: shared by the library subcommands
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ct-cli-library.h"
#include "ct-cli-private.h"
#include "ct-format.h"

CtStore *
ct_cli_open_library (const gchar *db_path)
{
  g_autofree gchar *path = db_path != NULL ? g_strdup (db_path) : ct_store_default_path ();
  g_autoptr(GError) error = NULL;
  CtStore *store = ct_store_open (path, &error);

  if (store == NULL)
    ct_cli_print_error (error);
  return store;
}

gchar *
ct_cli_human_number (gdouble value)
{
  if (isnan (value))
    return g_strdup ("");
  return ct_format_number (value, 3);
}

gchar *
ct_cli_human_percent (gdouble value)
{
  if (isnan (value))
    return g_strdup ("");
  return ct_format_percent (value, 2);
}

gchar *
ct_cli_tsv_field (const gchar *text)
{
  gchar *copy = g_strdup (text != NULL ? text : "");

  return g_strdelimit (copy, "\t\r\n", ' ');
}
