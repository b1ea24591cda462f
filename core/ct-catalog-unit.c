/* ct-catalog-unit.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-catalog-unit.h"
#include "ct-data.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <gio/gio.h>
#include <string.h>

#define UNITS_RESOURCE "/io/github/chitieu/Chitieu/data/units.tsv"

struct _CtUnitTable
{
  GPtrArray  *units;   /* CtUnit *, longest form first */
  GHashTable *by_form; /* form → CtUnit * */
  /* Units by the lower-cased first byte of their form, longest first, so a
   * match compares only the few forms that can start there. */
  GPtrArray  *by_first[256];
};

static void
unit_free (CtUnit *unit)
{
  g_free (unit->form);
  g_free (unit->dimension);
  g_free (unit);
}

static gint
compare_by_length (gconstpointer a,
                   gconstpointer b)
{
  const CtUnit *ua = *(const CtUnit * const *) a;
  const CtUnit *ub = *(const CtUnit * const *) b;

  return (gint) strlen (ub->form) - (gint) strlen (ua->form);
}

/* The kinds of units.tsv's last column, in CtUnitKind's order; "-" is other. */
static const gchar * const kind_names[] = { "-", "share", "money", "set", "animal", NULL };
static const CtUnitKind kinds[] = {
  CT_UNIT_KIND_OTHER, CT_UNIT_KIND_SHARE, CT_UNIT_KIND_MONEY, CT_UNIT_KIND_SET, CT_UNIT_KIND_ANIMAL,
};
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == G_N_ELEMENTS (kind_names) - 1);

CtUnitTable *
ct_unit_table_new_from_data (const gchar  *data,
                             gsize         len,
                             GError      **error)
{
  g_autoptr(CtUnitTable) self = g_new0 (CtUnitTable, 1);
  g_autoptr(CtDataTable) table = ct_data_table_parse ("units.tsv", data, len, 4, 4, error);

  if (table == NULL)
    return NULL;
  self->units = g_ptr_array_new_with_free_func ((GDestroyNotify) unit_free);
  self->by_form = g_hash_table_new (g_str_hash, g_str_equal);

  for (guint i = 0; i < table->rows->len; i++)
    {
      const CtDataRow *row = g_ptr_array_index (table->rows, i);
      CtUnit *unit;
      gdouble scale;
      guint kind;

      if (!ct_data_row_number (table, row, 2, &scale, error) ||
          !ct_data_row_choice (table, row, 3, kind_names, &kind, error))
        return NULL;
      if (row->cols[0][0] == '\0' || scale <= 0)
        {
          ct_data_set_row_error (error, table, row, _("a unit needs a form and a positive scale"));
          return NULL;
        }
      unit = g_new0 (CtUnit, 1);
      unit->form = g_strdup (row->cols[0]);
      unit->dimension = g_strdup (row->cols[1]);
      unit->scale = scale;
      unit->kind = kinds[kind];
      g_ptr_array_add (self->units, unit);
    }

  g_ptr_array_sort (self->units, compare_by_length);
  for (guint i = 0; i < self->units->len; i++)
    {
      CtUnit *unit = g_ptr_array_index (self->units, i);
      guchar first = (guchar) g_ascii_tolower (unit->form[0]);

      g_hash_table_insert (self->by_form, unit->form, unit);
      if (self->by_first[first] == NULL)
        self->by_first[first] = g_ptr_array_new ();
      g_ptr_array_add (self->by_first[first], unit);
    }
  return g_steal_pointer (&self);
}

CtUnitTable *
ct_unit_table_new_default (GError **error)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (UNITS_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, error);
  gsize len = 0;
  const gchar *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &len);
  return ct_unit_table_new_from_data (data, len, error);
}

void
ct_unit_table_free (CtUnitTable *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->by_form, g_hash_table_unref);
  for (guint i = 0; i < G_N_ELEMENTS (self->by_first); i++)
    g_clear_pointer (&self->by_first[i], g_ptr_array_unref);
  g_clear_pointer (&self->units, g_ptr_array_unref);
  g_free (self);
}

/* True when the text at @p does not continue a word, so "ha" does not match
 * the start of "hai" and "con" not the start of "cong". */
static gboolean
at_word_end (const gchar *text,
             gsize        len,
             gsize        p)
{
  gunichar c;

  if (p >= len)
    return TRUE;
  if ((guchar) text[p] < 0x80)
    return !g_ascii_isalnum (text[p]) && text[p] != '_';
  c = g_utf8_get_char_validated (text + p, len - p);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return TRUE;
  return !g_unichar_isalnum (c) && g_unichar_type (c) != G_UNICODE_NON_SPACING_MARK;
}

/* Compares @form with the text at @text, accepting a capitalised first
 * letter and several spaces where the form has one ("tỷ  đồng"). Returns
 * the length matched in the text, or 0. */
static gsize
form_match_len (const gchar *form,
                const gchar *text,
                gsize        avail)
{
  const gchar *f = form;
  gsize t = 0;
  gunichar fc, tc;

  /* The first letter may be a capital. */
  fc = g_utf8_get_char (f);
  tc = g_utf8_get_char_validated (text, avail);
  if (tc == (gunichar) -1 || tc == (gunichar) -2)
    return 0;
  if (tc != fc && g_unichar_tolower (tc) != fc)
    return 0;
  f = g_utf8_next_char (f);
  t = g_utf8_next_char (text) - text;

  while (*f != '\0')
    {
      if (t >= avail)
        return 0;
      if (*f == ' ')
        {
          if (text[t] != ' ')
            return 0;
          while (t < avail && text[t] == ' ')
            t++;
          f++;
          continue;
        }
      if (*f != text[t])
        return 0;
      f++;
      t++;
    }
  return t;
}

const CtUnit *
ct_unit_table_match (const CtUnitTable *self,
                     const gchar       *text,
                     gsize              len,
                     gsize              pos,
                     gsize             *end)
{
  gsize p = pos;
  GPtrArray *candidates;

  g_return_val_if_fail (self != NULL, NULL);

  while (p < len && text[p] == ' ')
    p++;
  if (p >= len)
    return NULL;

  candidates = self->by_first[(guchar) g_ascii_tolower (text[p])];
  for (guint i = 0; candidates != NULL && i < candidates->len; i++)
    {
      const CtUnit *unit = g_ptr_array_index (candidates, i);
      gsize flen = strlen (unit->form);
      gsize tlen;

      tlen = form_match_len (unit->form, text + p, len - p);
      if (tlen == 0)
        continue;
      /* Symbols need no word boundary ("60%KH"); words do. */
      if (g_ascii_isalpha (unit->form[flen - 1]) || (guchar) unit->form[flen - 1] >= 0x80)
        {
          if (!at_word_end (text, len, p + tlen))
            continue;
        }
      if (end != NULL)
        *end = p + tlen;
      return unit;
    }
  return NULL;
}

const CtUnit *
ct_unit_table_lookup (const CtUnitTable *self,
                      const gchar       *form)
{
  g_return_val_if_fail (self != NULL, NULL);
  return g_hash_table_lookup (self->by_form, form);
}

guint
ct_unit_table_get_n_units (const CtUnitTable *self)
{
  return self->units->len;
}

gchar *
ct_unit_display_form (const CtUnit *unit,
                      const gchar  *written)
{
  const gchar *rest_w, *rest_f;

  if (written == NULL)
    return NULL;
  if (unit == NULL || *written == '\0' || *unit->form == '\0')
    return g_strdup (written);
  rest_w = g_utf8_next_char (written);
  rest_f = g_utf8_next_char (unit->form);
  if (g_str_equal (rest_w, rest_f) &&
      g_unichar_tolower (g_utf8_get_char (written)) == g_utf8_get_char (unit->form))
    return g_strdup (unit->form);
  return g_strdup (written);
}
