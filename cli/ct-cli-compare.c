/* ct-cli-compare.c: `chitieu compare [--indicator …] [--year …] [--period …]
 *                    [--locality …] [--format=tsv|jsonl] [--db PATH]`
 *
 * The comparison matrix without a display. tsv is for people: one row per
 * concept (the indicator's name with its qualifiers: "Diện tích lúa · vụ
 * xuân"), one column per report, each cell "value/plan unit (rate% verdict)"
 * in Vietnamese number format. jsonl is for programs: one object per filled
 * cell, plain numbers, with the qualifiers, the verdict (met, nearly_met,
 * not_met, on_track, behind, none), the plan's span and the reference year.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <json-glib/json-glib.h>
#include <math.h>
#include <stdio.h>

#include "ct-cli-commands.h"
#include "ct-store-compare-reform.h"
#include "ct-cli-json.h"
#include "ct-cli-library.h"
#include "ct-store-compare.h"
#include "ct-error.h"

static gchar *
cell_text (const CtCompareCell *cell)
{
  GString *s;
  g_autofree gchar *value = NULL;
  g_autofree gchar *plan = NULL;
  g_autofree gchar *rate = NULL;
  gdouble r = ct_compare_cell_get_rate (cell);

  if (cell->observation_id == 0)
    return g_strdup ("–");
  s = g_string_new (NULL);
  value = ct_cli_human_number (cell->value);
  plan = ct_cli_human_number (cell->plan);
  if (cell->qualifier != NULL)
    g_string_append_printf (s, "%s ", cell->qualifier);
  g_string_append (s, *value != '\0' ? value : "?");
  if (*plan != '\0')
    g_string_append_printf (s, "/%s", plan);
  if (cell->unit != NULL)
    g_string_append_printf (s, " %s", cell->unit);
  if (!isnan (r))
    {
      const gchar *word = ct_verdict_word (cell->verdict);

      rate = ct_cli_human_percent (r);
      g_string_append_printf (s, " (%s%s%s)", rate, word != NULL ? " " : "", word != NULL ? word : "");
    }
  if (cell->flags != 0)
    g_string_append (s, " !");
  if (cell->corrected != 0)
    g_string_append (s, " *");
  return g_string_free (s, FALSE);
}

static void
print_tsv (CtComparison *cmp)
{
  guint n_rows = ct_comparison_get_n_rows (cmp);
  guint n_cols = ct_comparison_get_n_columns (cmp);
  GString *line = g_string_new (NULL);

  /* Translators: first column headers of `chitieu compare`; report titles follow */
  g_string_append (line, _("code\tindicator\tunit"));
  for (guint c = 0; c < n_cols; c++)
    {
      g_autofree gchar *title = ct_cli_tsv_field (ct_comparison_get_column (cmp, c)->title);

      g_string_append_printf (line, "\t%s", title);
    }
  g_print ("%s\n", line->str);

  for (guint r = 0; r < n_rows; r++)
    {
      const CtCompareRow *row = ct_comparison_get_row (cmp, r);
      g_autofree gchar *name = ct_cli_tsv_field (row->name);

      g_string_truncate (line, 0);
      g_string_append_printf (line, "%s\t%s\t%s", row->code != NULL ? row->code : "",
                              name, row->unit != NULL ? row->unit : "");
      for (guint c = 0; c < n_cols; c++)
        {
          g_autofree gchar *text = cell_text (ct_comparison_get_cell (cmp, r, c));

          g_string_append_printf (line, "\t%s", text);
        }
      g_print ("%s\n", line->str);
    }
  g_string_free (line, TRUE);
}

/* The qualifiers that tell this figure's concept, as an object: only those
 * the text gives. */
static void
add_qualifiers (CtCliJson           *json,
                const CtCompareRow  *row,
                const CtCompareCell *cell)
{
  const CtQualifiers *split = &row->qualifiers;
  const CtQualifiers *q = &cell->qualifiers;
  /* The row's: the qualifiers that set this row apart, so the object is
   * the same for every cell of a row. */
  CtCliJson *object = ct_cli_json_object (json, "qualifiers");

  for (guint d = 0; d < CT_N_QUALIFIER_DIMENSIONS; d++)
    if (split->values[d] != NULL)
      ct_cli_json_string (object, ct_qualifier_dimension_to_string (d), split->values[d]);
  if (split->kind != CT_FIGURE_KIND_LEVEL)
    ct_cli_json_string (object, "kind", ct_figure_kind_to_string (split->kind));
  ct_cli_json_string (json, "figure_kind", ct_figure_kind_to_string (q->kind));
  ct_cli_json_string (json, "verdict", ct_verdict_to_string (cell->verdict));
  ct_cli_json_string (json, "reported_verdict", ct_verdict_to_string (cell->reported));
  ct_cli_json_string (json, "plan_span", ct_plan_span_to_string (q->plan_span));
  if (q->reference_year != 0)
    ct_cli_json_int (json, "reference_year", q->reference_year);
  else
    ct_cli_json_null (json, "reference_year");
}

static void
print_jsonl_cell (CtCliJson             *json,
                  GString               *out,
                  const CtCompareRow    *row,
                  const CtCompareColumn *col,
                  const CtCompareCell   *cell)
{
  g_auto(GStrv) flags = ct_flags_to_strv (cell->flags);

  ct_cli_json_string (json, "indicator", row->code);
  ct_cli_json_string (json, "name", row->name);
  ct_cli_json_string (json, "sector", row->sector);
  ct_cli_json_int (json, "report_id", col->report_id);
  ct_cli_json_string (json, "locality", col->locality);
  ct_cli_json_string (json, "province", col->province);
  ct_cli_json_int (json, "year", col->year);
  ct_cli_json_string (json, "period", col->period);
  ct_cli_json_int (json, "observation_id", cell->observation_id);
  ct_cli_json_string (json, "label", cell->label);
  ct_cli_json_string (json, "qualifier", cell->qualifier);
  ct_cli_json_number (json, "value", cell->value);
  ct_cli_json_string (json, "unit", cell->unit);
  ct_cli_json_number (json, "plan", cell->plan);
  ct_cli_json_number (json, "value_normalized", cell->value_normalized);
  ct_cli_json_number (json, "plan_normalized", cell->plan_normalized);
  ct_cli_json_string (json, "unit_normalized", row->unit);
  ct_cli_json_string (json, "basis", cell->basis == CT_BASIS_NONE ? NULL : ct_basis_to_string (cell->basis));
  ct_cli_json_number (json, "rate", cell->rate);
  ct_cli_json_number (json, "rate_computed",
                      isnan (cell->rate_computed) ? NAN : round (cell->rate_computed * 100) / 100);
  ct_cli_json_number (json, "yoy", cell->yoy);
  ct_cli_json_string (json, "status", cell->status);
  ct_cli_json_strings (json, "flags", (const gchar * const *) flags);
  ct_cli_json_boolean (json, "corrected", cell->corrected != 0);
  ct_cli_json_int (json, "more", cell->n_more);
  add_qualifiers (json, row, cell);
  ct_cli_json_write (json, out);
}

static void
print_jsonl (CtComparison *cmp)
{
  guint n_rows = ct_comparison_get_n_rows (cmp);
  guint n_cols = ct_comparison_get_n_columns (cmp);
  g_autoptr(CtCliJson) json = ct_cli_json_new ();
  g_autoptr(GString) out = g_string_sized_new (256 * 1024);

  for (guint r = 0; r < n_rows; r++)
    {
      for (guint c = 0; c < n_cols; c++)
        {
          const CtCompareCell *cell = ct_comparison_get_cell (cmp, r, c);

          if (cell->observation_id != 0)
            print_jsonl_cell (json, out, ct_comparison_get_row (cmp, r), ct_comparison_get_column (cmp, c), cell);
        }
      /* Written in large blocks, not a line at a time. */
      if (out->len >= 128 * 1024)
        {
          fwrite (out->str, 1, out->len, stdout);
          g_string_truncate (out, 0);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

/* The locality named on the command line, by folded name. */
static gint64
find_locality (CtStore     *store,
               const gchar *name)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) all = ct_store_list_localities (store, &error);
  g_autofree gchar *want = g_utf8_casefold (name, -1);

  if (all == NULL)
    {
      ct_cli_print_error (error);
      return -1;
    }
  for (guint i = 0; i < all->len; i++)
    {
      const CtLocalityInfo *l = g_ptr_array_index (all, i);
      g_autofree gchar *have = g_utf8_casefold (l->name, -1);

      if (g_strcmp0 (want, have) == 0)
        return l->id;
    }
  g_printerr (_("chitieu: no locality called “%s” is in the library; “chitieu list” shows them.\n"),
              name);
  return -1;
}

int
ct_cli_compare (int    argc,
                char **argv)
{
  g_autofree gchar *db = NULL;
  g_autofree gchar *format = NULL;
  g_autofree gchar *locality = NULL;
  g_autoptr(CtCompareQuery) query = ct_compare_query_new (CT_COMPARE_BY_REPORT);
  gboolean by_locality = FALSE;
  g_autoptr(CtStore) store = NULL;
  g_autoptr(CtComparison) cmp = NULL;
  g_autoptr(GError) error = NULL;
  const GOptionEntry entries[] = {
    { "db", 0, 0, G_OPTION_ARG_FILENAME, &db,
      N_("The library database (default: $CHITIEU_DB, else the user data folder)"), N_("PATH") },
    { "indicator", 'i', 0, G_OPTION_ARG_STRING, &query->indicator,
      N_("Only this indicator: a code, a name or part of a name"), N_("CODE|NAME") },
    { "year", 'y', 0, G_OPTION_ARG_INT, &query->year, N_("Only reports of this year"), N_("YEAR") },
    { "period", 'p', 0, G_OPTION_ARG_STRING, &query->period,
      N_("Only reports of this period (“6 tháng đầu năm”, “cả năm” …)"), N_("PERIOD") },
    { "locality", 'l', 0, G_OPTION_ARG_STRING, &locality,
      N_("One locality over the years"), N_("NAME") },
    { "by-locality", 0, 0, G_OPTION_ARG_NONE, &by_locality,
      N_("One column per locality (its latest report that fits)"), NULL },
    { "unclassified", 'u', 0, G_OPTION_ARG_NONE, &query->include_unclassified,
      N_("Also show labels that match no indicator"), NULL },
    { "format", 'f', 0, G_OPTION_ARG_STRING, &format,
      N_("Output format: tsv (default) or jsonl"), N_("tsv|jsonl") },
    { NULL }
  };

  if (!ct_cli_parse_options (&argc, &argv, entries, NULL,
                             _("Show indicators side by side across reports.")))
    return CT_CLI_EXIT_USAGE;
  if (format != NULL && !g_str_equal (format, "tsv") && !g_str_equal (format, "jsonl"))
    {
      g_printerr (_("chitieu: unknown format “%s”; use tsv or jsonl.\n"), format);
      return CT_CLI_EXIT_USAGE;
    }
  if (argc > 1)
    {
      g_printerr (_("chitieu: “compare” takes no file names; import them first.\n"));
      return CT_CLI_EXIT_USAGE;
    }

  store = ct_cli_open_library (db);
  if (store == NULL)
    return CT_CLI_EXIT_FAILED;

  if (locality != NULL)
    {
      query->axis = CT_COMPARE_BY_YEAR;
      query->locality_id = find_locality (store, locality);
      if (query->locality_id < 0)
        return CT_CLI_EXIT_FAILED;
    }
  else if (by_locality)
    query->axis = CT_COMPARE_BY_LOCALITY;

  cmp = ct_store_compare (store, query, &error);
  if (cmp == NULL)
    {
      ct_cli_print_error (error);
      return CT_CLI_EXIT_FAILED;
    }
  if (ct_comparison_get_n_columns (cmp) == 0)
    g_printerr (_("chitieu: no report fits; “chitieu list” shows what the library holds.\n"));
  {
    g_autofree gchar *reform = ct_comparison_reform_note (cmp);

    /* On stderr, ahead of the table, so the table stays machine-readable. */
    if (reform != NULL)
      g_printerr ("%s\n", reform);
  }

  if (format != NULL && g_str_equal (format, "jsonl"))
    print_jsonl (cmp);
  else
    print_tsv (cmp);
  return CT_CLI_EXIT_OK;
}
