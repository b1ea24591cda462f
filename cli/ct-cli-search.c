/* ct-cli-search.c: `chitieu search [--db PATH] [--limit N] TEXT…`
 *
 * Finds sentences in the stored reports; accents, tones, đ and case do
 * not matter ("duong" finds "Đường").
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-commands.h"
#include "ct-cli-library.h"

int
ct_cli_search (int    argc,
               char **argv)
{
  g_autofree gchar *db = NULL;
  gint limit = 50;
  g_autoptr(CtStore) store = NULL;
  g_autoptr(GPtrArray) hits = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *query = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The library database (default: $CHITIEU_DB, else the user data folder)"), N_("PATH") },
    { "limit", 'n', 0, G_OPTION_ARG_INT, &limit, N_("Show at most N sentences (default 50)"), N_("N") },
    { NULL }
  };

  if (!ct_cli_parse_options (&argc, &argv, entries, _("TEXT…"),
                             _("Find sentences in the stored reports.")))
    return CT_CLI_EXIT_USAGE;
  if (argc < 2)
    {
      g_printerr (_("chitieu: say what to search for, for example “chitieu search lương thực”.\n"));
      return CT_CLI_EXIT_USAGE;
    }
  if (limit < 1)
    {
      g_printerr (_("chitieu: --limit must be at least 1.\n"));
      return CT_CLI_EXIT_USAGE;
    }

  store = ct_cli_open_library (db);
  if (store == NULL)
    return CT_CLI_EXIT_FAILED;
  query = g_strjoinv (" ", argv + 1);
  hits = ct_store_search (store, query, limit, &error);
  if (hits == NULL)
    {
      ct_cli_print_error (error);
      return CT_CLI_EXIT_USAGE;
    }
  for (guint i = 0; i < hits->len; i++)
    {
      const CtSearchHit *h = g_ptr_array_index (hits, i);
      g_autofree gchar *sentence = ct_cli_tsv_field (h->sentence);

      if (h->period != NULL && *h->period != '\0')
        g_print ("%s\t%s %d\t%u\t%s\n", h->locality, h->period, h->year, h->line, sentence);
      else
        g_print ("%s\t%d\t%u\t%s\n", h->locality, h->year, h->line, sentence);
    }
  if (hits->len == 0)
    {
      g_printerr (_("chitieu: no sentence matches “%s”.\n"), query);
      return CT_CLI_EXIT_FAILED;
    }
  return CT_CLI_EXIT_OK;
}
