/* test-catalog.c: the indicator catalogue and label matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <math.h>
#include <string.h>

#include "ct-catalog.h"
#include "ct-error.h"
#include "ct-test-util.h"

static CtCatalog *
default_catalog (void)
{
  g_autoptr(GError) error = NULL;
  CtCatalog *catalog = ct_catalog_new (&error);

  g_assert_no_error (error);
  g_assert_nonnull (catalog);
  return catalog;
}

/* What the issue asks of the data file: enough indicators, each complete,
 * each in a unit the program can convert. */
static void
test_catalogue_complete (void)
{
  g_autoptr(CtCatalog) catalog = default_catalog ();
  g_autoptr(GHashTable) sectors = g_hash_table_new (g_str_hash, g_str_equal);
  guint n = ct_catalog_get_n_indicators (catalog);
  const gchar *last_sector = NULL;

  g_assert_cmpuint (n, >=, 60);
  for (guint i = 0; i < n; i++)
    {
      const CtIndicator *ind = ct_catalog_get_indicator (catalog, i);

      g_assert_cmpuint (ind->index, ==, i);
      g_assert_true (*ind->code != '\0');
      g_assert_true (*ind->name != '\0');
      g_assert_true (*ind->name_en != '\0');
      g_assert_true (*ind->sector != '\0');
      if (!ct_catalog_unit_is_known (ind->unit))
        g_error ("%s has the unknown unit “%s”", ind->code, ind->unit);
      g_assert_true (ct_catalog_lookup (catalog, ind->code) == ind);
      /* Sectors are contiguous: the comparison groups rows by them. */
      if (g_strcmp0 (last_sector, ind->sector) != 0)
        {
          if (g_hash_table_contains (sectors, ind->sector))
            g_error ("sector “%s” is split (at %s)", ind->sector, ind->code);
          g_hash_table_add (sectors, ind->sector);
          last_sector = ind->sector;
        }
    }
  g_assert_cmpuint (g_hash_table_size (sectors), >=, 10);
}

typedef struct
{
  const gchar *label;
  const gchar *unit;
  const gchar *code; /* NULL: stays unclassified */
} Mapping;

/* Hand-checked: labels as districts write them, with the unit they carry. */
static const Mapping mappings[] = {
  { "Tổng sản lượng lương thực có hạt", "tấn", "NN_LUONG_THUC" },
  { "Sản lượng lương thực", "tấn", "NN_LUONG_THUC" },
  { "Diện tích cây sắn", "ha", "NN_DT_SAN" },
  { "Cây sắn (diện tích trồng)", "ha", "NN_DT_SAN" },
  { "Sản lượng sắn", "tấn", "NN_SL_SAN" },
  { "Lúa xuân", "ha", "NN_DT_LUA" },
  { "Diện tích ngô gieo trồng", "ha", "NN_DT_NGO" },
  { "Tổng diện tích gieo trồng cây hàng năm", "ha", "NN_DT_HANG_NAM" },
  { "Lúa xuân", "tấn", "NN_SL_LUA" },
  { "Diện tích nuôi trồng thủy sản", "ha", "TS_DT_NUOI" },
  { "Sản lượng thủy sản khai thác và đánh bắt", "tấn", "TS_SAN_LUONG" },
  { "Giá trị sản xuất ngành Nông - Lâm - Thủy sản", "tỷ đồng", "NN_GTSX" },
  { "Giá trị sản xuất nông, lâm, ngư nghiệp", "tỷ đồng", "NN_GTSX" },
  { "Giá trị sản xuất lâm nghiệp", "tỷ đồng", "LN_GTSX" },
  { "Đàn trâu", "con", "NN_DAN_TRAU" },
  { "Tổng đàn lợn", "con", "NN_DAN_LON" },
  { "Đàn lợn nái", "con", "NN_DAN_LON_NAI" },
  { "Tiêm phòng vaccine dại chó", "liều", "NN_TIEM_DAI" },
  { "Tổng thu ngân sách (dự toán UBND tỉnh giao)", "tỷ đồng", "NS_THU" },
  { "Thu ngân sách trên địa bàn", "triệu đồng", "NS_THU" },
  { "Thu ngân sách do Chi cục Thuế thực hiện", "tỷ đồng", "NS_THU_THUE" },
  { "Chi ngân sách địa phương", "tỷ đồng", "NS_CHI" },
  { "Giải ngân vốn đầu tư công năm 2021", "tỷ đồng", "DT_GIAI_NGAN" },
  { "Tỷ lệ hộ nghèo", "%", "GN_TY_LE_HO_NGHEO" },
  { "Tỷ lệ huy động trẻ mẫu giáo", "%", "GD_MAU_GIAO" },
  { "Tỷ lệ dân số tham gia BHYT", "%", "YT_BHYT" },
  { "Số xã đạt chuẩn nông thôn mới", "xã", "NTM_XA_DAT_CHUAN" },
  { "Trường đạt chuẩn quốc gia", "%", "GD_TRUONG_CHUAN" },
  { "Trường đạt chuẩn quốc gia", "trường", "GD_SO_TRUONG_CHUAN" },
  { "Độ che phủ rừng", "%", "LN_CHE_PHU" },
  { "Tổng mức bán lẻ hàng hóa", "tỷ đồng", "TM_BAN_LE" },
  { "Đường giao thông nông thôn", "km", "GT_DUONG_GTNT" },
  /* The words before a parenthesis say what is measured. */
  { "Giải ngân đến 30/6 (Tổng kế hoạch vốn đầu tư được giao)", "tỷ đồng", "DT_GIAI_NGAN" },
  { "Cây sắn (diện tích trồng)", "ha", "NN_DT_SAN" },
  { "Vốn ngân sách địa phương của huyện, dư nợ", "triệu đồng", "NS_DU_NO_DIA_PHUONG" },
  { "Tổng vốn đầu tư toàn xã hội", "tỷ đồng", "DT_TOAN_XA_HOI" },
  /* A unit that does not fit keeps a label out of the wrong indicator. */
  { "Đàn trâu", "tấn", NULL },
  { "Tỷ lệ hộ nghèo", "tỷ đồng", NULL },
  { "Họp báo định kỳ", NULL, NULL },
};

static void
test_matching (void)
{
  g_autoptr(CtCatalog) catalog = default_catalog ();

  for (guint i = 0; i < G_N_ELEMENTS (mappings); i++)
    {
      const CtIndicator *ind = ct_catalog_match (catalog, mappings[i].label, mappings[i].unit);
      const gchar *got = ind != NULL ? ind->code : NULL;

      if (g_strcmp0 (got, mappings[i].code) != 0)
        g_error ("“%s” (%s) → %s, expected %s", mappings[i].label,
                 mappings[i].unit != NULL ? mappings[i].unit : "-",
                 got != NULL ? got : "unclassified",
                 mappings[i].code != NULL ? mappings[i].code : "unclassified");
      /* The cached answer is the same answer. */
      g_assert_true (ct_catalog_match (catalog, mappings[i].label, mappings[i].unit) == ind);
    }
}

static void
test_user_alias (void)
{
  g_autoptr(CtCatalog) catalog = default_catalog ();
  const gchar *label = "Sản phẩm OCOP được công nhận";

  g_assert_null (ct_catalog_match (catalog, label, "sản phẩm"));
  g_assert_true (ct_catalog_add_alias (catalog, "TM_GTSX", label));
  g_assert_cmpstr (ct_catalog_match (catalog, "SẢN PHẨM OCOP ĐƯỢC CÔNG NHẬN", "sản phẩm")->code,
                   ==, "TM_GTSX");
  g_assert_cmpstr (ct_catalog_find (catalog, "san pham ocop duoc cong nhan")->code, ==, "TM_GTSX");
  ct_catalog_remove_alias (catalog, label);
  g_assert_null (ct_catalog_match (catalog, label, "sản phẩm"));
  g_assert_false (ct_catalog_add_alias (catalog, "NO_SUCH_CODE", label));
}

static void
test_find (void)
{
  g_autoptr(CtCatalog) catalog = default_catalog ();

  g_assert_cmpstr (ct_catalog_find (catalog, "nn_luong_thuc")->code, ==, "NN_LUONG_THUC");
  g_assert_cmpstr (ct_catalog_find (catalog, "tổng sản lượng lương thực có hạt")->code,
                   ==, "NN_LUONG_THUC");
  g_assert_cmpstr (ct_catalog_find (catalog, "SAN LUONG LUONG THUC")->code, ==, "NN_LUONG_THUC");
  g_assert_null (ct_catalog_find (catalog, "không có chỉ tiêu này"));
}

static void
test_fold_and_convert (void)
{
  g_autofree gchar *folded = ct_catalog_fold_phrase ("Đường GTNT (Đắk Lắk) – 2.703,5");
  g_auto(GStrv) tokens = ct_catalog_tokenize ("Đàn trâu: 1.234 con");

  g_assert_cmpstr (folded, ==, "duong gtnt dak lak 2 703 5");
  g_assert_cmpuint (g_strv_length (tokens), ==, 5);
  g_assert_cmpstr (tokens[1], ==, "trau");

  g_assert_cmpfloat_with_epsilon (ct_catalog_convert (2703.5, "triệu đồng", "tỷ đồng"), 2.7035, 1e-9);
  g_assert_cmpfloat_with_epsilon (ct_catalog_convert (3.5, "tấn", "tạ"), 35.0, 1e-9);
  g_assert_true (isnan (ct_catalog_convert (12, "tấn", "ha")));
  g_assert_true (isnan (ct_catalog_convert (12, "không-đơn-vị", "ha")));
  g_assert_true (isnan (ct_catalog_convert (NAN, "tấn", "tấn")));
}

static void
test_bad_data (void)
{
  const gchar short_row[] = "A\tTên\tName\tNgành\n";
  const gchar duplicate[] = "A\tTên\tName\tNgành\tha\thigher\t\nA\tKhác\tOther\tNgành\tha\thigher\t\n";
  /* A direction written as the old 1/0, or a measure misspelt, is caught. */
  const gchar bad_direction[] = "A\tTên\tName\tNgành\tha\t1\t\n";
  const gchar bad_measure[] = "A\tTên\tName\tNgành\tha\tlower\t\tstock\n";
  const gchar good[] = "# comment\nA\tĐàn dê\tGoats\tNông nghiệp\tcon\thigher\tdê;đàn dê\n";
  g_autoptr(GError) error = NULL;
  CtCatalog *catalog;

  catalog = ct_catalog_new_from_data (short_row, sizeof short_row - 1, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
  g_clear_error (&error);

  catalog = ct_catalog_new_from_data (duplicate, sizeof duplicate - 1, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
  g_clear_error (&error);

  catalog = ct_catalog_new_from_data (bad_direction, sizeof bad_direction - 1, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
  g_assert_nonnull (strstr (error->message, "1"));
  g_clear_error (&error);

  catalog = ct_catalog_new_from_data (bad_measure, sizeof bad_measure - 1, NULL, &error);
  g_assert_null (catalog);
  g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
  g_clear_error (&error);

  /* Without a unit table only the same spelling fits. */
  catalog = ct_catalog_new_from_data (good, sizeof good - 1, NULL, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (ct_catalog_get_n_indicators (catalog), ==, 1);
  g_assert_cmpstr (ct_catalog_match (catalog, "Tổng đàn dê", "con")->code, ==, "A");
  g_assert_cmpstr (ct_catalog_match (catalog, "Tổng đàn dê", NULL)->code, ==, "A");
  g_assert_null (ct_catalog_match (catalog, "Tổng đàn dê", "tấn"));
  ct_catalog_free (catalog);
}

/* An alias two indicators share names neither: "lúa" is rice area and
 * rice output. Their full names still choose one, and the candidates are
 * listed for the user to choose. */
static void
test_find_shared_alias (void)
{
  static const gchar tsv[] =
    "A_DT\tDiện tích chè\tTea area\tNông nghiệp\tha\thigher\tchè;diện tích chè\n"
    "A_SL\tSản lượng chè\tTea output\tNông nghiệp\ttấn\thigher\tchè;sản lượng chè búp tươi\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtCatalog) catalog = ct_catalog_new_from_data (tsv, sizeof tsv - 1, NULL, &error);
  g_autoptr(GPtrArray) candidates = NULL;

  g_assert_no_error (error);
  g_assert_null (ct_catalog_find (catalog, "Chè"));
  candidates = ct_catalog_find_candidates (catalog, "chè");
  g_assert_cmpuint (candidates->len, ==, 2);
  g_assert_cmpstr (ct_catalog_find (catalog, "diện tích chè")->code, ==, "A_DT");
  g_assert_cmpstr (ct_catalog_find (catalog, "Sản lượng chè búp tươi")->code, ==, "A_SL");
  g_assert_cmpstr (ct_catalog_find (catalog, "a_sl")->code, ==, "A_SL");
}

/* An exclusion phrase keeps a label away from an indicator whose alias it
 * holds, and direction, measure and qualifiers are read. */
static void
test_exclusions (void)
{
  const gchar tsv[] =
    "E\tTỷ lệ đi học\tAttendance\tGiáo dục\t%\thigher\tđi học;trẻ đi học\tlevel\tage=7 tuổi\tbỏ học\n"
    "D\tTỷ lệ bỏ học\tDropout\tGiáo dục\t%\tlower\tbỏ học\tlevel\t\t\n"
    "U\tChi tiêu\tSpending\tNgân sách\ttỷ đồng\tunknown\tchi tiêu\tflow\t\t\n";
  g_autoptr(GError) error = NULL;
  g_autoptr(CtCatalog) catalog = ct_catalog_new_from_data (tsv, sizeof tsv - 1, NULL, &error);
  const CtIndicator *e, *d;

  g_assert_no_error (error);
  e = ct_catalog_match (catalog, "Trẻ đi học đúng tuổi", "%");
  g_assert_nonnull (e);
  g_assert_cmpstr (e->code, ==, "E");
  /* "trẻ đi học" is E's longer phrase, yet the label is about dropping out. */
  d = ct_catalog_match (catalog, "Trẻ đi học rồi bỏ học giữa chừng", "%");
  g_assert_nonnull (d);
  g_assert_cmpstr (d->code, ==, "D");
  g_assert_cmpint (e->direction, ==, CT_DIRECTION_HIGHER);
  g_assert_cmpint (d->direction, ==, CT_DIRECTION_LOWER);
  g_assert_false (d->higher_is_better);
  g_assert_cmpint (ct_catalog_lookup (catalog, "U")->direction, ==, CT_DIRECTION_UNKNOWN);
  g_assert_cmpint (ct_catalog_lookup (catalog, "U")->measure, ==, CT_MEASURE_FLOW);
  g_assert_cmpint (e->measure, ==, CT_MEASURE_LEVEL);
  g_assert_cmpstr (g_hash_table_lookup (e->qualifiers, "age"), ==, "7 tuổi");
}

int
main (int    argc,
      char **argv)
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_func ("/catalog/complete", test_catalogue_complete);
  g_test_add_func ("/catalog/matching", test_matching);
  g_test_add_func ("/catalog/user-alias", test_user_alias);
  g_test_add_func ("/catalog/find", test_find);
  g_test_add_func ("/catalog/fold-convert", test_fold_and_convert);
  g_test_add_func ("/catalog/bad-data", test_bad_data);
  g_test_add_func ("/catalog/find-shared-alias", test_find_shared_alias);
  g_test_add_func ("/catalog/exclusions", test_exclusions);
  return g_test_run ();
}
