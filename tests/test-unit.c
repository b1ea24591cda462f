/* test-unit.c: the unit table
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "ct-error.h"
#include "ct-test-util.h"
#include "ct-catalog-unit.h"

static const CtUnit *
match (const CtUnitTable *table,
       const gchar       *text,
       gsize             *end)
{
  return ct_unit_table_match (table, text, strlen (text), 0, end);
}

static void
test_default_table (void)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CtUnitTable) table = ct_unit_table_new_default (&error);
  const gchar *required[] = {
    "đồng", "triệu đồng", "tỷ đồng", "USD", "tấn", "tạ", "nghìn tấn", "ha", "m²",
    "m3", "km", "con", "liều", "lượt", "hộ", "người", "lao động", "%",
    "tiêu chí", "xã", "trường", "tấn.km", "người.km", "tạ/ha",
  };

  g_assert_no_error (error);
  g_assert_nonnull (table);
  for (guint i = 0; i < G_N_ELEMENTS (required); i++)
    if (ct_unit_table_lookup (table, required[i]) == NULL)
      g_error ("unit “%s” is missing from units.tsv", required[i]);
}

static void
test_scale_and_dimension (void)
{
  g_autoptr(CtUnitTable) table = ct_unit_table_new_default (NULL);
  const CtUnit *ty = ct_unit_table_lookup (table, "tỷ đồng");
  const CtUnit *trieu = ct_unit_table_lookup (table, "triệu đồng");
  const CtUnit *ta = ct_unit_table_lookup (table, "tạ");
  const CtUnit *tan = ct_unit_table_lookup (table, "tấn");

  g_assert_cmpstr (ty->dimension, ==, trieu->dimension);
  g_assert_cmpfloat_with_epsilon (ty->scale / trieu->scale, 1000, 1e-9);
  g_assert_cmpfloat_with_epsilon (tan->scale / ta->scale, 10, 1e-9);
  g_assert_cmpint (ct_unit_table_lookup (table, "con")->kind, ==, CT_UNIT_KIND_ANIMAL);
  g_assert_cmpint (ct_unit_table_lookup (table, "tiêu chí")->kind, ==, CT_UNIT_KIND_SET);
  /* Per mille is not percent. */
  g_assert_cmpstr (ct_unit_table_lookup (table, "%o")->dimension, !=,
                   ct_unit_table_lookup (table, "%")->dimension);
}

static void
test_longest_form_wins (void)
{
  g_autoptr(CtUnitTable) table = ct_unit_table_new_default (NULL);
  gsize end = 0;

  g_assert_cmpstr (match (table, " tỷ đồng, đạt", &end)->form, ==, "tỷ đồng");
  g_assert_cmpuint (end, ==, strlen (" tỷ đồng"));
  g_assert_cmpstr (match (table, " nghìn tấn", NULL)->form, ==, "nghìn tấn");
  g_assert_cmpstr (match (table, " tấn.km", NULL)->form, ==, "tấn.km");
  g_assert_cmpstr (match (table, " tạ/ha", NULL)->form, ==, "tạ/ha");
  /* Several spaces where the form has one. */
  g_assert_cmpstr (match (table, " tỷ  đồng", NULL)->form, ==, "tỷ đồng");
}

static void
test_glued_and_bounded (void)
{
  g_autoptr(CtUnitTable) table = ct_unit_table_new_default (NULL);

  g_assert_cmpstr (match (table, "m3 nước", NULL)->form, ==, "m3");
  g_assert_cmpstr (match (table, "con, đạt", NULL)->form, ==, "con");
  g_assert_cmpstr (match (table, "%KH", NULL)->form, ==, "%");
  g_assert_cmpstr (match (table, " Tấn", NULL)->form, ==, "tấn");
  /* Units are whole words: "ha" is not the start of "hai". */
  g_assert_null (match (table, " hai lần", NULL));
  g_assert_cmpstr (match (table, " công trình", NULL)->form, ==, "công trình");
}

static void
test_bad_table (void)
{
  g_autoptr(GError) error = NULL;
  const gchar *bad = "ha\tarea\tnot-a-number\t-\n";
  CtUnitTable *table = ct_unit_table_new_from_data (bad, strlen (bad), &error);

  g_assert_null (table);
  g_assert_error (error, CT_ERROR, CT_ERROR_CORRUPT);
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_func ("/unit/default-table", test_default_table);
  g_test_add_func ("/unit/scale-and-dimension", test_scale_and_dimension);
  g_test_add_func ("/unit/longest-form-wins", test_longest_form_wins);
  g_test_add_func ("/unit/glued-and-bounded", test_glued_and_bounded);
  g_test_add_func ("/unit/bad-table", test_bad_table);
  return g_test_run ();
}
