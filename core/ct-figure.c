/* ct-figure.c: verdicts and the words of a figure
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <math.h>

#include "ct-figure.h"
#include "ct-format.h"
#include "ct-i18n.h"

/* Within a tenth of the plan counts as nearly met: the reports' own wording
 * ("cơ bản đạt") draws the line about there. The same tenth is the slack of
 * "on track". */
#define NEAR_FRACTION 0.1

CtVerdict
ct_figure_judge (gdouble             rate,
                 const CtFigureRule *rule)
{
  gboolean lower;

  g_return_val_if_fail (rule != NULL, CT_VERDICT_NONE);

  if (!isfinite (rate) || rule->kind == CT_FIGURE_KIND_SHARE
      || rule->direction == CT_DIRECTION_UNKNOWN || rule->plan_span == CT_PLAN_SPAN_OTHER)
    return CT_VERDICT_NONE;
  lower = rule->direction == CT_DIRECTION_LOWER;

  /* A flow at mid-year holds half a year's worth: measured against the
   * whole year's plan it is on track at about half. A level (a herd, a
   * rate) is where it is and is judged as it stands. */
  if (rule->plan_span == CT_PLAN_SPAN_YEAR && rule->measure == CT_MEASURE_FLOW
      && rule->report_months > 0 && rule->report_months < 12)
    {
      gdouble expected = 100.0 * rule->report_months / 12.0;

      if (!lower && rate >= 100.0)
        return CT_VERDICT_MET;
      if (lower)
        return rate <= expected * (1 + NEAR_FRACTION) ? CT_VERDICT_ON_TRACK : CT_VERDICT_BEHIND;
      return rate >= expected * (1 - NEAR_FRACTION) ? CT_VERDICT_ON_TRACK : CT_VERDICT_BEHIND;
    }

  if (lower ? rate <= 100.0 : rate >= 100.0)
    return CT_VERDICT_MET;
  if (lower ? rate <= 100.0 * (1 + NEAR_FRACTION) : rate >= 100.0 * (1 - NEAR_FRACTION))
    return CT_VERDICT_NEARLY_MET;
  return CT_VERDICT_NOT_MET;
}

CtVerdict
ct_figure_verdict_from_status (const gchar *status)
{
  /* The extractor writes the status as a word of status-words.tsv
   * (keywords.tsv, category "status"); the table says what it means. */
  switch (ct_status_meaning (status))
    {
    case CT_STATUS_MET:
    case CT_STATUS_EXCEEDED:
      return CT_VERDICT_MET;
    case CT_STATUS_NOT_MET:
      return CT_VERDICT_NOT_MET;
    case CT_STATUS_IN_PROGRESS:
    case CT_STATUS_NONE:
    default:
      return CT_VERDICT_NONE;
    }
}

static gint
verdict_sign (CtVerdict verdict)
{
  switch (verdict)
    {
    case CT_VERDICT_MET:
    case CT_VERDICT_ON_TRACK:
      return 1;
    case CT_VERDICT_NEARLY_MET:
    case CT_VERDICT_NOT_MET:
    case CT_VERDICT_BEHIND:
      return -1;
    case CT_VERDICT_NONE:
    default:
      return 0;
    }
}

gboolean
ct_figure_verdicts_disagree (CtVerdict computed,
                             CtVerdict reported)
{
  if (reported == CT_VERDICT_NONE)
    return FALSE;
  return verdict_sign (computed) != verdict_sign (reported);
}

const gchar *
ct_verdict_to_string (CtVerdict verdict)
{
  static const gchar *const names[] = {
    "none", "met", "nearly_met", "not_met", "on_track", "behind",
  };

  g_return_val_if_fail (verdict < G_N_ELEMENTS (names), "none");
  return names[verdict];
}

const gchar *
ct_verdict_word (CtVerdict verdict)
{
  switch (verdict)
    {
    case CT_VERDICT_MET:
      return _("met");
    case CT_VERDICT_NEARLY_MET:
      return _("nearly met");
    case CT_VERDICT_NOT_MET:
      return _("not met");
    case CT_VERDICT_ON_TRACK:
      return _("on track");
    case CT_VERDICT_BEHIND:
      return _("behind");
    case CT_VERDICT_NONE:
    default:
      return NULL;
    }
}

CtRateBand
ct_verdict_band (CtVerdict verdict)
{
  switch (verdict)
    {
    case CT_VERDICT_MET:
    case CT_VERDICT_ON_TRACK:
      return CT_RATE_BAND_MET;
    case CT_VERDICT_NEARLY_MET:
      return CT_RATE_BAND_NEAR;
    case CT_VERDICT_NOT_MET:
    case CT_VERDICT_BEHIND:
      return CT_RATE_BAND_LOW;
    case CT_VERDICT_NONE:
    default:
      return CT_RATE_BAND_NONE;
    }
}

gchar *
ct_figure_format_value (gdouble      value,
                        gdouble      value_high,
                        const gchar *qualifier,
                        const gchar *unit)
{
  g_autofree gchar *number = NULL;
  GString *out;

  if (isnan (value))
    return g_strdup ("–");

  out = g_string_new (NULL);
  number = ct_format_number (value, 3);
  if (qualifier != NULL && *qualifier != '\0')
    g_string_append_printf (out, "%s ", qualifier);
  g_string_append (out, number);
  if (!isnan (value_high))
    {
      g_autofree gchar *high = ct_format_number (value_high, 3);

      g_string_append_printf (out, "–%s", high);
    }
  if (unit != NULL && *unit != '\0')
    {
      /* "45%" but "12 ha": the per cent sign sticks to its number. */
      if (g_strcmp0 (unit, "%") != 0)
        g_string_append_c (out, ' ');
      g_string_append (out, unit);
    }
  return g_string_free (out, FALSE);
}

gchar *
ct_figure_format_plan (gdouble plan,
                       CtBasis basis)
{
  g_autofree gchar *number = NULL;

  if (isnan (plan))
    return NULL;

  number = ct_format_number (plan, 3);
  switch (basis)
    {
    case CT_BASIS_BUDGET:
      /* TRANSLATORS: the budget (dự toán) a figure is measured against */
      return g_strdup_printf (_("Budget %s"), number);
    case CT_BASIS_TOTAL:
      /* TRANSLATORS: "8 of 9": the whole a count is part of */
      return g_strdup_printf (_("of %s"), number);
    case CT_BASIS_NONE:
    case CT_BASIS_PLAN:
    default:
      /* TRANSLATORS: the planned figure (kế hoạch) */
      return g_strdup_printf (_("Plan %s"), number);
    }
}

gchar *
ct_figure_format_rate (gdouble   rate,
                       CtVerdict verdict,
                       CtVerdict reported,
                       gdouble   yoy)
{
  GString *out = g_string_new (NULL);

  if (isfinite (rate))
    {
      g_autofree gchar *percent = ct_format_percent (rate, 1);

      g_string_append (out, percent);
      if (verdict != CT_VERDICT_NONE)
        g_string_append_printf (out, " · %s", ct_verdict_word (verdict));
    }
  else if (!isnan (yoy))
    {
      g_autofree gchar *percent = ct_format_percent (yoy, 1);

      /* TRANSLATORS: a figure as a percentage of the same period last year */
      g_string_append_printf (out, _("%s of last year"), percent);
    }
  /* The report's own word stays in sight when it says otherwise, so a
   * reader sees both and can check. */
  if (ct_figure_verdicts_disagree (verdict, reported))
    {
      g_autofree gchar *said = NULL;

      /* TRANSLATORS: the verdict the report itself gives, beside ours */
      said = g_strdup_printf (_("(report: %s)"), ct_verdict_word (reported));
      g_string_append_printf (out, "%s%s", out->len > 0 ? " " : "", said);
    }
  if (out->len == 0)
    {
      g_string_free (out, TRUE);
      return NULL;
    }
  return g_string_free (out, FALSE);
}

const gchar *
ct_figure_flag_text (CtFlags flag)
{
  switch (flag)
    {
    case CT_FLAG_RATE_MISMATCH:
      return _("The stated rate does not match the value and the plan.");
    case CT_FLAG_UNIT_SUSPECT:
      return _("The unit does not fit what is measured.");
    case CT_FLAG_PLAN_BELOW_VALUE:
      return _("The value exceeds the plan, yet the rate is under 100%.");
    case CT_FLAG_STATUS_CONTRADICTS:
      return _("The report says “not met” although the figure meets its plan.");
    case CT_FLAG_NUMBER_SUSPECT:
      return _("The number’s separators are mixed or ambiguous; check it.");
    case CT_FLAG_OCR:
      return _("The figure was read from a scan.");
    case CT_FLAG_OCR_DOUBTFUL:
      return _("The scan is unclear here: check the figure against the paper.");
    default:
      return NULL;
    }
}

gchar *
ct_figure_describe_flags (guint flags)
{
  GString *out;

  if (flags == 0)
    return NULL;
  out = g_string_new (NULL);
  for (guint i = 0; i < CT_N_FLAGS; i++)
    if (flags & (1u << i))
      g_string_append_printf (out, "%s%s", out->len > 0 ? "\n" : "", ct_figure_flag_text (1u << i));
  return g_string_free (out, FALSE);
}
