/* ct-cli-render.c: the commands chitieu-render runs (chart, export)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-cli-render.h"
#include "ct-cli-commands.h"

static const struct
{
  const gchar     *name;
  CtCliCommandFunc run;
} render_commands[] = {
  { "chart", ct_cli_chart },
  { "export", ct_cli_export },
};

int
ct_cli_render_run (int    argc,
                   char **argv)
{
  for (guint i = 0; argc > 1 && i < G_N_ELEMENTS (render_commands); i++)
    if (g_strcmp0 (argv[1], render_commands[i].name) == 0)
      return ct_cli_run_command (render_commands[i].run, argc, argv);
  /* Started by hand with another command: chitieu knows them all. */
  g_printerr (_("chitieu-render runs “chitieu chart” and “chitieu export”; use those.\n"));
  return CT_CLI_EXIT_USAGE;
}
