/* ct-docx-writer.c: writes .docx files for the tests
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-docx-writer.h"

#include <archive.h>
#include <archive_entry.h>
#include <string.h>

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static gint
compare_names (gconstpointer a,
               gconstpointer b)
{
  return strcmp (*(const gchar **) a, *(const gchar **) b);
}

gboolean
ct_docx_write_parts (const gchar *path,
                     GHashTable  *parts,
                     GError     **error)
{
  struct archive *a = archive_write_new ();
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;
  gboolean ok = TRUE;

  g_hash_table_iter_init (&iter, parts);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);

  g_ptr_array_sort (names, compare_names);
  archive_write_set_format_zip (a);
  if (archive_write_open_filename (a, path) != ARCHIVE_OK)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot write %s: %s", path, archive_error_string (a));
      archive_write_free (a);
      return FALSE;
    }
  for (guint i = 0; i < names->len && ok; i++)
    {
      const gchar *name = g_ptr_array_index (names, i);
      GBytes *data = g_hash_table_lookup (parts, name);
      gsize len;
      const void *bytes = g_bytes_get_data (data, &len);
      struct archive_entry *e = archive_entry_new ();

      archive_entry_set_pathname (e, name);
      archive_entry_set_size (e, len);
      archive_entry_set_filetype (e, AE_IFREG);
      archive_entry_set_perm (e, 0644);
      ok = archive_write_header (a, e) == ARCHIVE_OK &&
           (len == 0 || archive_write_data (a, bytes, len) == (la_ssize_t) len);
      archive_entry_free (e);
    }
  if (archive_write_close (a) != ARCHIVE_OK)
    ok = FALSE;
  if (!ok)
    g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_FAILED, "cannot write %s: %s", path, archive_error_string (a));
  archive_write_free (a);
  return ok;
}

static void
put (GHashTable  *parts,
     const gchar *name,
     const gchar *text)
{
  g_hash_table_replace (parts, g_strdup (name), g_bytes_new (text, strlen (text)));
}

GHashTable *
ct_docx_package (const gchar *document_xml,
                 const gchar *footnotes_xml)
{
  GHashTable *parts = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);

  put (parts, "[Content_Types].xml",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
       "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>"
       "<Default Extension=\"xml\" ContentType=\"application/xml\"/>"
       "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>"
       "<Override PartName=\"/word/footnotes.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml\"/>"
       "</Types>");
  put (parts, "_rels/.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>"
       "</Relationships>");
  put (parts, "word/_rels/document.xml.rels",
       "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
       "<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
       "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/footnotes\" Target=\"footnotes.xml\"/>"
       "</Relationships>");
  if (document_xml != NULL)
    put (parts, "word/document.xml", document_xml);
  if (footnotes_xml != NULL)
    put (parts, "word/footnotes.xml", footnotes_xml);
  return parts;
}

static void
append_run (GString     *xml,
            const gchar *text,
            gsize        len,
            gboolean     bold)
{
  g_autofree gchar *esc = NULL;
  g_autofree gchar *copy = NULL;

  if (len == 0)
    return;
  copy = g_strndup (text, len);
  esc = g_markup_escape_text (copy, -1);
  g_string_append (xml, "<w:r>");
  if (bold)
    g_string_append (xml, "<w:rPr><w:b/></w:rPr>");
  g_string_append_printf (xml, "<w:t xml:space=\"preserve\">%s</w:t></w:r>", esc);
}

/* The block's text as runs, with a footnote reference at each anchor. */
static void
append_paragraph (GString          *xml,
                  GString          *notes,
                  const CtDocument *doc,
                  gsize             start,
                  gsize             end,
                  gboolean          bold,
                  guint            *note_no)
{
  gsize at = start;

  g_string_append (xml, "<w:p>");
  for (guint f = 0; f < doc->footnotes->len; f++)
    {
      const CtFootnote *note = &g_array_index (doc->footnotes, CtFootnote, f);
      const CtBlock *body;
      g_autofree gchar *text = NULL;
      g_autofree gchar *esc = NULL;

      if (note->anchor == G_MAXSIZE || note->anchor < start || note->anchor > end || note->block < 0)
        continue;
      append_run (xml, doc->text + at, note->anchor - at, bold);
      at = note->anchor;
      (*note_no)++;
      g_string_append_printf (xml, "<w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
                              "<w:footnoteReference w:id=\"%u\"/></w:r>", *note_no);
      body = ct_document_get_block (doc, note->block);
      text = g_strndup (doc->text + body->start, body->end - body->start);
      esc = g_markup_escape_text (text, -1);
      g_string_append_printf (notes, "<w:footnote w:id=\"%u\"><w:p><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
                              "<w:footnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> %s</w:t></w:r></w:p></w:footnote>",
                              *note_no, esc);
    }
  append_run (xml, doc->text + at, end - at, bold);
  g_string_append (xml, "</w:p>");
}

static void
append_table (GString          *xml,
              GString          *notes,
              const CtDocument *doc,
              const CtTable    *table,
              guint            *note_no)
{
  /* Which grid cells a vertical merge covers: (row, col) → continue. */
  g_autoptr(GHashTable) covered = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint c = 0; c < table->cells->len; c++)
    {
      const CtCell *cell = &g_array_index (table->cells, CtCell, c);

      for (guint r = 1; r < cell->row_span; r++)
        g_hash_table_insert (covered, g_strdup_printf ("%u:%u", cell->row + r, cell->col),
                             GUINT_TO_POINTER (cell->col_span));
    }

  g_string_append (xml, "<w:tbl>");
  for (guint r = 0; r < table->n_rows; r++)
    {
      guint col = 0;

      g_string_append (xml, "<w:tr>");
      for (guint c = 0; c <= table->cells->len; c++)
        {
          const CtCell *cell = c < table->cells->len ? &g_array_index (table->cells, CtCell, c) : NULL;
          g_autofree gchar *key = NULL;

          if (cell != NULL && cell->row != r)
            continue;
          /* Continuation cells of a vertical merge before this cell. */
          while (TRUE)
            {
              gpointer span;

              g_free (key);
              key = g_strdup_printf ("%u:%u", r, col);
              if (!g_hash_table_lookup_extended (covered, key, NULL, &span) ||
                  (cell != NULL && cell->col == col))
                break;
              g_string_append (xml, "<w:tc><w:tcPr>");
              if (GPOINTER_TO_UINT (span) > 1)
                g_string_append_printf (xml, "<w:gridSpan w:val=\"%u\"/>", GPOINTER_TO_UINT (span));
              g_string_append (xml, "<w:vMerge/></w:tcPr><w:p/></w:tc>");
              col += GPOINTER_TO_UINT (span);
            }
          if (cell == NULL)
            continue;
          g_string_append (xml, "<w:tc><w:tcPr>");
          if (cell->col_span > 1)
            g_string_append_printf (xml, "<w:gridSpan w:val=\"%u\"/>", cell->col_span);
          if (cell->row_span > 1)
            g_string_append (xml, "<w:vMerge w:val=\"restart\"/>");
          g_string_append (xml, "</w:tcPr>");
          append_paragraph (xml, notes, doc, cell->start, cell->end, FALSE, note_no);
          g_string_append (xml, "</w:tc>");
          col = cell->col + MAX (cell->col_span, 1);
        }
      g_string_append (xml, "</w:tr>");
    }
  g_string_append (xml, "</w:tbl>");
}

gboolean
ct_docx_write_document (const CtDocument *doc,
                        const gchar      *path,
                        GError          **error)
{
  GString *xml = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:document " W_NS "><w:body>");
  GString *notes = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:footnotes " W_NS ">"
                                 "<w:footnote w:type=\"separator\" w:id=\"-1\"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>"
                                 "<w:footnote w:type=\"continuationSeparator\" w:id=\"0\"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>");
  g_autoptr(GHashTable) parts = NULL;
  guint note_no = 0;
  gboolean ok;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const CtBlock *b = ct_document_get_block (doc, i);

      if (b->kind == CT_BLOCK_FOOTNOTE && b->footnote >= 0 &&
          g_array_index (doc->footnotes, CtFootnote, b->footnote).anchor != G_MAXSIZE)
        continue;
      if (b->kind == CT_BLOCK_TABLE_ROW)
        {
          if (b->row == 0)
            append_table (xml, notes, doc, &g_array_index (doc->tables, CtTable, b->table), &note_no);
          continue;
        }
      append_paragraph (xml, notes, doc, b->start, b->end, b->kind == CT_BLOCK_HEADING, &note_no);
    }
  g_string_append (xml, "</w:body></w:document>");
  g_string_append (notes, "</w:footnotes>");

  parts = ct_docx_package (xml->str, notes->str);
  g_string_free (xml, TRUE);
  g_string_free (notes, TRUE);
  ok = ct_docx_write_parts (path, parts, error);
  return ok;
}
