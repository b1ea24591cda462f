/* ct-export-xlsx-sheets.c: the evidence sheets (observations and reports)
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ct-error.h"
#include "ct-export-xlsx-private.h"
#include "ct-i18n.h"

typedef struct
{
  const gchar *header; /* N_() */
  gdouble      width;
} CtXlsxColumn;

enum
{
  OBS_REPORT,
  OBS_LOCALITY,
  OBS_YEAR,
  OBS_PERIOD,
  OBS_SECTION,
  OBS_LABEL,
  OBS_KIND,
  OBS_CODE,
  OBS_INDICATOR,
  OBS_QUALIFIER,
  OBS_VALUE,
  OBS_VALUE_HIGH,
  OBS_UNIT,
  OBS_PLAN,
  OBS_RATE,
  OBS_RATE_COMPUTED,
  OBS_YOY,
  OBS_STATUS,
  OBS_FLAGS,
  OBS_CORRECTED,
  OBS_LINE,
  OBS_SENTENCE,
  OBS_ID,
  N_OBS_COLUMNS
};

static const CtXlsxColumn observation_columns[N_OBS_COLUMNS] = {
  [OBS_REPORT]        = { N_("Report ID"), 10 },
  [OBS_LOCALITY]      = { N_("Locality"), 16 },
  [OBS_YEAR]          = { N_("Year"), 7 },
  [OBS_PERIOD]        = { N_("Period"), 16 },
  [OBS_SECTION]       = { N_("Section"), 30 },
  [OBS_LABEL]         = { N_("Label"), 40 },
  [OBS_KIND]          = { N_("Kind"), 11 },
  [OBS_CODE]          = { N_("Code"), 18 },
  [OBS_INDICATOR]     = { N_("Indicator"), 34 },
  [OBS_QUALIFIER]     = { N_("Qualifier"), 9 },
  [OBS_VALUE]         = { N_("Value"), 13 },
  [OBS_VALUE_HIGH]    = { N_("Upper value"), 11 },
  [OBS_UNIT]          = { N_("Unit"), 11 },
  [OBS_PLAN]          = { N_("Plan"), 13 },
  [OBS_RATE]          = { N_("Stated rate"), 10 },
  [OBS_RATE_COMPUTED] = { N_("Computed rate"), 10 },
  [OBS_YOY]           = { N_("Year on year"), 10 },
  [OBS_STATUS]        = { N_("Status"), 12 },
  [OBS_FLAGS]         = { N_("Flags"), 24 },
  [OBS_CORRECTED]     = { N_("Corrected"), 14 },
  [OBS_LINE]          = { N_("Line"), 7 },
  [OBS_SENTENCE]      = { N_("Source sentence"), 100 },
  [OBS_ID]            = { N_("Observation ID"), 12 },
};

/* Words a reader of the workbook understands, for the machine names of
 * ct-observation.h and ct-store.h. */
static const struct
{
  guint        bit;
  const gchar *label;
} flag_labels[] = {
  { CT_FLAG_RATE_MISMATCH, N_("stated rate differs from value/plan") },
  { CT_FLAG_UNIT_SUSPECT, N_("unit looks wrong") },
  { CT_FLAG_PLAN_BELOW_VALUE, N_("above plan yet under 100%") },
  { CT_FLAG_STATUS_CONTRADICTS, N_("status contradicts the figures") },
  { CT_FLAG_NUMBER_SUSPECT, N_("number read by rule") },
  { CT_FLAG_OCR, N_("read from a scan") },
  { CT_FLAG_OCR_DOUBTFUL, N_("scan unclear: check") },
}, correction_labels[] = {
  { CT_CORRECTION_VALUE, NC_("corrected field", "value") },
  { CT_CORRECTION_PLAN, NC_("corrected field", "plan") },
  { CT_CORRECTION_RATE, NC_("corrected field", "rate") },
  { CT_CORRECTION_UNIT, NC_("corrected field", "unit") },
  { CT_CORRECTION_INDICATOR, NC_("corrected field", "indicator") },
  { CT_CORRECTION_NOT_INDICATOR, NC_("corrected field", "not an indicator") },
};

static void
write_header_row (lxw_worksheet       *sheet,
                  const CtXlsxFormats *formats,
                  const CtXlsxColumn  *columns,
                  guint                n_columns)
{
  worksheet_set_row (sheet, 0, 30, NULL);
  for (guint c = 0; c < n_columns; c++)
    {
      worksheet_set_column (sheet, c, c, columns[c].width, NULL);
      worksheet_write_string (sheet, 0, c, _(columns[c].header), formats->header);
    }
  worksheet_freeze_panes (sheet, 1, 0);
}

static gchar *
join_labels (guint bits,
             gboolean flags)
{
  GString *out;
  guint n = flags ? G_N_ELEMENTS (flag_labels) : G_N_ELEMENTS (correction_labels);

  if (bits == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < n; i++)
    {
      guint bit = flags ? flag_labels[i].bit : correction_labels[i].bit;
      const gchar *label = flags ? flag_labels[i].label : correction_labels[i].label;

      if ((bits & bit) == 0)
        continue;
      if (out->len > 0)
        g_string_append (out, ", ");
      g_string_append (out, flags ? _(label)
                                  : g_dpgettext2 (GETTEXT_PACKAGE, "corrected field", label));
    }
  return g_string_free (out, FALSE);
}

static void
write_observation (lxw_worksheet             *sheet,
                   const CtXlsxFormats       *formats,
                   lxw_row_t                  row,
                   const CtCompareColumn     *column,
                   const CtStoredObservation *stored,
                   const gchar               *text,
                   gsize                      text_len)
{
  const CtObservation *obs = stored->obs;
  g_autofree gchar *flags = join_labels (obs->flags, TRUE);
  g_autofree gchar *corrected = join_labels (stored->corrected, FALSE);
  g_autofree gchar *sentence = ct_xlsx_sentence_at (text, text_len, obs->start, obs->end);

  /* The report by its number in the reports sheet: its title would repeat
   * locality, year and period on every one of possibly 150,000 rows. */
  worksheet_write_number (sheet, row, OBS_REPORT, (gdouble) column->report_id, NULL);
  ct_xlsx_write_text (sheet, row, OBS_LOCALITY, column->locality, NULL);
  worksheet_write_number (sheet, row, OBS_YEAR, column->year, NULL);
  ct_xlsx_write_text (sheet, row, OBS_PERIOD, column->period, NULL);
  ct_xlsx_write_text (sheet, row, OBS_SECTION, obs->section, NULL);
  ct_xlsx_write_text (sheet, row, OBS_LABEL, obs->label, NULL);
  ct_xlsx_write_text (sheet, row, OBS_KIND,
                      obs->kind == CT_KIND_TARGET ? _("target") : _("achievement"), NULL);
  ct_xlsx_write_text (sheet, row, OBS_CODE, stored->indicator_code, NULL);
  ct_xlsx_write_text (sheet, row, OBS_INDICATOR,
                      stored->not_indicator ? _("not an indicator") : stored->indicator_name, NULL);
  ct_xlsx_write_text (sheet, row, OBS_QUALIFIER, obs->qualifier, NULL);
  ct_xlsx_write_number (sheet, formats, row, OBS_VALUE, obs->value);
  ct_xlsx_write_number (sheet, formats, row, OBS_VALUE_HIGH, obs->value_high);
  ct_xlsx_write_text (sheet, row, OBS_UNIT, obs->unit, NULL);
  ct_xlsx_write_number (sheet, formats, row, OBS_PLAN, obs->plan);
  ct_xlsx_write_percent (sheet, formats, row, OBS_RATE, obs->rate);
  ct_xlsx_write_percent (sheet, formats, row, OBS_RATE_COMPUTED, obs->rate_computed);
  ct_xlsx_write_percent (sheet, formats, row, OBS_YOY, obs->yoy);
  ct_xlsx_write_text (sheet, row, OBS_STATUS, obs->status, NULL);
  ct_xlsx_write_text (sheet, row, OBS_FLAGS, flags, NULL);
  ct_xlsx_write_text (sheet, row, OBS_CORRECTED, corrected, NULL);
  if (obs->line > 0)
    worksheet_write_number (sheet, row, OBS_LINE, obs->line, NULL);
  ct_xlsx_write_text (sheet, row, OBS_SENTENCE, sentence, NULL);
  worksheet_write_number (sheet, row, OBS_ID, (gdouble) stored->id, NULL);
}

/* The report's text, fetched once for all its observations' sentences. */
static CtSourceSpan *
report_source (CtStore   *store,
               GPtrArray *observations)
{
  const CtStoredObservation *first;

  if (observations->len == 0)
    return NULL;
  first = g_ptr_array_index (observations, 0);
  /* A report without its text still exports its figures: the sentence
   * column stays empty rather than failing the whole workbook. */
  return ct_store_get_source (store, first->id, NULL);
}

gboolean
ct_xlsx_write_observations (lxw_workbook        *workbook,
                            const CtXlsxFormats *formats,
                            const gchar         *sheet_name,
                            CtStore             *store,
                            CtComparison        *comparison,
                            GHashTable          *codes,
                            GCancellable        *cancellable,
                            GError             **error)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, sheet_name);
  guint n_columns = ct_comparison_get_n_columns (comparison);
  lxw_row_t row = 1;

  write_header_row (sheet, formats, observation_columns, N_OBS_COLUMNS);

  for (guint c = 0; c < n_columns; c++)
    {
      const CtCompareColumn *column = ct_comparison_get_column (comparison, c);
      g_autoptr(GPtrArray) observations = NULL;
      g_autoptr(CtSourceSpan) source = NULL;

      if (ct_xlsx_set_error_if_cancelled (cancellable, error))
        return FALSE;
      if (column->report_id == 0)
        continue;

      observations = ct_store_list_observations (store, column->report_id, error);
      if (observations == NULL)
        return FALSE;
      source = report_source (store, observations);

      for (guint i = 0; i < observations->len; i++)
        {
          const CtStoredObservation *stored = g_ptr_array_index (observations, i);

          if (codes != NULL && (stored->indicator_code == NULL
                                || !g_hash_table_contains (codes, stored->indicator_code)))
            continue;
          if (row >= CT_XLSX_MAX_ROWS)
            {
              g_set_error (error, CT_ERROR, CT_ERROR_TOO_LARGE,
                           _("More than %u observations do not fit in one Excel sheet. "
                             "Export fewer reports, for example one year or one indicator."),
                           CT_XLSX_MAX_ROWS - 1);
              return FALSE;
            }
          write_observation (sheet, formats, row, column, stored,
                             source != NULL ? source->text : NULL,
                             source != NULL ? source->text_len : 0);
          row++;
        }
    }

  worksheet_autofilter (sheet, 0, 0, row - 1, N_OBS_COLUMNS - 1);
  ct_xlsx_set_page_setup (sheet, 1, MAX (row - 1, 1), N_OBS_COLUMNS - 1);
  return TRUE;
}

enum
{
  REP_LOCALITY,
  REP_LEVEL,
  REP_PROVINCE,
  REP_YEAR,
  REP_PERIOD,
  REP_TITLE,
  REP_SOURCE,
  REP_FORMAT,
  REP_SHA256,
  REP_IMPORTED,
  REP_N_OBSERVATIONS,
  REP_N_MATCHED,
  REP_N_FLAGGED,
  REP_N_CORRECTED,
  REP_ID,
  N_REP_COLUMNS
};

static const CtXlsxColumn report_columns[N_REP_COLUMNS] = {
  [REP_LOCALITY]       = { N_("Locality"), 16 },
  [REP_LEVEL]          = { N_("Level"), 10 },
  [REP_PROVINCE]       = { N_("Province"), 16 },
  [REP_YEAR]           = { N_("Year"), 7 },
  [REP_PERIOD]         = { N_("Period"), 16 },
  [REP_TITLE]          = { N_("Title"), 40 },
  [REP_SOURCE]         = { N_("Source file"), 40 },
  [REP_FORMAT]         = { N_("Format"), 9 },
  [REP_SHA256]         = { N_("SHA-256"), 66 },
  [REP_IMPORTED]       = { N_("Imported (UTC)"), 17 },
  [REP_N_OBSERVATIONS] = { N_("Observations"), 12 },
  [REP_N_MATCHED]      = { N_("Matched"), 10 },
  [REP_N_FLAGGED]      = { N_("Flagged"), 10 },
  [REP_N_CORRECTED]    = { N_("Corrected"), 10 },
  [REP_ID]             = { N_("Report ID"), 10 },
};

static void
write_imported_at (lxw_worksheet       *sheet,
                   const CtXlsxFormats *formats,
                   lxw_row_t            row,
                   const gchar         *iso8601)
{
  g_autoptr(GTimeZone) utc = g_time_zone_new_utc ();
  g_autoptr(GDateTime) when = NULL;
  lxw_datetime dt;

  if (iso8601 == NULL)
    return;
  when = g_date_time_new_from_iso8601 (iso8601, utc);
  if (when == NULL)
    {
      ct_xlsx_write_text (sheet, row, REP_IMPORTED, iso8601, NULL);
      return;
    }
  g_date_time_get_ymd (when, &dt.year, &dt.month, &dt.day);
  dt.hour = g_date_time_get_hour (when);
  dt.min = g_date_time_get_minute (when);
  dt.sec = g_date_time_get_second (when);
  worksheet_write_datetime (sheet, row, REP_IMPORTED, &dt, formats->datetime);
}

void
ct_xlsx_write_reports (lxw_workbook        *workbook,
                       const CtXlsxFormats *formats,
                       const gchar         *sheet_name,
                       GPtrArray           *reports)
{
  lxw_worksheet *sheet = workbook_add_worksheet (workbook, sheet_name);

  write_header_row (sheet, formats, report_columns, N_REP_COLUMNS);
  for (guint i = 0; i < reports->len; i++)
    {
      const CtReportInfo *info = g_ptr_array_index (reports, i);
      lxw_row_t row = i + 1;

      ct_xlsx_write_text (sheet, row, REP_LOCALITY, info->locality, NULL);
      ct_xlsx_write_text (sheet, row, REP_LEVEL, info->level, NULL);
      ct_xlsx_write_text (sheet, row, REP_PROVINCE, info->province, NULL);
      worksheet_write_number (sheet, row, REP_YEAR, info->year, NULL);
      ct_xlsx_write_text (sheet, row, REP_PERIOD, info->period, NULL);
      ct_xlsx_write_text (sheet, row, REP_TITLE, info->title, NULL);
      ct_xlsx_write_text (sheet, row, REP_SOURCE, info->source_name, NULL);
      ct_xlsx_write_text (sheet, row, REP_FORMAT, info->format, NULL);
      ct_xlsx_write_text (sheet, row, REP_SHA256, info->sha256, NULL);
      write_imported_at (sheet, formats, row, info->imported_at);
      worksheet_write_number (sheet, row, REP_N_OBSERVATIONS, info->n_observations, NULL);
      worksheet_write_number (sheet, row, REP_N_MATCHED, info->n_matched, NULL);
      worksheet_write_number (sheet, row, REP_N_FLAGGED, info->n_flagged, NULL);
      worksheet_write_number (sheet, row, REP_N_CORRECTED, info->n_corrected, NULL);
      worksheet_write_number (sheet, row, REP_ID, (gdouble) info->id, NULL);
    }
  worksheet_autofilter (sheet, 0, 0, MAX (reports->len, 1), N_REP_COLUMNS - 1);
  ct_xlsx_set_page_setup (sheet, 1, MAX (reports->len, 1), N_REP_COLUMNS - 1);
}
