/* ct-cli-render.h: the commands that draw charts and write workbooks
 *
 * They link Cairo, Pango and libxlsxwriter, so they run in their own
 * executable, chitieu-render, which `chitieu chart` and `chitieu export`
 * execute with the same arguments.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* argv[1] is "chart" or "export"; the rest as `chitieu` was given them. */
int ct_cli_render_run (int    argc,
                       char **argv);

G_END_DECLS
