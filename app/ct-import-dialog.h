/* ct-import-dialog.h: import reports, checking what was detected first
 *
 * One row per file with the locality, level, province, year and period the
 * reader detected, editable before anything is stored; what a report does
 * not say (its locality, its year) is asked in its row before importing.
 * Import runs in a worker thread (ct_store_import_async) with a progress
 * bar and Cancel; a file that fails gets its error on its row and does not
 * stop the others, and its row stays open to be corrected and imported
 * again. A summary line says how many files are stored and how many not.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-store.h"

G_BEGIN_DECLS

#define CT_TYPE_IMPORT_DIALOG (ct_import_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CtImportDialog, ct_import_dialog, CT, IMPORT_DIALOG, AdwWindow)

typedef enum
{
  CT_IMPORT_FIELD_LOCALITY,
  CT_IMPORT_FIELD_LEVEL,
  CT_IMPORT_FIELD_PROVINCE,
  CT_IMPORT_FIELD_YEAR,
  CT_IMPORT_FIELD_PERIOD,
} CtImportField;

CtImportDialog *ct_import_dialog_new        (GtkWindow      *parent,
                                             CtStore        *store,
                                             GFile         **files,
                                             guint           n_files);
guint           ct_import_dialog_get_n_files (CtImportDialog *self);
/* TRUE while detecting metadata or importing. */
gboolean        ct_import_dialog_get_busy   (CtImportDialog *self);
/* The field's entry of a file's row (what the user may edit). */
GtkEditable    *ct_import_dialog_get_field  (CtImportDialog *self,
                                             guint           file,
                                             CtImportField   field);
/* The row's outcome as shown ("" before importing). */
const gchar    *ct_import_dialog_get_status (CtImportDialog *self,
                                             guint           file);
/* The line over the rows after an import ("" before): how many files are
 * in the library and how many are not. */
const gchar    *ct_import_dialog_get_summary (CtImportDialog *self);
/* TRUE when the Import button can be pressed (some rows still to import). */
gboolean        ct_import_dialog_can_import (CtImportDialog *self);
/* Starts the import of the rows not yet stored, as the Import button does;
 * a row that lacks its locality or year says so and waits. */
void            ct_import_dialog_start      (CtImportDialog *self);
/* Cancels a running import (documents already stored stay), as Cancel does. */
void            ct_import_dialog_cancel     (CtImportDialog *self);

G_END_DECLS
