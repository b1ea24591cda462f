/* test-pdf.c: PDFs with a text layer, and reports converted by LibreOffice
 *
 * The PDF is drawn here with Cairo and Pango: a running header and page
 * numbers on every page, a justified paragraph with a raised footnote
 * marker, its body at the foot of the page, a paragraph cut by the page
 * break, and a two-column table. The same report written as text must
 * give the same observations.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <cairo-pdf.h>
#include <math.h>
#include <pango/pangocairo.h>
#include <poppler.h>
#include <string.h>

#include "ct-document.h"
#include "ct-error.h"
#include "ct-extract.h"
#include "ct-reader.h"
#include "ct-reader-layout.h"
#include "ct-test-util.h"

#define LEFT 72.0
#define WIDTH 450.0

static const gchar *header = "UBND xã Sơn Thủy – báo cáo định kỳ";
static const gchar *intro =
  "Năm 2024, diện tích gieo cấy lúa được 1.180/1.300 ha, đạt 90,8% kế hoạch, bằng 102,5% "
  "so với cùng kỳ; sản lượng thủy sản nuôi ước 520 tấn, đạt 104% kế hoạch";
static const gchar *intro_after =
  "; đàn bò hiện có 2.460 con, giảm 35 con so với cùng kỳ do chuyển đổi sang nuôi dê và "
  "trồng cỏ thâm canh trên đất bãi ven sông.";
static const gchar *split =
  "Thu ngân sách trên địa bàn được 14,62 tỷ đồng, đạt 61,3% dự toán huyện giao, trong đó "
  "thu tiền sử dụng đất 6,1 tỷ đồng; chi ngân sách 21,7 tỷ đồng, đạt 48,2% dự toán, bảo đảm "
  "chi lương, phụ cấp và các khoản chi thường xuyên của các cơ quan, đơn vị; số hộ nghèo "
  "giảm 41 hộ, tỷ lệ hộ nghèo còn 3,9%, đạt 102% kế hoạch năm và vượt chỉ tiêu Nghị quyết "
  "Hội đồng nhân dân xã đã đề ra cho cả nhiệm kỳ.";
static const gchar *note = "Trong đó cá nước ngọt 415 tấn, đạt 103,8% kế hoạch.";
static const gchar *rows[][2] = {
  { "Chỉ tiêu", "Kết quả" },
  { "Tỷ lệ trẻ em tiêm chủng đầy đủ", "97,5%" },
  { "Số lao động được giải quyết việc làm", "315 người" },
  { "Tỷ lệ hộ dùng nước hợp vệ sinh", "98,2%" },
};

static PangoLayout *
layout (cairo_t     *cr,
        const gchar *font,
        const gchar *markup,
        gboolean     justify)
{
  PangoLayout *l = pango_cairo_create_layout (cr);
  PangoFontDescription *desc = pango_font_description_from_string (font);

  pango_layout_set_font_description (l, desc);
  pango_font_description_free (desc);
  pango_layout_set_width (l, (int) (WIDTH * PANGO_SCALE));
  pango_layout_set_wrap (l, PANGO_WRAP_WORD);
  pango_layout_set_justify (l, justify);
  pango_layout_set_markup (l, markup, -1);
  return l;
}

static gdouble
draw (cairo_t     *cr,
      gdouble      x,
      gdouble      y,
      const gchar *font,
      const gchar *markup,
      gboolean     justify)
{
  g_autoptr(PangoLayout) l = layout (cr, font, markup, justify);
  gint h;

  cairo_move_to (cr, x, y);
  pango_cairo_show_layout (cr, l);
  pango_layout_get_pixel_size (l, NULL, &h);
  return y + h + 8;
}

static void
furniture (cairo_t *cr,
           guint    page)
{
  g_autofree gchar *number = g_strdup_printf ("- %u -", page);

  draw (cr, LEFT, 30, "Noto Serif 9", header, FALSE);
  draw (cr, LEFT + WIDTH / 2 - 10, 800, "Noto Serif 10", number, FALSE);
}

/* The lines of @text from @first up to @last (exclusive), justified. */
static gdouble
draw_lines (cairo_t     *cr,
            gdouble      y,
            const gchar *text,
            gint         first,
            gint         last,
            gint        *n_lines)
{
  g_autoptr(PangoLayout) l = layout (cr, "Noto Serif 12", text, TRUE);
  gint n = pango_layout_get_line_count (l);

  if (n_lines != NULL)
    *n_lines = n;
  for (gint i = first; i < MIN (last, n); i++)
    {
      PangoLayoutLine *line = pango_layout_get_line_readonly (l, i);
      PangoRectangle logical;

      pango_layout_line_get_pixel_extents (line, NULL, &logical);
      cairo_move_to (cr, LEFT, y - logical.y);
      pango_cairo_show_layout_line (cr, line);
      y += logical.height;
    }
  return y + 8;
}

static void
write_pdf (const gchar *path)
{
  cairo_surface_t *surface = cairo_pdf_surface_create (path, 595, 842);
  cairo_t *cr = cairo_create (surface);
  g_autofree gchar *first = g_strdup_printf ("%s<span rise=\"5000\" size=\"smaller\">1</span>%s", intro, intro_after);
  g_autofree gchar *body = g_strdup_printf ("<span rise=\"4000\" size=\"smaller\">1</span> %s", note);
  gdouble y;
  gint n_lines = 0;

  furniture (cr, 1);
  y = draw (cr, LEFT, 80, "Noto Serif Bold 13", "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024", FALSE);
  y = draw (cr, LEFT, y + 10, "Noto Serif Bold 12", "I. KẾT QUẢ ĐẠT ĐƯỢC", FALSE);
  y = draw (cr, LEFT, y, "Noto Serif 12", first, TRUE);
  /* The page breaks after the second line of this paragraph. */
  draw_lines (cr, 700, split, 0, 2, &n_lines);
  g_assert_cmpint (n_lines, >, 3);
  draw (cr, LEFT, 760, "Noto Serif 9", body, FALSE);
  cairo_show_page (cr);

  furniture (cr, 2);
  y = draw_lines (cr, 80, split, 2, n_lines, NULL);
  y += 10;
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    {
      g_autofree gchar *cell = g_markup_escape_text (rows[r][0], -1);

      draw (cr, LEFT + 4, y, r == 0 ? "Noto Serif Bold 11" : "Noto Serif 11", cell, FALSE);
      y = draw (cr, LEFT + 320, y, r == 0 ? "Noto Serif Bold 11" : "Noto Serif 11", rows[r][1], FALSE);
    }
  y = draw (cr, LEFT, y + 14, "Noto Serif Bold 12", "II. NHIỆM VỤ NĂM 2025", FALSE);
  draw (cr, LEFT, y, "Noto Serif 12", "Phấn đấu tổng sản lượng lương thực có hạt đạt 7.300 tấn.", TRUE);
  cairo_show_page (cr);
  cairo_destroy (cr);
  g_assert_cmpint (cairo_surface_status (surface), ==, CAIRO_STATUS_SUCCESS);
  cairo_surface_destroy (surface);
}

static gchar *
same_report_as_text (void)
{
  GString *s = g_string_new ("BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2024\n\nI. KẾT QUẢ ĐẠT ĐƯỢC\n\n");

  g_string_append_printf (s, "%s¹%s\n\n¹ %s\n\n%s\n\n", intro, intro_after, note, split);
  for (guint r = 0; r < G_N_ELEMENTS (rows); r++)
    g_string_append_printf (s, "| %s | %s |\n%s", rows[r][0], rows[r][1], r == 0 ? "|---|---|\n" : "");
  g_string_append (s, "\nII. NHIỆM VỤ NĂM 2025\n\nPhấn đấu tổng sản lượng lương thực có hạt đạt 7.300 tấn.\n");
  return g_string_free (s, FALSE);
}

static CtDocument *
read_one (const gchar *path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_file (path, NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  return ct_document_ref (g_ptr_array_index (docs, 0));
}

static gint
compare_strings (gconstpointer a,
                 gconstpointer b)
{
  return g_strcmp0 (*(const gchar **) a, *(const gchar **) b);
}

/* Value, plan, rate and year-on-year of every observation, sorted. */
static GPtrArray *
figures (const CtDocument *doc)
{
  g_autoptr(GPtrArray) obs = ct_extractor_run (ct_extractor_get_default (), doc);
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (guint i = 0; i < obs->len; i++)
    {
      const CtObservation *o = g_ptr_array_index (obs, i);

      g_ptr_array_add (out, g_strdup_printf ("%g %g %g %g", o->value, o->plan, o->rate, o->yoy));
    }
  g_ptr_array_sort (out, compare_strings);
  return out;
}

static gchar *
block_text (const CtDocument *doc,
            guint             i)
{
  const CtBlock *b = ct_document_get_block (doc, i);

  return g_strndup (doc->text + b->start, b->end - b->start);
}

static void
assert_same_figures (const CtDocument *a,
                     const CtDocument *b,
                     guint             at_least)
{
  g_autoptr(GPtrArray) fa = figures (a);
  g_autoptr(GPtrArray) fb = figures (b);

  g_assert_cmpuint (fa->len, >=, at_least);
  g_assert_cmpuint (fa->len, ==, fb->len);
  for (guint i = 0; i < fa->len; i++)
    g_assert_cmpstr (g_ptr_array_index (fa, i), ==, g_ptr_array_index (fb, i));
}

static void
test_text_layer (void)
{
  g_autofree gchar *pdf_path = ct_test_tmp_path ("drawn.pdf");
  g_autofree gchar *txt_path = ct_test_tmp_path ("drawn.md");
  g_autofree gchar *txt = same_report_as_text ();
  g_autoptr(CtDocument) pdf = NULL;
  g_autoptr(CtDocument) text = NULL;
  const CtTable *table;
  gint split_block = -1;

  write_pdf (pdf_path);
  g_assert_true (g_file_set_contents (txt_path, txt, -1, NULL));
  pdf = read_one (pdf_path);
  text = read_one (txt_path);
  g_assert_cmpint (pdf->format, ==, CT_FILE_FORMAT_PDF);

  /* Running header and page numbers are gone; the cut paragraph is whole. */
  g_assert_null (strstr (pdf->text, "định kỳ"));
  g_assert_null (strstr (pdf->text, "- 2 -"));
  for (guint i = 0; i < pdf->blocks->len; i++)
    {
      g_autofree gchar *t = block_text (pdf, i);

      if (g_str_has_prefix (t, "Thu ngân sách"))
        {
          g_assert_true (g_str_has_suffix (t, "cả nhiệm kỳ."));
          split_block = i;
        }
    }
  g_assert_cmpint (split_block, >=, 0);
  g_assert_cmpuint (ct_document_page_of_line (pdf, ct_document_get_block (pdf, split_block)->line), ==, 1);

  /* The raised marker is tied to the body printed at the foot of the page. */
  g_assert_cmpuint (pdf->footnotes->len, ==, 1);
  g_assert_cmpuint (g_array_index (pdf->footnotes, CtFootnote, 0).anchor, !=, G_MAXSIZE);
  g_assert_cmpint (g_array_index (pdf->footnotes, CtFootnote, 0).block, >=, 0);
  g_assert_true (g_str_has_prefix (pdf->text + ct_document_get_block (pdf, g_array_index (pdf->footnotes, CtFootnote, 0).block)->start,
                                   "Trong đó cá nước ngọt"));

  /* The table is rebuilt from the words' positions, on page 2. */
  g_assert_cmpuint (pdf->tables->len, ==, 1);
  table = &g_array_index (pdf->tables, CtTable, 0);
  g_assert_cmpuint (table->n_rows, ==, G_N_ELEMENTS (rows));
  g_assert_cmpuint (table->n_cols, ==, 2);
  g_assert_cmpuint (ct_document_page_of_line (pdf, ct_document_get_block (pdf, table->first_block)->line), ==, 2);
  g_assert_cmpuint (pdf->sections->len, ==, text->sections->len);

  assert_same_figures (text, pdf, 6);
}

/* The drawn report printed and scanned: each page as a 300 dpi picture in
 * a PDF without text. */
static void
write_scan (const gchar *from,
            const gchar *to,
            const gchar *png)
{
  g_autofree gchar *uri = g_filename_to_uri (from, NULL, NULL);
  PopplerDocument *doc = poppler_document_new_from_file (uri, NULL, NULL);
  cairo_surface_t *pdf = cairo_pdf_surface_create (to, 595, 842);
  cairo_t *out = cairo_create (pdf);

  g_assert_nonnull (doc);
  for (gint i = 0; i < poppler_document_get_n_pages (doc); i++)
    {
      PopplerPage *page = poppler_document_get_page (doc, i);
      cairo_surface_t *image = cairo_image_surface_create (CAIRO_FORMAT_RGB24, 2480, 3508);
      cairo_t *cr = cairo_create (image);

      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, 300 / 72.0, 300 / 72.0);
      poppler_page_render_for_printing (page, cr);
      cairo_destroy (cr);
      if (png != NULL && i == 0)
        g_assert_cmpint (cairo_surface_write_to_png (image, png), ==, CAIRO_STATUS_SUCCESS);
      cairo_save (out);
      cairo_scale (out, 72 / 300.0, 72 / 300.0);
      cairo_set_source_surface (out, image, 0, 0);
      cairo_paint (out);
      cairo_restore (out);
      cairo_show_page (out);
      cairo_surface_destroy (image);
      g_object_unref (page);
    }
  cairo_destroy (out);
  cairo_surface_destroy (pdf);
  g_object_unref (doc);
}

static void
test_scan (void)
{
  g_autofree gchar *pdf_path = ct_test_tmp_path ("printed.pdf");
  g_autofree gchar *scan_path = ct_test_tmp_path ("scanned.pdf");
  g_autofree gchar *txt_path = ct_test_tmp_path ("printed.md");
  g_autofree gchar *png_path = ct_test_tmp_path ("page1.png");
  g_autoptr(GPtrArray) photo = NULL;
  g_autofree gchar *txt = same_report_as_text ();
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(CtDocument) text = NULL;
  g_autoptr(GPtrArray) want = NULL;
  g_autoptr(GPtrArray) got = NULL;
  g_autoptr(GPtrArray) obs = NULL;
  CtDocument *scan;
  guint found = 0;

  write_pdf (pdf_path);
  write_scan (pdf_path, scan_path, png_path);
  g_assert_true (g_file_set_contents (txt_path, txt, -1, NULL));
  docs = ct_reader_read_file (scan_path, NULL, &error);
  if (g_error_matches (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM))
    {
      g_test_skip ("the Vietnamese OCR data (tesseract-ocr-vie) is not installed");
      return;
    }
  g_assert_no_error (error);
  scan = g_ptr_array_index (docs, 0);
  g_assert_cmpint (scan->format, ==, CT_FILE_FORMAT_SCAN);
  g_assert_null (strstr (scan->text, "định kỳ"));

  text = read_one (txt_path);
  want = figures (text);
  got = figures (scan);
  /* A clean scan loses little: at least 85% of the figures come back. */
  for (guint i = 0; i < want->len; i++)
    for (guint j = 0; j < got->len; j++)
      if (g_strcmp0 (g_ptr_array_index (want, i), g_ptr_array_index (got, j)) == 0)
        {
          found++;
          g_ptr_array_remove_index (got, j);
          break;
        }
  g_assert_cmpuint (found * 100, >=, want->len * 85);
  obs = ct_extractor_run (ct_extractor_get_default (), scan);
  for (guint i = 0; i < obs->len; i++)
    g_assert_true (((CtObservation *) g_ptr_array_index (obs, i))->flags & CT_FLAG_OCR);

  /* The first page saved as a picture reads the same way. */
  photo = ct_reader_read_file (png_path, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpint (((CtDocument *) g_ptr_array_index (photo, 0))->format, ==, CT_FILE_FORMAT_SCAN);
  g_assert_nonnull (strstr (((CtDocument *) g_ptr_array_index (photo, 0))->text, "1.180/1.300 ha"));
}

/* Without the OCR data the error names the package to install. */
static void
test_scan_without_data (void)
{
  g_autofree gchar *pdf_path = ct_test_tmp_path ("printed2.pdf");
  g_autofree gchar *scan_path = ct_test_tmp_path ("scanned2.pdf");
  g_autofree gchar *saved = g_strdup (g_getenv ("TESSDATA_PREFIX"));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;

  write_pdf (pdf_path);
  write_scan (pdf_path, scan_path, NULL);
  g_setenv ("TESSDATA_PREFIX", ct_test_tmpdir (), TRUE);
  docs = ct_reader_read_file (scan_path, NULL, &error);
  if (saved != NULL)
    g_setenv ("TESSDATA_PREFIX", saved, TRUE);
  else
    g_unsetenv ("TESSDATA_PREFIX");
  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM);
  g_assert_nonnull (strstr (error->message, "tesseract-ocr-vie"));
}

/* OCR gives no font size and boxes as tall as their letters: "ao" is half
 * the height of "Đặng". Words of a justified line spaced wider than the
 * short words are tall must still read as text, not as table cells. */
static void
test_ocr_words_stay_text (void)
{
  static const gchar *words[] = { "Đặng", "ao", "cam", "mua", "nên", "Lượng", "ca", "rau", NULL };
  g_autoptr(GPtrArray) pages = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_layout_page_free);
  CtLayoutPage *page = ct_layout_page_new (595, 842);
  g_autoptr(GPtrArray) paras = NULL;

  for (guint line = 0; line < 3; line++)
    {
      gdouble x = 72, top = 100 + line * 18;

      for (guint i = 0; words[i] != NULL; i++)
        {
          gboolean tall = g_utf8_strlen (words[i], -1) > 3 || g_unichar_isupper (g_utf8_get_char (words[i]));
          gdouble width = g_utf8_strlen (words[i], -1) * 6;

          ct_layout_page_add (page, words[i], x, tall ? top : top + 6, x + width, top + 14, 0, FALSE);
          x += width + 10;
        }
    }
  g_ptr_array_add (pages, page);
  paras = ct_layout_build (pages, NULL, NULL);
  g_assert_cmpuint (paras->len, ==, 1);
  g_assert_cmpint (((CtRawPara *) g_ptr_array_index (paras, 0))->kind, ==, CT_RAW_PARAGRAPH);
}

static void
test_damaged_pdf (void)
{
  static const gchar broken[] = "%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer <<>>\n%%EOF\n";
  g_autoptr(GBytes) bytes = g_bytes_new_static (broken, sizeof broken - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "hỏng.pdf", NULL, &error);

  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "hỏng.pdf"));
}

/* Without its PDF module the program says how to get it back, every time,
 * and reads nothing. The module is opened once per process: a child runs
 * with the folder it is looked for in empty. */
static void
test_without_module (void)
{
  g_autofree gchar *pdf_path = NULL;
  g_autofree gchar *empty = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  pdf_path = ct_test_tmp_path ("không-module.pdf");
  empty = ct_test_tmp_path ("no-module");
  write_pdf (pdf_path);
  g_assert_cmpint (g_mkdir_with_parents (empty, 0700), ==, 0);
  g_setenv ("CHITIEU_MODULE_DIR", empty, TRUE);
  for (guint attempt = 0; attempt < 2; attempt++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GPtrArray) docs = ct_reader_read_file (pdf_path, NULL, &error);

      g_assert_null (docs);
      g_assert_error (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM);
      g_assert_nonnull (strstr (error->message, "chitieu-pdf"));
    }
}

static const gchar rtf[] =
  "{\\rtf1\\ansi\\ansicpg1252\\deff0{\\fonttbl{\\f0 Liberation Serif;}}\n"
  "\\pard\\b I. K\\u7870?T QU\\u7842?\\b0\\par\n"
  "\\pard Di\\u7879?n t\\u237?ch tr\\u7891?ng ng\\u244? \\u273?\\u432?\\u7907?c 845/900 ha, \\u273?\\u7841?t 93,9% k\\u7871? ho\\u7841?ch.\\par\n"
  "}\n";

static void
test_rtf_converted (void)
{
  g_autofree gchar *soffice = g_find_program_in_path ("soffice");
  g_autofree gchar *path = ct_test_tmp_path ("ghi.rtf");
  g_autoptr(CtDocument) doc = NULL;
  g_autoptr(GPtrArray) obs = NULL;
  const CtObservation *o;

  if (soffice == NULL)
    {
      g_test_skip ("LibreOffice (soffice) is not installed");
      return;
    }
  g_assert_true (g_file_set_contents (path, rtf, -1, NULL));
  doc = read_one (path);
  g_assert_cmpint (doc->format, ==, CT_FILE_FORMAT_RTF);
  g_assert_cmpuint (doc->warnings->len, >=, 1);
  g_assert_nonnull (strstr (g_ptr_array_index (doc->warnings, doc->warnings->len - 1), "LibreOffice"));
  g_assert_nonnull (strstr (doc->text, "Diện tích trồng ngô được 845/900 ha"));
  obs = ct_extractor_run (ct_extractor_get_default (), doc);
  g_assert_cmpuint (obs->len, ==, 1);
  o = g_ptr_array_index (obs, 0);
  g_assert_cmpfloat_with_epsilon (o->value, 845, 1e-9);
  g_assert_cmpfloat_with_epsilon (o->plan, 900, 1e-9);
  g_assert_cmpfloat_with_epsilon (o->rate, 93.9, 1e-9);
}

/* Without LibreOffice the error names the package, and nothing is read. */
static void
test_rtf_without_converter (void)
{
  g_autoptr(GBytes) bytes = g_bytes_new_static (rtf, sizeof rtf - 1);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autofree gchar *saved = g_strdup (g_getenv ("PATH"));

  g_setenv ("PATH", ct_test_tmpdir (), TRUE);
  docs = ct_reader_read_bytes (bytes, "ghi.rtf", NULL, &error);
  g_setenv ("PATH", saved, TRUE);
  g_assert_null (docs);
  g_assert_error (error, CT_ERROR, CT_ERROR_MISSING_PROGRAM);
  g_assert_nonnull (strstr (error->message, "libreoffice-writer-nogui"));
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/pdf/text-layer", test_text_layer);
  g_test_add_func ("/pdf/damaged", test_damaged_pdf);
  g_test_add_func ("/pdf/without-module", test_without_module);
  g_test_add_func ("/pdf/ocr-words-stay-text", test_ocr_words_stay_text);
  g_test_add_func ("/pdf/scan", test_scan);
  g_test_add_func ("/pdf/scan-without-ocr-data", test_scan_without_data);
  g_test_add_func ("/convert/rtf", test_rtf_converted);
  g_test_add_func ("/convert/rtf-without-libreoffice", test_rtf_without_converter);
  return g_test_run ();
}
