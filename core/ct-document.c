/* ct-document.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-document.h"

static void
clear_section (gpointer data)
{
  CtSection *s = data;

  g_clear_pointer (&s->label, g_free);
  g_clear_pointer (&s->title, g_free);
}

static void
clear_footnote (gpointer data)
{
  CtFootnote *f = data;

  g_clear_pointer (&f->id, g_free);
}

static void
clear_table (gpointer data)
{
  CtTable *t = data;

  g_clear_pointer (&t->cells, g_array_unref);
}

static void
clear_meta_field (CtMetaField *f)
{
  g_clear_pointer (&f->value, g_free);
  f->confidence = 0;
}

CtDocument *
ct_document_new (const gchar *source_name,
                 CtFileFormat     format)
{
  CtDocument *doc = g_new0 (CtDocument, 1);

  g_atomic_ref_count_init (&doc->ref_count);
  doc->source_name = g_strdup (source_name);
  doc->format = format;
  doc->blocks = g_array_new (FALSE, TRUE, sizeof (CtBlock));
  doc->sections = g_array_new (FALSE, TRUE, sizeof (CtSection));
  g_array_set_clear_func (doc->sections, clear_section);
  doc->footnotes = g_array_new (FALSE, TRUE, sizeof (CtFootnote));
  g_array_set_clear_func (doc->footnotes, clear_footnote);
  doc->tables = g_array_new (FALSE, TRUE, sizeof (CtTable));
  g_array_set_clear_func (doc->tables, clear_table);
  doc->warnings = g_ptr_array_new_with_free_func (g_free);
  doc->line_map = g_array_new (FALSE, TRUE, sizeof (CtLineSpan));
  doc->text = g_strdup ("");

  return doc;
}

CtDocument *
ct_document_ref (CtDocument *doc)
{
  g_return_val_if_fail (doc != NULL, NULL);

  g_atomic_ref_count_inc (&doc->ref_count);
  return doc;
}

void
ct_document_unref (CtDocument *doc)
{
  g_return_if_fail (doc != NULL);

  if (!g_atomic_ref_count_dec (&doc->ref_count))
    return;

  g_free (doc->source_name);
  g_free (doc->text);
  g_array_unref (doc->blocks);
  g_array_unref (doc->sections);
  g_array_unref (doc->footnotes);
  g_array_unref (doc->tables);
  clear_meta_field (&doc->meta.locality);
  clear_meta_field (&doc->meta.level);
  clear_meta_field (&doc->meta.province);
  clear_meta_field (&doc->meta.year);
  clear_meta_field (&doc->meta.period);
  clear_meta_field (&doc->meta.date);
  clear_meta_field (&doc->meta.issuer);
  clear_meta_field (&doc->meta.title);
  g_clear_pointer (&doc->meta.province_choices, g_strfreev);
  g_ptr_array_unref (doc->warnings);
  g_array_unref (doc->line_map);
  g_clear_pointer (&doc->page_lines, g_array_unref);
  g_clear_pointer (&doc->doubtful_lines, g_array_unref);
  g_free (doc);
}

guint
ct_document_get_n_blocks (const CtDocument *doc)
{
  return doc->blocks->len;
}

const CtBlock *
ct_document_get_block (const CtDocument *doc,
                       guint             index)
{
  g_return_val_if_fail (index < doc->blocks->len, NULL);

  return &g_array_index (doc->blocks, CtBlock, index);
}

/* The block whose span holds @offset, or the last block starting before it
 * (offsets on the separating newline belong to the block before). */
gint
ct_document_block_at (const CtDocument *doc,
                      gsize             offset)
{
  guint lo = 0, hi = doc->blocks->len;

  if (hi == 0)
    return -1;

  while (hi - lo > 1)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (doc->blocks, CtBlock, mid).start <= offset)
        lo = mid;
      else
        hi = mid;
    }

  if (g_array_index (doc->blocks, CtBlock, lo).start > offset)
    return -1;

  return lo;
}

guint
ct_document_line_at (const CtDocument *doc,
                     gsize             offset)
{
  gint b;

  if (doc->line_map->len > 0)
    {
      guint lo = 0, hi = doc->line_map->len;

      while (hi - lo > 1)
        {
          guint mid = (lo + hi) / 2;

          if (g_array_index (doc->line_map, CtLineSpan, mid).start <= offset)
            lo = mid;
          else
            hi = mid;
        }
      if (g_array_index (doc->line_map, CtLineSpan, lo).start <= offset)
        return g_array_index (doc->line_map, CtLineSpan, lo).line;
    }

  b = ct_document_block_at (doc, offset);
  return b < 0 ? 0 : g_array_index (doc->blocks, CtBlock, b).line;
}

/* The first footnote whose marker stood within [start, end], so a sentence
 * can show the note that qualifies it. */
const CtFootnote *
ct_document_footnote_at (const CtDocument *doc,
                         gsize             start,
                         gsize             end)
{
  for (guint i = 0; i < doc->footnotes->len; i++)
    {
      const CtFootnote *f = &g_array_index (doc->footnotes, CtFootnote, i);

      if (f->anchor != G_MAXSIZE && f->anchor >= start && f->anchor <= end)
        return f;
    }
  return NULL;
}

/* "A. Kết quả … › I. Chương trình … › 2. Kết quả đạt được" */
gchar *
ct_document_section_path (const CtDocument *doc,
                          gint              section)
{
  /* Called for every observation, so no temporary strings: the chain is
   * collected innermost first, then written outermost first. */
  GArray *chain = g_array_sized_new (FALSE, FALSE, sizeof (gint), 8);
  GString *out = g_string_sized_new (128);

  for (gint s = section; s >= 0 && (guint) s < doc->sections->len;
       s = g_array_index (doc->sections, CtSection, s).parent)
    {
      /* A parent always comes before its child; guard against a loop all
       * the same, since a loop here would never end. */
      if (chain->len > doc->sections->len)
        break;
      g_array_append_val (chain, s);
    }

  for (guint i = chain->len; i > 0; i--)
    {
      const CtSection *sec = &g_array_index (doc->sections, CtSection,
                                             g_array_index (chain, gint, i - 1));

      if (i < chain->len)
        g_string_append (out, " › ");
      if (sec->label != NULL && sec->label[0] != '\0')
        {
          g_string_append (out, sec->label);
          g_string_append_c (out, ' ');
        }
      g_string_append (out, sec->title);
    }

  g_array_unref (chain);
  return g_string_free (out, FALSE);
}

const gchar *
ct_file_format_to_string (CtFileFormat format)
{
  switch (format)
    {
    case CT_FILE_FORMAT_TEXT:
      return "text";
    case CT_FILE_FORMAT_MARKDOWN:
      return "markdown";
    case CT_FILE_FORMAT_DOCX:
      return "docx";
    case CT_FILE_FORMAT_PDF:
      return "pdf";
    case CT_FILE_FORMAT_SCAN:
      return "scan";
    case CT_FILE_FORMAT_ODT:
      return "odt";
    case CT_FILE_FORMAT_DOC:
      return "doc";
    case CT_FILE_FORMAT_RTF:
      return "rtf";
    case CT_FILE_FORMAT_HTML:
      return "html";
    default:
      return "unknown";
    }
}

gboolean
ct_document_span_doubtful (const CtDocument *doc,
                           gsize             start,
                           gsize             end)
{
  guint first, last;

  if (doc->doubtful_lines == NULL || doc->doubtful_lines->len == 0)
    return FALSE;
  first = ct_document_line_at (doc, start);
  last = ct_document_line_at (doc, end > start ? end - 1 : start);
  for (guint i = 0; i < doc->doubtful_lines->len; i++)
    {
      guint line = g_array_index (doc->doubtful_lines, guint, i);

      if (line >= first && line <= last)
        return TRUE;
    }
  return FALSE;
}

guint
ct_document_page_of_line (const CtDocument *doc,
                          guint             line)
{
  guint page = 0;

  if (doc->page_lines == NULL)
    return 0;
  for (guint i = 0; i < doc->page_lines->len && g_array_index (doc->page_lines, guint, i) <= line; i++)
    page = i + 1;
  return MAX (page, 1);
}

void
ct_meta_field_set (CtMetaField *field,
                   const gchar *value,
                   gdouble      confidence)
{
  g_free (field->value);
  field->value = g_strdup (value);
  field->confidence = value != NULL ? confidence : 0;
}
