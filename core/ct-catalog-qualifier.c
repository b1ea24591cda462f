/* ct-catalog-qualifier.c: qualifiers from a figure's label and context
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <gio/gio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#include "ct-catalog-need.h"
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

/* A rule's pattern is compiled when the table loads, which checks it, and
 * compiled again for speed (PCRE2's JIT, 9 times the work) by its first
 * match: a comparison that reads kept words matches none. */
typedef struct
{
  gchar  *value;
  gchar  *pattern;
  GRegex *checked;
  GRegex *fast;
  gsize   fast_once;
  gchar **needs; /* ct_regex_needs(): a text without them is not tried */
} Rule;

/* How words are read and packed: a change to the reading (clause_end(),
 * paragraph_head(), the folding) or to the packing takes a new number, so
 * libraries read their figures' words again. */
#define WORDS_FORMAT 1

struct _CtQualifierTable
{
  GPtrArray  *rules[N_RULE_KINDS]; /* Rule *, file order */
  GHashTable *months;              /* folded period → GUINT_TO_POINTER (months) */
  GRegex     *year_in_label;
  GRegex     *year_opening;
  /* Per row dimension, its different values (borrowed from the rules):
   * what packed words number. */
  GPtrArray  *values[CT_N_QUALIFIER_DIMENSIONS];
  gint64      version;
  gboolean    try_all;             /* tests: no rule skipped for its words */
};

static void
rule_free (gpointer data)
{
  Rule *rule = data;

  g_free (rule->value);
  g_free (rule->pattern);
  g_clear_pointer (&rule->checked, g_regex_unref);
  g_clear_pointer (&rule->fast, g_regex_unref);
  g_strfreev (rule->needs);
  g_free (rule);
}

void
ct_qualifier_table_free (CtQualifierTable *self)
{
  if (self == NULL)
    return;
  for (guint i = 0; i < N_RULE_KINDS; i++)
    g_clear_pointer (&self->rules[i], g_ptr_array_unref);
  for (guint d = 0; d < CT_N_QUALIFIER_DIMENSIONS; d++)
    g_clear_pointer (&self->values[d], g_ptr_array_unref);
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
  regex = g_regex_new (row->cols[2], 0, 0, &regex_error);
  if (regex == NULL)
    {
      ct_data_set_row_error (error, table, row, regex_error->message);
      return FALSE;
    }
  rule = g_new0 (Rule, 1);
  rule->value = g_strdup (row->cols[1]);
  rule->pattern = g_strdup (row->cols[2]);
  rule->checked = regex;
  rule->needs = ct_regex_needs (row->cols[2]);
  g_ptr_array_add (self->rules[kind], rule);
  return TRUE;
}

static void
add_value (GPtrArray   *values,
           const gchar *value)
{
  for (guint i = 0; i < values->len; i++)
    if (strcmp (g_ptr_array_index (values, i), value) == 0)
      return;
  g_ptr_array_add (values, (gpointer) value);
}

static void
collect_values (CtQualifierTable *self)
{
  for (guint d = 0; d < CT_N_QUALIFIER_DIMENSIONS; d++)
    {
      self->values[d] = g_ptr_array_new ();
      for (guint i = 0; i < self->rules[d]->len; i++)
        add_value (self->values[d], ((Rule *) g_ptr_array_index (self->rules[d], i))->value);
    }
  /* A season heading names a season too. */
  for (guint i = 0; i < self->rules[RULE_SEASON_HEADING]->len; i++)
    add_value (self->values[CT_QUALIFIER_SEASON],
               ((Rule *) g_ptr_array_index (self->rules[RULE_SEASON_HEADING], i))->value);
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
  collect_values (self);
  self->version = ((gint64) WORDS_FORMAT << 32) | crc32 (0, (const Bytef *) tsv, len);
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

static GRegex *
rule_regex (Rule *rule)
{
  if (g_once_init_enter (&rule->fast_once))
    {
      GRegex *fast = g_regex_new (rule->pattern, G_REGEX_OPTIMIZE, 0, NULL);

      rule->fast = fast != NULL ? fast : g_regex_ref (rule->checked);
      g_once_init_leave (&rule->fast_once, 1);
    }
  return rule->fast;
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

          /* Most rules' words are in no text: a search for them is a
           * fraction of a pattern run that fails anyway. */
          if (!self->try_all && !ct_regex_needs_met ((const gchar * const *) rule->needs, texts[t]))
            continue;
          if (g_regex_match (rule_regex (rule), texts[t], 0, NULL))
            return rule->value;
        }
    }
  return NULL;
}

/* The first two different years regex names in text, in order: a report's
 * own year names nothing new, so the first of them that is not the
 * report's is the one meant (year_of()). */
static void
years_named (GRegex      *regex,
             const gchar *text,
             guint16      years[2])
{
  g_autoptr(GMatchInfo) match = NULL;

  years[0] = years[1] = 0;
  /* Both patterns say "nam 20xx": most texts never do. */
  if (text == NULL || strstr (text, "nam ") == NULL || !g_regex_match (regex, text, 0, &match))
    return;
  do
    {
      g_autofree gchar *digits = g_match_info_fetch (match, 1);
      guint16 y = (guint16) atoi (digits);

      if (years[0] == 0)
        years[0] = y;
      else if (y != years[0])
        years[1] = y;
    }
  while (years[1] == 0 && g_match_info_next (match, NULL));
}

static gint
year_of (const guint16 years[2],
         gint          report_year)
{
  if (years[0] != 0 && years[0] != report_year)
    return years[0];
  return years[1];
}

static CtPlanSpan
plan_span (const CtQualifierWords   *words,
           const CtQualifierContext *ctx)
{
  if (isnan (ctx->plan) && isnan (ctx->rate))
    return CT_PLAN_SPAN_NONE;
  if (words->plan_other)
    return CT_PLAN_SPAN_OTHER;
  if (words->plan_period)
    return CT_PLAN_SPAN_PERIOD;
  /* Nothing said: districts set annual targets, so a report of part of the
   * year measures against the year's; a full-year report against its own. */
  if (ctx->report_months > 0 && ctx->report_months < 12)
    return CT_PLAN_SPAN_YEAR;
  if (words->plan_year && ctx->report_months == 0)
    return CT_PLAN_SPAN_YEAR;
  return CT_PLAN_SPAN_PERIOD;
}

static CtFigureKind
figure_kind (const CtQualifierWords   *words,
             const CtQualifierContext *ctx)
{
  gboolean row_percent = g_strcmp0 (ctx->row_unit, "%") == 0;

  if (words->share)
    return CT_FIGURE_KIND_SHARE;
  if (row_percent && !isnan (ctx->value) && g_strcmp0 (ctx->unit, "%") != 0)
    return CT_FIGURE_KIND_COUNT;
  if (!isnan (ctx->plan) || !isnan (ctx->rate))
    return CT_FIGURE_KIND_ACHIEVEMENT;
  return CT_FIGURE_KIND_LEVEL;
}

void
ct_qualifier_words_read (CtQualifierTable *self,
                         const gchar      *label,
                         const gchar      *clause,
                         const gchar      *paragraph,
                         CtQualifierWords *out)
{
  g_autofree gchar *l = label != NULL ? ct_text_fold (label, -1) : NULL;
  g_autofree gchar *c = clause != NULL ? ct_text_fold (clause, -1) : NULL;
  g_autofree gchar *p = paragraph != NULL ? ct_text_fold (paragraph, -1) : NULL;
  /* Scopes and plans belong to the figure's own words; a season or a
   * population is often said once for a list. */
  const gchar *const near[] = { l, c };
  const gchar *const para[] = { p };

  memset (out, 0, sizeof *out);
  out->values[CT_QUALIFIER_SEASON] = first_match (self, CT_QUALIFIER_SEASON, near, 2);
  if (out->values[CT_QUALIFIER_SEASON] == NULL)
    out->values[CT_QUALIFIER_SEASON] = first_match (self, RULE_SEASON_HEADING, para, 1);
  out->values[CT_QUALIFIER_AGE] = first_match (self, CT_QUALIFIER_AGE, near, 2);
  out->values[CT_QUALIFIER_POPULATION] = first_match (self, CT_QUALIFIER_POPULATION, near, 2);
  if (out->values[CT_QUALIFIER_POPULATION] == NULL)
    out->values[CT_QUALIFIER_POPULATION] = first_match (self, CT_QUALIFIER_POPULATION, para, 1);
  out->values[CT_QUALIFIER_BUDGET] = first_match (self, CT_QUALIFIER_BUDGET, near, 2);
  out->values[CT_QUALIFIER_CAPITAL] = first_match (self, CT_QUALIFIER_CAPITAL, near, 2);
  years_named (self->year_in_label, l, out->label_years);
  years_named (self->year_opening, c, out->clause_years);
  out->share = first_match (self, RULE_SHARE, near, 2) != NULL;
  out->plan_other = first_match (self, RULE_PLAN_OTHER, near, 2) != NULL;
  out->plan_period = first_match (self, RULE_PLAN_PERIOD, near, 2) != NULL;
  out->plan_year = first_match (self, RULE_PLAN_YEAR, near, 2) != NULL;
}

void
ct_qualifiers_from_words (const CtQualifierWords   *words,
                          const CtQualifierContext *ctx,
                          CtQualifiers             *out)
{
  memset (out, 0, sizeof *out);
  memcpy (out->values, words->values, sizeof out->values);
  out->reference_year = year_of (words->label_years, ctx->report_year);
  if (out->reference_year == 0)
    out->reference_year = year_of (words->clause_years, ctx->report_year);
  out->kind = figure_kind (words, ctx);
  out->plan_span = out->kind == CT_FIGURE_KIND_SHARE ? CT_PLAN_SPAN_NONE : plan_span (words, ctx);
}

void
ct_qualifiers_derive (CtQualifierTable         *self,
                      const CtQualifierContext *ctx,
                      CtQualifiers             *out)
{
  CtQualifierWords words;

  ct_qualifier_words_read (self, ctx->label, ctx->clause, ctx->paragraph, &words);
  ct_qualifiers_from_words (&words, ctx, out);
}

/* Where the words about a figure end: the clause the extractor kept, and
 * what follows it up to the next ";", ". " or line (", chiếm tỷ lệ 47,5%"
 * comes after the numbers), within reason. */
static gsize
clause_end (const gchar *text,
            gsize        len,
            gsize        end)
{
  gsize limit = MIN (len, end + 200), p = end;

  while (p < limit && text[p] != ';' && text[p] != '\n' && !(text[p] == '.' && (p + 1 >= len || text[p + 1] == ' ')))
    p++;
  /* Never cut a character in two. */
  while (p > end && p < len && (text[p] & 0xC0) == 0x80)
    p--;
  return p;
}

#define PARAGRAPH_HEAD_BYTES 600

/* Up to PARAGRAPH_HEAD_BYTES of a paragraph of len bytes, whole characters. */
static gsize
paragraph_head (const gchar *para,
                gsize        len)
{
  gsize n = MIN (len, PARAGRAPH_HEAD_BYTES);

  while (n > 0 && n < len && (para[n] & 0xC0) == 0x80)
    n--;
  return n;
}

/* The start of the line holding at: what lies between the cursor's offset
 * and at is scanned, and the cursor's answer holds when no line ends there. */
static gsize
line_start (CtLineCursor *cursor,
            const gchar  *text,
            gsize         at)
{
  gsize p = at, stop = cursor->at <= at ? cursor->at : 0;

  while (p > stop && text[p - 1] != '\n')
    p--;
  if (p == stop && stop > 0 && cursor->at <= at)
    p = cursor->line_start;
  cursor->at = at;
  cursor->line_start = p;
  return p;
}

void
ct_qualifier_words_from_text (CtQualifierTable *self,
                              const gchar      *label,
                              const gchar      *text,
                              gsize             len,
                              gsize             start,
                              gsize             end,
                              CtLineCursor     *cursor,
                              CtQualifierWords *out)
{
  g_autofree gchar *clause = NULL;
  g_autofree gchar *paragraph = NULL;
  CtLineCursor from_start = { 0, 0 };

  if (text != NULL && start <= end && end <= len
      && g_utf8_validate_len (text + start, clause_end (text, len, end) - start, NULL))
    {
      gsize para = line_start (cursor != NULL ? cursor : &from_start, text, start);

      clause = g_strndup (text + start, clause_end (text, len, end) - start);
      /* Its head is what speaks for a list (a season heading, the programme
       * it reports on); a long paragraph is not read again for each figure. */
      paragraph = g_strndup (text + para, paragraph_head (text + para, start - para));
    }
  ct_qualifier_words_read (self, label, clause, paragraph, out);
}

/* Packed words: 5 bits per row dimension (its value's number + 1), a bit
 * each for share and the three plan spans, 8 bits per year (year − 1899;
 * the patterns only read 19xx and 20xx). */
#define VALUE_BITS 5
#define FLAGS_AT   (VALUE_BITS * CT_N_QUALIFIER_DIMENSIONS)
#define YEARS_AT   (FLAGS_AT + 4)

static gint
value_number (CtQualifierTable *self,
              guint             d,
              const gchar      *value)
{
  if (value == NULL)
    return 0;
  for (guint i = 0; i < self->values[d]->len; i++)
    if (strcmp (g_ptr_array_index (self->values[d], i), value) == 0)
      return i + 1 < (1u << VALUE_BITS) ? (gint) i + 1 : -1;
  return -1;
}

gint64
ct_qualifier_words_pack (CtQualifierTable       *self,
                         const CtQualifierWords *w)
{
  const guint16 *years[] = { &w->label_years[0], &w->label_years[1],
                             &w->clause_years[0], &w->clause_years[1] };
  guint64 packed = 0;

  for (guint d = 0; d < CT_N_QUALIFIER_DIMENSIONS; d++)
    {
      gint n = value_number (self, d, w->values[d]);

      if (n < 0)
        return -1;
      packed |= (guint64) n << (VALUE_BITS * d);
    }
  packed |= (guint64) ((w->share ? 1 : 0) | (w->plan_other ? 2 : 0) | (w->plan_period ? 4 : 0)
                       | (w->plan_year ? 8 : 0)) << FLAGS_AT;
  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    {
      if (*years[y] != 0 && (*years[y] < 1900 || *years[y] > 2099))
        return -1;
      packed |= (guint64) (*years[y] != 0 ? *years[y] - 1899 : 0) << (YEARS_AT + 8 * y);
    }
  return (gint64) packed;
}

gboolean
ct_qualifier_words_unpack (CtQualifierTable *self,
                           gint64            packed,
                           CtQualifierWords *out)
{
  guint16 *years[] = { &out->label_years[0], &out->label_years[1],
                       &out->clause_years[0], &out->clause_years[1] };
  guint64 bits = (guint64) packed;
  guint flags;

  memset (out, 0, sizeof *out);
  if (packed < 0 || bits >> (YEARS_AT + 8 * G_N_ELEMENTS (years)) != 0)
    return FALSE;
  for (guint d = 0; d < CT_N_QUALIFIER_DIMENSIONS; d++)
    {
      guint n = (bits >> (VALUE_BITS * d)) & ((1u << VALUE_BITS) - 1);

      if (n > self->values[d]->len)
        return FALSE;
      out->values[d] = n > 0 ? g_ptr_array_index (self->values[d], n - 1) : NULL;
    }
  flags = (bits >> FLAGS_AT) & 0xF;
  out->share = (flags & 1) != 0;
  out->plan_other = (flags & 2) != 0;
  out->plan_period = (flags & 4) != 0;
  out->plan_year = (flags & 8) != 0;
  for (guint y = 0; y < G_N_ELEMENTS (years); y++)
    {
      guint v = (bits >> (YEARS_AT + 8 * y)) & 0xFF;

      if (v > 200)
        return FALSE;
      *years[y] = v != 0 ? v + 1899 : 0;
    }
  return TRUE;
}

gboolean
ct_qualifier_words_equal (const CtQualifierWords *a,
                          const CtQualifierWords *b)
{
  for (guint d = 0; d < CT_N_QUALIFIER_DIMENSIONS; d++)
    if (g_strcmp0 (a->values[d], b->values[d]) != 0)
      return FALSE;
  return a->label_years[0] == b->label_years[0] && a->label_years[1] == b->label_years[1]
         && a->clause_years[0] == b->clause_years[0] && a->clause_years[1] == b->clause_years[1]
         && !a->share == !b->share && !a->plan_other == !b->plan_other
         && !a->plan_period == !b->plan_period && !a->plan_year == !b->plan_year;
}

gint64
ct_qualifier_table_get_version (CtQualifierTable *self)
{
  return self->version;
}

void
ct_qualifier_table_set_try_all (CtQualifierTable *self,
                                gboolean          try_all)
{
  self->try_all = try_all;
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
