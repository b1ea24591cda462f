/* ct-catalog-qualifier.c: qualifiers from a figure's label and context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "ct-catalog-qualifier.h"
#include "ct-data.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-text.h"

#define QUALIFIER_RESOURCE "/io/github/chitieu/Chitieu/data/qualifiers.tsv"

/* The dimensions of qualifiers.tsv that are not row qualifiers. */
typedef enum
{
  RULE_SEASON_HEADING = CT_N_QUALIFIER_DIMENSIONS,
  RULE_SHARE,
  RULE_PLAN_PERIOD,
  RULE_PLAN_OTHER,
  RULE_PLAN_YEAR,
  N_RULE_KINDS
} RuleKind;


/* The first column of qualifiers.tsv, in RuleKind order; then the
 * months of a report period. */
static const gchar * const rule_words[N_RULE_KINDS + 2] = {
  "season", "age", "population", "budget", "capital",
  "season_heading", "share", "plan_period", "plan_other", "plan_year",
  "period_months", NULL
};

typedef struct
{
  gchar  *value;
  GRegex *regex;
} Rule;

struct _CtQualifierTable
{
  GPtrArray  *rules[N_RULE_KINDS]; /* Rule *, file order */
  GHashTable *months;              /* folded period → GUINT_TO_POINTER (months) */
  GRegex     *year_in_label;
  GRegex     *year_opening;
};

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->value);
  g_clear_pointer (&rule->regex, g_regex_unref);
  g_free (rule);
}

void
ct_qualifier_table_free (CtQualifierTable *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < N_RULE_KINDS; i++)
    g_clear_pointer (&self->rules[i], g_ptr_array_unref);
  g_clear_pointer (&self->months, g_hash_table_unref);
  g_clear_pointer (&self->year_in_label, g_regex_unref);
  g_clear_pointer (&self->year_opening, g_regex_unref);
  g_free (self);
}


static gboolean
parse_row (CtQualifierTable   *self,
           const CtDataTable  *table,
           const CtDataRow    *row,
           GError            **error)
{
  g_autoptr(GError) regex_error = NULL;
  guint kind;
  GRegex *regex;
  Rule *rule;

  if (!ct_data_row_choice (table, row, 0, rule_words, &kind, error))
    return FALSE;
  if (kind == N_RULE_KINDS)
    {
      gdouble months;

      if (!ct_data_row_number (table, row, 2, &months, error))
        return FALSE;
      if (months < 1 || months > 12 || months != floor (months))
        {
          ct_data_set_row_error (error, table, row, _("the months of a period are 1 to 12"));
          return FALSE;
        }
      g_hash_table_insert (self->months, ct_text_fold (row->cols[1], -1), GUINT_TO_POINTER ((guint) months));
      return TRUE;
    }
  regex = g_regex_new (row->cols[2], G_REGEX_OPTIMIZE, 0, &regex_error);
  if (regex == NULL)
    {
      ct_data_set_row_error (error, table, row, regex_error->message);
      return FALSE;
    }
  rule = g_new0 (Rule, 1);
  rule->value = g_strdup (row->cols[1]);
  rule->regex = regex;
  g_ptr_array_add (self->rules[kind], rule);
  return TRUE;
}

CtQualifierTable *
ct_qualifier_table_new_from_data (const gchar  *tsv,
                                  gsize         len,
                                  GError      **error)
{
  g_autoptr(CtQualifierTable) self = g_new0 (CtQualifierTable, 1);
  g_autoptr(CtDataTable) table = ct_data_table_parse ("qualifiers.tsv", tsv, len, 3, 3, error);

  if (table == NULL)
    return NULL;
  for (guint k = 0; k < N_RULE_KINDS; k++)
    self->rules[k] = g_ptr_array_new_with_free_func (rule_free);
  self->months = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  /* "… vốn năm 2022", "năm 2022 giải ngân": a year named in the label; a
   * price basis ("giá so sánh năm 2010") names no span. */
  self->year_in_label = g_regex_new ("\\b(?<!so sanh )(?<!co dinh )nam ((19|20)\\d\\d)\\b",
                                     G_REGEX_OPTIMIZE, 0, NULL);
  /* "Năm 2022, …" opening the clause: the extractor keeps it out of the label. */
  self->year_opening = g_regex_new ("^\\W*nam ((19|20)\\d\\d)\\b", G_REGEX_OPTIMIZE, 0, NULL);

  for (guint i = 0; i < table->rows->len; i++)
    if (!parse_row (self, table, g_ptr_array_index (table->rows, i), error))
      return NULL;
  return g_steal_pointer (&self);
}

CtQualifierTable *
ct_qualifier_table_get_default (GError **error)
{
  static gsize once;
  static CtQualifierTable *table;
  static GError *load_error;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GBytes) bytes = g_resources_lookup_data (QUALIFIER_RESOURCE,
                                                         G_RESOURCE_LOOKUP_FLAGS_NONE, &load_error);

      if (bytes != NULL)
        table = ct_qualifier_table_new_from_data (g_bytes_get_data (bytes, NULL),
                                                  g_bytes_get_size (bytes), &load_error);
      g_once_init_leave (&once, 1);
    }
  if (table == NULL)
    {
      g_propagate_error (error, g_error_copy (load_error));
      return NULL;
    }
  return table;
}

guint
ct_qualifier_table_period_months (CtQualifierTable *self,
                                  const gchar      *period)
{
  g_autofree gchar *folded = NULL;

  if (period == NULL || *period == '\0')
    return 0;
  folded = ct_text_fold (period, -1);
  return GPOINTER_TO_UINT (g_hash_table_lookup (self->months, folded));
}

/* The value of the first rule of kind that matches any of the texts, tried
 * in order (the label first: it says most about the figure). */
static const gchar *
first_match (CtQualifierTable  *self,
             guint              kind,
             const gchar *const texts[],
             guint              n_texts)
{
  for (guint t = 0; t < n_texts; t++)
    {
      if (texts[t] == NULL)
        continue;
      for (guint i = 0; i < self->rules[kind]->len; i++)
        {
          Rule *rule = g_ptr_array_index (self->rules[kind], i);

          if (g_regex_match (rule->regex, texts[t], 0, NULL))
            return rule->value;
        }
    }
  return NULL;
}

static gint
year_named (GRegex      *regex,
            const gchar *text,
            gint         report_year)
{
  g_autoptr(GMatchInfo) match = NULL;
  gint year = 0;

  if (text == NULL || !g_regex_match (regex, text, 0, &match))
    return 0;
  do
    {
      g_autofree gchar *digits = g_match_info_fetch (match, 1);
      gint y = atoi (digits);

      /* The report's own year names nothing new. */
      if (y != report_year)
        year = y;
    }
  while (year == 0 && g_match_info_next (match, NULL));
  return year;
}

static CtPlanSpan
plan_span (CtQualifierTable         *self,
           const CtQualifierContext *ctx,
           const gchar *const        near[],
           guint                     n_near)
{
  if (isnan (ctx->plan) && isnan (ctx->rate))
    return CT_PLAN_SPAN_NONE;
  if (first_match (self, RULE_PLAN_OTHER, near, n_near) != NULL)
    return CT_PLAN_SPAN_OTHER;
  if (first_match (self, RULE_PLAN_PERIOD, near, n_near) != NULL)
    return CT_PLAN_SPAN_PERIOD;
  /* Nothing said: districts set annual targets, so a report of part of the
   * year measures against the year's; a full-year report against its own. */
  if (ctx->report_months > 0 && ctx->report_months < 12)
    return CT_PLAN_SPAN_YEAR;
  if (first_match (self, RULE_PLAN_YEAR, near, n_near) != NULL && ctx->report_months == 0)
    return CT_PLAN_SPAN_YEAR;
  return CT_PLAN_SPAN_PERIOD;
}

static CtFigureKind
figure_kind (CtQualifierTable         *self,
             const CtQualifierContext *ctx,
             const gchar *const        near[],
             guint                     n_near)
{
  gboolean row_percent = g_strcmp0 (ctx->row_unit, "%") == 0;

  if (first_match (self, RULE_SHARE, near, n_near) != NULL)
    return CT_FIGURE_KIND_SHARE;
  if (row_percent && !isnan (ctx->value) && g_strcmp0 (ctx->unit, "%") != 0)
    return CT_FIGURE_KIND_COUNT;
  if (!isnan (ctx->plan) || !isnan (ctx->rate))
    return CT_FIGURE_KIND_ACHIEVEMENT;
  return CT_FIGURE_KIND_LEVEL;
}

void
ct_qualifiers_derive (CtQualifierTable         *self,
                      const CtQualifierContext *ctx,
                      CtQualifiers             *out)
{
  g_autofree gchar *label = ctx->label != NULL ? ct_text_fold (ctx->label, -1) : NULL;
  g_autofree gchar *clause = ctx->clause != NULL ? ct_text_fold (ctx->clause, -1) : NULL;
  g_autofree gchar *paragraph = ctx->paragraph != NULL ? ct_text_fold (ctx->paragraph, -1) : NULL;
  /* Scopes and plans belong to the figure's own words; a season or a
   * population is often said once for a list. */
  const gchar *const near[] = { label, clause };
  const gchar *const wide[] = { label, clause, paragraph };

  memset (out, 0, sizeof *out);
  out->values[CT_QUALIFIER_SEASON] = first_match (self, CT_QUALIFIER_SEASON, near, 2);
  if (out->values[CT_QUALIFIER_SEASON] == NULL)
    out->values[CT_QUALIFIER_SEASON] = first_match (self, RULE_SEASON_HEADING, &wide[2], 1);
  out->values[CT_QUALIFIER_AGE] = first_match (self, CT_QUALIFIER_AGE, near, 2);
  out->values[CT_QUALIFIER_POPULATION] = first_match (self, CT_QUALIFIER_POPULATION, wide, 3);
  out->values[CT_QUALIFIER_BUDGET] = first_match (self, CT_QUALIFIER_BUDGET, near, 2);
  out->values[CT_QUALIFIER_CAPITAL] = first_match (self, CT_QUALIFIER_CAPITAL, near, 2);
  out->reference_year = year_named (self->year_in_label, label, ctx->report_year);
  if (out->reference_year == 0)
    out->reference_year = year_named (self->year_opening, clause, ctx->report_year);
  out->kind = figure_kind (self, ctx, near, 2);
  out->plan_span = out->kind == CT_FIGURE_KIND_SHARE ? CT_PLAN_SPAN_NONE
                                                     : plan_span (self, ctx, near, 2);
}

const gchar *
ct_qualifier_dimension_to_string (CtQualifierDimension dimension)
{
  g_return_val_if_fail (dimension < CT_N_QUALIFIER_DIMENSIONS, NULL);
  return rule_words[dimension];
}

const gchar *
ct_figure_kind_to_string (CtFigureKind kind)
{
  static const gchar *const names[] = { "level", "achievement", "share", "count" };

  g_return_val_if_fail (kind < G_N_ELEMENTS (names), NULL);
  return names[kind];
}

const gchar *
ct_plan_span_to_string (CtPlanSpan span)
{
  static const gchar *const names[] = { NULL, "period", "year", "other" };

  g_return_val_if_fail (span < G_N_ELEMENTS (names), NULL);
  return names[span];
}

/* The population splits every row; the other dimensions only the
 * indicators that say they matter, unless the value is their own. */
static gboolean
splits (const CtQualifiers   *q,
        const CtIndicator    *indicator,
        CtQualifierDimension  d)
{
  gpointer own = NULL;

  if (q->values[d] == NULL)
    return FALSE;
  if (d == CT_QUALIFIER_POPULATION)
    return TRUE;
  return indicator != NULL
         && g_hash_table_lookup_extended (indicator->qualifiers, rule_words[d], NULL, &own)
         && g_strcmp0 (own, q->values[d]) != 0;
}

void
ct_qualifiers_for_row (const CtQualifiers *q,
                       const CtIndicator  *indicator,
                       CtQualifiers       *out)
{
  memset (out, 0, sizeof *out);
  for (guint d = 0; d < CT_N_QUALIFIER_DIMENSIONS; d++)
    if (splits (q, indicator, d))
      out->values[d] = q->values[d];
  out->reference_year = q->reference_year;
  out->kind = q->kind == CT_FIGURE_KIND_SHARE || q->kind == CT_FIGURE_KIND_COUNT
              ? q->kind : CT_FIGURE_KIND_LEVEL;
  out->plan_span = CT_PLAN_SPAN_NONE;
}

gchar *
ct_qualifiers_describe (const CtQualifiers *q,
                        const CtIndicator  *indicator)
{
  g_autoptr(GString) out = g_string_new (NULL);

  for (guint d = 0; d < CT_N_QUALIFIER_DIMENSIONS; d++)
    if (splits (q, indicator, d))
      g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", q->values[d]);
  if (q->reference_year != 0)
    /* TRANSLATORS: a figure for another year than the report's, in a row
     * name: "Giải ngân vốn đầu tư công · năm 2022" */
    g_string_append_printf (out, "%s%s %d", out->len > 0 ? " · " : "",
                            C_("row name", "year"), q->reference_year);
  if (q->kind == CT_FIGURE_KIND_SHARE)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", C_("row name", "share of the total"));
  else if (q->kind == CT_FIGURE_KIND_COUNT)
    g_string_append_printf (out, "%s%s", out->len > 0 ? " · " : "", C_("row name", "as a count"));
  return out->len > 0 ? g_string_free (g_steal_pointer (&out), FALSE) : NULL;
}
