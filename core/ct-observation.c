/* ct-observation.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-observation.h"
#include "ct-data.h"

#include <math.h>

#include <string.h>

static const gchar * const flag_names[CT_N_FLAGS] = {
  "rate_mismatch",
  "unit_suspect",
  "plan_below_value",
  "status_contradicts",
  "number_suspect",
  "ocr",
  "ocr_doubtful",
};

CtObservation *
ct_observation_new (void)
{
  CtObservation *obs = g_new0 (CtObservation, 1);

  obs->value = NAN;
  obs->value_high = NAN;
  obs->plan = NAN;
  obs->rate = NAN;
  obs->rate_computed = NAN;
  obs->yoy = NAN;
  return obs;
}

CtObservation *
ct_observation_copy (const CtObservation *obs)
{
  CtObservation *copy = g_memdup2 (obs, sizeof *obs);

  copy->label = g_strdup (obs->label);
  copy->section = g_strdup (obs->section);
  copy->qualifier = g_strdup (obs->qualifier);
  copy->unit = g_strdup (obs->unit);
  copy->status = g_strdup (obs->status);
  return copy;
}

void
ct_observation_free (CtObservation *obs)
{
  if (obs == NULL)
    return;

  g_free (obs->label);
  g_free (obs->section);
  g_free (obs->qualifier);
  g_free (obs->unit);
  g_free (obs->status);
  g_free (obs);
}

const gchar *
ct_basis_to_string (CtBasis basis)
{
  switch (basis)
    {
    case CT_BASIS_PLAN:
      return "plan";
    case CT_BASIS_BUDGET:
      return "budget";
    case CT_BASIS_TOTAL:
      return "total";
    case CT_BASIS_NONE:
    default:
      return NULL;
    }
}

CtBasis
ct_basis_from_string (const gchar *str)
{
  if (g_strcmp0 (str, "plan") == 0)
    return CT_BASIS_PLAN;
  if (g_strcmp0 (str, "budget") == 0)
    return CT_BASIS_BUDGET;
  if (g_strcmp0 (str, "total") == 0)
    return CT_BASIS_TOTAL;
  return CT_BASIS_NONE;
}

const gchar *
ct_kind_to_string (CtObservationKind kind)
{
  return kind == CT_KIND_TARGET ? "target" : "achievement";
}

const gchar *
ct_flag_to_string (CtFlags flag)
{
  for (guint i = 0; i < CT_N_FLAGS; i++)
    if (flag == (1u << i))
      return flag_names[i];
  return NULL;
}

CtFlags
ct_flag_from_string (const gchar *str)
{
  for (guint i = 0; i < CT_N_FLAGS; i++)
    if (g_strcmp0 (str, flag_names[i]) == 0)
      return 1u << i;
  return 0;
}

gchar **
ct_flags_to_strv (guint flags)
{
  GStrvBuilder *b = g_strv_builder_new ();
  gchar **strv;

  for (guint i = 0; i < CT_N_FLAGS; i++)
    if (flags & (1u << i))
      g_strv_builder_add (b, flag_names[i]);
  strv = g_strv_builder_end (b);
  g_strv_builder_unref (b);
  return strv;
}

guint
ct_flags_from_string (const gchar *comma_separated)
{
  g_auto(GStrv) parts = NULL;
  guint flags = 0;

  if (comma_separated == NULL)
    return 0;
  parts = g_strsplit (comma_separated, ",", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    flags |= ct_flag_from_string (g_strstrip (parts[i]));
  return flags;
}

void
ct_observation_check_numbers (CtObservation *obs)
{
  obs->rate_computed = !isnan (obs->value) && !isnan (obs->plan) && obs->plan > 0
                       ? obs->value / obs->plan * 100.0 : NAN;
  obs->flags &= ~(CT_FLAG_RATE_MISMATCH | CT_FLAG_PLAN_BELOW_VALUE);
  if (!isnan (obs->rate) && !isnan (obs->rate_computed) &&
      fabs (obs->rate - obs->rate_computed) > 1.0)
    obs->flags |= CT_FLAG_RATE_MISMATCH;
  if (!isnan (obs->rate) && !isnan (obs->value) && !isnan (obs->plan) &&
      obs->value > obs->plan && obs->rate < 100.0)
    obs->flags |= CT_FLAG_PLAN_BELOW_VALUE;
}

/* The meanings of status-words.tsv's second column, in CtStatusMeaning
 * order after NONE. */
static const gchar * const status_meaning_names[] = {
  "met", "exceeded", "not_met", "in_progress", NULL,
};

typedef struct
{
  GPtrArray  *words;     /* gchar *, NULL-terminated */
  GHashTable *meanings;  /* word → CtStatusMeaning */
} StatusTable;

static StatusTable *
load_status_table (GError **error)
{
  g_autoptr(CtDataTable) table = ct_data_table_load ("status-words.tsv", 2, 2, error);
  StatusTable *st;

  if (table == NULL)
    return NULL;
  st = g_new0 (StatusTable, 1);
  st->words = g_ptr_array_new_with_free_func (g_free);
  st->meanings = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 0; i < table->rows->len; i++)
    {
      const CtDataRow *row = g_ptr_array_index (table->rows, i);
      guint meaning;
      gchar *word;

      if (!ct_data_row_choice (table, row, 1, status_meaning_names, &meaning, error))
        {
          g_ptr_array_unref (st->words);
          g_hash_table_unref (st->meanings);
          g_free (st);
          return NULL;
        }
      word = g_strdup (row->cols[0]);
      g_ptr_array_add (st->words, word);
      g_hash_table_insert (st->meanings, word, GUINT_TO_POINTER (meaning + CT_STATUS_MET));
    }
  g_ptr_array_add (st->words, NULL);
  return st;
}

static const StatusTable *
status_table (void)
{
  static StatusTable *table;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GError) error = NULL;

      /* Compiled in and checked by the test suite (ct_status_check_table). */
      table = load_status_table (&error);
      if (table == NULL)
        g_critical ("%s", error->message);
      g_once_init_leave (&once, 1);
    }
  return table;
}

CtStatusMeaning
ct_status_meaning (const gchar *status)
{
  const StatusTable *table = status_table ();

  if (status == NULL || table == NULL)
    return CT_STATUS_NONE;
  return GPOINTER_TO_UINT (g_hash_table_lookup (table->meanings, status));
}

const gchar * const *
ct_status_words (void)
{
  static const gchar * const none[] = { NULL };
  const StatusTable *table = status_table ();

  return table != NULL ? (const gchar * const *) table->words->pdata : none;
}

gboolean
ct_status_check_table (GError **error)
{
  g_autoptr(CtDataTable) table = ct_data_table_load ("status-words.tsv", 2, 2, error);

  if (table == NULL)
    return FALSE;
  for (guint i = 0; i < table->rows->len; i++)
    {
      guint meaning;

      if (!ct_data_row_choice (table, g_ptr_array_index (table->rows, i), 1,
                               status_meaning_names, &meaning, error))
        return FALSE;
    }
  return TRUE;
}
