/* ct-cli.h: the command line face of chitieu (no display needed)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean ct_cli_handles (const gchar *first_arg);
int      ct_cli_run     (int          argc,
                         char       **argv);

G_END_DECLS
