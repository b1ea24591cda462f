/* ct-reader-util.c: raw paragraphs, line cleaning and data tables
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-data.h"
#include "ct-text.h"

#include <string.h>

static void
clear_anchor (gpointer data)
{
  CtRawAnchor *a = data;

  g_clear_pointer (&a->id, g_free);
}

CtRawPara *
ct_raw_para_new (CtRawKind    kind,
                 const gchar *text,
                 guint        line)
{
  return ct_raw_para_take (kind, g_strdup (text != NULL ? text : ""), line);
}

CtRawPara *
ct_raw_para_take (CtRawKind  kind,
                  gchar     *text,
                  guint      line)
{
  CtRawPara *p = g_new0 (CtRawPara, 1);
  CtLineSpan span = { 0, line };

  p->kind = kind;
  p->text = text;
  p->line = line;
  p->anchors = g_array_new (FALSE, TRUE, sizeof (CtRawAnchor));
  g_array_set_clear_func (p->anchors, clear_anchor);
  p->lines = g_array_new (FALSE, TRUE, sizeof (CtLineSpan));
  g_array_append_val (p->lines, span);
  return p;
}

void
ct_raw_para_free (CtRawPara *p)
{
  if (p == NULL)
    return;
  g_free (p->text);
  g_free (p->note_id);
  g_clear_pointer (&p->cells, g_ptr_array_unref);
  g_clear_pointer (&p->spans, g_array_unref);
  g_clear_pointer (&p->row_spans, g_array_unref);
  g_clear_pointer (&p->cols, g_array_unref);
  g_array_unref (p->anchors);
  g_array_unref (p->lines);
  g_free (p);
}

void
ct_raw_para_add_anchor (CtRawPara   *p,
                        gsize        offset,
                        const gchar *id)
{
  CtRawAnchor a = { offset, g_strdup (id) };

  g_array_append_val (p->anchors, a);
}

static void
shift_after (CtRawPara *p,
             gsize      start,
             gsize      removed)
{
  for (guint i = 0; i < p->anchors->len; i++)
    {
      CtRawAnchor *a = &g_array_index (p->anchors, CtRawAnchor, i);

      if (a->offset >= start + removed)
        a->offset -= removed;
      else if (a->offset > start)
        a->offset = start;
    }
  for (guint i = 0; i < p->lines->len; i++)
    {
      CtLineSpan *l = &g_array_index (p->lines, CtLineSpan, i);

      if (l->start >= start + removed)
        l->start -= removed;
      else if (l->start > start)
        l->start = start;
    }
}

void
ct_raw_para_remove (CtRawPara *p,
                    gsize      start,
                    gsize      end)
{
  gsize len = strlen (p->text);

  g_return_if_fail (start <= end && end <= len);

  /* Swallow the space the removal would leave doubled or dangling. */
  if (start > 0 && p->text[start - 1] == ' ' &&
      (end == len || p->text[end] == ' ' || strchr (",.;:)", p->text[end]) != NULL))
    start--;
  else if (start == 0 && end < len && p->text[end] == ' ')
    end++;

  memmove (p->text + start, p->text + end, len - end + 1);
  shift_after (p, start, end - start);
}

void
ct_raw_para_append (CtRawPara       *p,
                    const CtRawPara *other)
{
  gsize len = strlen (p->text);
  gboolean sep = len > 0 && other->text[0] != '\0';
  gsize base = len + (sep ? 1 : 0);
  gchar *joined;

  joined = g_strconcat (p->text, sep ? " " : "", other->text, NULL);
  g_free (p->text);
  p->text = joined;

  for (guint i = 0; i < other->anchors->len; i++)
    {
      const CtRawAnchor *a = &g_array_index (other->anchors, CtRawAnchor, i);

      ct_raw_para_add_anchor (p, base + a->offset, a->id);
    }
  for (guint i = 0; i < other->lines->len; i++)
    {
      CtLineSpan l = g_array_index (other->lines, CtLineSpan, i);

      l.start += base;
      g_array_append_val (p->lines, l);
    }
}

/* Spaces that conversion leaves behind: NBSP, the U+2000 block, narrow and
 * ideographic spaces, tabs. */
static gboolean
is_odd_space (gunichar c)
{
  return c == '\t' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) ||
         c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x1680 ||
         c == '\v' || c == '\f';
}

static gboolean
is_invisible (gunichar c)
{
  return c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF || c == 0x00AD;
}

/* Whether the character at @p (valid UTF-8, not ASCII) may be one of
 * the spaces or invisible characters above, by its first two bytes: the
 * letters of Vietnamese, nearly all the rest, are copied without decoding. */
static inline gboolean
may_be_odd (const guchar *p)
{
  switch (p[0])
    {
    case 0xC2: return p[1] == 0xA0 || p[1] == 0xAD;  /* U+00A0, U+00AD */
    case 0xE1: return p[1] == 0x9A;                  /* U+1680 */
    case 0xE2: return p[1] == 0x80 || p[1] == 0x81;  /* U+2000..U+207F */
    case 0xE3: return p[1] == 0x80;                  /* U+3000 */
    case 0xEF: return p[1] == 0xBB;                  /* U+FEFF */
    default:   return FALSE;
    }
}

/* Cleans @len bytes of @text into @out, which has room for len + 1, and
 * returns the length written. With @only_stable, the text must be its own
 * NFC for the result to be right: the first character NFC may change (or
 * one that is not UTF-8, or a NUL) stops it with -1. Without, the text is
 * NFC already and a NUL ends it. */
static gssize
clean_into (const gchar *text,
            gsize        len,
            gchar       *out,
            gboolean     only_stable)
{
  const guchar *p = (const guchar *) text, *end = p + len;
  const guint8 *stable = ct_text_nfc_stable_table ();
  gboolean space = TRUE; /* drops leading spaces */
  gsize o = 0;

  while (p < end)
    {
      gunichar c = *p;
      gsize n = 1;

      /* Plain letters and digits, most of any report, copy as they are. */
      if (c > ' ' && c < 0x80)
        {
          out[o++] = *p++;
          space = FALSE;
          continue;
        }
      if (c == 0)
        {
          if (only_stable)
            return -1;
          break;
        }
      if (c >= 0x80)
        {
          if (only_stable)
            {
              c = ct_text_get_char_validated ((const gchar *) p, end - p);
              if (c == (gunichar) -1 || c == (gunichar) -2 ||
                  !(c < CT_TEXT_NFC_TABLE_END ? stable[c] : ct_text_is_nfc_stable (c)))
                return -1;
            }
          n = g_utf8_skip[*p];
          /* The letters of Vietnamese copy without being decoded, byte by
           * byte (a memcpy of two or three bytes is a call). */
          if (!may_be_odd (p))
            {
              for (gsize k = 0; k < n; k++)
                out[o++] = *p++;
              space = FALSE;
              continue;
            }
          c = g_utf8_get_char ((const gchar *) p);
        }
      p += n;
      if (is_invisible (c) || (c < 0x20 && c != '\t' && c != '\v' && c != '\f'))
        continue;
      if (c == ' ' || is_odd_space (c))
        {
          if (!space)
            out[o++] = ' ';
          space = TRUE;
          continue;
        }
      memcpy (out + o, p - n, n);
      o += n;
      space = FALSE;
    }
  if (o > 0 && out[o - 1] == ' ')
    o--;
  out[o] = '\0';
  return o;
}

gchar *
ct_reader_clean_line (const gchar *text,
                      gssize       len)
{
  g_autofree gchar *nfc = NULL;
  gchar *out;

  if (len < 0)
    len = strlen (text);
  /* Nearly every line is its own NFC: cleaned in the pass that finds so,
   * with no normalised copy. The line only shrinks. */
  out = g_malloc (len + 1);
  if (clean_into (text, len, out, TRUE) >= 0)
    return out;
  g_free (out);

  nfc = ct_text_normalize_nfc (text, len, NULL);
  if (nfc == NULL)
    nfc = g_utf8_make_valid (text, len);
  out = g_malloc (strlen (nfc) + 1);
  clean_into (nfc, strlen (nfc), out, FALSE);
  return out;
}

gchar *
ct_reader_clean_new_line (const gchar *text,
                          gsize        len)
{
  gchar *out = g_malloc (len + 1);

  if (clean_into (text, len, out, TRUE) >= 0)
    return out;
  g_free (out);
  /* Only here, on a line NFC changes or one that is not UTF-8, is the line
   * validated on its own. */
  if (!g_utf8_validate_len (text, len, NULL))
    return NULL;
  return ct_reader_clean_line (text, len);
}

/* The roles of document-words.tsv, in CtDocumentWords order. */
static const gchar * const document_word_roles[] = {
  "state_header", "title", "recipient", "signature", NULL,
};

/* The reader's tables and how many columns each row has. */
static const struct
{
  const gchar *name;
  guint        min_cols;
  guint        max_cols;
} reader_tables[] = {
  { "document-words.tsv", 2, 2 },
  { "footnote-units.tsv", 1, 1 },
  { "levels.tsv", 3, 3 },
  { "locality-stopwords.tsv", 1, 1 },
  { "parts.tsv", 2, 2 },
  { "periods.tsv", 2, 2 },
  { "provinces.tsv", 1, 2 },
};

static CtDataTable *
load_reader_table (guint    i,
                   GError **error)
{
  return ct_data_table_load (reader_tables[i].name, reader_tables[i].min_cols,
                             reader_tables[i].max_cols, error);
}

GPtrArray *
ct_reader_load_table (const gchar *name)
{
  GPtrArray *rows = g_ptr_array_new_with_free_func ((GDestroyNotify) g_strfreev);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDataTable) table = NULL;
  guint i;

  for (i = 0; i < G_N_ELEMENTS (reader_tables); i++)
    if (g_str_equal (reader_tables[i].name, name))
      break;
  g_return_val_if_fail (i < G_N_ELEMENTS (reader_tables), rows);

  /* The tables are compiled in and checked by the test suite
   * (ct_reader_check_tables), so a failure here is a broken build. */
  table = load_reader_table (i, &error);
  if (table == NULL)
    {
      g_critical ("%s", error->message);
      return rows;
    }
  for (guint r = 0; r < table->rows->len; r++)
    {
      CtDataRow *row = g_ptr_array_index (table->rows, r);

      g_ptr_array_add (rows, g_steal_pointer (&row->cols));
    }
  return rows;
}

gboolean
ct_reader_check_tables (GError **error)
{
  for (guint i = 0; i < G_N_ELEMENTS (reader_tables); i++)
    {
      g_autoptr(CtDataTable) table = load_reader_table (i, error);

      if (table == NULL)
        return FALSE;
      /* A role the reader does not know would be a rule that never fires. */
      for (guint r = 0; g_str_equal (reader_tables[i].name, "document-words.tsv") && r < table->rows->len; r++)
        {
          guint role;

          if (!ct_data_row_choice (table, g_ptr_array_index (table->rows, r), 0,
                                   document_word_roles, &role, error))
            return FALSE;
        }
    }
  return ct_reader_vni_check_table (error);
}

typedef struct
{
  GPtrArray *folded[CT_N_DOCUMENT_WORDS];  /* gchar *: the words, folded */
} DocumentWords;

static DocumentWords *
load_document_words (void)
{
  DocumentWords *words = g_new0 (DocumentWords, 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtDataTable) table = ct_data_table_load ("document-words.tsv", 2, 2, &error);

  for (guint r = 0; r < CT_N_DOCUMENT_WORDS; r++)
    words->folded[r] = g_ptr_array_new_with_free_func (g_free);
  if (table == NULL)
    {
      g_critical ("%s", error->message);
      return words;
    }
  for (guint i = 0; i < table->rows->len; i++)
    {
      const CtDataRow *row = g_ptr_array_index (table->rows, i);
      guint role;

      if (!ct_data_row_choice (table, row, 0, document_word_roles, &role, &error))
        {
          /* The table is compiled in and checked by the test suite. */
          g_critical ("%s", error->message);
          g_clear_error (&error);
          continue;
        }
      g_ptr_array_add (words->folded[role], ct_text_fold (row->cols[1], -1));
    }
  return words;
}

static const DocumentWords *
document_words (void)
{
  static DocumentWords *words;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      words = load_document_words ();
      g_once_init_leave (&once, 1);
    }
  return words;
}

gboolean
ct_reader_has_document_word (CtDocumentWords  role,
                             const gchar     *text,
                             gsize            len,
                             gboolean         anywhere)
{
  const DocumentWords *words = document_words ();
  g_autofree gchar *folded = ct_text_fold (text, len);

  for (guint i = 0; i < words->folded[role]->len; i++)
    {
      const gchar *w = g_ptr_array_index (words->folded[role], i);

      if (anywhere ? strstr (folded, w) != NULL : g_str_has_prefix (folded, w))
        return TRUE;
    }
  return FALSE;
}

GPtrArray *
ct_reader_one_document (CtDocument *doc)
{
  GPtrArray *docs = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_document_unref);

  g_ptr_array_add (docs, doc);
  return docs;
}
