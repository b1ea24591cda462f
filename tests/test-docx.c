/* test-docx.c: Word documents and zips of reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ct-docx-writer.h"
#include "ct-document.h"
#include "ct-error.h"
#include "ct-reader.h"
#include "ct-test-util.h"

#define W_NS "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\""

static GPtrArray *
read_path (const gchar *path)
{
  g_autoptr(GError) error = NULL;
  GPtrArray *docs = ct_reader_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (docs);
  return docs;
}

static gchar *
block_text (const CtDocument *doc,
            guint             i)
{
  const CtBlock *b = ct_document_get_block (doc, i);

  return g_strndup (doc->text + b->start, b->end - b->start);
}

static void
write_parts (const gchar *path,
             GHashTable  *parts)
{
  g_autoptr(GError) error = NULL;

  g_assert_true (ct_docx_write_parts (path, parts, &error));
  g_assert_no_error (error);
}

static void
assert_same_document (const CtDocument *a,
                      const CtDocument *b)
{
  g_assert_cmpstr (a->text, ==, b->text);
  g_assert_cmpuint (a->blocks->len, ==, b->blocks->len);
  for (guint i = 0; i < a->blocks->len; i++)
    {
      const CtBlock *x = ct_document_get_block (a, i);
      const CtBlock *y = ct_document_get_block (b, i);

      g_assert_cmpuint (x->start, ==, y->start);
      g_assert_cmpint (x->kind, ==, y->kind);
      g_assert_cmpint (x->part, ==, y->part);
      g_assert_cmpint (x->section, ==, y->section);
    }

  g_assert_cmpuint (a->sections->len, ==, b->sections->len);
  for (guint i = 0; i < a->sections->len; i++)
    {
      const CtSection *x = &g_array_index (a->sections, CtSection, i);
      const CtSection *y = &g_array_index (b->sections, CtSection, i);

      g_assert_cmpstr (x->label, ==, y->label);
      g_assert_cmpstr (x->title, ==, y->title);
      g_assert_cmpuint (x->level, ==, y->level);
      g_assert_cmpint (x->parent, ==, y->parent);
      g_assert_cmpint (x->part, ==, y->part);
    }

  g_assert_cmpuint (a->footnotes->len, ==, b->footnotes->len);
  for (guint i = 0; i < a->footnotes->len; i++)
    {
      const CtFootnote *x = &g_array_index (a->footnotes, CtFootnote, i);
      const CtFootnote *y = &g_array_index (b->footnotes, CtFootnote, i);

      g_assert_cmpstr (x->id, ==, y->id);
      g_assert_cmpuint (x->anchor, ==, y->anchor);
      g_assert_cmpint (x->block, ==, y->block);
    }

  g_assert_cmpuint (a->tables->len, ==, b->tables->len);
  for (guint i = 0; i < a->tables->len; i++)
    {
      g_assert_cmpuint (g_array_index (a->tables, CtTable, i).n_rows, ==, g_array_index (b->tables, CtTable, i).n_rows);
      g_assert_cmpuint (g_array_index (a->tables, CtTable, i).n_cols, ==, g_array_index (b->tables, CtTable, i).n_cols);
    }

  g_assert_cmpstr (a->meta.locality.value, ==, b->meta.locality.value);
  g_assert_cmpstr (a->meta.level.value, ==, b->meta.level.value);
  g_assert_cmpstr (a->meta.province.value, ==, b->meta.province.value);
  g_assert_cmpstr (a->meta.year.value, ==, b->meta.year.value);
  g_assert_cmpstr (a->meta.period.value, ==, b->meta.period.value);
  g_assert_cmpstr (a->meta.date.value, ==, b->meta.date.value);
  g_assert_cmpstr (a->meta.issuer.value, ==, b->meta.issuer.value);
  g_assert_cmpstr (a->meta.title.value, ==, b->meta.title.value);
}

/* A seed (with a table added) written as .docx by our own writer reads
 * back as the same document. */
static void
test_round_trip (gconstpointer data)
{
  const gchar *prefix = data;
  g_autofree gchar *dir = NULL;
  g_autoptr(GDir) d = NULL;
  const gchar *name;
  g_autofree gchar *seed = NULL;
  g_autofree gchar *text = NULL;
  g_autofree gchar *md = ct_test_tmp_path ("seed.md");
  g_autofree gchar *docx = ct_test_tmp_path ("seed.docx");
  g_autoptr(GPtrArray) from_text = NULL;
  g_autoptr(GPtrArray) from_docx = NULL;
  g_autoptr(GError) error = NULL;
  const CtDocument *a, *b;

  if (ct_test_shared_dir () == NULL)
    {
      g_test_skip ("shared seeds not present");
      return;
    }
  dir = g_build_filename (ct_test_shared_dir (), "seeds", NULL);
  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix))
      seed = g_build_filename (dir, name, NULL);
  g_assert_nonnull (seed);
  g_assert_true (g_file_get_contents (seed, &text, NULL, NULL));
  {
    g_autofree gchar *with_table = g_strconcat (text,
                                                "\n\n| Chỉ tiêu | Kế hoạch | Thực hiện |\n"
                                                "|---|---|---|\n"
                                                "| Lúa (tấn) | 4.450 | 2.640 |\n"
                                                "| Đàn bò (con) | 3.400 | 2.830 |\n", NULL);

    g_assert_true (g_file_set_contents (md, with_table, -1, NULL));
  }

  from_text = read_path (md);
  a = g_ptr_array_index (from_text, 0);
  g_assert_cmpuint (a->tables->len, ==, 1);
  g_assert_true (ct_docx_write_document (a, docx, &error));
  g_assert_no_error (error);

  from_docx = read_path (docx);
  g_assert_cmpuint (from_docx->len, ==, 1);
  b = g_ptr_array_index (from_docx, 0);
  g_assert_cmpint (b->format, ==, CT_FILE_FORMAT_DOCX);
  assert_same_document (a, b);

  /* In a .docx a block's line is its paragraph number. */
  g_assert_cmpuint (ct_document_get_block (b, 0)->line, ==, 1);
  g_assert_cmpuint (ct_document_get_block (b, 1)->line, ==, 2);
}

static void
test_numbering_styles_and_merges (void)
{
  const gchar *numbering =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering " W_NS ">"
    "<w:abstractNum w:abstractNumId=\"0\">"
    "<w:lvl w:ilvl=\"0\"><w:start w:val=\"1\"/><w:numFmt w:val=\"upperRoman\"/><w:lvlText w:val=\"%1.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"1\"><w:start w:val=\"1\"/><w:numFmt w:val=\"decimal\"/><w:lvlText w:val=\"%2.\"/></w:lvl>"
    "<w:lvl w:ilvl=\"2\"><w:start w:val=\"1\"/><w:numFmt w:val=\"lowerLetter\"/><w:lvlText w:val=\"%3)\"/></w:lvl>"
    "</w:abstractNum><w:num w:numId=\"5\"><w:abstractNumId w:val=\"0\"/></w:num></w:numbering>";
  const gchar *styles =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:styles " W_NS ">"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading1\"><w:name w:val=\"heading 1\"/></w:style>"
    "<w:style w:type=\"paragraph\" w:styleId=\"Heading2\"><w:name w:val=\"heading 2\"/>"
    "<w:pPr><w:numPr><w:numId w:val=\"5\"/></w:numPr></w:pPr></w:style></w:styles>";
#define NUM(l) "<w:pPr><w:numPr><w:ilvl w:val=\"" #l "\"/><w:numId w:val=\"5\"/></w:numPr></w:pPr>"
  const gchar *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS "><w:body>"
    "<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/></w:pPr><w:r><w:t>Kết quả 6 tháng đầu năm 2024</w:t></w:r></w:p>"
    "<w:p>" NUM(0) "<w:r><w:t>Lĩnh vực kinh tế</w:t></w:r></w:p>"
    "<w:p>" NUM(1) "<w:r><w:t>Nông nghiệp</w:t></w:r></w:p>"
    "<w:p>" NUM(2) "<w:r><w:t>Trồng trọt</w:t></w:r></w:p>"
    "<w:p><w:r><w:t xml:space=\"preserve\">Lúa đạt 1.200 tấn</w:t></w:r><w:r><w:rPr><w:vertAlign w:val=\"superscript\"/></w:rPr>"
    "<w:endnoteReference w:id=\"2\"/></w:r><w:r><w:t>, bằng 98% cùng kỳ.</w:t></w:r></w:p>"
    "<w:p>" NUM(2) "<w:r><w:t>Chăn nuôi</w:t></w:r></w:p>"
    "<w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>Lĩnh vực xã hội</w:t></w:r></w:p>"
    "<w:tbl>"
    "<w:tr><w:tc><w:tcPr><w:vMerge w:val=\"restart\"/></w:tcPr><w:p><w:r><w:t>Chỉ tiêu</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:tcPr><w:gridSpan w:val=\"2\"/></w:tcPr><w:p><w:r><w:t>Năm 2024</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:tcPr><w:vMerge/></w:tcPr><w:p/></w:tc>"
    "<w:tc><w:p><w:r><w:t>Kế hoạch</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Thực hiện</w:t></w:r></w:p></w:tc></w:tr>"
    "<w:tr><w:tc><w:p><w:r><w:t>Lúa (tấn)</w:t></w:r></w:p></w:tc>"
    "<w:tc><w:p><w:r><w:t>4.450</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>2.640</w:t></w:r></w:p></w:tc></w:tr>"
    "</w:tbl></w:body></w:document>";
  const gchar *endnotes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:endnotes " W_NS ">"
    "<w:endnote w:type=\"separator\" w:id=\"0\"><w:p><w:r><w:separator/></w:r></w:p></w:endnote>"
    "<w:endnote w:id=\"2\"><w:p><w:r><w:endnoteRef/></w:r><w:r><w:t xml:space=\"preserve\"> Ước tính của phòng Nông nghiệp.</w:t></w:r></w:p></w:endnote>"
    "</w:endnotes>";
  g_autoptr(GHashTable) parts = ct_docx_package (document, NULL);
  g_autofree gchar *path = ct_test_tmp_path ("numbered.docx");
  g_autoptr(GPtrArray) docs = NULL;
  const CtDocument *doc;
  const CtTable *table;
  const CtCell *cell;
  const CtSection *crop;
  const CtFootnote *note;
  g_autofree gchar *first = NULL;
  g_autofree gchar *second = NULL;
  g_autofree gchar *crop_text = NULL;
  g_autofree gchar *rice = NULL;
  g_autofree gchar *path_text = NULL;

  g_hash_table_replace (parts, g_strdup ("word/numbering.xml"), g_bytes_new (numbering, strlen (numbering)));
  g_hash_table_replace (parts, g_strdup ("word/styles.xml"), g_bytes_new (styles, strlen (styles)));
  g_hash_table_replace (parts, g_strdup ("word/endnotes.xml"), g_bytes_new (endnotes, strlen (endnotes)));
  write_parts (path, parts);

  docs = read_path (path);
  doc = g_ptr_array_index (docs, 0);
  first = block_text (doc, 0);
  second = block_text (doc, 1);
  crop_text = block_text (doc, 3);
  rice = block_text (doc, 4);
  g_assert_cmpstr (first, ==, "Kết quả 6 tháng đầu năm 2024");
  g_assert_cmpint (ct_document_get_block (doc, 0)->kind, ==, CT_BLOCK_HEADING);
  /* Word's list numbers become part of the text, as a reader sees them. */
  g_assert_cmpstr (second, ==, "I. Lĩnh vực kinh tế");
  g_assert_cmpstr (crop_text, ==, "a) Trồng trọt");
  g_assert_cmpstr (rice, ==, "Lúa đạt 1.200 tấn, bằng 98% cùng kỳ.");
  g_assert_cmpuint (ct_document_get_block (doc, 4)->line, ==, 5);

  crop = &g_array_index (doc->sections, CtSection, ct_document_get_block (doc, 3)->section);
  g_assert_cmpstr (crop->label, ==, "a)");
  path_text = ct_document_section_path (doc, ct_document_get_block (doc, 4)->section);
  g_assert_cmpstr (path_text, ==, "Kết quả 6 tháng đầu năm 2024 › I. Lĩnh vực kinh tế › 1. Nông nghiệp › a) Trồng trọt");
  g_assert_nonnull (strstr (doc->text, "b) Chăn nuôi"));
  /* This one is numbered by its paragraph style's list. */
  g_assert_nonnull (strstr (doc->text, "II. Lĩnh vực xã hội"));

  /* The endnote is attached where it is cited. */
  g_assert_cmpuint (doc->footnotes->len, ==, 1);
  note = &g_array_index (doc->footnotes, CtFootnote, 0);
  g_assert_cmpuint (note->anchor, ==, strstr (doc->text, ", bằng 98%") - doc->text);
  g_assert_cmpint (note->block, ==, 5);

  /* A table with a cell spanning two columns and one spanning two rows. */
  g_assert_cmpuint (doc->tables->len, ==, 1);
  table = &g_array_index (doc->tables, CtTable, 0);
  g_assert_cmpuint (table->n_rows, ==, 3);
  g_assert_cmpuint (table->n_cols, ==, 3);
  cell = &g_array_index (table->cells, CtCell, 0);
  g_assert_cmpuint (cell->row_span, ==, 2);
  g_assert_cmpmem (doc->text + cell->start, cell->end - cell->start, "Chỉ tiêu", strlen ("Chỉ tiêu"));
  cell = &g_array_index (table->cells, CtCell, 1);
  g_assert_cmpuint (cell->col_span, ==, 2);
  g_assert_cmpuint (cell->col, ==, 1);
  cell = &g_array_index (table->cells, CtCell, 2);
  g_assert_cmpuint (cell->row, ==, 1);
  g_assert_cmpuint (cell->col, ==, 1);
  g_assert_nonnull (strstr (doc->text, "\nLúa (tấn) | 4.450 | 2.640"));
}

static void
test_zip_of_reports (void)
{
  const gchar *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS "><w:body>"
    "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t>ỦY BAN NHÂN DÂN HUYỆN MÈO VẠC</w:t></w:r></w:p>"
    "<w:p><w:r><w:t>Lúa đạt 1.200 tấn.</w:t></w:r></w:p></w:body></w:document>";
  g_autoptr(GHashTable) parts = ct_docx_package (document, NULL);
  g_autofree gchar *inner = ct_test_tmp_path ("inner.docx");
  g_autofree gchar *bundle = ct_test_tmp_path ("bundle.zip");
  g_autofree gchar *inner_bytes = NULL;
  gsize inner_len = 0;
  g_autoptr(GHashTable) zip = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_bytes_unref);
  const gchar *txt = "UBND huyện Đồng Văn\nNgô đạt 800 tấn.\n";
  g_autoptr(GPtrArray) docs = NULL;
  const CtDocument *a, *b;
  g_autofree gchar *name_a = NULL;
  g_autofree gchar *name_b = NULL;

  write_parts (inner, parts);
  g_assert_true (g_file_get_contents (inner, &inner_bytes, &inner_len, NULL));
  g_hash_table_insert (zip, g_strdup ("bao-cao/meo-vac.docx"), g_bytes_new (inner_bytes, inner_len));
  /* Named .bin: the content, not the name, says it is text. */
  g_hash_table_insert (zip, g_strdup ("dong-van.bin"), g_bytes_new (txt, strlen (txt)));
  g_hash_table_insert (zip, g_strdup ("__MACOSX/._meo-vac.docx"), g_bytes_new ("\0\5\26\7", 4));
  g_hash_table_insert (zip, g_strdup ("logo.png"), g_bytes_new ("\x89PNG\r\n\x1a\n\0\0", 10));
  write_parts (bundle, zip);

  docs = read_path (bundle);
  g_assert_cmpuint (docs->len, ==, 2);
  a = g_ptr_array_index (docs, 0);
  b = g_ptr_array_index (docs, 1);
  name_a = g_strdup_printf ("%s/bao-cao/meo-vac.docx", bundle);
  name_b = g_strdup_printf ("%s/dong-van.bin", bundle);
  g_assert_cmpstr (a->source_name, ==, name_a);
  g_assert_cmpstr (b->source_name, ==, name_b);
  g_assert_cmpint (a->format, ==, CT_FILE_FORMAT_DOCX);
  g_assert_cmpint (b->format, ==, CT_FILE_FORMAT_TEXT);
  g_assert_cmpstr (a->meta.locality.value, ==, "Mèo Vạc");
  g_assert_cmpstr (b->meta.locality.value, ==, "Đồng Văn");
  /* What could not be read is said, with the bundle's first report. */
  g_assert_cmpuint (a->warnings->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (a->warnings, a->warnings->len - 1), "logo.png"));
}

static void
test_docx_named_txt (void)
{
  const gchar *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS "><w:body>"
    "<w:p><w:r><w:t>Lúa đạt 1.200 tấn.</w:t></w:r></w:p></w:body></w:document>";
  g_autoptr(GHashTable) parts = ct_docx_package (document, NULL);
  g_autofree gchar *path = ct_test_tmp_path ("really-a-docx.txt");
  g_autoptr(GPtrArray) docs = NULL;

  write_parts (path, parts);
  docs = read_path (path);
  g_assert_cmpint (((CtDocument *) g_ptr_array_index (docs, 0))->format, ==, CT_FILE_FORMAT_DOCX);
  g_assert_cmpstr (((CtDocument *) g_ptr_array_index (docs, 0))->text, ==, "Lúa đạt 1.200 tấn.");
}

#define P(t) "<w:p><w:r><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"
#define B(t) "<w:p><w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">" t "</w:t></w:r></w:p>"

/* Word reports put the council and the national motto side by side in a
 * header table; the place-and-date line sits in its second cell. */
static void
test_header_table (void)
{
  const gchar *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS "><w:body>"
    "<w:tbl><w:tr><w:tc>" B("ỦY BAN NHÂN DÂN") B("HUYỆN BẮC HÀ") P("Số: 215/BC-UBND") "</w:tc>"
    "<w:tc>" B("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM") B("Độc lập - Tự do - Hạnh phúc")
    P("Bắc Hà, ngày 20 tháng 6 năm 2024") "</w:tc></w:tr></w:tbl>"
    B("BÁO CÁO")
    B("Tình hình kinh tế - xã hội 6 tháng đầu năm, phương hướng nhiệm vụ 6 tháng cuối năm 2024")
    B("I. KẾT QUẢ THỰC HIỆN")
    P("Tổng sản lượng lương thực đạt 12.500 tấn, bằng 52% kế hoạch.")
    B("II. PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM")
    P("Phấn đấu sản lượng lương thực cả năm đạt 24.000 tấn.")
    P("Trên đây là báo cáo của UBND huyện Bắc Hà./.")
    P("- UBND tỉnh Lào Cai;")
    "</w:body></w:document>";
  g_autoptr(GHashTable) parts = ct_docx_package (document, NULL);
  g_autofree gchar *path = ct_test_tmp_path ("header-table.docx");
  g_autoptr(GPtrArray) docs = NULL;
  const CtDocument *doc;

  write_parts (path, parts);
  docs = read_path (path);
  doc = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (doc->meta.locality.value, ==, "Bắc Hà");
  g_assert_cmpstr (doc->meta.issuer.value, ==, "UBND huyện Bắc Hà");
  g_assert_cmpstr (doc->meta.province.value, ==, "Lào Cai");
  g_assert_cmpstr (doc->meta.date.value, ==, "2024-06-20");
  g_assert_cmpstr (doc->meta.year.value, ==, "2024");
  g_assert_cmpstr (doc->meta.period.value, ==, "6 tháng đầu năm");
  g_assert_cmpuint (doc->sections->len, ==, 2);
  g_assert_cmpint (g_array_index (doc->sections, CtSection, 1).part, ==, CT_PART_TARGETS);
}

/* Parts other programs write carelessly: a note and a numbering without
 * ids, a list level out of range. The text still reads. */
static void
test_careless_parts (void)
{
  const gchar *document =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document " W_NS "><w:body>"
    "<w:p><w:pPr><w:numPr><w:ilvl w:val=\"12\"/><w:numId w:val=\"1\"/></w:numPr></w:pPr>"
    "<w:r><w:t>Lúa đạt 1.200 tấn</w:t></w:r><w:r><w:footnoteReference w:id=\"7\"/></w:r></w:p>"
    "</w:body></w:document>";
  const gchar *notes =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:footnotes " W_NS "><w:footnote/>"
    "<w:footnote w:id=\"7\"><w:p><w:r><w:t>Ước tính.</w:t></w:r></w:p></w:footnote></w:footnotes>";
  const gchar *numbering =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:numbering " W_NS "><w:abstractNum/>"
    "<w:num w:numId=\"1\"><w:abstractNumId w:val=\"3\"/></w:num></w:numbering>";
  g_autoptr(GHashTable) parts = ct_docx_package (document, notes);
  g_autofree gchar *path = ct_test_tmp_path ("careless.docx");
  g_autoptr(GPtrArray) docs = NULL;
  const CtDocument *doc;

  g_hash_table_replace (parts, g_strdup ("word/numbering.xml"), g_bytes_new (numbering, strlen (numbering)));
  write_parts (path, parts);
  docs = read_path (path);
  doc = g_ptr_array_index (docs, 0);
  g_assert_cmpstr (doc->text, ==, "Lúa đạt 1.200 tấn\nƯớc tính.");
  g_assert_cmpuint (doc->footnotes->len, ==, 1);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_data_func ("/docx/round-trip/000", "000_", test_round_trip);
  g_test_add_data_func ("/docx/round-trip/002", "002_", test_round_trip);
  g_test_add_data_func ("/docx/round-trip/003", "003_", test_round_trip);
  g_test_add_data_func ("/docx/round-trip/004", "004_", test_round_trip);
  g_test_add_func ("/docx/numbering-styles-merges", test_numbering_styles_and_merges);
  g_test_add_func ("/docx/zip-of-reports", test_zip_of_reports);
  g_test_add_func ("/docx/named-txt", test_docx_named_txt);
  g_test_add_func ("/docx/careless-parts", test_careless_parts);
  g_test_add_func ("/docx/header-table", test_header_table);

  return g_test_run ();
}
