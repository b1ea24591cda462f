/* ct-store-rows.c: what a document's rows hold, worked out off the writer
 *
 * One thread writes a library while worker threads read and extract the
 * next files. Everything a report's rows need that does not depend on the
 * database (its packed text, its sentences' offsets and lines, their
 * words folded for the full-text index, what each figure's words say to
 * its qualifiers) is worked out here, on the worker threads, so the
 * writer only binds and steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-catalog.h"
#include "ct-catalog-qualifier.h"
#include "ct-db-sqlite.h"
#include "ct-text.h"

#include <string.h>

/* A report's sentences are stored as one text of numbers (sentence_span):
 * per sentence the gap since the last one's end, its length and its line's
 * step from the last one's (zigzag: 2d for d >= 0, -2d - 1 below), each in
 * base-32 digits, least significant first, the last digit written from the
 * first 32 characters and the others from the next 32. A sentence takes 4
 * bytes instead of a row and an index entry (about 37). The same digits
 * are written by PostgreSQL's schema step 7 (ct-store-pg.c). */
static const gchar span_digits[] = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_";

static void
append_number (GString *out,
               guint64  v)
{
  while (v >= 32)
    {
      g_string_append_c (out, span_digits[32 + (v & 31)]);
      v >>= 5;
    }
  g_string_append_c (out, span_digits[v]);
}

static gint
digit_value (gchar c)
{
  const gchar *at = c != '\0' ? strchr (span_digits, c) : NULL;

  return at != NULL ? (gint) (at - span_digits) : -1;
}

static gboolean
read_number (const gchar **p,
             const gchar  *end,
             guint64      *v)
{
  guint shift = 0;

  *v = 0;
  while (*p < end && shift < 60)
    {
      gint d = digit_value (*(*p)++);

      if (d < 0)
        return FALSE;
      *v |= (guint64) (d & 31) << shift;
      if (d < 32)
        return TRUE;
      shift += 5;
    }
  return FALSE;
}

void
ct_store_spans_append (GString         *spans,
                       CtStoreSentence *last,
                       gsize            start,
                       gsize            end,
                       guint            line)
{
  gint64 step = (gint64) line - (gint64) last->line;

  append_number (spans, start - last->end);
  append_number (spans, end - start);
  append_number (spans, step >= 0 ? (guint64) step * 2 : (guint64) (-step) * 2 - 1);
  last->end = end;
  last->line = line;
}

GArray *
ct_store_spans_decode (const gchar *spans,
                       gsize        len)
{
  g_autoptr(GArray) out = g_array_new (FALSE, TRUE, sizeof (CtStoreSentence));
  const gchar *p = spans, *end = spans + len;
  CtStoreSentence last = { 0 };

  while (p < end)
    {
      CtStoreSentence s = { 0 };
      guint64 gap, length, step;

      if (!read_number (&p, end, &gap) || !read_number (&p, end, &length)
          || !read_number (&p, end, &step))
        return NULL;
      s.start = last.end + gap;
      s.end = s.start + length;
      s.line = (step & 1) ? last.line - (guint) ((step + 1) / 2) : last.line + (guint) (step / 2);
      g_array_append_val (out, s);
      last = s;
    }
  return g_steal_pointer (&out);
}

gchar *
ct_store_fold_for_index (const gchar *text,
                         gsize        len)
{
  GString *out = g_string_sized_new (len);

  ct_store_append_fold_for_index (out, text, len);
  return g_string_free (out, FALSE);
}

/* A sentence as the full-text index takes it: its words as the search
 * folds the user's (ct_catalog_fold_phrase(): lower case, no marks, đ as
 * d, letters and digits only), one space between them, on both engines.
 * SQLite's index splits them with the "ascii" tokenizer, which folds
 * nothing: the folding is done here, on the reading threads, not by the
 * writer (unicode61 looked up each character's class and folding there,
 * two fifths of what the writer spent on the index). */
void
ct_store_append_fold_for_index (GString     *out,
                                const gchar *text,
                                gsize        len)
{
  g_autofree gchar *folded = ct_text_fold (text, len);
  gchar *w = folded;
  const gchar *p = folded;
  gboolean gap = FALSE;

  /* The words are moved to the front of the folded text in place (a word
   * character is copied as it is, a run of others becomes one space), then
   * appended at once: most of the text is already ASCII once folded. */
  while (*p != '\0')
    {
      guchar b = (guchar) *p;
      gsize n = b < 0x80 ? 1 : (gsize) (g_utf8_next_char (p) - p);
      gboolean word = b < 0x80 ? g_ascii_isalnum (b) : g_unichar_isalnum (g_utf8_get_char (p));

      if (!word)
        gap = w > folded;
      else
        {
          if (gap)
            *w++ = ' ';
          gap = FALSE;
          /* w never passes p: a byte at a time, no call for each letter */
          for (gsize i = 0; i < n; i++)
            *w++ = p[i];
        }
      p += n;
    }
  g_string_append_len (out, folded, w - folded);
}

/* Sentences end at . ! ? ; followed by a space (a '.' inside "2.703,5" is
 * followed by a digit, so numbers never split), and at the end of a block. */
void
ct_store_split_sentences (const gchar *text,
                          gsize        len,
                          GArray      *spans)
{
  gsize start = 0, i = 0;

  while (start < len && g_ascii_isspace (text[start]))
    start++;
  for (i = start; i < len; i++)
    {
      gchar c = text[i];
      gboolean end = (c == '.' || c == '!' || c == '?' || c == ';')
                     && i + 1 < len && (text[i + 1] == ' ' || text[i + 1] == '\t');

      if (!end)
        continue;
      if (i + 1 > start)
        {
          gsize pair[2] = { start, i + 1 };
          g_array_append_vals (spans, pair, 2);
        }
      start = i + 1;
      while (start < len && g_ascii_isspace (text[start]))
        start++;
      i = start;
    }
  if (start < len)
    {
      gsize pair[2] = { start, len };
      g_array_append_vals (spans, pair, 2);
    }
}

/* What each figure's words say (ct-catalog-qualifier.h), kept so that a
 * comparison judges it without reading the report's text again; -1 when
 * nothing is kept: a target (never compared), no table, or a text with a
 * NUL byte, which the comparison reads differently (its copy ends there). */
static GArray *
observation_words (const CtDocument *doc,
                   GPtrArray        *observations)
{
  GArray *words = g_array_sized_new (FALSE, FALSE, sizeof (gint64), observations->len);
  CtQualifierTable *table = memchr (doc->text, '\0', doc->text_len) == NULL
                            ? ct_qualifier_table_get_default (NULL) : NULL;
  CtLineCursor cursor = { 0, 0 };

  for (guint i = 0; i < observations->len; i++)
    {
      const CtObservation *obs = g_ptr_array_index (observations, i);
      CtQualifierWords read;
      gint64 packed = -1;

      if (table != NULL && obs->kind == CT_KIND_ACHIEVEMENT)
        {
          ct_qualifier_words_from_text (table, obs->label, doc->text, doc->text_len,
                                        obs->start, obs->end, &cursor, &read);
          packed = ct_qualifier_words_pack (table, &read);
        }
      g_array_append_val (words, packed);
    }
  return words;
}

CtStoreRows *
ct_store_rows_new (const CtDocument *doc,
                   GPtrArray        *observations,
                   CtDbKind          kind)
{
  CtStoreRows *rows = g_new0 (CtStoreRows, 1);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint n_blocks = ct_document_get_n_blocks (doc);

  CtStoreSentence last = { 0 };

  rows->sentences = g_array_new (FALSE, FALSE, sizeof (CtStoreSentence));
  rows->folded = g_string_sized_new (doc->text_len + 1);
  rows->spans = g_string_new (NULL);
  rows->words = observation_words (doc, observations);
  /* PostgreSQL compresses long values itself (TOAST): its text goes as it is. */
  if (kind == CT_DB_SQLITE)
    rows->packed = ct_store_pack_text (doc->text, doc->text_len, &rows->packed_size);

  for (guint b = 0; b < n_blocks; b++)
    {
      const CtBlock *block = ct_document_get_block (doc, b);

      g_array_set_size (spans, 0);
      ct_store_split_sentences (doc->text + block->start, block->end - block->start, spans);
      for (guint k = 0; k + 1 < spans->len; k += 2)
        {
          CtStoreSentence s;

          s.start = block->start + g_array_index (spans, gsize, k);
          s.end = block->start + g_array_index (spans, gsize, k + 1);
          s.line = ct_document_line_at (doc, s.start);
          s.folded_at = rows->folded->len;
          ct_store_append_fold_for_index (rows->folded, doc->text + s.start, s.end - s.start);
          s.folded_len = rows->folded->len - s.folded_at;
          g_array_append_val (rows->sentences, s);
          ct_store_spans_append (rows->spans, &last, s.start, s.end, s.line);
        }
    }
  return rows;
}

void
ct_store_rows_free (CtStoreRows *rows)
{
  if (rows == NULL)
    return;
  g_free (rows->packed);
  g_clear_pointer (&rows->sentences, g_array_unref);
  g_clear_pointer (&rows->words, g_array_unref);
  if (rows->folded != NULL)
    g_string_free (rows->folded, TRUE);
  if (rows->spans != NULL)
    g_string_free (rows->spans, TRUE);
  g_free (rows);
}

/* ct_spans (id, start, end, line), an aggregate: a report's sentence rows
 * of schema 6 as the text sentence_span holds (schema step 7). Their ids,
 * which the full-text index keeps, must follow one another in the order of
 * the text, as every import wrote them: the first id and the position then
 * give each sentence's entry in the index. */
typedef struct
{
  GArray *rows; /* 4 × gint64 each */
} SpansAggregate;

static void
spans_step (sqlite3_context  *ctx,
            int               argc,
            sqlite3_value   **argv)
{
  SpansAggregate *agg = sqlite3_aggregate_context (ctx, sizeof (SpansAggregate));
  gint64 row[4];

  if (agg == NULL)
    return;
  if (agg->rows == NULL)
    agg->rows = g_array_new (FALSE, FALSE, 4 * sizeof (gint64));
  for (int i = 0; i < 4 && i < argc; i++)
    row[i] = sqlite3_value_int64 (argv[i]);
  g_array_append_vals (agg->rows, row, 1);
}

static gint
compare_ids (gconstpointer a,
             gconstpointer b)
{
  gint64 x = *(const gint64 *) a, y = *(const gint64 *) b;

  return x < y ? -1 : x > y;
}

static void
spans_final (sqlite3_context *ctx)
{
  SpansAggregate *agg = sqlite3_aggregate_context (ctx, 0);
  g_autoptr(GString) spans = g_string_new (NULL);
  CtStoreSentence last = { 0 };

  if (agg == NULL || agg->rows == NULL)
    {
      sqlite3_result_text (ctx, "", 0, SQLITE_STATIC);
      return;
    }
  g_array_sort (agg->rows, compare_ids);
  for (guint i = 0; i < agg->rows->len; i++)
    {
      const gint64 *row = &g_array_index (agg->rows, gint64, 4 * i);
      const gint64 *first = &g_array_index (agg->rows, gint64, 0);

      if (row[0] != first[0] + i || row[1] < (gint64) last.end || row[2] < row[1] || row[3] < 0)
        {
          g_array_unref (agg->rows);
          sqlite3_result_error (ctx, "a report's sentences are not stored in the order of its text", -1);
          return;
        }
      ct_store_spans_append (spans, &last, row[1], row[2], row[3]);
    }
  g_clear_pointer (&agg->rows, g_array_unref);
  sqlite3_result_text64 (ctx, spans->str, spans->len, SQLITE_TRANSIENT, SQLITE_UTF8);
}

gboolean
ct_store_register_span_functions (CtStore *self)
{
  sqlite3 *db = ct_db_sqlite_handle (self->db);

  if (db == NULL)
    return TRUE;
  return sqlite3_create_function (db, "ct_spans", 4, SQLITE_UTF8 | SQLITE_INNOCUOUS, NULL, NULL,
                                  spans_step, spans_final) == SQLITE_OK;
}
