/* ct-locale.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-locale.h"

#include <glib/gi18n.h>
#include <locale.h>

/* Translations come from the installed locale folder, or, when the program
 * runs from its build tree (make run, make check), from the .mo files built
 * beside it, so `LANGUAGE=vi` works without installing. */
static const gchar *
find_locale_dir (void)
{
  g_autofree gchar *installed = g_build_filename (LOCALEDIR, "vi", "LC_MESSAGES",
                                                  GETTEXT_PACKAGE ".mo", NULL);
  g_autofree gchar *built = g_build_filename (BUILD_LOCALEDIR, "vi", "LC_MESSAGES",
                                              GETTEXT_PACKAGE ".mo", NULL);

  if (g_getenv ("CHITIEU_LOCALEDIR") != NULL)
    return g_getenv ("CHITIEU_LOCALEDIR");
  if (!g_file_test (installed, G_FILE_TEST_EXISTS) && g_file_test (built, G_FILE_TEST_EXISTS))
    return BUILD_LOCALEDIR;
  return LOCALEDIR;
}

void
ct_locale_init (void)
{
  setlocale (LC_ALL, "");
  /* A C locale would make gettext ignore LANGUAGE and mangle Vietnamese
   * output; C.UTF-8 keeps both working on a bare machine. */
  if (g_strcmp0 (setlocale (LC_CTYPE, NULL), "C") == 0)
    setlocale (LC_ALL, "C.UTF-8");
  bindtextdomain (GETTEXT_PACKAGE, find_locale_dir ());
  bind_textdomain_codeset (GETTEXT_PACKAGE, "UTF-8");
  textdomain (GETTEXT_PACKAGE);
}
