/* ct-reader-vni.c: text typed in the VNI fonts
 *
 * VNI-Windows (the VNI-Times family) writes a Vietnamese letter as its
 * base Latin letter followed by one byte for the mark ("aù" is á), and a
 * few letters as one byte (ơ, ư, đ, the i's). The bytes of every letter
 * are in resources/data/vni.tsv; other bytes read as Windows-1252, which
 * is what a VNI font shows for them.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-data.h"
#include "ct-i18n.h"

#include <string.h>

typedef struct
{
  GHashTable *pairs;         /* (first << 8 | second) → letter (gchar *) */
  gchar      *single[256];   /* one-byte letters, else NULL */
  gchar      *fallback[256]; /* Windows-1252 of every byte */
  GHashTable *letters;       /* gunichar → TRUE: the Vietnamese letters */
} VniTable;

/* The bytes of a row: "61 F9" or "F1". */
static gboolean
parse_bytes (const gchar *hex,
             guint8       out[2],
             guint       *n)
{
  g_auto(GStrv) parts = g_strsplit (hex, " ", -1);
  guint count = g_strv_length (parts);

  if (count < 1 || count > 2)
    return FALSE;
  for (guint i = 0; i < count; i++)
    {
      guint64 v;

      if (strlen (parts[i]) != 2 || !g_ascii_string_to_unsigned (parts[i], 16, 0, 0xFF, &v, NULL))
        return FALSE;
      out[i] = (guint8) v;
    }
  *n = count;
  return TRUE;
}

gboolean
ct_reader_vni_check_table (GError **error)
{
  g_autoptr(CtDataTable) table = ct_data_table_load ("vni.tsv", 2, 2, error);

  if (table == NULL)
    return FALSE;
  for (guint r = 0; r < table->rows->len; r++)
    {
      const CtDataRow *row = g_ptr_array_index (table->rows, r);
      guint8 b[2];
      guint n;

      if (g_utf8_strlen (row->cols[0], -1) != 1 || !parse_bytes (row->cols[1], b, &n))
        {
          ct_data_set_row_error (error, table, row, _("the row is not one letter and its one or two bytes in hex"));
          return FALSE;
        }
    }
  return TRUE;
}

static void
add_row (VniTable *t,
         gchar   **row)
{
  guint8 b[2];
  guint n = 0;
  gunichar c = g_utf8_get_char_validated (row[0], -1);

  /* ct_reader_vni_check_table has refused a bad row in the test suite. */
  if (!parse_bytes (row[1], b, &n) || c == (gunichar) -1 || c == (gunichar) -2)
    return;
  g_hash_table_add (t->letters, GUINT_TO_POINTER (c));
  if (n == 1)
    {
      g_free (t->single[b[0]]);
      t->single[b[0]] = g_strdup (row[0]);
    }
  else
    g_hash_table_insert (t->pairs, GUINT_TO_POINTER ((guint) b[0] << 8 | b[1]), g_strdup (row[0]));
}

static const VniTable *
vni_table (void)
{
  static VniTable *table;

  if (g_once_init_enter (&table))
    {
      VniTable *t = g_new0 (VniTable, 1);
      g_autoptr(GError) error = NULL;
      g_autoptr(CtDataTable) rows = ct_data_table_load ("vni.tsv", 2, 2, &error);

      /* The table is compiled in and checked by the test suite, so a
       * failure here is a broken build. */
      if (rows == NULL)
        g_critical ("%s", error->message);
      t->pairs = g_hash_table_new_full (g_direct_hash, g_direct_equal, NULL, g_free);
      t->letters = g_hash_table_new (g_direct_hash, g_direct_equal);
      for (guint i = 0; rows != NULL && i < rows->rows->len; i++)
        add_row (t, ((CtDataRow *) g_ptr_array_index (rows->rows, i))->cols);
      for (guint b = 0; b < 256; b++)
        {
          gchar byte = (gchar) b;

          t->fallback[b] = b == 0 ? NULL : g_convert (&byte, 1, "UTF-8", "CP1252", NULL, NULL, NULL);
        }
      g_once_init_leave (&table, t);
    }
  return table;
}

gboolean
ct_reader_vni_is_letter (gunichar c)
{
  return g_hash_table_contains (vni_table ()->letters, GUINT_TO_POINTER (c));
}

/* The letter at @data (one or two bytes, *used), or NULL. A mark byte of
 * the other case than its letter ("Aù") is taken in the letter's case. */
static const gchar *
letter_at (const VniTable *t,
           const guint8   *data,
           gsize           len,
           gsize          *used,
           gboolean       *upper)
{
  const gchar *s;

  *upper = FALSE;
  *used = 2;
  if (len >= 2)
    {
      s = g_hash_table_lookup (t->pairs, GUINT_TO_POINTER ((guint) data[0] << 8 | data[1]));
      if (s != NULL)
        return s;
      if (g_ascii_isupper (data[0]) && data[1] >= 0xC0)
        {
          s = g_hash_table_lookup (t->pairs, GUINT_TO_POINTER ((guint) g_ascii_tolower (data[0]) << 8 | data[1]));
          *upper = s != NULL;
          if (s != NULL)
            return s;
        }
    }
  *used = 1;
  return t->single[data[0]];
}

gchar *
ct_reader_vni_decode (const guint8 *data,
                      gsize         len,
                      gsize        *out_len)
{
  const VniTable *t = vni_table ();
  GString *out = g_string_sized_new (len + len / 4);
  gsize i = 0;

  while (i < len)
    {
      gsize used;
      gboolean upper;
      const gchar *s = data[i] < 0x80 && !g_ascii_isalpha (data[i]) ? NULL
                       : letter_at (t, data + i, len - i, &used, &upper);

      if (s != NULL && upper)
        g_string_append_unichar (out, g_unichar_toupper (g_utf8_get_char (s)));
      else if (s != NULL)
        g_string_append (out, s);
      else if (data[i] < 0x80)
        g_string_append_c (out, (gchar) data[i]);
      else if (t->fallback[data[i]] != NULL)
        g_string_append (out, t->fallback[data[i]]);
      else
        g_string_append_unichar (out, 0xFFFD);
      i += s != NULL ? used : 1;
    }
  if (out_len != NULL)
    *out_len = out->len;
  return g_string_free (out, FALSE);
}
