/* test-extract-phrasing.c: how reports and the press word their figures
 *
 * One test per class of the language: growth with no level, one base for
 * many figures, word order and ellipsis, status lists, annexes after the
 * tasks, periods and estimates, names in news style. The sentences are
 * invented for these tests; each checks the rule, not one report.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <glib/gstdio.h>
#include <math.h>
#include <string.h>

#include "ct-docx-writer.h"
#include "ct-extract.h"
#include "ct-reader.h"
#include "ct-test-util.h"

#define assert_num(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6)

static CtDocument *
read_text (const gchar *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "test.md", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  return ct_document_ref (g_ptr_array_index (docs, 0));
}

static GPtrArray *
extract (const gchar *text)
{
  g_autoptr(CtDocument) doc = read_text (text);

  return ct_extractor_run (ct_extractor_get_default (), doc);
}

static const CtObservation *
obs_at (GPtrArray *obs,
        guint      i)
{
  g_assert_cmpuint (i, <, obs->len);
  return g_ptr_array_index (obs, i);
}

/* ---- growth with no level, one base for many figures --------------- */

/* A growth rate with no level stated is an observation of its own, and
 * the sectors listed after the head that names the base give one each. */
static void
test_growth_without_level (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Chỉ số phát triển ngành xây dựng quý II ước tăng 4,8% so với cùng kỳ.\n"
    "\n"
    "Giá trị tăng thêm 11 tháng ước tăng 6,3% so cùng kỳ; trong đó ngành trồng trọt "
    "tăng 2,5%, ngành chăn nuôi giảm 0,7%.\n");

  g_assert_cmpuint (obs->len, ==, 4);
  for (guint k = 0; k < obs->len; k++)
    {
      g_assert_true (isnan (obs_at (obs, k)->value));
      g_assert_true (isnan (obs_at (obs, k)->rate));
    }
  assert_num (obs_at (obs, 0)->yoy, 104.8);
  assert_num (obs_at (obs, 1)->yoy, 106.3);
  assert_num (obs_at (obs, 2)->yoy, 102.5);
  g_assert_cmpstr (obs_at (obs, 2)->label, ==, "Ngành trồng trọt");
  assert_num (obs_at (obs, 3)->yoy, 99.3);
  g_assert_cmpstr (obs_at (obs, 3)->label, ==, "Ngành chăn nuôi");
}

/* The growth of an index or aggregate the statistics publish is against
 * last year even with no base written; any other bare growth has none. */
static void
test_growth_of_an_index (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Tổng sản phẩm trên địa bàn quý III ước tăng 6,6%, trong đó khu vực công nghiệp "
    "tăng 9,1%.\n"
    "\n"
    "Giá thóc tẻ thường tăng 3,4%.\n");

  g_assert_cmpuint (obs->len, ==, 2);
  assert_num (obs_at (obs, 0)->yoy, 106.6);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Tổng sản phẩm trên địa bàn");
  assert_num (obs_at (obs, 1)->yoy, 109.1);
}

/* The base written once, at the end or at the head of a sentence, holds
 * for each figure of it; signed changes in parentheses are no figures. */
static void
test_one_base_for_many (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Diện tích mía 356 ha, giảm 4,2% (-15,6 ha); sản lượng 21.400 tấn, tăng 3,5% "
    "(+723 tấn) so với cùng kỳ.\n"
    "\n"
    "So với cùng kỳ năm trước, đàn gà 84.000 con, tăng 6,2%; trong đó: gà thả vườn "
    "51.000 con, tăng 9%.\n"
    "\n"
    "Diện tích ngô 210 ha, tăng 5%; diện tích lạc 95 ha, giảm 2% so với kế hoạch.\n"
    "\n"
    "Đàn dê 1.300 con, tăng 4%.\n");

  g_assert_cmpuint (obs->len, ==, 6);
  assert_num (obs_at (obs, 0)->value, 356);
  assert_num (obs_at (obs, 0)->yoy, 95.8);
  assert_num (obs_at (obs, 1)->value, 21400);
  assert_num (obs_at (obs, 1)->yoy, 103.5);
  assert_num (obs_at (obs, 2)->value, 84000);
  assert_num (obs_at (obs, 2)->yoy, 106.2);
  assert_num (obs_at (obs, 3)->value, 51000);
  assert_num (obs_at (obs, 3)->yoy, 109);
  assert_num (obs_at (obs, 4)->rate, 105);
  g_assert_cmpint (obs_at (obs, 4)->basis, ==, CT_BASIS_PLAN);
  assert_num (obs_at (obs, 5)->rate, 98);
  /* "Đàn dê … tăng 4%" names no base: nothing to compare with. */
}

/* ---- word order and ellipsis --------------------------------------- */

static void
test_word_order (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "BÁO CÁO KINH TẾ - XÃ HỘI NĂM 2031\n"
    "\n"
    "Doanh thu bán lẻ 740 tỷ đồng, bằng 109% cùng kỳ năm 2030.\n"
    "\n"
    "Lượng khách lưu trú 52.000 lượt, so với cùng kỳ năm trước tăng 3,7%.\n"
    "\n"
    "Chi thường xuyên 310 tỷ đồng, so dự toán giao đạt 58%.\n"
    "\n"
    "Thu tiền sử dụng đất ước trên 64% dự toán tỉnh giao.\n"
    "\n"
    "Thu phí, lệ phí đạt trên 41% dự toán tỉnh và gần 38% dự toán huyện giao.\n"
    "\n"
    "Sản lượng cá nuôi tăng 1,4% so với nghị quyết.\n"
    "\n"
    "Số lao động xuất khẩu đạt hơn 126% kế hoạch.\n"
    "\n"
    "Hộ được cấp nước sạch 2.184/2.300 hộ = 95%.\n");

  g_assert_cmpuint (obs->len, ==, 9);
  assert_num (obs_at (obs, 0)->yoy, 109);
  assert_num (obs_at (obs, 1)->value, 52000);
  assert_num (obs_at (obs, 1)->yoy, 103.7);
  assert_num (obs_at (obs, 2)->rate, 58);
  g_assert_cmpint (obs_at (obs, 2)->basis, ==, CT_BASIS_BUDGET);
  assert_num (obs_at (obs, 3)->rate, 64);
  g_assert_cmpstr (obs_at (obs, 3)->label, ==, "Thu tiền sử dụng đất");
  /* The second verb dropped: two records. */
  assert_num (obs_at (obs, 4)->rate, 41);
  assert_num (obs_at (obs, 5)->rate, 38);
  g_assert_cmpstr (obs_at (obs, 5)->label, ==, "Thu phí, lệ phí");
  /* 1,4% over the resolution is 101,4% of the plan. */
  assert_num (obs_at (obs, 6)->rate, 101.4);
  g_assert_true (isnan (obs_at (obs, 6)->yoy));
  assert_num (obs_at (obs, 7)->rate, 126);
  g_assert_cmpstr (obs_at (obs, 7)->label, ==, "Số lao động xuất khẩu");
  assert_num (obs_at (obs, 8)->value, 2184);
  assert_num (obs_at (obs, 8)->plan, 2300);
  assert_num (obs_at (obs, 8)->rate, 95);
}

/* ---- periods, estimates and names in news style -------------------- */

static void
test_news_names (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Trong 10 tháng, chi đầu tư phát triển ước đạt 505 tỷ đồng, đạt 62% dự toán, tăng 11%.\n"
    "\n"
    "Theo Chi cục Thống kê, trong quý III, chỉ số giá vật liệu xây dựng tăng 2,6% so với cùng kỳ.\n"
    "\n"
    "Tính đến hết tháng 9, toàn huyện có 318 hộ thoát nghèo, tăng 12% so với cùng kỳ.\n"
    "\n"
    "Sản lượng chè búp tươi cả năm sơ bộ đạt 9.800 tấn, tăng 2% so cùng kỳ.\n"
    "\n"
    "Về thu hút đầu tư, vốn đăng ký mới đạt 2.100 tỷ đồng, tăng 30% so với cùng kỳ.\n");

  g_assert_cmpuint (obs->len, ==, 5);
  g_assert_cmpstr (obs_at (obs, 4)->label, ==, "Vốn đăng ký mới");
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Chi đầu tư phát triển");
  g_assert_cmpstr (obs_at (obs, 0)->qualifier, ==, "ước");
  assert_num (obs_at (obs, 0)->rate, 62);
  g_assert_cmpstr (obs_at (obs, 1)->label, ==, "Chỉ số giá vật liệu xây dựng");
  assert_num (obs_at (obs, 1)->yoy, 102.6);
  g_assert_cmpstr (obs_at (obs, 2)->label, ==, "Hộ thoát nghèo");
  assert_num (obs_at (obs, 2)->yoy, 112);
  g_assert_cmpstr (obs_at (obs, 3)->label, ==, "Sản lượng chè búp tươi");
  /* "sơ bộ" marks an estimate. */
  g_assert_cmpstr (obs_at (obs, 3)->qualifier, ==, "ước");
}

/* A change that names a base of its own is measured against that base,
 * not the one the sentence names elsewhere; a planned growth is no
 * result. */
static void
test_other_bases (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Chỉ số giá sản xuất tháng 8 tăng 0,4% so với tháng trước và tăng 2,9% so với cùng kỳ.\n"
    "\n"
    "Tổng thu dịch vụ ước 830 tỷ đồng, tăng 7,7% so với cùng kỳ (KH năm tăng 8%).\n"
    "\n"
    "Năm nay giá trị xuất khẩu tăng 5,5% so với cùng kỳ, thấp hơn mức tăng 7,2% của năm 2029.\n"
    "\n"
    "Diện tích lúa vụ mùa 3.400 ha, giảm 1,5% so với vụ mùa năm trước.\n");

  g_assert_cmpuint (obs->len, ==, 4);
  assert_num (obs_at (obs, 0)->yoy, 102.9);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Chỉ số giá sản xuất");
  assert_num (obs_at (obs, 1)->value, 830);
  assert_num (obs_at (obs, 1)->yoy, 107.7);
  g_assert_true (isnan (obs_at (obs, 1)->plan));
  assert_num (obs_at (obs, 2)->yoy, 105.5);
  assert_num (obs_at (obs, 3)->value, 3400);
  assert_num (obs_at (obs, 3)->yoy, 98.5);
}

/* The items of a list after "Trong đó:" or a head ending with a colon
 * take the base the head names; items after a head that names none do not. */
static void
test_list_inherits_base (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Tổng giá trị sản xuất 9 tháng ước tăng 5,8% so với cùng kỳ. Trong đó:\n"
    "\n"
    "- Ngành lâm nghiệp 96 tỷ đồng, tăng 2,4%;\n"
    "\n"
    "- Ngành thủy sản giảm 1,6%.\n"
    "\n"
    "So với kế hoạch năm, kết quả một số cây trồng chính như sau:\n"
    "- Cây lạc 180 ha, tăng 3%;\n"
    "- Cây đậu tương 40 ha, giảm 5%.\n"
    "\n"
    "Sản lượng gỗ khai thác 12.000 m3.\n"
    "\n"
    "- Gỗ rừng trồng tăng 6%.\n");

  g_assert_cmpuint (obs->len, ==, 5);
  assert_num (obs_at (obs, 0)->yoy, 105.8);
  assert_num (obs_at (obs, 1)->value, 96);
  assert_num (obs_at (obs, 1)->yoy, 102.4);
  assert_num (obs_at (obs, 2)->yoy, 98.4);
  g_assert_cmpstr (obs_at (obs, 2)->label, ==, "Ngành thủy sản");
  assert_num (obs_at (obs, 3)->rate, 103);
  g_assert_cmpint (obs_at (obs, 3)->basis, ==, CT_BASIS_PLAN);
  assert_num (obs_at (obs, 4)->rate, 95);
}

/* An absolute change, a year, a date or a task is no measured record. */
static void
test_no_record_for_non_measures (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "## 1. Kết quả\n"
    "\n"
    "Số hộ nghèo giảm 87 hộ so với đầu năm, còn 412 hộ.\n"
    "\n"
    "Diện tích rừng trồng tăng thêm 120 ha so với cùng kỳ (+4,2 ha so với kế hoạch).\n"
    "\n"
    "Ngày 12/7/2026, Đảng bộ xã tổ chức Đại hội nhiệm kỳ 2025-2030 với 145 đại biểu.\n"
    "\n"
    "Năm 2026 là năm thứ hai thực hiện Nghị quyết số 05/NQ-ĐU.\n"
    "\n"
    "## 2. Nhiệm vụ quý IV\n"
    "\n"
    "3. Hoàn thành 05 công trình giao thông nông thôn, đạt 100% kế hoạch.\n");

  for (guint k = 0; k < obs->len; k++)
    {
      const CtObservation *o = obs_at (obs, k);

      g_assert_cmpint (o->kind, ==, CT_KIND_TARGET);
      g_assert_true (isnan (o->rate));
      g_assert_true (isnan (o->plan));
      g_assert_true (isnan (o->yoy));
    }
}

/* ---- status lists -------------------------------------------------- */

/* Reports that assess each target of a list: the figure, the status word
 * and the plan in parentheses belong to one record, also when the reader
 * took a short numbered item for a heading. */
static void
test_status_list (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "## I. Đánh giá các chỉ tiêu năm 2029\n"
    "\n"
    "1. Sản lượng thịt hơi xuất chuồng 4.350 tấn: đạt 48,3% (KH 9.000 tấn).\n"
    "\n"
    "2. Tỷ lệ lao động qua đào tạo 68,2%: đang thực hiện (KH cả năm 70%).\n"
    "\n"
    "3. Số thôn đạt chuẩn nông thôn mới kiểu mẫu 4/6 thôn: đạt.\n"
    "\n"
    "4. Tỷ lệ hộ cận nghèo còn 3,1%: đạt (chỉ tiêu giảm xuống dưới 3,5%).\n"
    "\n"
    "5. Số trường đạt chuẩn 7/9 trường: chưa đạt (KH 9/9 trường).\n");

  g_assert_cmpuint (obs->len, ==, 5);
  assert_num (obs_at (obs, 0)->value, 4350);
  assert_num (obs_at (obs, 0)->plan, 9000);
  assert_num (obs_at (obs, 0)->rate, 48.3);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Sản lượng thịt hơi xuất chuồng");
  assert_num (obs_at (obs, 1)->value, 68.2);
  assert_num (obs_at (obs, 1)->plan, 70);
  g_assert_cmpstr (obs_at (obs, 1)->status, ==, "đang thực hiện");
  assert_num (obs_at (obs, 2)->value, 4);
  assert_num (obs_at (obs, 2)->plan, 6);
  g_assert_cmpint (obs_at (obs, 2)->basis, ==, CT_BASIS_TOTAL);
  g_assert_cmpstr (obs_at (obs, 2)->status, ==, "đạt");
  assert_num (obs_at (obs, 3)->value, 3.1);
  assert_num (obs_at (obs, 3)->plan, 3.5);
  /* "(KH 9/9 trường)" restates the whole; no second record. */
  assert_num (obs_at (obs, 4)->value, 7);
  assert_num (obs_at (obs, 4)->plan, 9);
  g_assert_cmpstr (obs_at (obs, 4)->status, ==, "chưa đạt");
}

/* ---- localities of every level ------------------------------------ */

/* "Kinh tế - xã hội" in a title names no commune; a special zone is a
 * locality of the commune level, and a province its header names alone is
 * the locality of a provincial report. */
static void
test_locality_levels (void)
{
  g_autoptr(CtDocument) zone = read_text (
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI 9 THÁNG NĂM 2027 CỦA ĐẶC KHU LÝ SƠN\n"
    "\n"
    "Thu ngân sách đạt 10 tỷ đồng, đạt 50% dự toán.\n");
  g_autoptr(CtDocument) news = read_text (
    "TÌNH HÌNH KINH TẾ – XÃ HỘI QUÝ II NĂM 2027\n"
    "\n"
    "Thu ngân sách đạt 10 tỷ đồng, đạt 50% dự toán.\n");

  g_autoptr(CtDocument) province = read_text (
    "BÁO CÁO KẾT QUẢ THỰC HIỆN NHIỆM VỤ NĂM 2027 CỦA TỈNH HÀ TĨNH\n"
    "\n"
    "Thu ngân sách đạt 10 tỷ đồng, đạt 50% dự toán.\n");

  g_assert_cmpstr (province->meta.locality.value, ==, "Hà Tĩnh");
  g_assert_cmpstr (province->meta.level.value, ==, "tỉnh");
  g_assert_cmpstr (zone->meta.locality.value, ==, "Lý Sơn");
  g_assert_cmpstr (zone->meta.level.value, ==, "đặc khu");
  g_assert_null (news->meta.locality.value);
}

/* ---- annexes ------------------------------------------------------- */

#define ANNEX_REPORT \
  "# Báo cáo kinh tế - xã hội quý III năm 2027\n" \
  "\n" \
  "## II. Nhiệm vụ trọng tâm quý IV\n" \
  "\n" \
  "1. Hoàn thành việc thu hoạch lúa mùa trên toàn xã.\n" \
  "\n" \
  "2. Tập trung thu ngân sách các khoản còn lại.\n" \
  "\n" \
  "## PHỤ LỤC\n" \
  "\n" \
  "Biểu số 02: Tình hình thực hiện một số chỉ tiêu chủ yếu\n" \
  "\n" \
  "| STT | Chỉ tiêu | Đơn vị | KH năm 2027 | TH 9 tháng | So với KH (%) | So với cùng kỳ (%) |\n" \
  "|---|---|---|---|---|---|---|\n" \
  "| 1 | Diện tích lúa mùa | ha | 640 | 652 | 101,9 | 99,4 |\n" \
  "| 2 | Thu ngân sách xã | triệu đồng | 2.500 | 1.710 | 68,4 | 112,0 |\n" \
  "\n" \
  "Biểu số 03: Các chỉ tiêu kế hoạch năm 2028\n" \
  "\n" \
  "| STT | Chỉ tiêu | Đơn vị | KH năm 2028 | TH 9 tháng | So với KH (%) | So với cùng kỳ (%) |\n" \
  "|---|---|---|---|---|---|---|\n" \
  "| 1 | Diện tích lúa mùa | ha | 660 | | | |\n"

static void
check_annex (GPtrArray *obs)
{
  g_assert_cmpuint (obs->len, ==, 3);
  g_assert_cmpint (obs_at (obs, 0)->kind, ==, CT_KIND_ACHIEVEMENT);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Diện tích lúa mùa");
  assert_num (obs_at (obs, 0)->value, 652);
  assert_num (obs_at (obs, 0)->plan, 640);
  assert_num (obs_at (obs, 0)->rate, 101.9);
  assert_num (obs_at (obs, 0)->yoy, 99.4);
  g_assert_cmpint (obs_at (obs, 1)->kind, ==, CT_KIND_ACHIEVEMENT);
  assert_num (obs_at (obs, 1)->yoy, 112);
  /* The second annex names next year's plan: a target. */
  g_assert_cmpint (obs_at (obs, 2)->kind, ==, CT_KIND_TARGET);
  assert_num (obs_at (obs, 2)->value, 660);
}

/* An annex that reports results after the tasks of the coming quarter is
 * results; the numbered tasks before it do not swallow it. */
static void
test_annex_after_tasks (void)
{
  g_autoptr(GPtrArray) obs = extract (ANNEX_REPORT);

  check_annex (obs);
}

/* The same annex as a Word table. */
static void
test_annex_word_table (void)
{
  g_autoptr(CtDocument) md = read_text (ANNEX_REPORT);
  g_autofree gchar *path = ct_test_tmp_path ("annex.docx");
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = NULL;
  g_autoptr(GPtrArray) obs = NULL;

  g_assert_true (ct_docx_write_document (md, path, &error));
  g_assert_no_error (error);
  docs = ct_reader_read_file (path, NULL, &error);
  g_assert_no_error (error);
  obs = ct_extractor_run (ct_extractor_get_default (), g_ptr_array_index (docs, 0));
  check_annex (obs);
  g_unlink (path);
}

/* A column of last year's figure ("TH cùng kỳ 2024") is a value of its
 * own; the comparison with it is the column that says so ("So CK (%)"). */
static void
test_annex_last_years_column (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "## Phụ lục\n"
    "\n"
    "| TT | Chỉ tiêu | ĐVT | TH cùng kỳ 2029 | KH 2030 | TH quý I 2030 | So KH (%) | So CK (%) |\n"
    "|---|---|---|---|---|---|---|---|\n"
    "| 1 | Sản lượng khai thác thủy sản | tấn | 1.900 | 8.000 | 2.050 | 25,6 | 107,9 |\n");

  g_assert_cmpuint (obs->len, ==, 1);
  assert_num (obs_at (obs, 0)->value, 2050);
  assert_num (obs_at (obs, 0)->plan, 8000);
  assert_num (obs_at (obs, 0)->rate, 25.6);
  assert_num (obs_at (obs, 0)->yoy, 107.9);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_func ("/phrasing/growth-without-level", test_growth_without_level);
  g_test_add_func ("/phrasing/growth-of-an-index", test_growth_of_an_index);
  g_test_add_func ("/phrasing/one-base-for-many", test_one_base_for_many);
  g_test_add_func ("/phrasing/word-order", test_word_order);
  g_test_add_func ("/phrasing/news-names", test_news_names);
  g_test_add_func ("/phrasing/other-bases", test_other_bases);
  g_test_add_func ("/phrasing/list-inherits-base", test_list_inherits_base);
  g_test_add_func ("/phrasing/no-record-for-non-measures", test_no_record_for_non_measures);
  g_test_add_func ("/phrasing/status-list", test_status_list);
  g_test_add_func ("/phrasing/locality-levels", test_locality_levels);
  g_test_add_func ("/phrasing/annex-after-tasks", test_annex_after_tasks);
  g_test_add_func ("/phrasing/annex-word-table", test_annex_word_table);
  g_test_add_func ("/phrasing/annex-last-years-column", test_annex_last_years_column);
  return g_test_run ();
}
