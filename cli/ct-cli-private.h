/* ct-cli-private.h: what each subcommand file shares with the dispatcher
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Exit statuses: 0 success, 1 the work failed, 2 the command line was wrong. */
#define CT_CLI_EXIT_OK      0
#define CT_CLI_EXIT_FAILED  1
#define CT_CLI_EXIT_USAGE   2

/* Each subcommand gets argv with argv[0] = "chitieu SUBCOMMAND". */
typedef int (*CtCliCommandFunc) (int argc, char **argv);

typedef struct
{
  const gchar     *name;
  const gchar     *summary;   /* N_() marked, translated when shown */
  CtCliCommandFunc run;
} CtCliCommand;

/* Parses @entries (translated help) and reports usage errors the same way
 * for every subcommand. Returns FALSE after printing the error. */
gboolean ct_cli_parse_options (int           *argc,
                               char        ***argv,
                               const GOptionEntry *entries,
                               const gchar   *parameter_string,
                               const gchar   *summary);
void     ct_cli_print_error   (const GError  *error);
/* Runs @run as command argv[1]: argv[0] becomes "chitieu COMMAND", stdout
 * is buffered and flushed at the end. */
int      ct_cli_run_command   (CtCliCommandFunc  run,
                               int               argc,
                               char            **argv);

G_END_DECLS
