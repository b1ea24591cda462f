/* ct-cli.c: dispatch `chitieu SUBCOMMAND …`
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <errno.h>
#include <stdio.h>
#include <unistd.h>

#include "ct-cli.h"
#include "ct-cli-private.h"
#include "ct-cli-commands.h"

static int cli_help (int argc, char **argv);
static int cli_version (int argc, char **argv);

static const CtCliCommand commands[] = {
  CT_CLI_COMMANDS
  { "help", N_("Show this help"), cli_help },
  { "--help", NULL, cli_help },
  { "-h", NULL, cli_help },
  { "--version", NULL, cli_version },
  { "version", N_("Show the program version"), cli_version },
};

static const CtCliCommand *
find_command (const gchar *name)
{
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (g_strcmp0 (commands[i].name, name) == 0)
      return &commands[i];
  return NULL;
}

gboolean
ct_cli_handles (const gchar *first_arg)
{
  return find_command (first_arg) != NULL;
}

static int
cli_version (int    argc,
             char **argv)
{
  (void) argc;
  (void) argv;
  g_print ("chitieu %s\n", PACKAGE_VERSION);
  return CT_CLI_EXIT_OK;
}

static int
cli_help (int    argc,
          char **argv)
{
  (void) argc;
  (void) argv;
  g_print ("%s\n", _("Usage:"));
  g_print ("  chitieu [FILE…]                %s\n", _("Open the window (and import FILEs)"));
  g_print ("  chitieu COMMAND [OPTION…]      %s\n\n", _("Work without a display"));
  g_print ("%s\n", _("Commands:"));
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (commands[i].summary != NULL)
      g_print ("  %-12s %s\n", commands[i].name, _(commands[i].summary));
  g_print ("\n%s\n", _("Run “chitieu COMMAND --help” for the options of a command."));
  return CT_CLI_EXIT_OK;
}

gboolean
ct_cli_parse_options (int                 *argc,
                      char              ***argv,
                      const GOptionEntry  *entries,
                      const gchar         *parameter_string,
                      const gchar         *summary)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (parameter_string);
  g_autoptr(GError) error = NULL;

  g_option_context_set_translation_domain (ctx, GETTEXT_PACKAGE);
  g_option_context_add_main_entries (ctx, entries, GETTEXT_PACKAGE);
  if (summary != NULL)
    g_option_context_set_summary (ctx, summary);

  if (!g_option_context_parse (ctx, argc, argv, &error))
    {
      g_printerr ("chitieu: %s\n", error->message);
      g_printerr (_("Run “%s --help” for the options."), (*argv)[0]);
      g_printerr ("\n");
      return FALSE;
    }
  return TRUE;
}

void
ct_cli_print_error (const GError *error)
{
  g_printerr ("chitieu: %s\n", error->message);
}

#define RENDER_NAME "chitieu-render"

/* Beside this executable (the build tree, a relocated install), else where
 * it was installed. */
static gchar *
find_render (void)
{
  g_autofree gchar *self = g_file_read_link ("/proc/self/exe", NULL);

  if (self != NULL)
    {
      g_autofree gchar *dir = g_path_get_dirname (self);
      gchar *beside = g_build_filename (dir, RENDER_NAME, NULL);

      if (g_file_test (beside, G_FILE_TEST_IS_EXECUTABLE))
        return beside;
      g_free (beside);
    }
  return g_build_filename (CT_LIBEXECDIR, RENDER_NAME, NULL);
}

/* chart and export: the same arguments to chitieu-render. */
static int
run_render (int    argc,
            char **argv)
{
  g_autofree gchar *render = find_render ();

  (void) argc;
  fflush (stdout);
  execv (render, argv);
  /* Only reached when it could not be started. */
  g_printerr (_("chitieu: “%s” needs %s (%s: %s); reinstall Chỉ tiêu.\n"),
              argv[1], RENDER_NAME, render, g_strerror (errno));
  return CT_CLI_EXIT_FAILED;
}

int
ct_cli_run (int    argc,
            char **argv)
{
  const CtCliCommand *cmd = find_command (argv[1]);

  g_return_val_if_fail (cmd != NULL, CT_CLI_EXIT_USAGE);
  if (cmd->run == NULL)
    return run_render (argc, argv);
  return ct_cli_run_command (cmd->run, argc, argv);
}

int
ct_cli_run_command (CtCliCommandFunc   run,
                    int                argc,
                    char             **argv)
{
  g_autofree gchar *prog = g_strdup_printf ("chitieu %s", argv[1]);
  g_autofree char **sub_argv = g_new0 (char *, argc);
  int status;

  /* The command line writes UTF-8 whatever the terminal claims. */
  setvbuf (stdout, NULL, _IOFBF, 1 << 16);

  sub_argv[0] = prog;
  for (int i = 2; i < argc; i++)
    sub_argv[i - 1] = argv[i];

  status = run (argc - 1, sub_argv);
  fflush (stdout);
  return status;
}
