/* ct-store-rows.c: what a document's rows hold, worked out off the writer
 *
 * One thread writes a library while worker threads read and extract the
 * next files. Everything a report's rows need that does not depend on the
 * database (its packed text, its sentences' offsets and lines, their
 * words folded for the full-text index) is worked out here, on the worker
 * threads, so the writer only binds and steps.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-store-private.h"
#include "ct-catalog.h"

gchar *
ct_store_fold_for_index (const gchar *text,
                         gsize        len)
{
  GString *out = g_string_sized_new (len);

  ct_store_append_fold_for_index (out, text, len);
  return g_string_free (out, FALSE);
}

/* The tokenizer folds case, tones and vowel marks itself ("unicode61
 * remove_diacritics 2") but keeps đ, a letter of its own in Unicode: the
 * index is given đ/Đ as d/D. Plain runs are copied whole. */
void
ct_store_append_fold_for_index (GString     *out,
                                const gchar *text,
                                gsize        len)
{
  gsize from = 0;

  for (gsize i = 0; i + 1 < len; i++)
    {
      guchar next = text[i + 1];

      if ((guchar) text[i] != 0xC4 || (next != 0x91 && next != 0x90))
        continue;
      g_string_append_len (out, text + from, i - from);
      g_string_append_c (out, next == 0x91 ? 'd' : 'D');
      i++;
      from = i + 1;
    }
  if (from < len)
    g_string_append_len (out, text + from, len - from);
}

CtStoreRows *
ct_store_rows_new (const CtDocument *doc,
                   CtDbKind          kind)
{
  CtStoreRows *rows = g_new0 (CtStoreRows, 1);
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (gsize));
  guint n_blocks = ct_document_get_n_blocks (doc);

  rows->sentences = g_array_new (FALSE, FALSE, sizeof (CtStoreSentence));
  rows->folded = g_string_sized_new (doc->text_len + 1);
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
          /* PostgreSQL's parser neither folds diacritics nor 'đ': it gets
           * the words folded as the search folds the user's. */
          if (kind == CT_DB_POSTGRESQL)
            {
              g_autofree gchar *words = ct_catalog_fold_phrase_len (doc->text + s.start, s.end - s.start);

              g_string_append (rows->folded, words);
            }
          else
            ct_store_append_fold_for_index (rows->folded, doc->text + s.start, s.end - s.start);
          s.folded_len = rows->folded->len - s.folded_at;
          g_array_append_val (rows->sentences, s);
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
  if (rows->folded != NULL)
    g_string_free (rows->folded, TRUE);
  g_free (rows);
}
