/* ct-print-table.h: print the comparison table (A4 landscape, header row
 * and indicator column on every page, page numbers)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <gtk/gtk.h>

#include "ct-store-compare.h"

G_BEGIN_DECLS

GtkPrintOperation *ct_print_table_operation_new (CtComparison  *comparison);
void               ct_print_table               (GtkWindow     *parent,
                                                 CtComparison  *comparison);
gboolean           ct_print_table_to_pdf        (CtComparison  *comparison,
                                                 const gchar   *path,
                                                 GError       **error);

G_END_DECLS
