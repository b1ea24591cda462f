/* main-render.c: `chitieu-render`, what `chitieu chart` and `chitieu export`
 * run, with the libraries that draw and write workbooks
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-cli-render.h"
#include "ct-locale.h"

int
main (int   argc,
      char *argv[])
{
  ct_locale_init ();
  return ct_cli_render_run (argc, argv);
}
