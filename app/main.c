/* main.c: one binary, two faces
 *
 * `chitieu` opens the window; `chitieu SUBCOMMAND …` runs the command line,
 * which never touches GTK and so never needs a display.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <locale.h>

#include "ct-application.h"
#include "ct-cli.h"
#include "ct-locale.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CtApplication) app = NULL;
  int status;

  ct_locale_init ();

  if (argc > 1 && ct_cli_handles (argv[1]))
    return ct_cli_run (argc, argv);

  app = ct_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : ct_application_get_exit_status (app);
}
