/* test-extract.c: what the extractor reads from report sentences
 *
 * Each test feeds a few sentences written the way district reports write
 * them and checks the observations a reader would expect, or that a figure
 * which is no measurement yields none.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <math.h>
#include <string.h>

#include "ct-error.h"
#include "ct-extract.h"
#include "ct-extract-private.h"
#include "ct-reader.h"
#include "ct-test-util.h"

static GPtrArray *
extract (const gchar *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  /* Markdown reads plain report text the same way and also has tables. */
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "test.md", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  return ct_extractor_run (ct_extractor_get_default (), g_ptr_array_index (docs, 0));
}

static const CtObservation *
obs_at (GPtrArray *obs,
        guint      i)
{
  g_assert_cmpuint (i, <, obs->len);
  return g_ptr_array_index (obs, i);
}

static guint
count_kind (GPtrArray        *obs,
            CtObservationKind kind)
{
  guint n = 0;

  for (guint i = 0; i < obs->len; i++)
    if (obs_at (obs, i)->kind == kind)
      n++;
  return n;
}

#define assert_num(a, b) g_assert_cmpfloat_with_epsilon ((a), (b), 1e-6)

static void
test_value_plan_rate (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Tổng sản lượng lương thực có hạt là 2.703,5/4.500 tấn, đạt 60,1% kế hoạch cả năm.\n");
  const CtObservation *o = obs_at (obs, 0);

  g_assert_cmpuint (obs->len, ==, 1);
  g_assert_cmpint (o->kind, ==, CT_KIND_ACHIEVEMENT);
  assert_num (o->value, 2703.5);
  assert_num (o->plan, 4500);
  assert_num (o->rate, 60.1);
  assert_num (o->rate_computed, 2703.5 / 4500 * 100);
  g_assert_cmpstr (o->unit, ==, "tấn");
  g_assert_cmpint (o->basis, ==, CT_BASIS_PLAN);
  g_assert_cmpstr (o->label, ==, "Tổng sản lượng lương thực có hạt");
  g_assert_cmpuint (o->line, ==, 1);
  g_assert_cmpuint (o->flags, ==, 0);
}

static void
test_rate_and_yoy (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Giá trị sản xuất nông, lâm, ngư nghiệp là 187,27 tỷ đồng, đạt 44% so với kế hoạch năm, "
    "bằng 102,4% so với cùng kỳ.\n"
    "\n"
    "Tổng giá trị sản xuất là 184,693 tỷ đồng, đạt 27,0 %KH, giảm 5,7% so với cùng kỳ.\n"
    "\n"
    "Doanh thu đạt 50 tỷ đồng, tăng 7,53% so với cùng kỳ; lượt khách đạt 120 lượt, vượt 5% kế hoạch.\n");

  g_assert_cmpuint (obs->len, ==, 4);
  assert_num (obs_at (obs, 0)->value, 187.27);
  assert_num (obs_at (obs, 0)->rate, 44);
  assert_num (obs_at (obs, 0)->yoy, 102.4);
  g_assert_true (isnan (obs_at (obs, 0)->plan));
  g_assert_cmpuint (obs_at (obs, 0)->line, ==, 1);
  assert_num (obs_at (obs, 1)->yoy, 94.3);
  assert_num (obs_at (obs, 1)->rate, 27);
  g_assert_cmpuint (obs_at (obs, 1)->line, ==, 3);
  assert_num (obs_at (obs, 2)->yoy, 107.53);
  assert_num (obs_at (obs, 3)->rate, 105);
}

/* "so với năm N" is last year only when N is the year before the report's;
 * the rule holds for years no report of the seeds names. */
static void
test_yoy_against_named_year (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "BÁO CÁO TÌNH HÌNH KINH TẾ - XÃ HỘI NĂM 2031\n"
    "\n"
    "Thu ngân sách đạt 90 tỷ đồng, đạt 75% dự toán, bằng 104% so với năm 2030.\n"
    "\n"
    "Tỷ lệ hộ nghèo đạt 3,2%, đạt 110% kế hoạch, bằng 80% so với năm 2025.\n");

  g_assert_cmpuint (obs->len, ==, 2);
  assert_num (obs_at (obs, 0)->rate, 75);
  assert_num (obs_at (obs, 0)->yoy, 104);
  /* 2025 opens the plan period: no year-on-year figure. */
  assert_num (obs_at (obs, 1)->rate, 110);
  g_assert_true (isnan (obs_at (obs, 1)->yoy));
}

static void
test_qualifier_and_reversed_yoy (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Tổng đàn gia cầm hiện có hơn 165.000 con, so với cùng kỳ tăng 5,2%.\n");

  g_assert_cmpuint (obs->len, ==, 1);
  assert_num (obs_at (obs, 0)->value, 165000);
  g_assert_cmpstr (obs_at (obs, 0)->qualifier, ==, "hơn");
  assert_num (obs_at (obs, 0)->yoy, 105.2);
}

static void
test_comparison_named_first (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Giá trị sản xuất công nghiệp ước thực hiện đạt 1.234,5 tỷ đồng, so với kế hoạch năm "
    "đạt 72,3%, so với cùng kỳ bằng 106,1%.\n"
    "\n"
    "- Thu ngân sách trên địa bàn ước đạt 88,6 tỷ đồng/dự toán 120 tỷ đồng, đạt 73,8%.\n");

  g_assert_cmpuint (obs->len, ==, 2);
  g_assert_cmpint (obs_at (obs, 0)->kind, ==, CT_KIND_ACHIEVEMENT);
  assert_num (obs_at (obs, 0)->rate, 72.3);
  assert_num (obs_at (obs, 0)->yoy, 106.1);
  assert_num (obs_at (obs, 1)->value, 88.6);
  assert_num (obs_at (obs, 1)->plan, 120);
  assert_num (obs_at (obs, 1)->rate, 73.8);
  g_assert_cmpint (obs_at (obs, 1)->basis, ==, CT_BASIS_BUDGET);
}

static void
test_absolute_change_is_no_yoy (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Tổng đàn bò có 2.750 con, giảm 50 con so với cùng kỳ năm trước.\n");

  g_assert_cmpuint (obs->len, ==, 0);
}

static void
test_two_budgets (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Tổng thu ngân sách được 11,327 tỷ đồng, đạt 57,25% dự toán UBND tỉnh giao, đạt 56,64% "
    "dự toán HĐND huyện giao; trong đó Chi cục Thuế thu được 7,399 tỷ đồng, đạt 39,81% dự toán "
    "UBND tỉnh giao (18,586 tỷ đồng), đạt 39,35% dự toán HĐND huyện giao (18,8 tỷ đồng).\n");

  g_assert_cmpuint (obs->len, ==, 4);
  for (guint i = 0; i < 2; i++)
    {
      assert_num (obs_at (obs, i)->value, 11.327);
      g_assert_cmpint (obs_at (obs, i)->basis, ==, CT_BASIS_BUDGET);
    }
  assert_num (obs_at (obs, 0)->rate, 57.25);
  assert_num (obs_at (obs, 1)->rate, 56.64);
  assert_num (obs_at (obs, 2)->plan, 18.586);
  assert_num (obs_at (obs, 3)->plan, 18.8);
  assert_num (obs_at (obs, 3)->value, 7.399);
}

static void
test_plan_in_parentheses (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Thu nhập bình quân đầu người 44,5 triệu đồng: không đạt (KH 54,1 triệu đồng); Tỷ lệ huy "
    "động nhà trẻ 46,12%: đạt (KH: 43-45%), tiểu học 100%: chưa đạt (KH trên 99,5%).\n");

  g_assert_cmpuint (obs->len, ==, 3);
  assert_num (obs_at (obs, 0)->value, 44.5);
  assert_num (obs_at (obs, 0)->plan, 54.1);
  g_assert_cmpstr (obs_at (obs, 0)->status, ==, "không đạt");
  assert_num (obs_at (obs, 1)->plan, 43);
  g_assert_cmpstr (obs_at (obs, 1)->status, ==, "đạt");
  /* 100% meets "trên 99,5%" yet the text says it does not. */
  g_assert_true (obs_at (obs, 2)->flags & CT_FLAG_STATUS_CONTRADICTS);
  g_assert_false (obs_at (obs, 1)->flags & CT_FLAG_STATUS_CONTRADICTS);
}

static void
test_plan_in_another_scale (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Giải ngân vốn sự nghiệp được 1,14 tỷ đồng (KH 2.280 triệu đồng), đạt 50% kế hoạch.\n");

  g_assert_cmpuint (obs->len, ==, 1);
  assert_num (obs_at (obs, 0)->plan, 2.28);
  assert_num (obs_at (obs, 0)->rate_computed, 50);
  g_assert_cmpuint (obs_at (obs, 0)->flags, ==, 0);
}

static void
test_status_short_of_plan (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Tỷ lệ trường đạt chuẩn quốc gia 86,7%: đạt (KH trên 90%); Tỷ lệ trẻ em dưới 5 tuổi suy "
    "dinh dưỡng 8,7%: đạt (KH 11%).\n");

  g_assert_cmpuint (obs->len, ==, 2);
  /* "đạt" for 86,7% against 90% contradicts; 8,7% malnutrition under 11% does not. */
  g_assert_true (obs_at (obs, 0)->flags & CT_FLAG_STATUS_CONTRADICTS);
  g_assert_cmpuint (obs_at (obs, 1)->flags, ==, 0);
}

static void
test_ratio_indicator (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Giáo dục THCS: Huy động được 1518 em đạt tỷ lệ 98,6% (chỉ tiêu 98%).\n");
  const CtObservation *o = obs_at (obs, 0);

  g_assert_cmpuint (obs->len, ==, 1);
  assert_num (o->value, 98.6);
  g_assert_cmpstr (o->unit, ==, "%");
  assert_num (o->plan, 98);
  g_assert_true (isnan (o->rate));
}

static void
test_sub_figures (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Phát triển đàn gia súc 4.755/5.450 con, đạt 87,24%KH (trong đó: Đàn bò 2.830/3.400 con "
    "đạt 83,23% KH; đàn trâu 1.925/2.050 con, đạt 93,9%KH); Phát triển đàn lợn được "
    "13.700/26.600 con; đạt 51,5% KH.\n");

  g_assert_cmpuint (obs->len, ==, 4);
  assert_num (obs_at (obs, 0)->rate, 87.24);
  assert_num (obs_at (obs, 1)->value, 2830);
  assert_num (obs_at (obs, 1)->rate, 83.23);
  g_assert_cmpstr (obs_at (obs, 1)->label, ==, "Đàn bò");
  assert_num (obs_at (obs, 2)->rate, 93.9);
  /* The rate after the semicolon still belongs to the herd before it. */
  assert_num (obs_at (obs, 3)->value, 13700);
  assert_num (obs_at (obs, 3)->rate, 51.5);
}

static void
test_commune_lists (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Tiêu chí cấp xã: Hương Xuân, Thượng Quảng đạt 19/19 tiêu chí. Có 03 xã đạt 17/19 tiêu "
    "chí (Hương Lộc, Hương Phú, Thượng Nhật); bệnh tái phát tại 7/13 xã (Minh Long, Thị Hoa).\n");

  g_assert_cmpuint (obs->len, ==, 6);
  g_assert_true (g_str_has_prefix (obs_at (obs, 0)->label, "Xã Hương Xuân"));
  g_assert_true (g_str_has_prefix (obs_at (obs, 1)->label, "Xã Thượng Quảng"));
  g_assert_true (g_str_has_prefix (obs_at (obs, 4)->label, "Xã Thượng Nhật"));
  assert_num (obs_at (obs, 4)->value, 17);
  /* Communes counted by the figure itself are not split. */
  assert_num (obs_at (obs, 5)->value, 7);
  g_assert_cmpint (obs_at (obs, 5)->basis, ==, CT_BASIS_TOTAL);
}

static void
test_plan_from_earlier_clause (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Tổng số vốn đầu tư công được sử dụng năm 2021 là 10,643 tỷ đồng; kết quả giải ngân đến "
    "ngày 31/5/2021 được 1,140 tỷ đồng, đạt 10,7% KH.\n");

  g_assert_cmpuint (obs->len, ==, 1);
  assert_num (obs_at (obs, 0)->value, 1.14);
  assert_num (obs_at (obs, 0)->plan, 10.643);
  assert_num (obs_at (obs, 0)->rate, 10.7);
}

static void
test_targets (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "A. Kết quả thực hiện 6 tháng đầu năm\n"
    "\n"
    "Sản lượng lương thực đạt 2.640/4.450 tấn, đạt 59,3% KH.\n"
    "\n"
    "B. Phương hướng, nhiệm vụ 6 tháng cuối năm\n"
    "\n"
    "Phấn đấu tổng sản lượng lương thực đạt 4.450 tấn, đạt 100% kế hoạch.\n"
    "\n"
    "Chỉ tiêu: thu ngân sách trên địa bàn đạt 683,69 tỷ đồng.\n");

  g_assert_cmpuint (count_kind (obs, CT_KIND_ACHIEVEMENT), ==, 1);
  g_assert_cmpuint (count_kind (obs, CT_KIND_TARGET), >=, 2);
  for (guint i = 0; i < obs->len; i++)
    if (obs_at (obs, i)->kind == CT_KIND_TARGET)
      {
        /* A target never poses as an achievement. */
        g_assert_true (isnan (obs_at (obs, i)->plan));
        g_assert_true (isnan (obs_at (obs, i)->rate));
        g_assert_true (isnan (obs_at (obs, i)->yoy));
      }
}

static void
test_assessed_task (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "(2) Xây dựng 9/9 xã đạt chuẩn 19/19 tiêu chí xã NTM: Chưa đạt. (3) Xây dựng xã Hương Phú "
    "đạt 16-17 tiêu chí xã NTM nâng cao: Đạt.\n");

  g_assert_cmpuint (obs->len, ==, 2);
  g_assert_true (isnan (obs_at (obs, 0)->value));
  assert_num (obs_at (obs, 0)->plan, 9);
  g_assert_cmpstr (obs_at (obs, 0)->status, ==, "chưa đạt");
  assert_num (obs_at (obs, 1)->plan, 16);
  g_assert_cmpstr (obs_at (obs, 1)->status, ==, "đạt");
}

static void
test_audit (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Sản lượng gỗ khai thác ước đạt 51.600/1.500 tấn, đạt 34,4% KH; đàn lợn nái 1.270/1.360 "
    "tấn, đạt 93,4%KH; tỷ lệ che phủ rừng đạt 88.56% (KH 90%).\n");

  g_assert_cmpuint (obs->len, ==, 3);
  g_assert_true (obs_at (obs, 0)->flags & CT_FLAG_RATE_MISMATCH);
  g_assert_true (obs_at (obs, 0)->flags & CT_FLAG_PLAN_BELOW_VALUE);
  g_assert_cmpuint (obs_at (obs, 1)->flags, ==, CT_FLAG_UNIT_SUSPECT);
  g_assert_true (obs_at (obs, 2)->flags & CT_FLAG_NUMBER_SUSPECT);
  assert_num (obs_at (obs, 2)->value, 88.56);
}

static void
test_label_context (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "+ Trong 6 tháng đầu năm 2023, giá trị sản xuất được 5.145,10 tỷ đồng, đạt 58,12% kế "
    "hoạch. Trong đó: Khu vực I được 2.313,78 tỷ đồng, đạt 55,67% kế hoạch; khu vực II được "
    "1.962,10 tỷ đồng, đạt 60,79% kế hoạch.\n"
    "\n"
    "- Lúa xuân: Gieo trồng 561 ha (đạt 100,18% kế hoạch); sản lượng ước đạt 3.371,61 tấn "
    "(đạt 101,19% kế hoạch).\n");

  g_assert_cmpuint (obs->len, ==, 5);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Giá trị sản xuất");
  g_assert_cmpstr (obs_at (obs, 1)->label, ==, "Giá trị sản xuất: Khu vực I");
  g_assert_cmpstr (obs_at (obs, 2)->label, ==, "Giá trị sản xuất: Khu vực II");
  g_assert_cmpstr (obs_at (obs, 3)->label, ==, "Lúa xuân: Gieo trồng");
  g_assert_cmpstr (obs_at (obs, 4)->label, ==, "Lúa xuân: Sản lượng");
  assert_num (obs_at (obs, 4)->value, 3371.61);
  assert_num (obs_at (obs, 4)->rate, 101.19);
}

/* What a reader would call the thing: no leading "tổ chức tốt", no aside
 * cut in half, no preposition left hanging, a capital first letter. */
static void
test_label_polish (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Tổ chức tốt công tác tuyển quân năm 2023 (*Điểm của tỉnh có Bộ Quốc phòng tham dự "
    "cùng nhiều đơn vị bạn*), đạt 100% chỉ tiêu.\n"
    "\n"
    "- Đã phê duyệt 24 dự án của 09/12 xã, thị trấn.\n"
    "\n"
    "- Năm học 2019-2020, toàn huyện có 42 cơ sở giáo dục (17/41 trường đạt chuẩn quốc gia).\n"
    "\n"
    "- Chứng nhận ISO 9001:2015 cho 12/12 cơ quan.\n"
    "\n"
    "- Tỷ lệ hộ nghèo giảm còn 4,25%, giảm 2,1% so với cùng kỳ.\n"
    "\n"
    "- Hoàn thành 100% chỉ tiêu kế hoạch về tuyển quân.\n"
    "\n"
    "- Số trẻ em dưới 1 tuổi được tiêm chủng đầy đủ: 1.250/1.300 trẻ, đạt 96,2%.\n"
    "\n"
    "- Năm 2023, thu ngân sách đạt 110% dự toán.\n");

  g_assert_cmpuint (obs->len, ==, 8);
  /* A clause opened by its year leaves the year out of the name. */
  g_assert_cmpstr (obs_at (obs, 7)->label, ==, "Thu ngân sách");
  g_assert_cmpstr (obs_at (obs, 3)->label, ==, "Chứng nhận ISO 9001:2015");
  /* The subject after the rate, and a long phrase before an empty colon. */
  g_assert_cmpstr (obs_at (obs, 5)->label, ==, "Tuyển quân");
  g_assert_cmpstr (obs_at (obs, 6)->label, ==, "Số trẻ em dưới 1 tuổi được tiêm chủng đầy đủ");
  g_assert_cmpstr (obs_at (obs, 6)->unit, ==, "trẻ");
  /* "giảm còn" tells how it moved, not what it is. */
  g_assert_cmpstr (obs_at (obs, 4)->label, ==, "Tỷ lệ hộ nghèo");
  assert_num (obs_at (obs, 4)->yoy, 97.9);
  /* The colon of a standard's year does not split the label. */
  g_assert_cmpstr (obs_at (obs, 3)->label, ==, "Chứng nhận ISO 9001:2015");
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Công tác tuyển quân năm 2023");
  assert_num (obs_at (obs, 0)->rate, 100);
  g_assert_cmpstr (obs_at (obs, 1)->label, ==, "Phê duyệt 24 dự án");
  assert_num (obs_at (obs, 1)->plan, 12);
  g_assert_cmpstr (obs_at (obs, 2)->label, ==, "Trường đạt chuẩn quốc gia");
  assert_num (obs_at (obs, 2)->value, 17);
}

/* Phrasings none of the seeds use, written the way reports write them. */
static void
test_status_clause_and_bare_rate (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Tỷ lệ che phủ rừng đạt 42,5% (chỉ tiêu 42%), đạt kế hoạch.\n"
    "\n"
    "- Thu ngân sách 50 tỷ đồng/60 tỷ đồng, chưa đạt.\n"
    "\n"
    "- Đàn bò 3.000 con, đạt 98% kế hoạch, bằng 101% so cùng kỳ.\n"
    "\n"
    "- Vốn đầu tư công được giao 320,5 tỷ đồng, đã giải ngân 210,3 tỷ đồng, đạt 65,6%.\n"
    "\n"
    "- Cấp mới 250 giấy chứng nhận quyền sử dụng đất, đạt 62,5% kế hoạch (KH: 400 giấy).\n"
    "\n"
    "- Tỷ lệ người dân tham gia BHYT đạt 93,2%, vượt chỉ tiêu nghị quyết (92%).\n");

  g_assert_cmpuint (obs->len, ==, 6);
  /* A ratio with its plan in parentheses after the word naming it. */
  assert_num (obs_at (obs, 5)->value, 93.2);
  assert_num (obs_at (obs, 5)->plan, 92);
  g_assert_true (isnan (obs_at (obs, 5)->rate));
  g_assert_cmpstr (obs_at (obs, 5)->status, ==, "vượt");
  g_assert_cmpstr (obs_at (obs, 0)->status, ==, "đạt");
  assert_num (obs_at (obs, 0)->plan, 42);
  g_assert_cmpstr (obs_at (obs, 1)->status, ==, "chưa đạt");
  /* "đạt 98% kế hoạch" is a rate, not a status clause. */
  g_assert_null (obs_at (obs, 2)->status);
  assert_num (obs_at (obs, 2)->rate, 98);
  /* The bare "đạt 65,6%" is the rate because 210,3 / 320,5 says so. */
  assert_num (obs_at (obs, 3)->value, 210.3);
  assert_num (obs_at (obs, 3)->plan, 320.5);
  assert_num (obs_at (obs, 3)->rate, 65.6);
  assert_num (obs_at (obs, 4)->value, 250);
  g_assert_cmpstr (obs_at (obs, 4)->unit, ==, "giấy chứng nhận");
  assert_num (obs_at (obs, 4)->plan, 400);
}

/* A generic measure after a comma reports on the work named before it. */
static void
test_label_work_object (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- **Hạ tầng:** Tiếp tục đôn đốc đẩy nhanh tiến độ thi công các công trình đường từ UBND xã "
    "đến chợ Bến Sỏi, khối lượng thực hiện hoàn thành đến thời điểm báo cáo 60%, dự án cải tạo "
    "hồ Đá Vàng giai đoạn hai của huyện, khối lượng thực hiện hoàn thành 40%.\n");

  g_assert_cmpuint (obs->len, ==, 2);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==,
                   "Công trình đường từ UBND xã đến chợ Bến Sỏi: khối lượng thực hiện hoàn thành");
  assert_num (obs_at (obs, 0)->rate, 60);
  g_assert_cmpstr (obs_at (obs, 1)->label, ==,
                   "Dự án cải tạo hồ Đá Vàng giai đoạn hai của huyện: khối lượng thực hiện hoàn thành");
  assert_num (obs_at (obs, 1)->rate, 40);
}

/* Year-on-year as a multiple or with "CK", and a plan after "KH năm". */
static void
test_multiples_and_abbreviations (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Kim ngạch xuất khẩu đạt 1,5 triệu USD, bằng 1,2 lần so với cùng kỳ.\n"
    "\n"
    "- Số doanh nghiệp thành lập mới 25 doanh nghiệp, tăng gấp 2 lần so với cùng kỳ năm trước.\n"
    "\n"
    "- Số vụ tai nạn giao thông 6 vụ, giảm 2 lần so với cùng kỳ.\n"
    "\n"
    "- Diện tích gieo trồng cây hàng năm được 5.420 ha (đạt 98,5% KH, bằng 101,2% CK).\n"
    "\n"
    "- Tỷ lệ trường đạt chuẩn quốc gia 65% (KH năm 70%).\n"
    "\n"
    "- Tổ chức 3 lần kiểm tra liên ngành trong năm 2024.\n");

  g_assert_cmpuint (obs->len, ==, 5);
  assert_num (obs_at (obs, 0)->value, 1.5);
  assert_num (obs_at (obs, 0)->yoy, 120);
  /* Last year's own growth in parentheses is no second figure. */
  {
    g_autoptr(GPtrArray) more = extract (
      "- Doanh thu thương mại đạt 1.200 tỷ đồng, tăng 12,5% so với cùng kỳ năm 2023 "
      "(cùng kỳ tăng 8%).\n"
      "\n"
      "- Số thuê bao internet 25.000 thuê bao, bằng 110% so cùng kỳ.\n");

    g_assert_cmpuint (more->len, ==, 2);
    assert_num (obs_at (more, 0)->yoy, 112.5);
    assert_num (obs_at (more, 1)->value, 25000);
    assert_num (obs_at (more, 1)->yoy, 110);
  }
  assert_num (obs_at (obs, 1)->yoy, 200);
  assert_num (obs_at (obs, 2)->yoy, 50);
  assert_num (obs_at (obs, 3)->rate, 98.5);
  assert_num (obs_at (obs, 3)->yoy, 101.2);
  assert_num (obs_at (obs, 4)->value, 65);
  assert_num (obs_at (obs, 4)->plan, 70);
}

/* The plan stated first, what was done after it, and the rate that ties
 * them: "kế hoạch giao X, thực hiện Y, đạt Z%". */
static void
test_plan_stated_first (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Trồng rừng: kế hoạch giao 1.500 ha, thực hiện được 1.200 ha, đạt 80%.\n"
    "\n"
    "- Xây dựng nhà đại đoàn kết: KH 120 nhà, đã hoàn thành 95 nhà, đạt 79,2% KH.\n"
    "\n"
    "- Thu ngân sách trên địa bàn: Dự toán giao 45 tỷ đồng; thực hiện 6 tháng 25,5 tỷ đồng, "
    "đạt 56,7%.\n"
    "\n"
    "- Chỉ tiêu giao 300 lao động, giải quyết việc làm cho 210 lao động, đạt 70%.\n"
    "\n"
    "- Chỉ tiêu 19,786 tỷ đồng tỉnh giao, 20 tỷ đồng HĐND huyện giao; thu được 12 tỷ đồng, "
    "đạt 60,65% chỉ tiêu tỉnh giao.\n");
  static const struct { const gchar *label; gdouble value, plan, rate; } expected[] = {
    { "Trồng rừng", 1200, 1500, 80 },
    { "Xây dựng nhà đại đoàn kết", 95, 120, 79.2 },
    { "Thu ngân sách trên địa bàn", 25.5, 45, 56.7 },
    { "Giải quyết việc làm", 210, 300, 70 },
  };

  g_assert_cmpuint (obs->len, >=, G_N_ELEMENTS (expected));
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_assert_cmpstr (obs_at (obs, i)->label, ==, expected[i].label);
      assert_num (obs_at (obs, i)->value, expected[i].value);
      assert_num (obs_at (obs, i)->plan, expected[i].plan);
      assert_num (obs_at (obs, i)->rate, expected[i].rate);
    }
  /* A rate in parentheses counts against a figure called a plan, and a
   * share of a total is no rate. */
  {
    g_autoptr(GPtrArray) more = extract (
      "- Trồng rừng: kế hoạch năm 2024: 1.000 ha; thực hiện 6 tháng: 600 ha (60%).\n"
      "\n"
      "- Thu ngân sách 11,5 tỷ đồng/KH 20 tỷ đồng (57,5%).\n"
      "\n"
      "- Tổng vốn 50 tỷ đồng, trong đó vốn tỉnh 30 tỷ đồng (60%).\n"
      "\n"
      "- Có 9/12 xã (75%) đạt chuẩn nông thôn mới.\n");

    g_assert_cmpuint (more->len, ==, 3);
    /* The share of a whole set restates the pair: no rate. */
    assert_num (obs_at (more, 2)->plan, 12);
    g_assert_true (isnan (obs_at (more, 2)->rate));
    g_assert_cmpstr (obs_at (more, 0)->label, ==, "Trồng rừng");
    assert_num (obs_at (more, 0)->value, 600);
    assert_num (obs_at (more, 0)->plan, 1000);
    assert_num (obs_at (more, 0)->rate, 60);
    assert_num (obs_at (more, 1)->plan, 20);
    assert_num (obs_at (more, 1)->rate, 57.5);
  }
  /* Two plans in a row are still two plans, not a value. */
  for (guint i = G_N_ELEMENTS (expected); i < obs->len; i++)
    g_assert_cmpfloat (obs_at (obs, i)->value, !=, 19.786);
}

/* "lần lượt": a list of rates for the list of values before it, one by
 * one; a list longer than the values before it gives nothing rather than
 * a wrong pairing. */
static void
test_respective_list (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "Chăn nuôi: Đàn trâu 3.210 con, đàn bò 8.450 con, đàn lợn 42.300 con, đạt lần lượt 95%, "
    "102% và 88% kế hoạch.\n"
    "\n"
    "Đàn dê 1.200 con, đạt lần lượt 95%, 102% và 88% kế hoạch.\n");

  g_assert_cmpuint (obs->len, ==, 3);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Đàn trâu");
  assert_num (obs_at (obs, 0)->rate, 95);
  g_assert_cmpstr (obs_at (obs, 1)->label, ==, "Đàn bò");
  assert_num (obs_at (obs, 1)->rate, 102);
  g_assert_cmpstr (obs_at (obs, 2)->label, ==, "Đàn lợn");
  assert_num (obs_at (obs, 2)->value, 42300);
  assert_num (obs_at (obs, 2)->rate, 88);
}

/* A unit written with a capital at the head of a cell or sentence is shown
 * the way the rest of the report writes it; USD stays USD. */
static void
test_unit_display_form (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "| TT | Chỉ tiêu | ĐVT | KH 2024 | TH 6 tháng | % KH |\n"
    "|---|---|---|---|---|---|\n"
    "| 1 | Thu ngân sách | Triệu đồng | 120.000 | 65.430 | 54,5 |\n"
    "| 2 | Kim ngạch xuất khẩu | USD | 1.000 | 600 | 60 |\n");

  g_assert_cmpuint (obs->len, ==, 2);
  g_assert_cmpstr (obs_at (obs, 0)->unit, ==, "triệu đồng");
  g_assert_cmpstr (obs_at (obs, 1)->unit, ==, "USD");
}

/* "hơn", "khoảng" before a value qualify it and are no part of its name;
 * a plan in per mille after "KH" is a plan. */
static void
test_qualifier_and_permille_plan (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Tổng đàn bò khoảng 12.500 con, đạt 101% KH.\n"
    "\n"
    "- Tỷ suất sinh thô 15,2‰ (KH 15,5‰).\n");

  g_assert_cmpuint (obs->len, ==, 2);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Tổng đàn bò");
  g_assert_cmpstr (obs_at (obs, 0)->qualifier, ==, "khoảng");
  assert_num (obs_at (obs, 1)->value, 15.2);
  assert_num (obs_at (obs, 1)->plan, 15.5);
  g_assert_cmpstr (obs_at (obs, 1)->unit, ==, "‰");
}

/* An annex whose header spans two rows, as Word tables often do. */
static void
test_annex_two_row_header (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "| STT | Chỉ tiêu | Đơn vị tính | Năm 2024 | | So sánh (%) | |\n"
    "|---|---|---|---|---|---|---|\n"
    "| | | | Kế hoạch | Ước TH 6 tháng | TH/KH | Cùng kỳ |\n"
    "| 1 | Tổng giá trị sản xuất | Tỷ đồng | 5.200 | 2.480 | 47,7 | 109,5 |\n"
    "| 2 | Thu nhập bình quân đầu người | Triệu đồng | 58 | | | |\n");

  g_assert_cmpuint (obs->len, ==, 1);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Tổng giá trị sản xuất");
  g_assert_cmpstr (obs_at (obs, 0)->unit, ==, "tỷ đồng");
  assert_num (obs_at (obs, 0)->value, 2480);
  assert_num (obs_at (obs, 0)->plan, 5200);
  assert_num (obs_at (obs, 0)->rate, 47.7);
  assert_num (obs_at (obs, 0)->yoy, 109.5);
}

/* A bare "đạt P%" in a sentence that has measured against a plan is a
 * rate against it too; "đạt tỷ lệ" keeps its ratio. */
static void
test_bare_rate_after_plan_rate (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Khám bệnh cho 45.678 lượt người, đạt 52,3% kế hoạch; điều trị nội trú 3.456 lượt, "
    "đạt 48,7%.\n"
    "\n"
    "- Sản lượng thủy sản 1.250 tấn, đạt 52% KH; trong đó: nuôi trồng 850 tấn, đạt 55%; "
    "khai thác 400 tấn, đạt 46%.\n"
    "\n"
    "- Thu ngân sách 20 tỷ đồng, đạt 50% dự toán; cấp 1.200 giấy chứng nhận, đạt tỷ lệ 97,5%.\n");

  g_assert_cmpuint (obs->len, ==, 6);
  g_assert_cmpstr (obs_at (obs, 1)->label, ==, "Điều trị nội trú");
  assert_num (obs_at (obs, 1)->rate, 48.7);
  assert_num (obs_at (obs, 3)->rate, 55);
  assert_num (obs_at (obs, 4)->rate, 46);
  g_assert_cmpint (obs_at (obs, 4)->basis, ==, CT_BASIS_PLAN);
  g_assert_cmpint (obs_at (obs, 5)->basis, ==, CT_BASIS_BUDGET);
}

/* Ways of saying a plan was exceeded. */
static void
test_exceeded_plan (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "- Thu ngân sách 50 tỷ đồng, vượt kế hoạch 5%.\n"
    "\n"
    "- Xuất khẩu 15 triệu USD, hoàn thành vượt mức 8% kế hoạch.\n"
    "\n"
    "- Sản lượng điện 120 triệu kWh, vượt 12% so với kế hoạch năm.\n"
    "\n"
    "- Tỷ lệ che phủ rừng 45,5% (KH 45%).\n");

  g_assert_cmpuint (obs->len, ==, 4);
  assert_num (obs_at (obs, 0)->rate, 105);
  g_assert_true (isnan (obs_at (obs, 0)->plan));
  assert_num (obs_at (obs, 1)->rate, 108);
  assert_num (obs_at (obs, 2)->rate, 112);
  /* "(KH 45%)" stays a plan. */
  assert_num (obs_at (obs, 3)->plan, 45);
}

static void
test_annex_table (void)
{
  g_autoptr(GPtrArray) obs = extract (
    "# Báo cáo\n"
    "\n"
    "## Phụ lục: Kết quả thực hiện các chỉ tiêu\n"
    "\n"
    "| TT | Chỉ tiêu | ĐVT | KH năm 2023 | TH 6 tháng | % so KH | So cùng kỳ (%) |\n"
    "|----|----------|-----|-------------|------------|---------|----------------|\n"
    "| 1 | Tổng sản lượng lương thực | tấn | 4.500 | 2.703,5 | 60,1 | 102,4 |\n"
    "| 2 | Đàn trâu | con | 2.050 | 1.925 | 93,9 | |\n"
    "| 3 | Ghi chú | | | | | |\n");

  g_assert_cmpuint (obs->len, ==, 2);
  g_assert_cmpstr (obs_at (obs, 0)->label, ==, "Tổng sản lượng lương thực");
  g_assert_cmpstr (obs_at (obs, 0)->unit, ==, "tấn");
  assert_num (obs_at (obs, 0)->value, 2703.5);
  assert_num (obs_at (obs, 0)->plan, 4500);
  assert_num (obs_at (obs, 0)->rate, 60.1);
  assert_num (obs_at (obs, 0)->yoy, 102.4);
  g_assert_cmpuint (obs_at (obs, 0)->line, ==, 7);
  assert_num (obs_at (obs, 1)->rate, 93.9);
  g_assert_true (isnan (obs_at (obs, 1)->yoy));
}

/* Figures the scanner keeps from a text, as "value unit" strings. */
static gchar *
figures (const gchar *text)
{
  g_autoptr(CtUnitTable) units = ct_unit_table_new_default (NULL);
  CtKeywords *kws = ct_keywords_new_default (NULL);
  g_autofree gchar *lower = ct_extract_lower (text, strlen (text));
  g_autoptr(GArray) figs = ct_extract_scan (units, kws, text, lower, strlen (text));
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < figs->len; i++)
    {
      const CtFigure *f = &g_array_index (figs, CtFigure, i);

      g_string_append_printf (out, "%s%g", out->len > 0 ? " " : "", f->value);
      if (f->kind == CT_FIG_FRACTION)
        g_string_append_printf (out, "/%g", f->denom);
      if (f->unit_text != NULL)
        g_string_append_printf (out, " %s", f->unit_text);
    }
  ct_keywords_free (kws);
  return g_string_free (out, FALSE);
}

static void
assert_no_figure (const gchar *text)
{
  g_autofree gchar *found = figures (text);

  if (found[0] != '\0')
    g_error ("“%s” should hold no measurement, found “%s”", text, found);
}

static void
test_non_measurements (void)
{
  assert_no_figure ("đến ngày 31/5/2021 thu ngân sách");
  assert_no_figure ("trước ngày 30/6 các xã hoàn thành");
  assert_no_figure ("theo Quyết định số 1980/QĐ-TTg của Thủ tướng");
  assert_no_figure ("Nghị định 09/2019/NĐ-CP quy định");
  assert_no_figure ("sạt lở tại Km146+200/QL.12 đã khắc phục");
  assert_no_figure ("quản lý chất lượng theo tiêu chuẩn ISO 9001:2015");
  assert_no_figure ("phủ sóng mạng 4G/5G toàn huyện");
  assert_no_figure ("huyện xếp thứ 6/10 toàn tỉnh");
  assert_no_figure ("hỗ trợ 1 con bò/hộ nghèo");
  assert_no_figure ("tổ chức 133 cuộc/9.928 người tham dự");
  assert_no_figure ("trong năm 2020 và giai đoạn 2021 - 2025");
  assert_no_figure ("dịch vụ công mức độ 3,4 trên môi trường mạng");
  assert_no_figure ("1. Thu nhập bình quân đầu người");
}

static void
test_figures_read (void)
{
  g_autofree gchar *a = figures ("nuôi 0,51m3 và 43.413con, đạt 60%KH");
  g_autofree gchar *b = figures ("tỷ suất sinh 28,67%o, tử vong 21,5 0/00");
  g_autofree gchar *c = figures ("diện tích 1.500 - 1.600 ha, đạt 16-17 tiêu chí");
  g_autofree gchar *d = figures ("đàn trâu 7.111/7220 con");
  g_autofree gchar *e = figures ("thu 45,3 tỷ đồng/73 tỷ đồng");
  g_autofree gchar *f = figures ("việc làm cho 1.200 lao động/2.000 KH");

  g_assert_cmpstr (a, ==, "0.51 m3 43413 con 60 %");
  g_assert_cmpstr (b, ==, "28.67 %o 21.5 0/00");
  g_assert_cmpstr (c, ==, "1500 ha 16 tiêu chí");
  g_assert_cmpstr (d, ==, "7111/7220 con");
  /* The unit on both sides: value over plan, not a per-unit ratio. */
  g_assert_cmpstr (e, ==, "45.3/73 tỷ đồng");
  g_assert_cmpstr (f, ==, "1200/2000 lao động");
}

static void
test_lower_keeps_offsets (void)
{
  const gchar *text = "TỔNG ĐÀN TRÂU ĐẠT 1.925 CON (KH 2.050) – Ỹ Ạ Ă Ơ Ư À Ý abcdefghXYZ";
  g_autofree gchar *lower = ct_extract_lower (text, strlen (text));

  g_assert_cmpstr (lower, ==, "tổng đàn trâu đạt 1.925 con (kh 2.050) – ỹ ạ ă ơ ư à ý abcdefghxyz");
  g_assert_cmpuint (strlen (lower), ==, strlen (text));
}

/* Every letter of U+0100..U+01BF between plain letters is lowered as GLib
 * lowers it when the small letter takes two bytes too (Đ → đ, Ơ → ơ,
 * Ư → ư, but also Ÿ → ÿ and Ɓ → ɓ, whose small letters start with another
 * byte), and stays as it is otherwise. */
static void
test_lower_extended_latin (void)
{
  for (gunichar u = 0x100; u < 0x1C0; u++)
    {
      gchar text[16], expected[16], small[6];
      gunichar lu = g_unichar_tolower (u);
      gint n = g_unichar_to_utf8 (u, text + 1);
      g_autofree gchar *lower = NULL;

      text[0] = 'A';
      text[n + 1] = 'b';
      text[n + 2] = '\0';
      memcpy (expected, text, n + 3);
      expected[0] = 'a';
      if (lu != u && g_unichar_to_utf8 (lu, small) == 2)
        memcpy (expected + 1, small, 2);
      lower = ct_extract_lower (text, strlen (text));
      g_assert_cmpstr (lower, ==, expected);
    }
}

/* Whether ct_extract_lower() lowers @u: the capitals of ASCII, Latin-1,
 * Latin Extended-A and -B (those whose small letter has two bytes too) and
 * Vietnamese (U+1EA0..U+1EF9). */
static gboolean
lowered_capital (gunichar u)
{
  gchar buf[6];

  if (u < 0x80)
    return u >= 'A' && u <= 'Z';
  if (u >= 0xC0 && u <= 0xDE)
    return u != 0xD7;
  if (u >= 0x100 && u < 0x1C0)
    return g_unichar_tolower (u) != u && g_unichar_to_utf8 (g_unichar_tolower (u), buf) == 2;
  return u >= 0x1EA0 && u <= 0x1EF9 && (u & 1) == 0;
}

/* Random runs of letters of every width (runs of plain ASCII too, which
 * are skipped in wider steps), capitals among them, some ending in a cut
 * character: lowered as the characters are one by one. */
static void
test_lower_random (void)
{
  static const gunichar alphabet[] = {
    'a', 'z', 'A', 'Z', 'M', ' ', '0', '9', '@', '[', '`', '{', '\n',
    0xC0, 0xC1, 0xD7, 0xDD, 0xDE, 0xDF, 0xE0, 0xFD, 0x102, 0x103, 0x110,
    0x111, 0x128, 0x168, 0x1A0, 0x1A1, 0x1AF, 0x1B0, 0x130, 0x178, 0x391,
    0x1EA0, 0x1EA1, 0x1EB8, 0x1EC6, 0x1EC7, 0x1EF8, 0x1EF9, 0x1E9E, 0x1EFA,
    0x20AC, 0x1F600,
  };
  GRand *rand = g_rand_new_with_seed (18);

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr(GString) text = g_string_new (NULL);
      g_autoptr(GString) expected = g_string_new (NULL);
      guint n = g_rand_int_range (rand, 0, 40);
      g_autofree gchar *lower = NULL;

      for (guint i = 0; i < n; i++)
        {
          gunichar u = alphabet[g_rand_int_range (rand, 0, G_N_ELEMENTS (alphabet))];
          guint repeat = g_rand_int_range (rand, 0, 4) == 0 ? g_rand_int_range (rand, 1, 12) : 1;

          for (guint r = 0; r < repeat; r++)
            {
              g_string_append_unichar (text, u);
              g_string_append_unichar (expected, lowered_capital (u) ? g_unichar_tolower (u) : u);
            }
        }
      /* A character cut short by the end of the text is left as it is. */
      if (g_rand_int_range (rand, 0, 5) == 0)
        {
          g_string_append_c (text, '\xE1');
          g_string_append_c (expected, '\xE1');
        }
      lower = ct_extract_lower (text->str, text->len);
      g_assert_cmpmem (lower, text->len + 1, expected->str, expected->len + 1);
    }
  g_rand_free (rand);
}

/* Cut-off and odd fragments, the kind a truncated file or a careless
 * conversion leaves: the extractor must read them without stepping outside
 * the text, and every span it reports must lie inside it. */
static void
test_fragments (void)
{
  static const gchar *const fragments[] = {
    ".234,5 [3: ",
    "1.",
    "a)",
    "- đạt 60,1",
    "đạt 60,1% kế hoạch",
    "[1: ",
    "**",
    "| 1 | 2,5 |",
    "Phần thứ",
    "2.703,5/",
    "bằng 102,4% so với cùng kỳ",
  };

  for (guint i = 0; i < G_N_ELEMENTS (fragments); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(GBytes) bytes = g_bytes_new (fragments[i], strlen (fragments[i]));
      g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "fragment.txt", NULL, &error);
      g_autoptr(GPtrArray) obs = NULL;
      const CtDocument *doc;

      /* Markup alone ("**") leaves no text: that is an error, not a crash. */
      if (g_error_matches (error, CT_ERROR, CT_ERROR_EMPTY))
        continue;
      g_assert_no_error (error);
      doc = g_ptr_array_index (docs, 0);
      obs = ct_extractor_run (ct_extractor_get_default (), doc);
      for (guint j = 0; j < obs->len; j++)
        {
          g_assert_cmpuint (obs_at (obs, j)->start, <=, obs_at (obs, j)->end);
          g_assert_cmpuint (obs_at (obs, j)->end, <=, strlen (doc->text));
        }
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_func ("/extract/value-plan-rate", test_value_plan_rate);
  g_test_add_func ("/extract/rate-and-yoy", test_rate_and_yoy);
  g_test_add_func ("/extract/yoy-against-named-year", test_yoy_against_named_year);
  g_test_add_func ("/extract/absolute-change-is-no-yoy", test_absolute_change_is_no_yoy);
  g_test_add_func ("/extract/comparison-named-first", test_comparison_named_first);
  g_test_add_func ("/extract/qualifier-and-reversed-yoy", test_qualifier_and_reversed_yoy);
  g_test_add_func ("/extract/two-budgets", test_two_budgets);
  g_test_add_func ("/extract/plan-in-parentheses", test_plan_in_parentheses);
  g_test_add_func ("/extract/plan-in-another-scale", test_plan_in_another_scale);
  g_test_add_func ("/extract/status-short-of-plan", test_status_short_of_plan);
  g_test_add_func ("/extract/ratio-indicator", test_ratio_indicator);
  g_test_add_func ("/extract/sub-figures", test_sub_figures);
  g_test_add_func ("/extract/commune-lists", test_commune_lists);
  g_test_add_func ("/extract/plan-from-earlier-clause", test_plan_from_earlier_clause);
  g_test_add_func ("/extract/targets", test_targets);
  g_test_add_func ("/extract/assessed-task", test_assessed_task);
  g_test_add_func ("/extract/audit", test_audit);
  g_test_add_func ("/extract/label-context", test_label_context);
  g_test_add_func ("/extract/label-polish", test_label_polish);
  g_test_add_func ("/extract/status-clause-and-bare-rate", test_status_clause_and_bare_rate);
  g_test_add_func ("/extract/label-work-object", test_label_work_object);
  g_test_add_func ("/extract/multiples-and-abbreviations", test_multiples_and_abbreviations);
  g_test_add_func ("/extract/plan-stated-first", test_plan_stated_first);
  g_test_add_func ("/extract/respective-list", test_respective_list);
  g_test_add_func ("/extract/unit-display-form", test_unit_display_form);
  g_test_add_func ("/extract/qualifier-and-permille-plan", test_qualifier_and_permille_plan);
  g_test_add_func ("/extract/bare-rate-after-plan-rate", test_bare_rate_after_plan_rate);
  g_test_add_func ("/extract/exceeded-plan", test_exceeded_plan);
  g_test_add_func ("/extract/annex-table", test_annex_table);
  g_test_add_func ("/extract/annex-two-row-header", test_annex_two_row_header);
  g_test_add_func ("/extract/non-measurements", test_non_measurements);
  g_test_add_func ("/extract/figures-read", test_figures_read);
  g_test_add_func ("/extract/lower-keeps-offsets", test_lower_keeps_offsets);
  g_test_add_func ("/extract/lower-extended-latin", test_lower_extended_latin);
  g_test_add_func ("/extract/lower-random", test_lower_random);
  g_test_add_func ("/extract/fragments", test_fragments);
  return g_test_run ();
}
