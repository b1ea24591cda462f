/* ct-figure.h: what a figure means to a reader
 *
 * One home for the words and the judgement every view shows: the value,
 * plan and rate texts (in the locale's number style), the verdict and its
 * colour band, the report's own word beside it, and the reasons of the
 * audit flags. The window, the source view, the command line, the chart,
 * the printed page and the workbook all call these, so they agree by
 * construction.
 *
 * The verdict rule: a share of a total, a figure without a rate, an
 * indicator whose direction is unknown or a plan of several years get none.
 * Lower-is-better indicators are judged inverted. A flow in a report of
 * part of the year measured against the year's plan is judged against the
 * share of the year gone: on track or behind (met once the year's plan is
 * reached). Everything else is met (at or past the plan), nearly met
 * (within a tenth of it) or not met.
 *
 * Plain GLib, no GTK.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

#include "ct-catalog.h"
#include "ct-catalog-qualifier.h"
#include "ct-observation.h"

G_BEGIN_DECLS

typedef enum
{
  CT_VERDICT_NONE,
  CT_VERDICT_MET,
  CT_VERDICT_NEARLY_MET,
  CT_VERDICT_NOT_MET,
  CT_VERDICT_ON_TRACK,
  CT_VERDICT_BEHIND,
} CtVerdict;

/* The tint behind a verdict: one colour for the good, one for the near,
 * one for the bad. */
typedef enum
{
  CT_RATE_BAND_NONE,
  CT_RATE_BAND_MET,
  CT_RATE_BAND_NEAR,
  CT_RATE_BAND_LOW,
} CtRateBand;

/* What the judgement needs besides the rate. */
typedef struct
{
  CtDirection  direction;
  CtMeasure    measure;
  CtFigureKind kind;
  CtPlanSpan   plan_span;
  guint        report_months; /* 0: unknown, judged as a whole year */
} CtFigureRule;

CtVerdict    ct_figure_judge           (gdouble              rate,
                                        const CtFigureRule  *rule);
/* The report's own word as a verdict: đạt, vượt → met; chưa đạt, không
 * đạt → not met; anything else none. */
CtVerdict    ct_figure_verdict_from_status (const gchar      *status);
/* Whether the report's word says otherwise than the computed verdict. */
gboolean     ct_figure_verdicts_disagree (CtVerdict          computed,
                                          CtVerdict          reported);

/* "met", "nearly_met", "not_met", "on_track", "behind", "none". */
const gchar *ct_verdict_to_string      (CtVerdict            verdict);
/* Translated: "met" / "đạt"; NULL for none. */
const gchar *ct_verdict_word           (CtVerdict            verdict);
CtRateBand   ct_verdict_band           (CtVerdict            verdict);

/* "khoảng 12,5–13 tỷ đồng", "45%"; "–" for no value. */
gchar       *ct_figure_format_value    (gdouble              value,
                                        gdouble              value_high,
                                        const gchar         *qualifier,
                                        const gchar         *unit);
/* "KH 20", "Dự toán 20", "/ 20" (a whole set); NULL without a plan. */
gchar       *ct_figure_format_plan     (gdouble              plan,
                                        CtBasis              basis);
/* "45% · on track", "45% · not met (report: met)", "(report: met)",
 * "103% of last year"; NULL when there is nothing to say. */
gchar       *ct_figure_format_rate     (gdouble              rate,
                                        CtVerdict            verdict,
                                        CtVerdict            reported,
                                        gdouble              yoy);

/* Why a flag is set, one sentence, translated. */
const gchar *ct_figure_flag_text       (CtFlags              flag);
/* Every set flag's sentence, one per line; NULL without flags. */
gchar       *ct_figure_describe_flags  (guint                flags);

G_END_DECLS
