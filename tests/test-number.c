/* test-number.c: the grammar of numbers in Vietnamese reports
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include <glib.h>
#include <string.h>

#include "ct-extract-number.h"
#include "ct-test-util.h"

static gdouble
parse_ok (const gchar *str,
          guint       *flags)
{
  gdouble value = 0;

  if (!ct_number_parse (str, &value, flags))
    g_error ("“%s” was not read as a number", str);
  return value;
}

static void
test_vietnamese_separators (void)
{
  guint flags = 0;

  g_assert_cmpfloat_with_epsilon (parse_ok ("2.703,5", &flags), 2703.5, 1e-9);
  g_assert_true (flags & CT_NUMBER_GROUPED);
  g_assert_true (flags & CT_NUMBER_DECIMAL);
  g_assert_false (flags & CT_NUMBER_SUSPECT);
  /* A single comma is the decimal mark: 11,327 tỷ is eleven billion. */
  g_assert_cmpfloat_with_epsilon (parse_ok ("11,327", &flags), 11.327, 1e-9);
  g_assert_false (flags & CT_NUMBER_SUSPECT);
  g_assert_cmpfloat_with_epsilon (parse_ok ("208.390", &flags), 208390, 1e-9);
  g_assert_cmpfloat_with_epsilon (parse_ok ("14.115,2", NULL), 14115.2, 1e-9);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1.492,9", NULL), 1492.9, 1e-9);
}

static void
test_plans_without_separators (void)
{
  guint flags = 0;

  /* "7.111/7220": plans drop the separator and are still thousands. */
  g_assert_cmpfloat_with_epsilon (parse_ok ("7220", &flags), 7220, 1e-9);
  g_assert_cmpint (flags, ==, 0);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1850", NULL), 1850, 1e-9);
}

static void
test_typos_read_by_rule (void)
{
  guint flags = 0;

  /* Every group has three digits: all marks group thousands. */
  g_assert_cmpfloat_with_epsilon (parse_ok ("126,153.000", &flags), 126153000, 1e-9);
  g_assert_true (flags & CT_NUMBER_SUSPECT);
  /* One dot before two digits: an English decimal, flagged. */
  g_assert_cmpfloat_with_epsilon (parse_ok ("88.56", &flags), 88.56, 1e-9);
  g_assert_true (flags & CT_NUMBER_SUSPECT);
  g_assert_cmpfloat_with_epsilon (parse_ok ("1,234.5", &flags), 1234.5, 1e-9);
  g_assert_true (flags & CT_NUMBER_SUSPECT);
}

static void
test_leading_zero (void)
{
  guint flags = 0;

  g_assert_cmpfloat_with_epsilon (parse_ok ("05", &flags), 5, 1e-9);
  g_assert_true (flags & CT_NUMBER_LEADING_ZERO);
  g_assert_cmpfloat_with_epsilon (parse_ok ("0,51", &flags), 0.51, 1e-9);
  g_assert_false (flags & CT_NUMBER_LEADING_ZERO);
}

static void
test_not_numbers (void)
{
  /* Section numbers and lists are not one number. */
  g_assert_false (ct_number_parse ("3.1.2", NULL, NULL));
  g_assert_false (ct_number_parse ("3,4,5", NULL, NULL));
  g_assert_false (ct_number_parse ("", NULL, NULL));
  g_assert_false (ct_number_parse ("12a", NULL, NULL));
}

static void
test_scan_stops_at_punctuation (void)
{
  const gchar *text = "đạt 60,1%. Còn 1.800, 2.500 liều";
  CtNumber num;
  const gchar *p = strstr (text, "60");

  g_assert_true (ct_number_scan (text, strlen (text), p - text, &num));
  g_assert_cmpfloat_with_epsilon (num.value, 60.1, 1e-9);
  g_assert_cmpuint (num.end, ==, (gsize) (p - text) + 4);

  p = strstr (text, "1.800");
  g_assert_true (ct_number_scan (text, strlen (text), p - text, &num));
  g_assert_cmpfloat_with_epsilon (num.value, 1800, 1e-9);
  g_assert_cmpint (text[num.end], ==, ',');

  /* A unit glued on ends the number: "0,51m3", "43.413con". */
  text = "43.413con";
  g_assert_true (ct_number_scan (text, strlen (text), 0, &num));
  g_assert_cmpfloat_with_epsilon (num.value, 43413, 1e-9);
  g_assert_cmpuint (num.end, ==, 6);
}

/* A non-breaking space of Word, made plain by the reader, groups thousands
 * too; a year or a longer first group does not start such a number. */
static void
test_space_grouping (void)
{
  static const struct { const gchar *text; gdouble value; guint end; } cases[] = {
    { "1 250 ha", 1250, 5 },
    { "12 450,5 triệu đồng", 12450.5, 8 },
    { "1 234 567 người", 1234567, 9 },
    { "2023 150 ha", 2023, 4 },        /* a year, then another number */
    { "15 20 ha", 15, 2 },             /* two digits after the space */
    { "6 1250 hộ", 6, 1 },             /* four digits after the space */
    { "3 032/3 000 con", 3032, 5 },
    { "1 250.", 1250, 5 },             /* the end of a sentence */
    { "1 250.5", 1, 1 },               /* mixed marks: the space is no grouping */
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      CtNumber num;

      g_assert_true (ct_number_scan (cases[i].text, strlen (cases[i].text), 0, &num));
      g_assert_cmpfloat_with_epsilon (num.value, cases[i].value, 1e-9);
      g_assert_cmpuint (num.end, ==, cases[i].end);
    }
}

int
main (int   argc,
      char *argv[])
{
  g_test_init (&argc, &argv, NULL);
  ct_test_tmpdir ();

  g_test_add_func ("/number/vietnamese-separators", test_vietnamese_separators);
  g_test_add_func ("/number/plans-without-separators", test_plans_without_separators);
  g_test_add_func ("/number/typos-read-by-rule", test_typos_read_by_rule);
  g_test_add_func ("/number/leading-zero", test_leading_zero);
  g_test_add_func ("/number/space-grouping", test_space_grouping);
  g_test_add_func ("/number/not-numbers", test_not_numbers);
  g_test_add_func ("/number/scan-stops-at-punctuation", test_scan_stops_at_punctuation);
  return g_test_run ();
}
