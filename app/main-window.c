/* main-window.c: the application, `chitieu` without a command
 *
 * The `chitieu` executable (main.c) runs the command line and executes this
 * one when the window is wanted, so only the window pays for loading GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-application.h"
#include "ct-locale.h"
#include "ct-renderer.h"

int
main (int   argc,
      char *argv[])
{
  g_autoptr(CtApplication) app = NULL;
  int status;

  ct_locale_init ();
  /* Before the application starts its threads and shows a window: the
   * choice is made through the environment (see ct-renderer.h). Without a
   * display the application says so itself when it starts. */
  if (gtk_init_check ())
    ct_renderer_avoid_software_gl (gdk_display_get_default ());
  app = ct_application_new ();
  status = g_application_run (G_APPLICATION (app), argc, argv);
  return status != 0 ? status : ct_application_get_exit_status (app);
}
