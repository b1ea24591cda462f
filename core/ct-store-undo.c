/* ct-store-undo.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-store-undo.h"

typedef struct
{
  CtCorrectionField  field;
  CtCorrection      *before; /* NULL: the field was as extracted */
  CtCorrection      *after;  /* NULL: the field goes back to as extracted */
} Change;

typedef struct
{
  gint64  observation_id;
  GArray *changes; /* Change */
} Step;

struct _CtUndoStack
{
  GPtrArray *undo; /* Step *, oldest first */
  GPtrArray *redo; /* Step *, the next redo last */
};

static void
change_clear (gpointer data)
{
  Change *c = data;

  g_clear_pointer (&c->before, ct_correction_free);
  g_clear_pointer (&c->after, ct_correction_free);
}

static void
step_free (gpointer data)
{
  Step *step = data;

  g_array_unref (step->changes);
  g_free (step);
}

CtUndoStack *
ct_undo_stack_new (void)
{
  CtUndoStack *self = g_new0 (CtUndoStack, 1);

  self->undo = g_ptr_array_new_with_free_func (step_free);
  self->redo = g_ptr_array_new_with_free_func (step_free);
  return self;
}

void
ct_undo_stack_free (CtUndoStack *self)
{
  if (self == NULL)
    return;
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  g_free (self);
}

void
ct_undo_stack_clear (CtUndoStack *self)
{
  g_return_if_fail (self != NULL);
  g_ptr_array_set_size (self->undo, 0);
  g_ptr_array_set_size (self->redo, 0);
}

/* Writes one field to the state given: a correction, or none. */
static gboolean
write_state (CtStore            *store,
             gint64              observation_id,
             CtCorrectionField   field,
             const CtCorrection *state,
             GError            **error)
{
  if (state == NULL)
    return ct_store_clear_correction (store, observation_id, field, error);
  return ct_store_set_correction (store, observation_id, state, error);
}

/* Writes before (backwards) or after (forwards) of every change; on error,
 * puts back what was already written. */
static gboolean
replay (CtStore  *store,
        Step     *step,
        gboolean  forwards,
        GError  **error)
{
  for (guint i = 0; i < step->changes->len; i++)
    {
      guint k = forwards ? i : step->changes->len - 1 - i;
      Change *c = &g_array_index (step->changes, Change, k);

      if (!write_state (store, step->observation_id, c->field, forwards ? c->after : c->before, error))
        {
          for (guint j = 0; j < i; j++)
            {
              guint m = forwards ? i - 1 - j : step->changes->len - i + j;
              Change *back = &g_array_index (step->changes, Change, m);

              write_state (store, step->observation_id, back->field,
                           forwards ? back->before : back->after, NULL);
            }
          return FALSE;
        }
    }
  return TRUE;
}

gboolean
ct_undo_stack_apply (CtUndoStack  *self,
                     CtStore      *store,
                     gint64        observation_id,
                     GPtrArray    *corrections,
                     guint         clear_fields,
                     GError      **error)
{
  static const CtCorrectionField all_fields[] = {
    CT_CORRECTION_VALUE, CT_CORRECTION_PLAN, CT_CORRECTION_RATE, CT_CORRECTION_UNIT,
    CT_CORRECTION_INDICATOR, CT_CORRECTION_NOT_INDICATOR,
  };
  Step *step;

  g_return_val_if_fail (self != NULL, FALSE);
  g_return_val_if_fail (store != NULL, FALSE);
  g_return_val_if_fail (corrections != NULL, FALSE);

  step = g_new0 (Step, 1);
  step->observation_id = observation_id;
  step->changes = g_array_new (FALSE, TRUE, sizeof (Change));
  g_array_set_clear_func (step->changes, change_clear);

  for (guint i = 0; i < corrections->len + G_N_ELEMENTS (all_fields); i++)
    {
      const CtCorrection *c = i < corrections->len ? g_ptr_array_index (corrections, i) : NULL;
      Change change = { 0 };
      GError *local = NULL;

      if (c == NULL && (clear_fields & all_fields[i - corrections->len]) == 0)
        continue;
      change.field = c != NULL ? c->field : all_fields[i - corrections->len];
      change.before = ct_store_get_correction (store, observation_id, change.field, &local);
      if (local != NULL)
        {
          g_propagate_error (error, local);
          step_free (step);
          return FALSE;
        }
      change.after = c != NULL ? ct_correction_copy (c) : NULL;
      g_array_append_val (step->changes, change);
    }
  if (step->changes->len == 0)
    {
      step_free (step);
      return TRUE;
    }

  if (!replay (store, step, TRUE, error))
    {
      step_free (step);
      return FALSE;
    }
  g_ptr_array_add (self->undo, step);
  g_ptr_array_set_size (self->redo, 0);
  return TRUE;
}

gboolean
ct_undo_stack_can_undo (CtUndoStack *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->undo->len > 0;
}

gboolean
ct_undo_stack_can_redo (CtUndoStack *self)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return self->redo->len > 0;
}

static gboolean
move_step (GPtrArray  *from,
           GPtrArray  *to,
           CtStore    *store,
           gboolean    forwards,
           gint64     *observation_id,
           GError    **error)
{
  Step *step;

  if (from->len == 0)
    return FALSE;
  step = g_ptr_array_index (from, from->len - 1);
  if (!replay (store, step, forwards, error))
    return FALSE;
  if (observation_id != NULL)
    *observation_id = step->observation_id;
  g_ptr_array_add (to, g_ptr_array_steal_index (from, from->len - 1));
  return TRUE;
}

gboolean
ct_undo_stack_undo (CtUndoStack  *self,
                    CtStore      *store,
                    gint64       *observation_id,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return move_step (self->undo, self->redo, store, FALSE, observation_id, error);
}

gboolean
ct_undo_stack_redo (CtUndoStack  *self,
                    CtStore      *store,
                    gint64       *observation_id,
                    GError      **error)
{
  g_return_val_if_fail (self != NULL, FALSE);
  return move_step (self->redo, self->undo, store, TRUE, observation_id, error);
}
