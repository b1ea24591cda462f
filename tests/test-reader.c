/* test-reader.c: text and Markdown reports read into one document
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ct-document.h"
#include "ct-error.h"
#include "ct-reader.h"
#include "ct-reader-private.h"
#include "ct-reader-outline.h"
#include "ct-text.h"
#include "ct-test-util.h"

static CtDocument *
read_string (const gchar *text,
             gssize       len)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, len < 0 ? strlen (text) : (gsize) len);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "report.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (docs);
  g_assert_cmpuint (docs->len, ==, 1);
  return ct_document_ref (g_ptr_array_index (docs, 0));
}

/* Each report is known by the SHA-256 of its bytes: the same digest as
 * GLib's, whatever the length around the 64-byte blocks of the hash, with a
 * byte-order mark (hashed too), and for UTF-16. */
static void
test_sha256_of_source (void)
{
  GString *text = g_string_new ("\xEF\xBB\xBFKế hoạch năm: trồng rừng mới ");

  for (guint n = 0; n < 160; n++)
    {
      g_autoptr(CtDocument) doc = read_string (text->str, text->len);
      g_autofree gchar *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) text->str, text->len);

      g_assert_cmpstr (doc->sha256, ==, expected);
      g_string_append_c (text, n % 7 == 0 ? ' ' : 'a' + n % 26);
    }
  g_string_free (text, TRUE);

  {
    static const gchar utf16[] = "\xFF\xFEH\0\xE1\x1E \0""1\0""0\0 \0h\0""a\0";
    g_autoptr(CtDocument) doc = read_string (utf16, sizeof utf16 - 1);
    g_autofree gchar *expected = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) utf16, sizeof utf16 - 1);

    g_assert_cmpstr (doc->sha256, ==, expected);
  }
}

static gchar *
block_text (const CtDocument *doc,
            guint             i)
{
  const CtBlock *b = ct_document_get_block (doc, i);

  return g_strndup (doc->text + b->start, b->end - b->start);
}

/* The block whose text starts with @prefix, or -1. */
static gint
find_block (const CtDocument *doc,
            const gchar      *prefix)
{
  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const CtBlock *b = ct_document_get_block (doc, i);

      if (g_str_has_prefix (doc->text + b->start, prefix))
        return i;
    }
  return -1;
}

static const CtSection *
find_section (const CtDocument *doc,
              const gchar      *title_prefix)
{
  for (guint i = 0; i < doc->sections->len; i++)
    {
      const CtSection *s = &g_array_index (doc->sections, CtSection, i);

      if (g_str_has_prefix (s->title, title_prefix))
        return s;
    }
  return NULL;
}

static const CtFootnote *
find_note (const CtDocument *doc,
           const gchar      *id)
{
  for (guint i = 0; i < doc->footnotes->len; i++)
    {
      const CtFootnote *f = &g_array_index (doc->footnotes, CtFootnote, i);

      if (g_str_equal (f->id, id))
        return f;
    }
  return NULL;
}

static void
test_normalisation (void)
{
  /* "Tủa Chùa" decomposed, a no-break space and a narrow one, CRLF. */
  g_autoptr(CtDocument) doc = read_string ("huye\xcc\x82\xcc\xa3n Tu\xcc\x89""a Chu\xcc\x80""a\r\n"
                                           "12\xc2\xa0""000\xe2\x80\xaf""con\r\n", -1);
  g_autofree gchar *first = block_text (doc, 0);
  g_autofree gchar *second = block_text (doc, 1);

  g_assert_cmpstr (first, ==, "huyện Tủa Chùa");
  g_assert_cmpstr (second, ==, "12 000 con");
  g_assert_cmpuint (ct_document_get_block (doc, 1)->line, ==, 2);
  g_assert_cmpint (doc->format, ==, CT_FILE_FORMAT_TEXT);
}

/* What ct_reader_clean_line() must give, the plain way: NFC (or the
 * valid part of text that is not UTF-8) up to a NUL, then character by
 * character: every kind of space one ' ', zero-width characters and
 * controls gone, no space at either end. */
static gchar *
clean_oracle (const gchar *text,
              gsize        len)
{
  g_autofree gchar *nfc = ct_text_normalize_nfc (text, len, NULL);
  GString *out = g_string_new (NULL);
  gboolean space = TRUE;

  if (nfc == NULL)
    nfc = g_utf8_make_valid (text, len);
  for (const gchar *p = nfc; *p != '\0'; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0x2060 || c == 0xFEFF || c == 0x00AD ||
          (c < 0x20 && c != '\t' && c != '\v' && c != '\f'))
        continue;
      if (c == ' ' || c == '\t' || c == '\v' || c == '\f' || c == 0x00A0 || (c >= 0x2000 && c <= 0x200A) ||
          c == 0x202F || c == 0x205F || c == 0x3000 || c == 0x1680)
        {
          if (!space)
            g_string_append_c (out, ' ');
          space = TRUE;
          continue;
        }
      g_string_append_unichar (out, c);
      space = FALSE;
    }
  if (out->len > 0 && out->str[out->len - 1] == ' ')
    g_string_truncate (out, out->len - 1);
  return g_string_free (out, FALSE);
}

/* Lines cleaned in the pass that finds them already NFC, and the rest
 * normalised first, agree with the oracle: letters, decomposed marks,
 * the spaces NFC changes (U+2000, U+2001), invisible characters, controls,
 * NUL, bytes that are not UTF-8, characters past the lookup tables. */
static void
test_clean_line (void)
{
  static const gchar *pieces[] = {
    "a", "Z", "7", " ", "  ", "\t", "\v", "\r", "\x01", "\x7f", "ệ", "Đ", "ư", "ờ", "ạ",
    "e\xcc\x82\xcc\xa3", "u\xcc\x9b", "\xcc\x81", "\xc2\xa0", "\xc2\xad", "\xe2\x80\x80",
    "\xe2\x80\x81", "\xe2\x80\x82", "\xe2\x80\x8b", "\xe2\x80\xaf", "\xe2\x81\xa0", "\xef\xbb\xbf",
    "\xe3\x80\x80", "\xe1\x9a\x80", "\xe4\xb8\xad", "\xf0\x9f\x98\x80", "\xff", "\xc3", "\xe1\xbb",
    "\xed\xa0\x80", "\xc0\xaf", "\xef\xac\x81", "\xe2\x84\xab", "\xcd\xb4", "²",
  };
  GRand *rand = g_rand_new_with_seed (5);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) line = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 12);
      g_autofree gchar *want = NULL;
      g_autofree gchar *got = NULL;

      for (guint i = 0; i < n; i++)
        g_string_append (line, pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))]);
      if (round % 50 == 0)
        g_string_insert_len (line, g_rand_int_range (rand, 0, line->len + 1), "\0", 1);
      want = clean_oracle (line->str, line->len);
      got = ct_reader_clean_line (line->str, line->len);
      g_assert_cmpstr (got, ==, want);
    }
  g_rand_free (rand);
}

static void
test_utf16_with_bom (void)
{
  const gchar *utf8 = "Kết quả:\nđạt 45%\n";
  g_autoptr(GError) error = NULL;
  gsize n = 0;
  g_autofree gchar *utf16 = g_convert (utf8, -1, "UTF-16LE", "UTF-8", NULL, &n, &error);
  g_autofree gchar *with_bom = g_malloc (n + 2);
  g_autoptr(CtDocument) doc = NULL;
  g_autofree gchar *second = NULL;

  g_assert_no_error (error);
  memcpy (with_bom, "\xFF\xFE", 2);
  memcpy (with_bom + 2, utf16, n);
  doc = read_string (with_bom, n + 2);
  second = block_text (doc, 1);
  g_assert_cmpstr (second, ==, "đạt 45%");
}

static void
test_footnote_markers (void)
{
  g_autoptr(CtDocument) doc = read_string (
    "Diện tích 14.590 m² và 300m³, đạt 45%² kế hoạch, sản lượng 12.000³ tấn.\n"
    "\n"
    "² Kế hoạch năm 2023.\n"
    "³ Ước tính.\n", -1);
  g_autofree gchar *first = block_text (doc, 0);
  const CtFootnote *two = find_note (doc, "2");
  const CtFootnote *three = find_note (doc, "3");

  /* Powers of units stay; markers go and leave their numbers whole. */
  g_assert_cmpstr (first, ==, "Diện tích 14.590 m² và 300m³, đạt 45% kế hoạch, sản lượng 12.000 tấn.");
  g_assert_nonnull (two);
  g_assert_nonnull (three);
  g_assert_cmpuint (two->anchor, ==, strstr (doc->text, "% kế") + 1 - doc->text);
  g_assert_cmpuint (three->anchor, ==, strstr (doc->text, " tấn.") - doc->text);
  g_assert_cmpint (ct_document_get_block (doc, two->block)->kind, ==, CT_BLOCK_FOOTNOTE);
  g_assert_cmpuint (ct_document_get_block (doc, two->block)->line, ==, 3);
  g_assert_cmpuint (ct_document_get_block (doc, three->block)->line, ==, 4);
  g_assert_cmpuint (doc->footnotes->len, ==, 2);
}

/* The marker scan steps over eight bytes at a time: a marker found
 * wherever it falls against those steps, after ASCII or Vietnamese text
 * (whose letters' later bytes may start a step), a power of a unit left
 * where it stands, and a marker in the paragraph's last bytes. */
static void
test_footnote_markers_anywhere (void)
{
  static const gchar *pads[] = { "x", "ế", "đạt", " ", "–" };

  for (guint shift = 0; shift < 24; shift++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) want = g_string_new (NULL);
      g_autoptr(CtDocument) doc = NULL;
      g_autofree gchar *first = NULL;
      const CtFootnote *one, *two, *three;
      gsize at_one, at_two, at_three;

      for (guint k = 0; k < shift; k++)
        g_string_append (text, pads[k % G_N_ELEMENTS (pads)]);
      g_string_append (want, text->str);
      g_string_append (text, "diện tích 5 m² đạt 45%¹ kế hoạch[^2] và 12.000⁴ tấn trong năm, tăng 5%³");
      g_string_append (want, "diện tích 5 m² đạt 45%");
      at_one = want->len;
      g_string_append (want, " kế hoạch");
      at_two = want->len;
      g_string_append (want, " và 12.000");
      at_three = want->len;
      g_string_append (want, " tấn trong năm, tăng 5%");
      g_string_append (text, "\n\n¹ Một.\n\n[^2]: Hai.\n\n⁴ Bốn.\n\n³ Ba.\n");
      doc = read_string (text->str, text->len);
      first = block_text (doc, 0);
      one = find_note (doc, "1");
      two = find_note (doc, "2");
      three = find_note (doc, "4");
      g_assert_cmpstr (first, ==, want->str);
      g_assert_nonnull (one);
      g_assert_nonnull (two);
      g_assert_nonnull (three);
      g_assert_nonnull (find_note (doc, "3"));
      g_assert_cmpuint (find_note (doc, "3")->anchor, ==, want->len);
      g_assert_cmpuint (doc->footnotes->len, ==, 4);
      g_assert_cmpuint (one->anchor, ==, at_one);
      g_assert_cmpuint (two->anchor, ==, at_two);
      g_assert_cmpuint (three->anchor, ==, at_three);
    }
}

/* Headings are short: a line in capitals of up to thirty words is one,
 * of thirty-one is text, however long the paragraphs around it (the
 * words are counted only as far as the limit). */
static void
test_heading_word_limit (void)
{
  for (guint n = 29; n <= 32; n++)
    {
      g_autoptr(GString) text = g_string_new ("Kết quả thực hiện trong năm có nhiều chỉ tiêu đạt và vượt kế hoạch đề ra.\n\n");
      g_autoptr(CtDocument) doc = NULL;
      const CtBlock *b;

      for (guint w = 0; w < n; w++)
        g_string_append (text, w == 0 ? "TRỒNG" : " TRỒNG");
      g_string_append (text, "\n\nDiện tích trồng rừng đạt 120 ha, bằng 96% kế hoạch.\n");
      doc = read_string (text->str, text->len);
      b = ct_document_get_block (doc, 1);
      g_assert_cmpint (b->kind == CT_BLOCK_HEADING, ==, n <= 30);
    }
}

static void
test_inline_footnotes (void)
{
  g_autoptr(CtDocument) doc = read_string (
    "Tiêm 39.575 liều vắc xin[footnoteRef:1], đạt 90%. [1: 25.575 liều Lở mồm\n"
    "long móng]\n"
    "Thu ngân sách 316 tỷ đồng[footnoteRef:2]. [2: Trên địa bàn 6,9 tỷ đồng]\n", -1);
  g_autofree gchar *first = block_text (doc, 0);
  const CtFootnote *one = find_note (doc, "1");
  const CtFootnote *two = find_note (doc, "2");
  g_autofree gchar *body1 = NULL;

  g_assert_cmpstr (first, ==, "Tiêm 39.575 liều vắc xin, đạt 90%.");
  g_assert_nonnull (one);
  g_assert_nonnull (two);
  body1 = block_text (doc, one->block);
  g_assert_cmpstr (body1, ==, "25.575 liều Lở mồm long móng");
  /* A body inlined in a line keeps that line. */
  g_assert_cmpuint (ct_document_get_block (doc, one->block)->line, ==, 1);
  g_assert_cmpuint (ct_document_get_block (doc, two->block)->line, ==, 3);
  g_assert_cmpuint (one->anchor, ==, strstr (doc->text, ", đạt 90%") - doc->text);
  g_assert_cmpuint (ct_document_line_at (doc, two->anchor), ==, 3);
  /* …and a body running on to the next line leads its words there. */
  g_assert_cmpuint (ct_document_line_at (doc, strstr (doc->text, "long móng") - doc->text), ==, 2);
  g_assert_cmpuint (ct_document_line_at (doc, strstr (doc->text, "Lở mồm") - doc->text), ==, 1);
}

static void
test_markdown (void)
{
  g_autoptr(CtDocument) doc = read_string (
    "**ỦY BAN NHÂN DÂN\n"
    "HUYỆN NAM ĐÔNG**\n"
    "\n"
    "- **Giá trị sản xuất:** đạt *184,7* tỷ đồng.\n"
    "\n"
    "| Chỉ tiêu | Kế hoạch | Thực hiện |\n"
    "|---|---:|---:|\n"
    "| Lúa (tấn) | 4.450 | **2.640** |\n", -1);
  g_autofree gchar *header = block_text (doc, 0);
  g_autofree gchar *bullet = block_text (doc, 1);
  g_autofree gchar *row = NULL;
  const CtTable *table;
  const CtCell *cell;
  gint r = find_block (doc, "Lúa");

  /* Read as Markdown, yet a .txt file is called text where the user is
   * told its format; the same bytes as .md are Markdown. */
  g_assert_cmpint (doc->format, ==, CT_FILE_FORMAT_TEXT);
  {
    static const gchar pipes[] = "| A | B |\n|---|---|\n| Lúa (tấn) | 4.450 |\n";
    g_autoptr(GBytes) same = g_bytes_new_static (pipes, strlen (pipes));
    g_autoptr(GPtrArray) md = ct_reader_read_bytes (same, "bao-cao.md", NULL, NULL);

    g_assert_nonnull (md);
    g_assert_cmpint (((CtDocument *) g_ptr_array_index (md, 0))->format, ==, CT_FILE_FORMAT_MARKDOWN);
  }
  g_assert_cmpstr (header, ==, "ỦY BAN NHÂN DÂN HUYỆN NAM ĐÔNG");
  /* The header block spans two lines; each offset maps to its own. */
  g_assert_cmpuint (ct_document_line_at (doc, strstr (doc->text, "HUYỆN") - doc->text), ==, 2);
  g_assert_cmpstr (bullet, ==, "- Giá trị sản xuất: đạt 184,7 tỷ đồng.");

  g_assert_cmpint (r, >=, 0);
  row = block_text (doc, r);
  g_assert_cmpstr (row, ==, "Lúa (tấn) | 4.450 | 2.640");
  g_assert_cmpint (ct_document_get_block (doc, r)->kind, ==, CT_BLOCK_TABLE_ROW);
  g_assert_cmpint (ct_document_get_block (doc, r)->row, ==, 1);
  g_assert_cmpuint (doc->tables->len, ==, 1);
  table = &g_array_index (doc->tables, CtTable, 0);
  g_assert_cmpuint (table->n_rows, ==, 2);
  g_assert_cmpuint (table->n_cols, ==, 3);
  cell = &g_array_index (table->cells, CtCell, 5);
  g_assert_cmpuint (cell->row, ==, 1);
  g_assert_cmpuint (cell->col, ==, 2);
  g_assert_cmpmem (doc->text + cell->start, cell->end - cell->start, "2.640", 5);
}

static void
test_outline_and_parts (void)
{
  g_autoptr(CtDocument) doc = read_string (
    "BÁO CÁO\n"
    "Tình hình 6 tháng đầu năm 2022 của UBND huyện Mèo Vạc\n"
    "Thực hiện Nghị quyết của Hội đồng nhân dân huyện về nhiệm vụ phát triển kinh tế xã hội năm 2022, Ủy ban nhân dân huyện báo cáo như sau:\n"
    "Phần thứ nhất\n"
    "KẾT QUẢ THỰC HIỆN\n"
    "I. LĨNH VỰC KINH TẾ\n"
    "1. Nông nghiệp\n"
    "a) Trồng trọt\n"
    "Lúa đạt 1.200 tấn, bằng 98% cùng kỳ.\n"
    "2. Thu ngân sách: đạt 11,3 tỷ đồng, bằng 57% dự toán.\n"
    "3. QUỐC PHÒNG, AN NINH\n"
    "1. Công tác quân sự\n"
    "Phần thứ hai\n"
    "PHƯƠNG HƯỚNG, NHIỆM VỤ 6 THÁNG CUỐI NĂM\n"
    "1. Nông nghiệp\n"
    "Phấn đấu sản lượng lúa đạt 2.500 tấn.\n"
    "Trên đây là báo cáo của UBND huyện Mèo Vạc./.\n", -1);
  const CtSection *part1 = find_section (doc, "KẾT QUẢ");
  const CtSection *crop = find_section (doc, "Trồng trọt");
  const CtSection *budget = find_section (doc, "Thu ngân sách");
  const CtSection *defence = find_section (doc, "QUỐC PHÒNG");
  const CtSection *military = find_section (doc, "Công tác quân sự");
  const CtSection *part2 = find_section (doc, "PHƯƠNG HƯỚNG");
  gint rice = find_block (doc, "Lúa đạt");
  gint target = find_block (doc, "Phấn đấu");
  gint budget_block = find_block (doc, "2. Thu ngân sách");
  g_autofree gchar *path = NULL;

  g_assert_nonnull (part1);
  g_assert_cmpstr (part1->label, ==, "Phần thứ nhất");
  g_assert_cmpuint (part1->level, ==, 0);
  g_assert_nonnull (crop);
  g_assert_cmpuint (crop->level, ==, 3);
  g_assert_cmpstr (crop->label, ==, "a)");
  /* A run-in heading opens a section but its paragraph keeps its figures. */
  g_assert_nonnull (budget);
  g_assert_cmpuint (budget->level, ==, 2);
  g_assert_cmpint (ct_document_get_block (doc, budget_block)->kind, ==, CT_BLOCK_PARAGRAPH);
  g_assert_cmpint (ct_document_get_block (doc, budget_block)->section, ==, budget - (const CtSection *) doc->sections->data);
  /* A heading in capitals holds the numbered headings that follow it. */
  g_assert_nonnull (defence);
  g_assert_nonnull (military);
  g_assert_cmpint (military->parent, ==, defence - (const CtSection *) doc->sections->data);

  g_assert_nonnull (part2);
  g_assert_cmpint (part2->part, ==, CT_PART_TARGETS);
  g_assert_cmpint (ct_document_get_block (doc, rice)->part, ==, CT_PART_RESULTS);
  g_assert_cmpint (ct_document_get_block (doc, target)->part, ==, CT_PART_TARGETS);
  path = ct_document_section_path (doc, ct_document_get_block (doc, rice)->section);
  g_assert_cmpstr (path, ==, "Phần thứ nhất KẾT QUẢ THỰC HIỆN › I. LĨNH VỰC KINH TẾ › 1. Nông nghiệp › a) Trồng trọt");

  g_assert_cmpstr (doc->meta.locality.value, ==, "Mèo Vạc");
  g_assert_cmpstr (doc->meta.level.value, ==, "huyện");
  g_assert_cmpstr (doc->meta.year.value, ==, "2022");
  g_assert_cmpstr (doc->meta.period.value, ==, "6 tháng đầu năm");
}

static void
test_broken_paragraphs (void)
{
  g_autoptr(CtDocument) doc = read_string (
    "4. Quản lý tài nguyên, bảo vệ môi trường; phòng chống thiên tai, ứng\n"
    "\n"
    "phó biến đổi khí hậu\n"
    "\n"
    "- Đã cấp giấy chứng nhận\n"
    "\n"
    "¹ Cả 02 đều là Anh hùng.\n"
    "\n"
    "quyền sử dụng đất cho 37.934 hộ, đạt 97,51%.\n", -1);
  gint heading = find_block (doc, "4. Quản lý");
  gint para = find_block (doc, "- Đã cấp");
  g_autofree gchar *heading_text = block_text (doc, heading);
  g_autofree gchar *para_text = block_text (doc, para);
  const gchar *where = strstr (doc->text, "quyền sử dụng");

  g_assert_cmpstr (heading_text, ==, "4. Quản lý tài nguyên, bảo vệ môi trường; phòng chống thiên tai, ứng phó biến đổi khí hậu");
  g_assert_cmpint (ct_document_get_block (doc, heading)->kind, ==, CT_BLOCK_HEADING);
  /* The sentence goes on after the footnote printed at the page's foot. */
  g_assert_cmpstr (para_text, ==, "- Đã cấp giấy chứng nhận quyền sử dụng đất cho 37.934 hộ, đạt 97,51%.");
  g_assert_cmpuint (ct_document_get_block (doc, para)->line, ==, 5);
  g_assert_cmpuint (ct_document_line_at (doc, where - doc->text), ==, 9);
  g_assert_cmpint (ct_document_get_block (doc, para + 1)->kind, ==, CT_BLOCK_FOOTNOTE);
}

static void
test_annual_report (void)
{
  g_autoptr(CtDocument) doc = read_string (
    "ỦY BAN NHÂN DÂN\n"
    "THỊ XÃ SA PA\n"
    "Sa Pa, ngày 05 tháng 12 năm 2023\n"
    "BÁO CÁO\n"
    "Tình hình kinh tế - xã hội năm 2023 và phương hướng, nhiệm vụ năm 2024\n"
    "I. KẾT QUẢ THỰC HIỆN\n"
    "Tổng thu ngân sách đạt 120 tỷ đồng, bằng 105% dự toán tỉnh Lào Cai giao.\n"
    "II. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2024\n"
    "Phấn đấu thu ngân sách 130 tỷ đồng.\n", -1);
  gint target = find_block (doc, "Phấn đấu");

  /* The header over two lines in capitals is one block. */
  g_assert_cmpint (find_block (doc, "ỦY BAN NHÂN DÂN THỊ XÃ SA PA"), ==, 0);
  g_assert_cmpstr (doc->meta.locality.value, ==, "Sa Pa");
  g_assert_cmpstr (doc->meta.level.value, ==, "thị xã");
  g_assert_cmpstr (doc->meta.issuer.value, ==, "UBND thị xã Sa Pa");
  g_assert_cmpstr (doc->meta.province.value, ==, "Lào Cai");
  /* It reports on 2023; 2024 is the year it plans for. */
  g_assert_cmpstr (doc->meta.year.value, ==, "2023");
  g_assert_cmpstr (doc->meta.period.value, ==, "cả năm");
  g_assert_cmpstr (doc->meta.date.value, ==, "2023-12-05");
  g_assert_cmpint (ct_document_get_block (doc, target)->part, ==, CT_PART_TARGETS);
}

/* The two header columns converted one after the other: the state's name
 * is not part of the issuer's, and a commune's header wins over the
 * district it reports to ("Nơi nhận"). */
static void
test_header_columns_and_commune (void)
{
  g_autoptr(CtDocument) town = read_string (
    "ỦY BAN NHÂN DÂN\n"
    "THỊ XÃ BẾN SỎI\n"
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n"
    "Độc lập - Tự do - Hạnh phúc\n"
    "Bến Sỏi, ngày 10 tháng 12 năm 2024\n"
    "BÁO CÁO\n"
    "Tình hình kinh tế - xã hội năm 2024\n"
    "Kính gửi: Ủy ban nhân dân tỉnh Lâm Đồng\n"
    "Tổng thu ngân sách đạt 450 tỷ đồng, đạt 105% dự toán.\n", -1);
  g_autoptr(CtDocument) commune = read_string (
    "UBND XÃ HƯƠNG LÂM\n"
    "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ 9 THÁNG ĐẦU NĂM 2022\n"
    "Hương Lâm, ngày 25/9/2022\n"
    "Sản lượng lương thực của xã đạt 1.250 tấn, đạt 75% kế hoạch huyện A Lưới giao.\n"
    "Nơi nhận: UBND huyện A Lưới; Phòng Tài chính huyện A Lưới.\n", -1);

  g_assert_cmpstr (town->meta.locality.value, ==, "Bến Sỏi");
  g_assert_cmpstr (town->meta.issuer.value, ==, "UBND thị xã Bến Sỏi");
  g_assert_cmpstr (town->meta.date.value, ==, "2024-12-10");
  g_assert_cmpint (find_block (town, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"), >=, 0);

  {
    g_autoptr(CtDocument) province = read_string (
      "ỦY BAN NHÂN DÂN\n"
      "TỈNH ĐIỆN BIÊN\n"
      "\n"
      "BÁO CÁO\n"
      "Tình hình thực hiện kế hoạch phát triển kinh tế - xã hội năm 2022\n", -1);

    /* A province reporting on itself is its own province. */
    g_assert_cmpstr (province->meta.level.value, ==, "tỉnh");
    g_assert_cmpstr (province->meta.province.value, ==, "Điện Biên");
  }

  g_assert_cmpstr (commune->meta.locality.value, ==, "Hương Lâm");
  g_assert_cmpstr (commune->meta.level.value, ==, "xã");
  g_assert_cmpstr (commune->meta.period.value, ==, "9 tháng");
  g_assert_cmpstr (commune->meta.date.value, ==, "2022-09-25");
}

static void
record_hit (guint    needle,
            gsize    at,
            gsize    needle_len,
            gpointer data)
{
  g_string_append_printf (data, "%u@%" G_GSIZE_FORMAT "+%" G_GSIZE_FORMAT " ", needle, at, needle_len);
}

/* One pass for many needles finds what strstr finds for each, from the
 * end of its previous hit: overlapping needles, a needle that is another's
 * prefix, the same needle twice, multi-byte letters, the text's last byte. */
static void
test_needles_as_strstr (void)
{
  static const gchar *needles[] = { "aa", "aaa", "a", "Đông", "Đ", "đ", "Đông", "ng Đ", "", "z" };
  static const gchar *texts[] = { "aaaaa", "Nam Đông, Đông Hà, đường Đông", "xaaz", "", "Đ", "aĐông" };

  for (guint t = 0; t < G_N_ELEMENTS (texts); t++)
    {
      g_autoptr(GString) expected = g_string_new (NULL);
      g_autoptr(GString) found = g_string_new (NULL);
      g_autoptr(GString) sorted = g_string_new (NULL);
      CtNeedles *set = ct_needles_new (needles, G_N_ELEMENTS (needles));

      for (guint n = 0; n < G_N_ELEMENTS (needles); n++)
        {
          gsize len = strlen (needles[n]);

          for (const gchar *hit = len > 0 ? strstr (texts[t], needles[n]) : NULL; hit != NULL;
               hit = strstr (hit + len, needles[n]))
            record_hit (n, hit - texts[t], len, expected);
        }
      ct_needles_each (set, texts[t], strlen (texts[t]), record_hit, found);
      /* The pass reports by position; strstr went needle by needle. */
      for (guint n = 0; n < G_N_ELEMENTS (needles); n++)
        {
          g_autofree gchar *prefix = g_strdup_printf ("%u@", n);
          g_auto(GStrv) hits = g_strsplit (found->str, " ", -1);

          for (guint h = 0; hits[h] != NULL; h++)
            if (g_str_has_prefix (hits[h], prefix))
              g_string_append_printf (sorted, "%s ", hits[h]);
        }
      g_assert_cmpstr (sorted->str, ==, expected->str);
      ct_needles_free (set);
    }
}

/* The same on random texts of few letters, so needles meet one another,
 * the steps of eight bytes and the text's end in every way: each needle
 * found where strstr finds it, and the first start from every offset. */
static void
test_needles_random (void)
{
  static const gchar *letters[] = { "a", "b", "t", "h", "Đ", "ị", " ", "p", "ã" };
  GRand *rand = g_rand_new_with_seed (2025);

  /* Long texts too: the search reads every other pair in runs of sixteen
   * bytes, and a needle may start on either side of a run's end. */
  for (guint round = 0; round < 1000; round++)
    {
      g_autoptr(GPtrArray) needles = g_ptr_array_new_with_free_func (g_free);
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) found = g_string_new (NULL);
      guint n_needles = g_rand_int_range (rand, 1, 6);
      CtNeedles *set;

      for (guint n = 0; n < n_needles; n++)
        {
          GString *needle = g_string_new (NULL);
          guint k = g_rand_int_range (rand, 1, 4);

          for (guint i = 0; i < k; i++)
            g_string_append (needle, letters[g_rand_int_range (rand, 0, G_N_ELEMENTS (letters))]);
          g_ptr_array_add (needles, g_string_free (needle, FALSE));
        }
      for (guint i = g_rand_int_range (rand, 0, round % 2 == 0 ? 40 : 100); i > 0; i--)
        g_string_append (text, letters[g_rand_int_range (rand, 0, G_N_ELEMENTS (letters))]);
      set = ct_needles_new ((const gchar * const *) needles->pdata, needles->len);

      /* each: grouped by needle, as strstr goes */
      ct_needles_each (set, text->str, text->len, record_hit, found);
      for (guint n = 0; n < needles->len; n++)
        {
          const gchar *needle = g_ptr_array_index (needles, n);
          g_autofree gchar *prefix = g_strdup_printf ("%u@", n);
          g_auto(GStrv) hits = g_strsplit (found->str, " ", -1);
          g_autoptr(GString) mine = g_string_new (NULL);
          g_autoptr(GString) theirs = g_string_new (NULL);

          for (const gchar *hit = strstr (text->str, needle); hit != NULL; hit = strstr (hit + strlen (needle), needle))
            record_hit (n, hit - text->str, strlen (needle), theirs);
          for (guint h = 0; hits[h] != NULL; h++)
            if (g_str_has_prefix (hits[h], prefix))
              g_string_append_printf (mine, "%s ", hits[h]);
          g_assert_cmpstr (mine->str, ==, theirs->str);
        }

      /* find: the first offset where any needle starts */
      for (gsize from = 0; from <= text->len; from++)
        {
          gssize want = -1;

          for (gsize at = from; at < text->len && want < 0; at++)
            for (guint n = 0; n < needles->len && want < 0; n++)
              if (g_str_has_prefix (text->str + at, g_ptr_array_index (needles, n)))
                want = at;
          g_assert_cmpint (ct_needles_find (set, text->str, text->len, from, NULL), ==, want);
        }
      ct_needles_free (set);
    }
  g_rand_free (rand);
}

static gboolean
accept_digit (const gchar *text,
              gsize        len,
              gsize        end)
{
  return end < len && g_ascii_isdigit (text[end]);
}

static void
test_needles_find (void)
{
  static const gchar *needles[] = { "năm", "tháng", "n" };
  CtNeedles *set = ct_needles_new (needles, G_N_ELEMENTS (needles));
  const gchar *text = "trong tháng 6 năm nay, năm2024";

  g_assert_cmpint (ct_needles_find (set, text, strlen (text), 0, NULL), ==, 3);
  g_assert_cmpint (ct_needles_find (set, text, strlen (text), 5, NULL), ==, 6);
  /* Only a needle followed by a digit: "tháng" then a space is not. */
  g_assert_cmpint (ct_needles_find (set, text, strlen (text), 0, accept_digit), ==, (gint) strlen ("trong tháng 6 năm nay, "));
  g_assert_cmpint (ct_needles_find (set, text, strlen ("trong"), 0, accept_digit), ==, -1);
  g_assert_cmpint (ct_needles_find (set, text, strlen (text), strlen (text), NULL), ==, -1);
  ct_needles_free (set);
}

/* Places named with the spacing and capitals a typist leaves: the level
 * word and the name across several spaces and a tab, in capitals, after a
 * line break; lower-case words after a level word are no name. */
static void
test_places_odd_spacing (void)
{
  g_autoptr(CtDocument) doc = read_string (
    "UBND HUYỆN   ĐỒNG   XUÂN\n"
    "BÁO CÁO\n"
    "Kết quả sản xuất vụ Đông Xuân năm 2023\n"
    "Các xã trên địa bàn huyện và thị trấn La Hai đã gieo trồng 3.200 ha lúa, "
    "trong đó xã\tXuân Sơn Bắc đạt 98% kế hoạch, huyện Đồng Xuân đạt 101%. "
    "Tỉnh Phú Yên giao kế hoạch cho huyện\nĐồng Xuân 3.150 ha.\n", -1);

  g_assert_cmpstr (doc->meta.locality.value, ==, "Đồng Xuân");
  g_assert_cmpstr (doc->meta.level.value, ==, "huyện");
  g_assert_cmpstr (doc->meta.province.value, ==, "Phú Yên");
}

/* A table copied out of Word into plain text keeps its columns as tabs;
 * tabs that indent a line make no table. */
static void
test_tab_separated_table (void)
{
  g_autoptr(CtDocument) doc = read_string (
    "PHỤ LỤC CÁC CHỈ TIÊU\n"
    "TT\tChỉ tiêu\tĐVT\tKH 2024\tTH 6 tháng\tTỷ lệ (%)\n"
    "1\tThu ngân sách\tTriệu đồng\t120.000\t65.430\t54,5\n"
    "2\tSản lượng lương thực\tTấn\t35.000\t18.200\t52,0\n"
    "\n"
    "\tI. Trên lĩnh vực kinh tế\n"
    "\t\ta) Cây lương thực\n", -1);
  const CtTable *table;
  gint row = find_block (doc, "2 | Sản lượng lương thực");

  g_assert_cmpint (doc->format, ==, CT_FILE_FORMAT_TEXT);
  g_assert_cmpuint (doc->tables->len, ==, 1);
  table = &g_array_index (doc->tables, CtTable, 0);
  g_assert_cmpuint (table->n_rows, ==, 3);
  g_assert_cmpuint (table->n_cols, ==, 6);
  g_assert_cmpint (row, >=, 0);
  g_assert_cmpint (ct_document_get_block (doc, row)->kind, ==, CT_BLOCK_TABLE_ROW);
  g_assert_cmpuint (ct_document_get_block (doc, row)->line, ==, 4);
  g_assert_cmpint (ct_document_get_block (doc, find_block (doc, "I. Trên lĩnh vực kinh tế"))->kind, !=,
                   CT_BLOCK_TABLE_ROW);
}

/* Monthly and cumulative reports name their period in the title; a month
 * in the text ("đến tháng 6 năm 2023") does not make one. */
static void
test_periods_from_title (void)
{
  static const gchar *const cases[][2] = {
    { "Báo cáo tình hình thực hiện nhiệm vụ tháng 10 năm 2023", "tháng 10" },
    { "Báo cáo ước thực hiện 11 tháng năm 2023", "11 tháng" },
    { "Báo cáo tình hình 3 tháng đầu năm 2024", "3 tháng đầu năm" },
    { "Báo cáo tổng kết năm 2021", "cả năm" },
    { "Báo cáo tình hình kinh tế - xã hội 9 tháng đầu năm 2023", "9 tháng" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *text = g_strdup_printf ("UBND HUYỆN ĐÁ VÀNG\n%s\nSố liệu đến tháng 6 năm 2023.\n",
                                                cases[i][0]);
      g_autoptr(CtDocument) doc = read_string (text, -1);

      g_assert_cmpstr (doc->meta.period.value, ==, cases[i][1]);
    }
}

static void
test_plain_targets_intro (void)
{
  g_autoptr(CtDocument) doc = read_string (
    "Thực hiện Nghị quyết của Hội đồng nhân dân huyện về nhiệm vụ phát triển kinh tế xã hội năm 2022, Ủy ban nhân dân huyện báo cáo kết quả như sau:\n"
    "II- KẾT QUẢ ĐẠT ĐƯỢC\n"
    "Lúa đạt 1.200 tấn, bằng 98% cùng kỳ.\n"
    "Phương hướng, nhiệm vụ 6 tháng cuối năm như sau:\n"
    "1- Nông nghiệp\n"
    "Phấn đấu sản lượng lúa đạt 2.500 tấn.\n", -1);
  const CtSection *results = find_section (doc, "KẾT QUẢ ĐẠT ĐƯỢC");
  const CtSection *crop = find_section (doc, "Nông nghiệp");

  g_assert_nonnull (results);
  g_assert_cmpstr (results->label, ==, "II-");
  g_assert_nonnull (crop);
  g_assert_cmpint (crop->part, ==, CT_PART_TARGETS);
  g_assert_cmpint (ct_document_get_block (doc, find_block (doc, "Lúa đạt"))->part, ==, CT_PART_RESULTS);
  g_assert_cmpint (ct_document_get_block (doc, find_block (doc, "Phấn đấu"))->part, ==, CT_PART_TARGETS);
}

typedef struct
{
  const gchar *prefix;
  const gchar *locality;
  const gchar *province;
  const gchar *year;
  guint        n_footnotes;
} Seed;

static const Seed seeds[] = {
  { "000_", NULL, NULL, "2020", 0 },
  { "001_", "Nam Đông", "Thừa Thiên Huế", "2023", 0 },
  { "002_", "Hạ Lang", "Cao Bằng", "2021", 13 },
  { "003_", "Duyên Hải", "Trà Vinh", "2023", 3 },
  { "004_", "Tủa Chùa", "Điện Biên", "2020", 30 },
};

static CtDocument *
read_seed (const gchar *prefix)
{
  g_autofree gchar *dir = g_build_filename (ct_test_shared_dir (), "seeds", NULL);
  g_autoptr(GDir) d = NULL;
  const gchar *name;

  d = g_dir_open (dir, 0, NULL);
  g_assert_nonnull (d);
  while ((name = g_dir_read_name (d)) != NULL)
    if (g_str_has_prefix (name, prefix) && g_str_has_suffix (name, ".txt"))
      {
        g_autofree gchar *path = g_build_filename (dir, name, NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(GPtrArray) docs = ct_reader_read_file (path, NULL, &error);

        g_assert_no_error (error);
        g_assert_cmpuint (docs->len, ==, 1);
        return ct_document_ref (g_ptr_array_index (docs, 0));
      }
  g_assert_not_reached ();
}

static void
test_seed_metadata (gconstpointer data)
{
  const Seed *seed = data;
  g_autoptr(CtDocument) doc = NULL;

  if (ct_test_shared_dir () == NULL)
    {
      g_test_skip ("shared seeds not present");
      return;
    }
  doc = read_seed (seed->prefix);
  g_assert_cmpstr (doc->meta.locality.value, ==, seed->locality);
  g_assert_cmpstr (doc->meta.province.value, ==, seed->province);
  g_assert_cmpstr (doc->meta.year.value, ==, seed->year);
  g_assert_cmpstr (doc->meta.period.value, ==, "6 tháng đầu năm");
  if (seed->locality != NULL)
    {
      g_assert_cmpstr (doc->meta.level.value, ==, "huyện");
      g_assert_cmpfloat (doc->meta.locality.confidence, >, 0.2);
    }
  g_assert_cmpfloat (doc->meta.year.confidence, >=, 0.8);

  /* Every footnote has its body and its marker. */
  g_assert_cmpuint (doc->footnotes->len, ==, seed->n_footnotes);
  for (guint i = 0; i < doc->footnotes->len; i++)
    {
      const CtFootnote *f = &g_array_index (doc->footnotes, CtFootnote, i);

      g_assert_cmpint (f->block, >=, 0);
      g_assert_cmpuint (f->anchor, !=, G_MAXSIZE);
      g_assert_cmpint (ct_document_get_block (doc, f->block)->kind, ==, CT_BLOCK_FOOTNOTE);
    }
  /* No marker is left in the running text. */
  g_assert_null (strstr (doc->text, "footnoteRef"));
  g_assert_null (strstr (doc->text, "¹"));
  g_assert_null (strstr (doc->text, "**"));
}

static void
test_seed_outline (void)
{
  g_autoptr(CtDocument) d2 = NULL;
  g_autoptr(CtDocument) d4 = NULL;
  const CtSection *s, *parent;
  gint b;

  if (ct_test_shared_dir () == NULL)
    {
      g_test_skip ("shared seeds not present");
      return;
    }

  d2 = read_seed ("002_");
  s = find_section (d2, "Công tác Quân sự");
  g_assert_nonnull (s);
  parent = &g_array_index (d2->sections, CtSection, s->parent);
  g_assert_cmpstr (parent->title, ==, "CÔNG TÁC QUỐC PHÒNG, AN NINH, ĐỐI NGOẠI");
  s = find_section (d2, "PHƯƠNG HƯỚNG NHIỆM VỤ 6 THÁNG CUỐI NĂM 2021");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->label, ==, "Phần thứ hai");
  g_assert_cmpuint (s->level, ==, 0);
  g_assert_cmpint (s->part, ==, CT_PART_TARGETS);
  b = find_block (d2, "- Duy trì hoạt động sản xuất kinh doanh");
  g_assert_cmpint (ct_document_get_block (d2, b)->part, ==, CT_PART_TARGETS);
  b = find_block (d2, "Tổng đàn gia súc, gia cầm 6 tháng đầu năm");
  g_assert_cmpint (ct_document_get_block (d2, b)->part, ==, CT_PART_RESULTS);
  g_assert_cmpuint (ct_document_get_block (d2, b)->line, ==, 53);

  d4 = read_seed ("004_");
  s = find_section (d4, "Cây lương thực");
  g_assert_nonnull (s);
  g_assert_cmpuint (s->level, ==, 4);
  s = find_section (d4, "Quản lý, bảo vệ và phát triển rừng");
  g_assert_nonnull (s);
  g_assert_cmpstr (s->label, ==, "đ)");
  s = find_section (d4, "Các nhiệm vụ, chỉ tiêu chủ yếu");
  g_assert_nonnull (s);
  g_assert_cmpint (s->part, ==, CT_PART_TARGETS);
  /* 004 has decomposed letters on a dozen lines; none survive. */
  g_assert_null (g_utf8_strchr (d4->text, -1, 0x0300));
  g_assert_null (g_utf8_strchr (d4->text, -1, 0x0323));
  g_assert_null (g_utf8_strchr (d4->text, -1, 0x00A0));
}

/* Folding for search and matching: marks gone, đ → d, lower case, the
 * same whether the text came composed (NFC) or decomposed (NFD). */
static void
test_text_fold (void)
{
  static const gchar *const cases[][2] = {
    { "Đường giao thông", "duong giao thong" },
    { "ĐẮK LẮK, Tủa Chùa, Hạ Lang", "dak lak, tua chua, ha lang" },
    { "Tha\xcc\x80nh pho\xcc\x82\xcc\x81", "thanh pho" },        /* NFD */
    { "“Kế hoạch” – 100%…", "“ke hoach” – 100%…" },
    { "\xe2\x84\xaa \xe2\x84\xa6", "k ω" },                    /* Kelvin and Ohm signs */
    { "ΑΘΗΝΑ Москва", "αθηνα москва" },
    { "\xef\xbc\xab\xe4\xb8\xad", "\xef\xbd\x8b\xe4\xb8\xad" },  /* past the table: ICU */
    { "", "" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree gchar *folded = ct_text_fold (cases[i][0], -1);

      g_assert_cmpstr (folded, ==, cases[i][1]);
    }
  /* A length cuts the text; invalid bytes do not crash the fold. */
  {
    g_autofree gchar *cut = ct_text_fold ("Đàn trâu", strlen ("Đàn"));
    g_autofree gchar *bad = ct_text_fold ("S\xff\xfen", -1);

    g_assert_cmpstr (cut, ==, "dan");
    g_assert_true (g_utf8_validate (bad, -1, NULL));
  }
}

/* Folding writes into its own buffer: texts whose folds grow (a Hangul
 * syllable is three letters once decomposed, a long run of them far more
 * than the text's length) or shrink (marks that fold to nothing) fold as
 * their characters do one by one. */
static void
test_text_fold_growing (void)
{
  static const gchar * const pieces[] = {
    "a", "Z", " ", "7", "Đ", "ữ", "Ằ", "\xcc\x81" /* U+0301 */, "가" /* U+AC00 */,
    "ﬃ" /* U+FB03 */, "Ω", "Ж", "€", "\xe2\x80\xaf" /* U+202F */,
  };
  GRand *rand = g_rand_new_with_seed (12052026);

  for (guint round = 0; round < 2000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 200);
      g_autofree gchar *folded = NULL;

      for (guint i = 0; i < n; i++)
        {
          /* Runs of one piece, so growth happens many times in a row. */
          const gchar *piece = pieces[g_rand_int_range (rand, 0, G_N_ELEMENTS (pieces))];
          guint run = g_rand_boolean (rand) ? 1 : g_rand_int_range (rand, 1, 40);

          for (guint r = 0; r < run; r++)
            {
              g_autofree gchar *one = ct_text_fold (piece, -1);

              g_string_append (text, piece);
              g_string_append (expected, one);
            }
        }
      folded = ct_text_fold (text->str, text->len);
      g_assert_cmpstr (folded, ==, expected->str);
    }
  g_rand_free (rand);
}

/* Sorting by collation keys orders names as comparing them one pair at a
 * time does: d before đ, a before ă before â, tones after the bare letter,
 * case and bad bytes included. */
static void
test_text_collate_key (void)
{
  static const gchar *const names[] = {
    "Đắk Mil", "Dầu Tiếng", "dầu tiếng", "Ân Thi", "Ăn Thi", "An Thi", "Ấn Thi",
    "Yên Lạc", "Ý Yên", "Ô Môn", "Ơ Môn", "Ong", "Ù Rù", "Ưng Hoà", "Ưng Hòa",
    "Xã 10", "Xã 9", "Xã  9", "S\xff\xfen", "Sơn", "", "Zô", "Được", "Dược",
  };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    for (guint j = 0; j < G_N_ELEMENTS (names); j++)
      {
        g_autofree gchar *a = ct_text_collate_key (names[i]);
        g_autofree gchar *b = ct_text_collate_key (names[j]);
        gint by_key = strcmp (a, b);
        gint by_pair = ct_text_collate (names[i], names[j]);

        g_assert_cmpint ((by_key > 0) - (by_key < 0), ==, by_pair);
      }
}

/* The fold's table fills a block of characters the first time one of
 * them is folded: threads meeting new blocks at once, and characters on
 * both sides of a block's edge, fold as ICU does. In a child, so no block
 * is filled before the threads start. */
static const gchar edges[] = "ÿĀ ǿȀ ỹἀ ⁰ ⿕ Ⴀ";

static gpointer
fold_edges (gpointer data)
{
  (void) data;
  return ct_text_fold (edges, -1);
}

static void
test_text_fold_blocks (void)
{
  GThread *threads[4];

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("fold", fold_edges, NULL);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    {
      g_autofree gchar *folded = g_thread_join (threads[i]);

      g_assert_cmpstr (folded, ==, "ya øa yα ⁰ ⿕ ⴀ");
    }
}

static gboolean
mapped (const gchar *library)
{
  g_autofree gchar *maps = NULL;

  g_assert_true (g_file_get_contents ("/proc/self/maps", &maps, NULL, NULL));
  return strstr (maps, library) != NULL;
}

/* Reading a text report maps neither poppler nor Tesseract (two thirds of
 * a command's start-up); the first PDF brings in the module that has them,
 * even one too damaged to read. A child, since a test before may have read
 * a PDF. */
static void
test_pdf_engine_on_demand (void)
{
  static const gchar broken[] = "%PDF-1.4\n%%EOF\n";
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(CtDocument) doc = NULL;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  doc = read_string ("Tổng thu ngân sách trên địa bàn ước đạt 212 tỷ đồng.\n", -1);
  g_assert_nonnull (doc);
  g_assert_false (mapped ("libpoppler"));
  g_assert_false (mapped ("libtesseract"));
  g_assert_false (mapped ("libchitieu-pdf"));
  bytes = g_bytes_new_static (broken, sizeof broken - 1);
  docs = ct_reader_read_bytes (bytes, "hư.pdf", NULL, NULL);
  g_assert_null (docs);
  g_assert_true (mapped ("libchitieu-pdf"));
  g_assert_true (mapped ("libpoppler"));
}

/* ct_outline_is_caps() as it was, asking GLib of every character. */
static gboolean
is_caps_by_glib (const gchar *text,
                 gsize        len)
{
  guint upper = 0, lower = 0;

  for (const gchar *p = text; p < text + len; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);

      if (g_unichar_isupper (c))
        upper++;
      else if (g_unichar_islower (c))
        lower++;
    }
  return upper >= 4 && lower * 10 <= upper;
}

/* Titles in capitals and prose, with letters of every width (some past
 * the lookup table, some neither capital nor small: digits, marks, CJK),
 * judged as GLib judges them one by one. */
static void
test_caps_random (void)
{
  static const gunichar alphabet[] = {
    'A', 'Q', 'Z', 'a', 'q', 'z', ' ', '1', '.', ',', 0xC0, 0xC2, 0xD0, 0xD7,
    0xDF, 0xE2, 0xF7, 0x102, 0x103, 0x110, 0x111, 0x1A0, 0x1AF, 0x1B0, 0x300,
    0x391, 0x3B1, 0x1E9E, 0x1EA0, 0x1EA1, 0x1EC6, 0x1EC7, 0x1EF8, 0x1EFF,
    0x1F08, 0x2160, 0x2170, 0x24B6, 0x4E00, 0xFF21, 0x10400, 0x1F600,
  };
  GRand *rand = g_rand_new_with_seed (1805);
  guint caps = 0;

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 60);
      /* Most rounds lean to capitals or to small letters, as titles and
       * prose do, so both answers come up. */
      guint lean = g_rand_int_range (rand, 0, 3);

      for (guint i = 0; i < n; i++)
        {
          gunichar u = alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))];

          if (lean == 0 && g_unichar_islower (u))
            u = g_unichar_toupper (u);
          else if (lean == 1 && g_unichar_isupper (u))
            u = g_unichar_tolower (u);
          g_string_append_unichar (text, u);
        }
      g_assert_cmpint (ct_outline_is_caps (text->str, text->len), ==, is_caps_by_glib (text->str, text->len));
      g_assert_cmpint (ct_outline_is_caps (text->str, -1), ==, is_caps_by_glib (text->str, text->len));
      caps += is_caps_by_glib (text->str, text->len);
    }
  g_assert_cmpuint (caps, >, 1000);
  g_rand_free (rand);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_func ("/reader/normalisation", test_normalisation);
  g_test_add_func ("/reader/clean-line", test_clean_line);
  g_test_add_func ("/reader/pdf-engine-on-demand", test_pdf_engine_on_demand);
  g_test_add_func ("/reader/text-fold", test_text_fold);
  g_test_add_func ("/reader/text-fold-blocks", test_text_fold_blocks);
  g_test_add_func ("/reader/text-fold-growing", test_text_fold_growing);
  g_test_add_func ("/reader/text-collate-key", test_text_collate_key);
  g_test_add_func ("/reader/utf16-bom", test_utf16_with_bom);
  g_test_add_func ("/reader/footnote-markers", test_footnote_markers);
  g_test_add_func ("/reader/heading-word-limit", test_heading_word_limit);
  g_test_add_func ("/reader/footnote-markers-anywhere", test_footnote_markers_anywhere);
  g_test_add_func ("/reader/inline-footnotes", test_inline_footnotes);
  g_test_add_func ("/reader/markdown", test_markdown);
  g_test_add_func ("/reader/outline-and-parts", test_outline_and_parts);
  g_test_add_func ("/reader/broken-paragraphs", test_broken_paragraphs);
  g_test_add_func ("/reader/annual-report", test_annual_report);
  g_test_add_func ("/reader/header-columns-and-commune", test_header_columns_and_commune);
  g_test_add_func ("/reader/tab-separated-table", test_tab_separated_table);
  g_test_add_func ("/reader/periods-from-title", test_periods_from_title);
  g_test_add_func ("/reader/plain-targets-intro", test_plain_targets_intro);
  for (guint i = 0; i < G_N_ELEMENTS (seeds); i++)
    {
      g_autofree gchar *name = g_strdup_printf ("/reader/seed/%smetadata", seeds[i].prefix);

      g_test_add_data_func (name, &seeds[i], test_seed_metadata);
    }
  g_test_add_func ("/reader/seed/outline", test_seed_outline);
  g_test_add_func ("/reader/sha256-of-source", test_sha256_of_source);
  g_test_add_func ("/reader/needles-as-strstr", test_needles_as_strstr);
  g_test_add_func ("/reader/needles-find", test_needles_find);
  g_test_add_func ("/reader/needles-random", test_needles_random);
  g_test_add_func ("/reader/places-odd-spacing", test_places_odd_spacing);
  g_test_add_func ("/reader/caps-random", test_caps_random);

  return g_test_run ();
}
