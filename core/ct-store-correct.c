/* ct-store-correct.c: user corrections, kept apart and applied on read
 *
 * A correction names its observation by the report's slot (locality, year,
 * period) and the observation's content anchor, never by row id, so it
 * applies again after the report is re-imported, replaced or re-extracted.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <math.h>

#define SLOT_MATCH \
  " FROM correction c JOIN report r ON r.locality_id = c.locality_id" \
  " AND r.year = c.year AND r.period_folded = c.period_folded" \
  " JOIN observation o ON o.report_id = r.id AND o.anchor = ct_anchor_key (c.anchor)" \
  " AND o.ordinal = c.ordinal"

CtCorrection *
ct_correction_new (CtCorrectionField  field,
                   gdouble            number,
                   const gchar       *text)
{
  CtCorrection *c = g_new0 (CtCorrection, 1);

  c->field = field;
  c->number = number;
  c->text = g_strdup (text);
  return c;
}

CtCorrection *
ct_correction_copy (const CtCorrection *correction)
{
  CtCorrection *c = ct_correction_new (correction->field, correction->number, correction->text);

  c->created_at = g_strdup (correction->created_at);
  c->created_by = g_strdup (correction->created_by);
  return c;
}

void
ct_correction_free (CtCorrection *correction)
{
  if (correction == NULL)
    return;
  g_free (correction->text);
  g_free (correction->created_at);
  g_free (correction->created_by);
  g_free (correction);
}

const gchar *
ct_correction_field_to_string (CtCorrectionField field)
{
  switch (field)
    {
    case CT_CORRECTION_VALUE:
      return "value";
    case CT_CORRECTION_PLAN:
      return "plan";
    case CT_CORRECTION_RATE:
      return "rate";
    case CT_CORRECTION_UNIT:
      return "unit";
    case CT_CORRECTION_INDICATOR:
      return "indicator";
    case CT_CORRECTION_NOT_INDICATOR:
      return "not-indicator";
    default:
      return "unknown";
    }
}

static CtCorrection *
read_correction (CtDbStmt *stmt,
                 int           first)
{
  CtCorrection *c = g_new0 (CtCorrection, 1);

  c->field = ct_db_column_int (stmt, first);
  c->number = ct_store_column_double (stmt, first + 1);
  c->text = ct_store_column_text (stmt, first + 2);
  c->created_at = ct_store_column_text (stmt, first + 3);
  c->created_by = ct_store_column_text (stmt, first + 4);
  return c;
}

GHashTable *
ct_store_load_corrections (CtStore  *self,
                           GError  **error)
{
  g_autoptr(GHashTable) map = g_hash_table_new_full (g_int64_hash, g_int64_equal, g_free,
                                                     (GDestroyNotify) g_ptr_array_unref);
  CtDbStmt *stmt = ct_store_prepare (self,
    "SELECT o.id, c.field, c.number, c.text, c.created_at, c.created_by" SLOT_MATCH, error);
  int rc;

  if (stmt == NULL)
    return NULL;
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    {
      gint64 id = ct_db_column_int64 (stmt, 0);
      GPtrArray *list = g_hash_table_lookup (map, &id);

      if (list == NULL)
        {
          list = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_correction_free);
          g_hash_table_insert (map, g_memdup2 (&id, sizeof id), list);
        }
      g_ptr_array_add (list, read_correction (stmt, 1));
    }
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&map);
}

void
ct_store_apply_corrections (CtStoredObservation *so,
                            GPtrArray           *corrections)
{
  CtObservation *obs = so->obs;
  gboolean numbers = FALSE;

  for (guint i = 0; i < corrections->len; i++)
    {
      const CtCorrection *c = g_ptr_array_index (corrections, i);

      switch (c->field)
        {
        case CT_CORRECTION_VALUE:
          obs->value = c->number;
          obs->value_high = NAN;
          numbers = TRUE;
          break;
        case CT_CORRECTION_PLAN:
          obs->plan = c->number;
          numbers = TRUE;
          break;
        case CT_CORRECTION_RATE:
          obs->rate = c->number;
          numbers = TRUE;
          break;
        case CT_CORRECTION_UNIT:
          g_free (obs->unit);
          obs->unit = g_strdup (c->text);
          obs->flags &= ~CT_FLAG_UNIT_SUSPECT;
          break;
        case CT_CORRECTION_INDICATOR:
          if (!so->not_indicator)
            {
              g_free (so->indicator_code);
              so->indicator_code = g_strdup (c->text);
            }
          break;
        case CT_CORRECTION_NOT_INDICATOR:
          so->not_indicator = TRUE;
          g_clear_pointer (&so->indicator_code, g_free);
          break;
        default:
          continue;
        }
      so->corrected |= c->field;
    }

  if (numbers)
    {
      /* The user's figures replace the audit of the written ones. */
      obs->flags &= ~CT_FLAG_NUMBER_SUSPECT;
      ct_observation_check_numbers (obs);
    }
}

/* Where a correction of this observation is kept. */
typedef struct
{
  gint64  locality_id;
  gint    year;
  gchar  *period_folded;
  gchar  *anchor;
  gint    ordinal;
  gchar  *label;
  gchar  *label_folded;
} Slot;

static void
slot_clear (Slot *slot)
{
  g_free (slot->period_folded);
  g_free (slot->anchor);
  g_free (slot->label);
  g_free (slot->label_folded);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (Slot, slot_clear)

static gboolean
find_slot (CtStore  *self,
           gint64    observation_id,
           Slot     *slot,
           GError  **error)
{
  CtDbStmt *stmt = ct_store_prepare (self,
    "SELECT r.locality_id, r.year, r.period_folded, o.anchor, o.ordinal, o.label"
    " FROM observation o JOIN report r ON r.id = o.report_id WHERE o.id = ?1", error);
  gboolean found = FALSE;

  if (stmt == NULL)
    return FALSE;
  ct_db_bind_int64 (stmt, 1, observation_id);
  if (ct_db_step (stmt) == CT_DB_ROW)
    {
      found = TRUE;
      slot->locality_id = ct_db_column_int64 (stmt, 0);
      slot->year = ct_db_column_int (stmt, 1);
      slot->period_folded = ct_store_column_text (stmt, 2);
      slot->anchor = ct_store_anchor_text (ct_db_column_int64 (stmt, 3));
      slot->ordinal = ct_db_column_int (stmt, 4);
      slot->label = ct_store_column_text (stmt, 5);
      /* Folded as the import folded it for the anchor. */
      slot->label_folded = g_strdup (ct_catalog_fold_label (ct_store_get_catalog (self), slot->label));
    }
  ct_db_reset (stmt);
  if (!found)
    g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                 _("Observation %lld is not in the library; "
                   "its report may have been removed."), (long long) observation_id);
  return found;
}

static void
bind_slot (CtDbStmt *stmt,
           const Slot   *slot)
{
  ct_db_bind_int64 (stmt, 1, slot->locality_id);
  ct_db_bind_int (stmt, 2, slot->year);
  ct_store_bind_text (stmt, 3, slot->period_folded);
  ct_store_bind_text (stmt, 4, slot->anchor);
  ct_db_bind_int (stmt, 5, slot->ordinal);
}

CtCorrection *
ct_store_get_correction (CtStore            *self,
                         gint64              observation_id,
                         CtCorrectionField   field,
                         GError            **error)
{
  g_auto(Slot) slot = { 0 };
  CtDbStmt *stmt;
  CtCorrection *c = NULL;

  if (!find_slot (self, observation_id, &slot, error))
    return NULL;
  stmt = ct_store_prepare (self,
    "SELECT field, number, text, created_at, created_by FROM correction WHERE locality_id = ?1"
    " AND year = ?2 AND period_folded = ?3 AND anchor = ?4 AND ordinal = ?5 AND field = ?6",
    error);
  if (stmt == NULL)
    return NULL;
  bind_slot (stmt, &slot);
  ct_db_bind_int (stmt, 6, field);
  if (ct_db_step (stmt) == CT_DB_ROW)
    c = read_correction (stmt, 0);
  ct_db_reset (stmt);
  return c;
}

GPtrArray *
ct_store_list_corrections (CtStore  *self,
                           gint64    observation_id,
                           GError  **error)
{
  g_auto(Slot) slot = { 0 };
  g_autoptr(GPtrArray) list = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_correction_free);
  CtDbStmt *stmt;
  int rc;

  if (!find_slot (self, observation_id, &slot, error))
    return NULL;
  stmt = ct_store_prepare (self,
    "SELECT field, number, text, created_at, created_by FROM correction WHERE locality_id = ?1"
    " AND year = ?2 AND period_folded = ?3 AND anchor = ?4 AND ordinal = ?5 ORDER BY field",
    error);
  if (stmt == NULL)
    return NULL;
  bind_slot (stmt, &slot);
  while ((rc = ct_db_step (stmt)) == CT_DB_ROW)
    g_ptr_array_add (list, read_correction (stmt, 0));
  ct_db_reset (stmt);
  if (rc != CT_DB_DONE)
    {
      ct_store_set_error (self, error);
      return NULL;
    }
  return g_steal_pointer (&list);
}

static gboolean
delete_field (CtStore            *self,
              const Slot         *slot,
              CtCorrectionField   field,
              GError            **error)
{
  CtDbStmt *stmt = ct_store_prepare (self,
    "DELETE FROM correction WHERE locality_id = ?1 AND year = ?2 AND period_folded = ?3"
    " AND anchor = ?4 AND ordinal = ?5 AND field = ?6", error);

  if (stmt == NULL)
    return FALSE;
  bind_slot (stmt, slot);
  ct_db_bind_int (stmt, 6, field);
  return ct_store_step_done (self, stmt, error);
}

/* Drops the alias of a label no INDICATOR correction uses any more. */
static gboolean
prune_alias (CtStore      *self,
             const gchar  *label_folded,
             GError      **error)
{
  CtDbStmt *stmt = ct_store_prepare (self,
    "DELETE FROM alias WHERE folded = ?1 AND NOT EXISTS (SELECT 1 FROM correction"
    " WHERE field = ?2 AND label_folded = ?1)", error);

  if (stmt == NULL)
    return FALSE;
  ct_store_bind_text (stmt, 1, label_folded);
  ct_db_bind_int (stmt, 2, CT_CORRECTION_INDICATOR);
  if (!ct_store_step_done (self, stmt, error))
    return FALSE;
  if (ct_db_changes (self->db) > 0)
    ct_catalog_remove_alias (ct_store_get_catalog (self), label_folded);
  return TRUE;
}

static gboolean
validate (CtStore             *self,
          const CtCorrection  *c,
          GError             **error)
{
  switch (c->field)
    {
    case CT_CORRECTION_VALUE:
    case CT_CORRECTION_PLAN:
    case CT_CORRECTION_RATE:
      if (isinf (c->number))
        break;
      return TRUE;
    case CT_CORRECTION_UNIT:
      if (c->text == NULL || !ct_catalog_unit_is_known (c->text))
        {
          g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                       _("“%s” is not a unit Chỉ tiêu knows. Write it as reports do: "
                         "“tỷ đồng”, “tấn”, “ha”, “%%”."), c->text != NULL ? c->text : "");
          return FALSE;
        }
      return TRUE;
    case CT_CORRECTION_INDICATOR:
      if (ct_catalog_lookup (ct_store_get_catalog (self), c->text) == NULL)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_NOT_FOUND,
                       _("No indicator has the code “%s”. Choose one from the catalogue."),
                       c->text != NULL ? c->text : "");
          return FALSE;
        }
      return TRUE;
    case CT_CORRECTION_NOT_INDICATOR:
      return TRUE;
    default:
      break;
    }
  g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
               _("This correction cannot be stored: the field or its value is not valid."));
  return FALSE;
}

gboolean
ct_store_set_correction (CtStore             *self,
                         gint64               observation_id,
                         const CtCorrection  *correction,
                         GError             **error)
{
  g_auto(Slot) slot = { 0 };
  g_autofree gchar *now = ct_store_now_iso ();
  const gchar *code = NULL;
  CtDbStmt *stmt;

  g_return_val_if_fail (correction != NULL, FALSE);

  if (!validate (self, correction, error)
      || !find_slot (self, observation_id, &slot, error))
    return FALSE;
  if (correction->field == CT_CORRECTION_INDICATOR)
    code = ct_catalog_lookup (ct_store_get_catalog (self), correction->text)->code;

  if (!ct_store_begin (self, error))
    return FALSE;

  stmt = ct_store_prepare (self,
    "INSERT INTO correction (locality_id, year, period_folded, anchor, ordinal, field,"
    " number, text, created_at, label_folded, created_by)"
    " VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)"
    " ON CONFLICT (locality_id, year, period_folded, anchor, ordinal, field)"
    " DO UPDATE SET number = ?7, text = ?8, created_at = ?9, created_by = ?11", error);
  if (stmt == NULL)
    goto fail;
  bind_slot (stmt, &slot);
  ct_db_bind_int (stmt, 6, correction->field);
  ct_store_bind_double (stmt, 7, correction->number);
  ct_store_bind_text (stmt, 8, code != NULL ? code : correction->text);
  ct_store_bind_text (stmt, 9, correction->created_at != NULL ? correction->created_at : now);
  ct_store_bind_text (stmt, 10, slot.label_folded);
  /* Undo restores a correction with its first author. */
  ct_store_bind_text (stmt, 11, correction->created_by != NULL ? correction->created_by
                                                               : self->author);
  if (!ct_store_step_done (self, stmt, error))
    goto fail;

  if (correction->field == CT_CORRECTION_INDICATOR)
    {
      /* A user's link becomes an alias: the same label maps there from now on. */
      if (!delete_field (self, &slot, CT_CORRECTION_NOT_INDICATOR, error))
        goto fail;
      if (slot.label_folded != NULL && *slot.label_folded != '\0')
        {
          stmt = ct_store_prepare (self,
            "INSERT INTO alias (indicator_id, phrase, folded, source)"
            " VALUES ((SELECT id FROM indicator WHERE code = ?1), ?2, ?3, 'user')"
            " ON CONFLICT (folded) DO UPDATE SET indicator_id ="
            " (SELECT id FROM indicator WHERE code = ?1), phrase = ?2", error);
          if (stmt == NULL)
            goto fail;
          ct_store_bind_text (stmt, 1, code);
          ct_store_bind_text (stmt, 2, slot.label);
          ct_store_bind_text (stmt, 3, slot.label_folded);
          if (!ct_store_step_done (self, stmt, error))
            goto fail;
        }
    }
  else if (correction->field == CT_CORRECTION_NOT_INDICATOR)
    {
      if (!delete_field (self, &slot, CT_CORRECTION_INDICATOR, error)
          || !prune_alias (self, slot.label_folded, error))
        goto fail;
    }

  if (!ct_store_exec (self, "COMMIT", error))
    goto fail;
  if (code != NULL && slot.label_folded != NULL)
    ct_catalog_add_alias (ct_store_get_catalog (self), code, slot.label_folded);
  return TRUE;

fail:
  ct_db_exec (self->db, "ROLLBACK");
  return FALSE;
}

gboolean
ct_store_clear_correction (CtStore            *self,
                           gint64              observation_id,
                           CtCorrectionField   field,
                           GError            **error)
{
  g_auto(Slot) slot = { 0 };

  if (!find_slot (self, observation_id, &slot, error))
    return FALSE;
  if (!ct_store_begin (self, error))
    return FALSE;
  if (!delete_field (self, &slot, field, error)
      || (field == CT_CORRECTION_INDICATOR && !prune_alias (self, slot.label_folded, error))
      || !ct_store_exec (self, "COMMIT", error))
    {
      ct_db_exec (self->db, "ROLLBACK");
      return FALSE;
    }
  return TRUE;
}
