/* test-locality.c: the gazetteer of units before and after 1 July 2025
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ct-document.h"
#include "ct-error.h"
#include "ct-locality.h"
#include "ct-locality-private.h"
#include "ct-reader.h"
#include "ct-chart-compare.h"
#include "ct-export-xlsx.h"
#include "ct-store.h"
#include "ct-store-compare-reform.h"
#include "ct-test-util.h"

static CtDocument *
read_report (const gchar *text)
{
  g_autoptr(GBytes) bytes = g_bytes_new (text, strlen (text));
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) docs = ct_reader_read_bytes (bytes, "bao-cao.txt", NULL, &error);

  g_assert_no_error (error);
  g_assert_cmpuint (docs->len, ==, 1);
  return ct_document_ref (g_ptr_array_index (docs, 0));
}

static gboolean
warns (const CtDocument *doc,
       const gchar      *part)
{
  for (guint i = 0; i < doc->warnings->len; i++)
    if (strstr (g_ptr_array_index (doc->warnings, i), part) != NULL)
      return TRUE;
  return FALSE;
}

/* A short report of a locality: header, title, one figure, closing. */
static gchar *
report_text (const gchar *council,
             const gchar *place_line,
             const gchar *title,
             const gchar *body)
{
  return g_strdup_printf ("ỦY BAN NHÂN DÂN\n%s\n\nSố: 12/BC-UBND\n\n%s\n\nBÁO CÁO\n%s\n\n"
                          "I. KẾT QUẢ ĐẠT ĐƯỢC\n\n"
                          "Giá trị sản xuất nông nghiệp ước đạt 312,4 tỷ đồng, bằng 96,1%% kế hoạch. %s\n\n"
                          "Trên đây là báo cáo của %s./.\n",
                          council, place_line, title, body, council);
}

static const CtLocality *
find_one (const gchar    *text,
          CtLocalityTier  tier,
          const gchar    *when)
{
  g_autoptr(GPtrArray) found = ct_gazetteer_find (ct_gazetteer_get (), text, tier, when);

  g_assert_cmpuint (found->len, ==, 1);
  return g_ptr_array_index (found, 0);
}

static gboolean
has_name (GPtrArray   *units,
          const gchar *full)
{
  for (guint i = 0; i < units->len; i++)
    {
      g_autofree gchar *name = ct_locality_full_name (g_ptr_array_index (units, i));

      if (g_str_equal (name, full))
        return TRUE;
    }
  return FALSE;
}

static void
test_counts (void)
{
  const CtGazetteer *gz = ct_gazetteer_get ();
  guint tiers[2][CT_LOCALITY_ANY] = { { 0 } };

  for (guint i = 0; i < ct_gazetteer_get_n_units (gz); i++)
    {
      const CtLocality *u = ct_gazetteer_get_unit (gz, i);

      if (u->renamed_to == NULL)
        tiers[ct_locality_is_after_reform (u)][u->tier]++;
    }
  /* The official totals on each side of the reform. */
  g_assert_cmpuint (tiers[0][CT_LOCALITY_PROVINCE], ==, 63);
  g_assert_cmpuint (tiers[0][CT_LOCALITY_DISTRICT], ==, 696);
  g_assert_cmpuint (tiers[0][CT_LOCALITY_COMMUNE], ==, 10035);
  g_assert_cmpuint (tiers[1][CT_LOCALITY_PROVINCE], ==, 34);
  g_assert_cmpuint (tiers[1][CT_LOCALITY_DISTRICT], ==, 0);
  g_assert_cmpuint (tiers[1][CT_LOCALITY_COMMUNE], ==, 3321);
}

/* Spellings people type: tones moved, dashes, type words abbreviated. */
static void
test_spellings (void)
{
  const CtLocality *u;

  u = find_one ("Thừa Thiên - Huế", CT_LOCALITY_PROVINCE, "2022");
  g_assert_cmpstr (u->type, ==, "Tỉnh");
  g_assert_cmpstr (u->valid_to, ==, "2024-12-31");
  u = find_one ("thua thien hue", CT_LOCALITY_ANY, NULL);
  g_assert_cmpstr (u->name, ==, "Thừa Thiên Huế");

  u = find_one ("TP. Hồ Chí Minh", CT_LOCALITY_PROVINCE, "2026-02-01");
  g_assert_true (ct_locality_is_after_reform (u));
  u = find_one ("H. Hạ Lang", CT_LOCALITY_ANY, "2021");
  g_assert_cmpstr (u->code, ==, "048");
  g_assert_cmpstr (ct_locality_get_province (u)->name, ==, "Cao Bằng");
  /* "Hoà" and "Hòa" place the tone differently. */
  u = find_one ("tỉnh Hòa Bình", CT_LOCALITY_ANY, "2020");
  g_assert_cmpstr (u->name, ==, "Hoà Bình");

  /* The type word decides between a huyện and a thị xã of one name. */
  u = find_one ("Thị xã Duyên Hải", CT_LOCALITY_DISTRICT, NULL);
  g_assert_cmpstr (u->code, ==, "851");
  u = find_one ("huyện Duyên Hải", CT_LOCALITY_DISTRICT, NULL);
  g_assert_cmpstr (u->code, ==, "850");
}

/* A stored report's locality: one unit, or none when two provinces fit. */
static void
test_resolve (void)
{
  const CtGazetteer *gz = ct_gazetteer_get ();
  const CtLocality *u;

  g_assert_null (ct_gazetteer_resolve (gz, "huyện", "Châu Thành", NULL, "2022"));
  u = ct_gazetteer_resolve (gz, "huyện", "Châu Thành", "Trà Vinh", "2022");
  g_assert_nonnull (u);
  g_assert_cmpstr (ct_locality_get_province (u)->name, ==, "Trà Vinh");
  u = ct_gazetteer_resolve (gz, "xã", "Long Quảng", "Huế", "2026-03-01");
  g_assert_nonnull (u);
  g_assert_true (ct_locality_is_after_reform (u));
  g_assert_null (ct_gazetteer_resolve (gz, "xã", "Long Quảng", "Cao Bằng", "2026"));
}

/* A name retired on 1 January 2025 is valid before and not after. */
static void
test_validity (void)
{
  const CtGazetteer *gz = ct_gazetteer_get ();
  const CtLocality *u = find_one ("Nam Đông", CT_LOCALITY_DISTRICT, "2023-12-20");
  g_autoptr(GPtrArray) later = ct_gazetteer_find (gz, "Nam Đông", CT_LOCALITY_DISTRICT, "2025-03-01");
  const CtLocality *city;

  g_assert_cmpstr (u->code, ==, "483");
  g_assert_nonnull (u->renamed_to);
  g_assert_cmpstr (u->renamed_to->name, ==, "Phú Lộc");
  g_assert_cmpuint (later->len, ==, 0);

  /* The province became a city that same day: its new name starts then. */
  city = ct_gazetteer_find_province (gz, "Huế", "2025-02-01");
  g_assert_cmpstr (city->type, ==, "Thành phố");
  g_assert_cmpstr (city->valid_from, ==, "2025-01-01");
  g_assert_false (ct_locality_valid_at (city, "2024-06-30"));
}

/* The province a report names → the one it is part of now, and the
 * former name when it differs. */
static void
check_now (const gchar *province,
           const gchar *when,
           const gchar *now_full,
           const gchar *former_expected)
{
  g_autofree gchar *former = NULL;
  const CtLocality *now = ct_locality_province_now (province, when, &former);
  g_autofree gchar *full = now != NULL ? ct_locality_full_name (now) : NULL;

  g_assert_cmpstr (full, ==, now_full);
  g_assert_cmpstr (former, ==, former_expected);
}

static void
test_current_province (void)
{
  const CtLocality *d = find_one ("Đà Lạt", CT_LOCALITY_DISTRICT, "2024");

  check_now ("Thừa Thiên-Huế", "2023", "Thành phố Huế", "Thừa Thiên Huế before 1/2025");
  check_now ("Long An", "2021-06-15", "Tỉnh Tây Ninh", "Long An before 7/2025");
  check_now ("Cao Bằng", "2022", "Tỉnh Cao Bằng", NULL);
  check_now ("Tây Ninh", "2026", "Tỉnh Tây Ninh", NULL);
  check_now ("Atlantis", "2023", NULL, NULL);
  g_assert_cmpstr (ct_locality_current_province (d)->name, ==, "Lâm Đồng");
}

/* One question is remembered for every date its answer holds: asked of
 * many dates in no order, each answer is the one the whole gazetteer
 * gives for that date alone. */
static void
test_province_now_dates (void)
{
  static const gchar *const provinces[] = {
    "Thừa Thiên - Huế", "tỉnh Long An", "Quảng Nam", "Cao Bằng", "TP. Hồ Chí Minh", "Hà Sơn Bình",
  };
  g_autoptr(GPtrArray) whens = g_ptr_array_new_with_free_func (g_free);

  for (gint year = 2026; year >= 2019; year--)
    {
      g_ptr_array_add (whens, g_strdup_printf ("%d", year));
      for (gint month = 12; month >= 1; month -= 5)
        g_ptr_array_add (whens, g_strdup_printf ("%d-%02d-%02d", year, month, month == 12 ? 31 : 1));
    }
  g_ptr_array_add (whens, g_strdup ("2024-12-31"));
  g_ptr_array_add (whens, g_strdup ("2025-06-30"));
  for (guint w = 0; w < whens->len; w++)
    for (guint p = 0; p < G_N_ELEMENTS (provinces); p++)
      {
        const gchar *when = g_ptr_array_index (whens, (w * 7) % whens->len);
        const CtLocality *named = ct_gazetteer_find_province (ct_gazetteer_get (), provinces[p], when);
        const CtLocality *expected = named != NULL ? ct_locality_current_province (named) : NULL;
        g_autofree gchar *former = NULL;
        const CtLocality *now = ct_locality_province_now (provinces[p], when, &former);
        g_autofree gchar *now_name = now != NULL ? ct_locality_full_name (now) : NULL;
        g_autofree gchar *expected_name = expected != NULL ? ct_locality_full_name (expected) : NULL;

        g_assert_cmpstr (now_name, ==, expected_name);
        /* A former name exactly when the named unit has ended and was not
         * the same name. */
        if (former != NULL)
          g_assert_true (g_str_has_prefix (former, named->name));
        g_assert_true ((former != NULL) == (named != NULL && named->valid_to != NULL
                                            && !g_str_equal (named->name, expected->name)));
      }
}

/* Hạ Lang's 13 communes went into new communes of Cao Bằng; one of them,
 * read backwards, names communes of that district. */
static void
test_successors (void)
{
  const CtLocality *district = find_one ("huyện Hạ Lang", CT_LOCALITY_DISTRICT, NULL);
  g_autoptr(GPtrArray) next = ct_locality_successors (district);
  g_autoptr(GPtrArray) before = NULL;
  gboolean from_district = FALSE;

  g_assert_cmpuint (next->len, >, 1);
  g_assert_cmpuint (next->len, <, 13);
  for (guint i = 0; i < next->len; i++)
    {
      const CtLocality *c = g_ptr_array_index (next, i);

      g_assert_true (ct_locality_is_after_reform (c));
      g_assert_cmpint (c->tier, ==, CT_LOCALITY_COMMUNE);
      g_assert_cmpstr (c->parent->name, ==, "Cao Bằng");
    }
  before = ct_locality_predecessors (g_ptr_array_index (next, 0));
  g_assert_cmpuint (before->len, >, 0);
  for (guint i = 0; i < before->len; i++)
    {
      const CtLocality *c = g_ptr_array_index (before, i);

      g_assert_false (ct_locality_is_after_reform (c));
      from_district |= c->parent == district;
    }
  g_assert_true (from_district);
}

/* Retired district: its successors are those of the district that took it. */
static void
test_retired_successors (void)
{
  const CtLocality *gone = find_one ("Nam Đông", CT_LOCALITY_DISTRICT, "2022");
  g_autoptr(GPtrArray) next = ct_locality_successors (gone);
  g_autoptr(GPtrArray) islands = ct_locality_successors (find_one ("Côn Đảo", CT_LOCALITY_DISTRICT, NULL));

  g_assert_true (has_name (next, "Xã Nam Đông"));
  g_assert_cmpuint (islands->len, ==, 1);
  g_assert_true (has_name (islands, "Đặc khu Côn Đảo"));
}

static void
test_reform_note (void)
{
  const gchar *mixed[] = { "2023", "2026-01-10", NULL };
  const gchar *old_only[] = { "2021", "2023-06-30", NULL };
  const gchar *unsure[] = { "2025", "2026", NULL };
  g_autofree gchar *note = ct_locality_reform_note (mixed);

  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "1 July 2025"));
  g_assert_null (ct_locality_reform_note (old_only));
  g_assert_null (ct_locality_reform_note (unsure));
}

/* The text never names its province: the district's name gives it. */
static void
test_metadata_unique_district (void)
{
  g_autofree gchar *text = report_text ("UBND HUYỆN MƯỜNG KHƯƠNG", "Mường Khương, ngày 02 tháng 12 năm 2022",
                                        "Tình hình thực hiện nhiệm vụ kinh tế - xã hội năm 2022",
                                        "Đường liên xã được bê tông hóa thêm 14 km.");
  g_autoptr(CtDocument) doc = read_report (text);

  g_assert_cmpstr (doc->meta.locality.value, ==, "Mường Khương");
  g_assert_cmpstr (doc->meta.province.value, ==, "Lào Cai");
  g_assert_cmpfloat (doc->meta.province.confidence, >=, 0.8);
  g_assert_null (doc->meta.province_choices);
}

/* Ten provinces have a Châu Thành: with no other hint the import asks. */
static void
test_metadata_shared_name_asks (void)
{
  g_autofree gchar *text = report_text ("UBND HUYỆN CHÂU THÀNH", "Châu Thành, ngày 05 tháng 7 năm 2023",
                                        "Sơ kết công tác 6 tháng đầu năm 2023",
                                        "Toàn huyện có thêm 2 chợ nông thôn.");
  g_autoptr(CtDocument) doc = read_report (text);

  g_assert_cmpstr (doc->meta.locality.value, ==, "Châu Thành");
  g_assert_null (doc->meta.province.value);
  g_assert_nonnull (doc->meta.province_choices);
  g_assert_cmpuint (g_strv_length (doc->meta.province_choices), ==, 10);
  g_assert_true (g_strv_contains ((const gchar * const *) doc->meta.province_choices, "Tiền Giang"));
  g_assert_true (g_strv_contains ((const gchar * const *) doc->meta.province_choices, "Hậu Giang"));
  g_assert_true (warns (doc, "choose the province"));
}

/* Stored without a province, two Châu Thành would be one locality: the
 * import refuses until it is given, and nothing is written. */
static void
test_import_needs_shared_province (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("shared.db");
  g_autofree gchar *text = report_text ("UBND HUYỆN CHÂU THÀNH", "Châu Thành, ngày 22 tháng 12 năm 2021",
                                        "Kết quả năm 2021", "");
  g_autoptr(CtDocument) doc = read_report (text);
  g_autoptr(CtStore) store = ct_store_open (db, NULL);
  g_autoptr(CtImportOptions) options = ct_import_options_new ();
  g_autoptr(CtImportResult) refused = NULL;
  g_autoptr(CtImportResult) stored = NULL;
  g_autoptr(GError) error = NULL;

  refused = ct_store_import_document (store, doc, NULL, NULL, NULL, &error);
  g_assert_null (refused);
  g_assert_error (error, CT_ERROR, CT_ERROR_MISSING_METADATA);
  g_assert_nonnull (strstr (error->message, "Trà Vinh"));
  g_assert_true (ct_store_is_empty (store));
  g_clear_error (&error);

  options->province = g_strdup ("Trà Vinh");
  stored = ct_store_import_document (store, doc, NULL, options, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (stored->province, ==, "Trà Vinh");
}

/* The same name, and communes of one of the ten named in the text. */
static void
test_metadata_shared_name_decided (void)
{
  g_autofree gchar *text = report_text ("UBND HUYỆN CHÂU THÀNH", "Châu Thành, ngày 05 tháng 7 năm 2023",
                                        "Sơ kết công tác 6 tháng đầu năm 2023",
                                        "Xã Điềm Hy và xã Thân Cửu Nghĩa hoàn thành tiêu chí nông thôn mới.");
  g_autoptr(CtDocument) doc = read_report (text);

  g_assert_cmpstr (doc->meta.province.value, ==, "Tiền Giang");
  g_assert_null (doc->meta.province_choices);
}

/* A commune name used 34 times: the district the text names decides. */
static void
test_metadata_commune_by_district (void)
{
  g_autofree gchar *text = report_text ("UBND XÃ TÂN THÀNH", "Tân Thành, ngày 18 tháng 6 năm 2022",
                                        "Báo cáo sơ kết 6 tháng đầu năm 2022",
                                        "Thực hiện chỉ đạo của UBND huyện Hàm Yên, xã đã rà soát hộ nghèo.");
  g_autoptr(CtDocument) doc = read_report (text);

  g_assert_cmpstr (doc->meta.locality.value, ==, "Tân Thành");
  g_assert_cmpstr (doc->meta.level.value, ==, "xã");
  g_assert_cmpstr (doc->meta.province.value, ==, "Tuyên Quang");
  g_assert_null (doc->meta.province_choices);
}

/* Island units of the new list are a level of their own. */
static void
test_metadata_special_zone (void)
{
  g_autofree gchar *text = report_text ("UBND ĐẶC KHU PHÚ QUÝ", "Phú Quý, ngày 26 tháng 12 năm 2025",
                                        "Kết quả thực hiện nhiệm vụ 6 tháng cuối năm 2025", "");
  g_autoptr(CtDocument) doc = read_report (text);

  g_assert_cmpstr (doc->meta.locality.value, ==, "Phú Quý");
  g_assert_cmpstr (doc->meta.level.value, ==, "đặc khu");
  g_assert_cmpstr (doc->meta.province.value, ==, "Lâm Đồng");
  g_assert_false (warns (doc, "check the report’s date"));
}

/* A district after the reform, a new commune before it: both flagged. */
static void
test_metadata_out_of_time (void)
{
  g_autofree gchar *late = report_text ("UBND HUYỆN MƯỜNG KHƯƠNG", "Mường Khương, ngày 10 tháng 01 năm 2026",
                                        "Tình hình kinh tế - xã hội năm 2025", "");
  g_autofree gchar *early = report_text ("UBND PHƯỜNG KIM TRÀ", "Kim Trà, ngày 20 tháng 6 năm 2024",
                                         "Kết quả 6 tháng đầu năm 2024", "");
  g_autofree gchar *fine = report_text ("UBND XÃ ĐÀM THỦY", "Đàm Thủy, ngày 20 tháng 12 năm 2025",
                                        "Kết quả công tác năm 2025", "");
  g_autoptr(CtDocument) a = read_report (late);
  g_autoptr(CtDocument) b = read_report (early);
  g_autoptr(CtDocument) c = read_report (fine);

  g_assert_true (warns (a, "after districts were abolished"));
  g_assert_cmpstr (a->meta.province.value, ==, "Lào Cai");
  g_assert_true (warns (b, "exists only since then"));
  g_assert_false (warns (c, "check the report’s date"));
  g_assert_cmpstr (c->meta.province.value, ==, "Cao Bằng");
  g_assert_cmpstr (b->meta.province.value, ==, "Huế");
}

static void
store_report (CtStore     *store,
              const gchar *text)
{
  g_autoptr(CtDocument) doc = read_report (text);
  g_autoptr(GError) error = NULL;
  g_autoptr(CtImportResult) result = ct_store_import_document (store, doc, NULL, NULL, NULL, &error);

  g_assert_no_error (error);
  g_assert_nonnull (result);
}

/* A 2023 district report of the former province and a 2026 commune report
 * of the city it became sit in one group, the former name beside it. */
static void
test_library_groups_by_province_now (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("groups.db");
  g_autofree gchar *old = report_text ("UBND HUYỆN A LƯỚI", "A Lưới, ngày 14 tháng 12 năm 2023",
                                       "Tình hình kinh tế - xã hội năm 2023",
                                       "Kế hoạch do UBND tỉnh Thừa Thiên - Huế giao.");
  g_autofree gchar *new = report_text ("UBND XÃ LONG QUẢNG", "Long Quảng, ngày 08 tháng 01 năm 2026",
                                       "Kết quả thực hiện nhiệm vụ năm 2025", "");
  g_autoptr(CtStore) store = ct_store_open (db, NULL);
  g_autoptr(GPtrArray) reports = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree gchar *out = NULL;
  const gchar *list[] = { "list", "--db", db, NULL };

  g_assert_nonnull (store);
  store_report (store, old);
  store_report (store, new);
  reports = ct_store_list_reports (store, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (reports->len, ==, 2);
  for (guint i = 0; i < reports->len; i++)
    {
      const CtReportInfo *r = g_ptr_array_index (reports, i);
      g_autofree gchar *now = ct_locality_full_name (r->province_now);

      g_assert_cmpstr (now, ==, "Thành phố Huế");
      if (r->year == 2023)
        g_assert_cmpstr (r->province_former, ==, "Thừa Thiên Huế before 1/2025");
      else
        g_assert_null (r->province_former);
    }
  g_clear_pointer (&store, ct_store_close);

  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpint (ct_test_run_chitieu (list, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "\tThừa Thiên Huế\tThành phố Huế\tA Lưới\t"));
  g_assert_nonnull (strstr (out, "\tHuế\tThành phố Huế\tLong Quảng\t"));
}

/* The text of every cell of a workbook's first sheet, read back through
 * Python's zipfile (the strings are compressed inside the file). */
static gchar *
workbook_strings (const gchar *path)
{
  const gchar *argv[] = { "python3", "-c",
                          "import sys, zipfile; z = zipfile.ZipFile(sys.argv[1]); "
                          "print(''.join(z.read(n).decode() for n in z.namelist() "
                          "if n.startswith('xl/sharedStrings') or n.startswith('xl/worksheets/sheet1')))",
                          path, NULL };
  g_autoptr(GError) error = NULL;
  gchar *out = NULL;
  gint status = 0;

  g_assert_true (g_spawn_sync (NULL, (gchar **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL,
                               &out, NULL, &status, &error));
  g_assert_no_error (error);
  g_assert_cmpint (status, ==, 0);
  return out;
}

/* A 2026 commune report beside a 2023 district report: the table, the
 * chart and the workbook all say the two sides of the reform differ. */
static void
test_comparison_across_reform (void)
{
  g_autofree gchar *db = ct_test_tmp_path ("reform.db");
  g_autofree gchar *xlsx = ct_test_tmp_path ("reform.xlsx");
  g_autofree gchar *district = report_text ("UBND HUYỆN MƯỜNG KHƯƠNG", "Mường Khương, ngày 11 tháng 12 năm 2023",
                                            "Tình hình kinh tế - xã hội năm 2023", "");
  g_autofree gchar *commune = report_text ("UBND XÃ PHA LONG", "Pha Long, ngày 15 tháng 12 năm 2026",
                                           "Tình hình kinh tế - xã hội năm 2026", "");
  g_autofree gchar *same_side = report_text ("UBND HUYỆN BẮC HÀ", "Bắc Hà, ngày 11 tháng 12 năm 2022",
                                             "Tình hình kinh tế - xã hội năm 2022", "");
  g_autoptr(CtStore) store = ct_store_open (db, NULL);
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  g_autoptr(CtComparison) both = NULL;
  g_autoptr(CtComparison) before = NULL;
  g_autoptr(CtChart) chart = NULL;
  g_autoptr(CtExportOptions) options = ct_export_options_new ();
  g_autoptr(GError) error = NULL;
  g_autofree gchar *note = NULL;
  g_autofree gchar *cells = NULL;

  store_report (store, district);
  store_report (store, same_side);
  query->year = 2022;
  before = ct_store_compare (store, query, &error);
  g_assert_no_error (error);
  g_assert_null (ct_comparison_reform_note (before));

  store_report (store, commune);
  query->year = 0;
  both = ct_store_compare (store, query, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_comparison_get_n_columns (both), ==, 3);
  note = ct_comparison_reform_note (both);
  g_assert_nonnull (note);
  g_assert_nonnull (strstr (note, "1 July 2025"));

  chart = ct_chart_new_from_comparison (both, NULL, 0);
  ct_chart_describe_sources (chart, &both, 1);
  g_assert_true (g_str_has_prefix (ct_chart_get_source_note (chart), note));

  options->comparison = ct_comparison_ref (both);
  g_assert_true (ct_export_xlsx (store, options, xlsx, NULL, &error));
  g_assert_no_error (error);
  cells = workbook_strings (xlsx);
  g_assert_nonnull (strstr (cells, "districts were abolished"));
}

/* The command line: a former district lists the new communes covering it,
 * a new commune the communes it was formed from, an unknown name fails. */
static void
test_cli_across_reform (void)
{
  const gchar *district[] = { "locality", "--when", "2024", "H.", "Mường", "Khương", NULL };
  const gchar *commune[] = { "locality", "--when", "2025-09-02", "xã Mường Khương", NULL };
  const gchar *unknown[] = { "locality", "Làng Không Tên", NULL };
  g_autofree gchar *out = NULL;
  g_autofree gchar *err = NULL;

  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpint (ct_test_run_chitieu (district, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Huyện Mường Khương (Tỉnh Lào Cai)\tuntil 2025-06-30\n"));
  g_assert_nonnull (strstr (out, "covered by:\n"));
  g_assert_nonnull (strstr (out, "    Xã Pha Long (Tỉnh Lào Cai)\n"));
  g_assert_nonnull (strstr (out, "    Xã Bản Lầu (Tỉnh Lào Cai)\n"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (ct_test_run_chitieu (commune, &out, NULL), ==, 0);
  g_assert_true (g_str_has_prefix (out, "Xã Mường Khương (Tỉnh Lào Cai)\tsince 2025-07-01\n"));
  g_assert_nonnull (strstr (out, "    Thị trấn Mường Khương (Huyện Mường Khương, Tỉnh Lào Cai)\n"));
  g_assert_nonnull (strstr (out, "    Xã Nấm Lư (Huyện Mường Khương, Tỉnh Lào Cai)\n"));
  g_clear_pointer (&out, g_free);

  g_assert_cmpint (ct_test_run_chitieu (unknown, &out, &err), ==, 1);
  g_assert_nonnull (strstr (err, "check the spelling"));
}

/* `chitieu inspect` lists the provinces a shared name may be in. */
static void
test_cli_inspect_choices (void)
{
  g_autofree gchar *path = ct_test_tmp_path ("phu-tan.txt");
  g_autofree gchar *text = report_text ("UBND HUYỆN PHÚ TÂN", "Phú Tân, ngày 12 tháng 6 năm 2024",
                                        "Sơ kết 6 tháng đầu năm 2024", "");
  const gchar *inspect[] = { "inspect", path, NULL };
  g_autofree gchar *out = NULL;

  g_assert_true (g_file_set_contents (path, text, -1, NULL));
  g_setenv ("LANGUAGE", "C", TRUE);
  g_assert_cmpint (ct_test_run_chitieu (inspect, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "  province   —\n"));
  g_assert_nonnull (strstr (out, "  one of     An Giang, Cà Mau\n"));
}

/* A library's list asks, for each report, which province its province is
 * part of now: that takes the provinces alone, not the 24,000 units with
 * the communes, and the same answer each time it is asked again. A child,
 * since other tests load the whole gazetteer. */
static void
test_province_now_alone (void)
{
  g_autofree gchar *former = NULL;
  g_autofree gchar *again = NULL;
  const CtLocality *now;

  if (!g_test_subprocess ())
    {
      g_test_trap_subprocess (NULL, 0, G_TEST_SUBPROCESS_DEFAULT);
      g_test_trap_assert_passed ();
      return;
    }
  now = ct_locality_province_now ("tỉnh Quảng Nam", "2024-12-05", &former);
  g_assert_nonnull (now);
  g_assert_cmpstr (now->name, ==, "Đà Nẵng");
  g_assert_cmpstr (former, ==, "Quảng Nam before 7/2025");
  g_assert_null (ct_gazetteer_peek ());
  g_assert_true (ct_locality_province_now ("Quang Nam", "2024-12-05", NULL) == now);
  g_assert_true (ct_locality_province_now ("tỉnh Quảng Nam", "2024-12-05", &again) == now);
  g_assert_cmpstr (again, ==, former);
  g_assert_null (ct_locality_province_now ("Xứ Đoài", "2024", NULL));
  g_assert_null (ct_gazetteer_peek ());
  g_assert_nonnull (ct_gazetteer_get ());
  g_assert_nonnull (ct_gazetteer_peek ());
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/locality/counts", test_counts);
  g_test_add_func ("/locality/spellings", test_spellings);
  g_test_add_func ("/locality/validity", test_validity);
  g_test_add_func ("/locality/resolve", test_resolve);
  g_test_add_func ("/locality/current-province", test_current_province);
  g_test_add_func ("/locality/province-now-alone", test_province_now_alone);
  g_test_add_func ("/locality/province-now-dates", test_province_now_dates);
  g_test_add_func ("/locality/successors", test_successors);
  g_test_add_func ("/locality/retired-successors", test_retired_successors);
  g_test_add_func ("/locality/reform-note", test_reform_note);
  g_test_add_func ("/locality/metadata/unique-district", test_metadata_unique_district);
  g_test_add_func ("/locality/metadata/shared-name-asks", test_metadata_shared_name_asks);
  g_test_add_func ("/locality/metadata/shared-name-decided", test_metadata_shared_name_decided);
  g_test_add_func ("/locality/import-needs-shared-province", test_import_needs_shared_province);
  g_test_add_func ("/locality/metadata/commune-by-district", test_metadata_commune_by_district);
  g_test_add_func ("/locality/metadata/special-zone", test_metadata_special_zone);
  g_test_add_func ("/locality/metadata/out-of-time", test_metadata_out_of_time);
  g_test_add_func ("/locality/library/groups", test_library_groups_by_province_now);
  g_test_add_func ("/locality/cli", test_cli_across_reform);
  g_test_add_func ("/locality/cli-inspect-choices", test_cli_inspect_choices);
  g_test_add_func ("/locality/comparison-across-reform", test_comparison_across_reform);
  return g_test_run ();
}
