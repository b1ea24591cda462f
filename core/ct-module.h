/* ct-module.h: the program's loadable modules, found and opened once
 *
 * Libraries only some commands need (poppler and Tesseract for PDFs and
 * scans, libpq for a library on a server) live in modules built beside the
 * programs, so every other command starts without mapping them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

typedef enum
{
  CT_MODULE_FOUND,
  CT_MODULE_MISSING,   /* no file of that name where modules are looked for */
  CT_MODULE_BROKEN,    /* the file is there but does not load (a library missing) */
} CtModuleStatus;

/* The address of @symbol in module @name ("chitieu-pdf"), opened on the
 * first call for that name and kept for the life of the process (its
 * answer too: a missing module is not looked for again). Looked for in
 * $CHITIEU_MODULE_DIR, then beside the running program (the build tree), then
 * in the install's library folder. NULL unless @status is FOUND; @path
 * (optional, owned by the module table) names the file found. */
gpointer ct_module_symbol (const gchar     *name,
                           const gchar     *symbol,
                           CtModuleStatus  *status,
                           const gchar    **path);

G_END_DECLS
