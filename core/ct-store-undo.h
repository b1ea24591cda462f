/* ct-store-undo.h: undo and redo of corrections
 *
 * One step is one user action: the fields of one observation changed
 * together by the correction dialog. Each change remembers the correction
 * in effect before (or none) and the one after (or none, for "back to the
 * extracted value"), so undo and redo only ever write a known state through
 * ct_store_set_correction() / ct_store_clear_correction().
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-store.h"

G_BEGIN_DECLS

typedef struct _CtUndoStack CtUndoStack;

CtUndoStack *ct_undo_stack_new      (void);
void         ct_undo_stack_free     (CtUndoStack  *self);

/* Applies the corrections (CtCorrection *, one per field) to the
 * observation and sets the fields of clear_fields (CtCorrectionField bits)
 * back to the extracted values, as one step; clears the redo list. On
 * error nothing is pushed and the fields already written are restored. */
gboolean     ct_undo_stack_apply    (CtUndoStack  *self,
                                     CtStore      *store,
                                     gint64        observation_id,
                                     GPtrArray    *corrections,
                                     guint         clear_fields,
                                     GError      **error);
gboolean     ct_undo_stack_can_undo (CtUndoStack  *self);
gboolean     ct_undo_stack_can_redo (CtUndoStack  *self);
/* The observation the last undo or redo touched, through observation_id. */
gboolean     ct_undo_stack_undo     (CtUndoStack  *self,
                                     CtStore      *store,
                                     gint64       *observation_id,
                                     GError      **error);
gboolean     ct_undo_stack_redo     (CtUndoStack  *self,
                                     CtStore      *store,
                                     gint64       *observation_id,
                                     GError      **error);
void         ct_undo_stack_clear    (CtUndoStack  *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CtUndoStack, ct_undo_stack_free)

G_END_DECLS
