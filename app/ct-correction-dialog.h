/* ct-correction-dialog.h: correct one extracted figure
 *
 * Value, plan, rate and unit; a link to another catalogue indicator, or
 * "not an indicator". The dialog writes nothing itself: ::apply hands the
 * changed fields to the window, which applies them through its undo stack.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <adwaita.h>

#include "ct-store.h"

G_BEGIN_DECLS

#define CT_TYPE_CORRECTION_DIALOG (ct_correction_dialog_get_type ())

G_DECLARE_FINAL_TYPE (CtCorrectionDialog, ct_correction_dialog, CT, CORRECTION_DIALOG, AdwWindow)

CtCorrectionDialog *ct_correction_dialog_new  (GtkWindow                 *parent,
                                               CtStore                   *store,
                                               const CtStoredObservation *obs);
/* What the fields say now: the CtCorrection list ::apply would send (NULL
 * with error when a number cannot be read), and the fields to clear. */
GPtrArray          *ct_correction_dialog_get_corrections (CtCorrectionDialog *self,
                                                          guint              *clear_fields,
                                                          GError            **error);
/* Field entries for tests and keyboard users: "value", "plan", "rate", "unit". */
GtkEditable        *ct_correction_dialog_get_entry (CtCorrectionDialog *self,
                                                    const gchar        *name);
/* Sets the indicator link (a catalogue code, or NULL for unchanged) and the
 * "not an indicator" switch. */
void                ct_correction_dialog_set_indicator (CtCorrectionDialog *self,
                                                        const gchar        *code);
void                ct_correction_dialog_set_not_indicator (CtCorrectionDialog *self,
                                                            gboolean            not_indicator);
/* Emits ::apply and closes, as the Save button does; FALSE (and the dialog
 * stays) when a field cannot be read. */
gboolean            ct_correction_dialog_save (CtCorrectionDialog *self);

G_END_DECLS
