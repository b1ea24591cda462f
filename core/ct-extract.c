/* ct-extract.c: CtDocument → CtObservation[]
 *
 * A document is read passage by passage (a paragraph; lines of one
 * paragraph broken by a page are joined). Each figure of a passage gets a
 * role from the words around it, and the figures of a sentence are grouped
 * into observations: a value (or X/Y value and plan) opens one, and the
 * rates, year-on-year figures, plans and status words after it complete it
 * until the next value. Parentheses nest: "(trong đó: Đàn bò 2.830/3.400
 * con đạt 83,23% KH)" is its own observation, and the outer one resumes
 * after it.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-extract.h"
#include "ct-extract-private.h"
#include "ct-reader-outline.h"

#include <math.h>
#include <string.h>

struct _CtExtractor
{
  CtUnitTable *units;
  CtKeywords  *keywords;
};

typedef enum
{
  ROLE_SKIP,
  ROLE_ANCHOR,        /* a value: opens an observation */
  ROLE_RATE,          /* % of a plan */
  ROLE_RATE_OR_VALUE, /* "đạt P%": a rate after X/Y, else a ratio value */
  ROLE_PROGRESS,      /* "đạt tiến độ 50% kế hoạch": a rate with no value */
  ROLE_YOY,
  ROLE_PLAN,          /* "(KH 95%)", "chỉ tiêu 19,786 tỷ đồng" */
  ROLE_RATE_PLAN,     /* "dự toán UBND tỉnh giao (18,586 tỷ đồng)" */
  ROLE_TARGET_PCT,    /* "tối thiểu 90%": a target assessed later */
  ROLE_STATUS_VALUE,  /* "đạt (100%)": the value behind a status */
  ROLE_RESPECTIVE,    /* "đạt lần lượt 95%, 102% và 88% kế hoạch": one of a list */
} Role;

typedef struct
{
  Role    role;
  CtBasis basis;
  gdouble pct;        /* the rate or yoy as a percent of the base */
  gboolean as_percent; /* a bare number read as a percent */
  guint    slot;       /* ROLE_RESPECTIVE: place in the list … */
  guint    n_slots;    /* … of this many */
  gboolean slot_yoy;   /* … of year-on-year figures rather than rates */
  gboolean in_parens;  /* "600 ha (60%)" */
  gboolean ratio_verb; /* "đạt tỷ lệ 97,5%": a ratio, whatever else the sentence says */
} FigRole;

/* An observation being built from one sentence. */
typedef struct _Pending Pending;

struct _Pending
{
  CtObservation *obs;
  const CtUnit  *unit;
  guint          nflags;
  guint          depth;
  gsize          label_from;
  gsize          label_to;
  gsize          clause_end;
  gboolean       has_cmp;
  gboolean       plan_from_rate;
  gboolean       lead_pct;   /* "100% cơ quan …: đạt": the figure is the target */
  gboolean       target_pct; /* "tối thiểu 90% …" */
  gboolean       target;     /* a goal, not a result */
  gboolean       fraction;
  gboolean       task;       /* "Xây dựng 9/9 xã …": a task, assessed or set */
  gsize          fig_end;    /* end of the value's figure */
  gsize          qualifier_start; /* "hơn", "khoảng" before the value, or 0 */
  Pending       *plan_source; /* the earlier clause that stated the plan */
  GPtrArray     *places;
};

typedef struct
{
  const CtExtractor *self;
  const CtDocument  *doc;
  const gchar       *text;  /* the passage */
  gchar             *lower;
  gsize              len;
  gsize              base;  /* offset of the passage in doc->text */
  guint              first_block;
  guint              last_block;
  gboolean           target_part;
  GArray            *figs;
  FigRole           *roles;
  GPtrArray         *sentence;  /* Pending *, in text order */
  GPtrArray         *stack;     /* Pending *, innermost last (not owned) */
  gsize              sentence_start;
  gchar             *sentence_status;
  CtBasis            sentence_basis; /* of the last rate the sentence measured against a plan */
  gchar             *head_label; /* the last label that stood on its own */
  gboolean           list_base;  /* an item of a list whose head named a base … */
  CtBasis            list_basis; /* … last year's (CT_BASIS_NONE) or a plan's */
  GPtrArray         *out;
} Passage;

static void
pending_free (Pending *m)
{
  g_clear_pointer (&m->obs, ct_observation_free);
  g_clear_pointer (&m->places, g_ptr_array_unref);
  g_free (m);
}

CtExtractor *
ct_extractor_new (GError **error)
{
  g_autoptr(CtExtractor) self = g_new0 (CtExtractor, 1);

  self->units = ct_unit_table_new_default (error);
  if (self->units == NULL)
    return NULL;
  self->keywords = ct_keywords_new_default (error);
  if (self->keywords == NULL)
    return NULL;
  return g_steal_pointer (&self);
}

void
ct_extractor_free (CtExtractor *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->units, ct_unit_table_free);
  g_clear_pointer (&self->keywords, ct_keywords_free);
  g_free (self);
}

CtExtractor *
ct_extractor_get_default (void)
{
  static CtExtractor *extractor = NULL;

  if (g_once_init_enter (&extractor))
    {
      g_autoptr(GError) error = NULL;
      CtExtractor *e = ct_extractor_new (&error);

      /* The tables are compiled in: failing to read them is a broken build. */
      if (e == NULL)
        g_error ("Cannot load the extractor's tables: %s", error->message);
      g_once_init_leave (&extractor, e);
    }
  return extractor;
}

/* ---- roles ---------------------------------------------------------- */

/* Matches a phrase of @cat right before @pos, also past a qualifier and a
 * colon ("KH: trên 99%", "chỉ tiêu >41%"), and for a basis past the words
 * that detail it. */
static const CtKeyword *
kw_before (const Passage *ps,
           CtKwCategory   cat,
           gsize          from,
           gsize          pos,
           gsize         *start)
{
  const CtKeywords *kws = ps->self->keywords;
  const CtKeyword *kw;
  gsize p = pos, s;

  for (guint round = 0; round < 4; round++)
    {
      kw = ct_keywords_match_before (kws, cat, ps->lower, from, p, start);
      if (kw != NULL)
        return kw;
      while (p > from && ps->lower[p - 1] == ' ')
        p--;
      if (p > from && ps->lower[p - 1] == ':')
        {
          p--;
          continue;
        }
      if (ct_keywords_match_before (kws, CT_KW_QUALIFIER, ps->lower, from, p, &s) != NULL)
        {
          p = s;
          continue;
        }
      /* "KH cả năm 8%", "chỉ tiêu giảm còn dưới 6%": words between a plan
       * and its figure. */
      if (cat == CT_KW_BASIS &&
          ct_keywords_match_before (kws, CT_KW_BASIS_TAIL, ps->lower, from, p, &s) != NULL)
        {
          p = s;
          continue;
        }
      break;
    }
  return NULL;
}

static const CtKeyword *
kw_at (const Passage *ps,
       CtKwCategory   cat,
       gsize          pos,
       gsize          to,
       gsize         *end)
{
  return ct_keywords_match_at (ps->self->keywords, cat, ps->lower, pos, to, end);
}

/* "so với năm 2022" is a year-on-year figure only in a report of 2023; in
 * a later one it compares with the start of a plan period.  @year_pos is
 * where the phrase's year starts in the passage.  Without a year of its own
 * the document cannot tell, and the phrase is trusted. */
static gboolean
yoy_year_fits (const Passage   *ps,
               const CtKeyword *kw,
               gsize            year_pos)
{
  const gchar *doc_year = ps->doc->meta.year.value;

  if (kw == NULL)
    return FALSE;
  if (!kw->year_slot || doc_year == NULL)
    return TRUE;
  return g_ascii_strtoll (ps->lower + year_pos, NULL, 10) == g_ascii_strtoll (doc_year, NULL, 10) - 1;
}

/* The comparison with last year that ends at @pos, starting after @from. */
static gboolean
yoy_before (const Passage *ps,
            gsize          from,
            gsize          pos)
{
  gsize s = 0;
  const CtKeyword *kw = ct_keywords_match_before (ps->self->keywords, CT_KW_YOY, ps->lower,
                                                  from, pos, &s);

  if (kw != NULL && g_str_equal (kw->value, "after"))
    return FALSE;
  return yoy_year_fits (ps, kw, s + (kw != NULL ? kw->len : 0));
}

/* The comparison with last year that starts at @pos. */
static gboolean
yoy_at (const Passage *ps,
        gsize          pos,
        gsize          to)
{
  gsize e = 0;
  const CtKeyword *kw = ct_keywords_match_at (ps->self->keywords, CT_KW_YOY, ps->lower, pos, to, &e);

  return yoy_year_fits (ps, kw, kw != NULL && kw->year_slot ? e - strlen ("2022") : 0);
}

static CtBasis
basis_from_keyword (const CtKeyword *kw)
{
  return ct_basis_from_string (kw->value);
}

/* ": đạt", ": chưa đạt" right at @pos; returns the status and its end. */
static const CtKeyword *
status_at (const Passage *ps,
           gsize          pos,
           gsize          to,
           gsize         *end)
{
  gsize p = pos;
  const CtKeyword *kw;
  gsize e;

  while (p < to && ps->text[p] == ' ')
    p++;
  if (p >= to || (ps->text[p] != ':' && ps->text[p] != '('))
    return NULL;
  kw = kw_at (ps, CT_KW_STATUS, p + 1, to, &e);
  if (kw == NULL)
    return NULL;
  /* "01 HTX (đã hoàn thành, …)": a status in parentheses must end there or
   * at a comma, so "(đạt 100%)" stays a figure. */
  if (ps->text[p] == '(' && (e >= to || (ps->text[e] != ',' && ps->text[e] != ')')))
    return NULL;
  while (e < to && ps->text[e] == ' ')
    e++;
  if (e < to && ps->text[e] != '.' && ps->text[e] != ';' && ps->text[e] != ',' &&
      ps->text[e] != '(' && ps->text[e] != '\n' && ps->text[e] != '*' &&
      kw_at (ps, CT_KW_STATUS, e, to, NULL) == NULL)
    {
      /* "đạt và vượt chỉ tiêu đề ra", "đạt, nhưng …" still state the status;
       * "đạt chuẩn …" as a verb does not. */
      if (ct_status_meaning (kw->value) != CT_STATUS_EXCEEDED)
        return NULL;
    }
  if (end != NULL)
    *end = e;
  return kw;
}

static gboolean
in_parens_after_quantity (const Passage *ps,
                          guint          i)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  const CtFigure *prev;
  gsize p = fig->start, q = fig->end;

  if (i == 0)
    return FALSE;
  prev = &g_array_index (ps->figs, CtFigure, i - 1);
  if (ct_figure_is_percent (prev) || prev->unit == NULL)
    return FALSE;
  while (p > prev->end && ps->text[p - 1] == ' ')
    p--;
  if (p == prev->end || ps->text[p - 1] != '(')
    return FALSE;
  p--;
  while (p > prev->end && ps->text[p - 1] == ' ')
    p--;
  while (q < ps->len && ps->text[q] == ' ')
    q++;
  return p == prev->end && q < ps->len && ps->text[q] == ')';
}

/* "(+25 ha)", "(-0,5 tạ/ha)", "(− 3 tấn)": an absolute change written with
 * its sign in parentheses, neither a value nor a rate. */
static gboolean
is_signed_change (const Passage  *ps,
                  const CtFigure *fig)
{
  gsize p = fig->start;

  if (p >= 3 && memcmp (ps->text + p - 3, "−", 3) == 0)
    p -= 3;
  else if (p >= 1 && (ps->text[p - 1] == '+' || ps->text[p - 1] == '-'))
    p--;
  else
    return FALSE;
  while (p > 0 && ps->text[p - 1] == ' ')
    p--;
  return p > 0 && ps->text[p - 1] == '(';
}

/* The sentence around @pos: up to a sentence end or a line break. */
static void
sentence_span (const Passage *ps,
               gsize          pos,
               gsize         *from,
               gsize         *to)
{
  gsize s = pos, e = pos;

  while (s > 0 && ps->text[s - 1] != '\n' &&
         !(strchr (".!?", ps->text[s - 1]) != NULL && (s >= ps->len || ps->text[s] == ' ')))
    s--;
  while (e < ps->len && ps->text[e] != '\n' &&
         !(strchr (".!?", ps->text[e]) != NULL && (e + 1 >= ps->len || ps->text[e + 1] == ' ' ||
                                                   ps->text[e + 1] == '\n')))
    e++;
  *from = s;
  *to = e;
}

/* The comparison named as a phrase of its own in [@from, @to), nearest
 * after @pos, else the last before it. */
static gboolean
last_base (const Passage *ps,
           gsize          from,
           gsize          to,
           gsize          pos,
           CtBasis       *basis)
{
  const CtKeywords *kws = ps->self->keywords;
  gsize e;
  gboolean found = FALSE;

  for (gsize p = from; p < to; p++)
    {
      const CtKeyword *kw;

      if (p > from && ct_extract_is_word_char (ps->text, ps->len, p - 1))
        continue;
      kw = ct_keywords_match_at (kws, CT_KW_YOY, ps->lower, p, to, &e);
      if (kw != NULL && !g_str_equal (kw->value, "after") && yoy_at (ps, p, to))
        *basis = CT_BASIS_NONE;
      else if ((kw = ct_keywords_match_at (kws, CT_KW_BASIS, ps->lower, p, to, &e)) != NULL &&
               g_str_has_prefix (kw->phrase, "so "))
        *basis = basis_from_keyword (kw);
      else
        continue;
      found = TRUE;
      if (p > pos)
        return TRUE;
      p = e - 1;
    }
  return found;
}

/* One base written once for a whole sentence or list, at its head or its
 * end ("So với cùng kỳ, …"; "…, tăng 0,6% (+14 tấn) so với cùng kỳ."): the
 * comparison, named as a phrase of its own, nearest after @pos, else
 * nearest before. Returns whether one was found; *basis is
 * CT_BASIS_NONE for last year, else the plan's kind. */
static gboolean
sentence_base (const Passage *ps,
               gsize          pos,
               CtBasis       *basis)
{
  gsize from, to;
  gboolean found;

  sentence_span (ps, pos, &from, &to);
  found = last_base (ps, from, to, pos, basis);
  /* "Trong đó:" and the items after it inherit the head's base. */
  if (!found && ps->list_base)
    {
      *basis = ps->list_basis;
      return TRUE;
    }
  return found;
}


typedef enum
{
  BASE_AFTER_NONE,  /* nothing names a base right after the figure */
  BASE_AFTER_YOY,   /* "so với vụ đông xuân năm trước" */
  BASE_AFTER_OTHER, /* "so với tháng trước", "của quý I/2025": a base of its own */
} BaseAfter;

/* The base written right after a change the known phrases did not match:
 * "so với …" up to the end of its clause is last year's when it names it
 * ("so với vụ đông xuân năm trước"), else another base ("so với tháng
 * trước"); "… của quý I/2025" makes the figure another period's own. */
static BaseAfter
base_after (const Passage *ps,
            gsize          pos,
            gsize          to)
{
  gsize p = pos, e;

  while (p < to && ps->text[p] == ' ')
    p++;
  if (ct_keywords_match_at (ps->self->keywords, CT_KW_OTHER_BASE, ps->lower, p, to, &e) == NULL)
    return BASE_AFTER_NONE;
  while (e < to && strchr (",;.()\n", ps->text[e]) == NULL)
    e++;
  for (gsize q = p; q < e; q++)
    if ((q == 0 || ps->lower[q - 1] == ' ') &&
        ct_keywords_match_at (ps->self->keywords, CT_KW_YOY, ps->lower, q, e, NULL) != NULL &&
        yoy_at (ps, q, e))
      return BASE_AFTER_YOY;
  return BASE_AFTER_OTHER;
}

/* One function per kind of figure: each sets the figure's role and returns
 * TRUE when it decided, so assign_role can try the next reading. */

/* "56,28 tạ/ha", "21,5‰": values in their own right, never X/Y. */
static void
role_per_unit (Passage *ps,
               guint    i,
               gsize    from)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  const CtKeyword *basis = kw_before (ps, CT_KW_BASIS, from, fig->start, NULL);

  /* "Tỷ suất sinh thô 15,2‰ (KH 15,5‰)": after the word for a plan,
   * the plan. */
  if (basis != NULL)
    {
      r->role = ROLE_PLAN;
      r->basis = basis_from_keyword (basis);
    }
  else if (kw_before (ps, CT_KW_CHANGE, from, fig->start, NULL) == NULL)
    r->role = ROLE_ANCHOR;
}

/* "đạt (100%)": the figure behind a status word. */
static gboolean
role_status_value (Passage *ps,
                   guint    i,
                   gsize    from)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  gsize p = fig->start, s;

  if (fig->depth == 0 || !ct_figure_is_percent (fig))
    return FALSE;
  while (p > from && ps->text[p - 1] == ' ')
    p--;
  if (p > from && ps->text[p - 1] == '(' &&
      ct_keywords_match_before (ps->self->keywords, CT_KW_STATUS, ps->lower, from, p - 1, &s) != NULL &&
      s > 0 && memchr (ps->text + from, ':', s - from) != NULL)
    {
      ps->roles[i].role = ROLE_STATUS_VALUE;
      return TRUE;
    }
  return FALSE;
}

/* "bằng 1,2 lần so với cùng kỳ", "tăng gấp 2 lần so cùng kỳ": a multiple
 * of last year is a year-on-year figure. */
static gboolean
role_multiple (Passage *ps,
               guint    i,
               gsize    from,
               gsize    to)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  const CtKeyword *change;

  if (fig->unit == NULL || !g_str_equal (fig->unit->dimension, "multiple") || !isnan (fig->denom) ||
      !yoy_at (ps, fig->end, to))
    return FALSE;
  change = kw_before (ps, CT_KW_CHANGE, from, fig->start, NULL);
  r->role = ROLE_YOY;
  /* "giảm 2 lần" is half of last year. */
  r->pct = change != NULL && g_str_equal (change->value, "down") && fig->value > 0
           ? 100 / fig->value : fig->value * 100;
  return TRUE;
}

/* A percentage compared with last year. */
static gboolean
role_pct_yoy (Passage *ps,
              guint    i,
              gsize    from,
              gsize    to)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  const CtKeyword *kw, *verb;
  gsize cs;

  /* "so với cùng kỳ tăng 5,2%": the comparison named first. */
  kw = kw_before (ps, CT_KW_CHANGE, from, fig->start, &cs);
  if (kw != NULL && yoy_before (ps, from, cs))
    {
      r->role = ROLE_YOY;
      r->pct = g_str_equal (kw->value, "up") ? 100 + fig->value : 100 - fig->value;
      return TRUE;
    }
  /* "bằng 102,4% so với cùng kỳ", "giảm 5,7% so với cùng kỳ" */
  if (!yoy_at (ps, fig->end, to))
    return FALSE;
  kw = kw_before (ps, CT_KW_CHANGE, from, fig->start, NULL);
  r->role = ROLE_YOY;
  if (kw == NULL)
    {
      verb = kw_before (ps, CT_KW_RATE_VERB, from, fig->start, NULL);
      r->pct = (verb != NULL && g_str_equal (verb->value, "over")) ? 100 + fig->value : fig->value;
    }
  else if (g_str_equal (kw->value, "up"))
    r->pct = 100 + fig->value;
  else
    r->pct = 100 - fig->value;
  return TRUE;
}

/* A percentage next to the word for its plan: before it a plan or a rate
 * written basis first, after it a rate. */
static gboolean
role_pct_basis (Passage *ps,
                guint    i,
                gsize    from,
                gsize    to)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  const CtKeyword *kw, *verb, *change;
  gboolean basis_in_parens = FALSE;
  gsize s;

  /* "(KH 95%)", "(chỉ tiêu trên 98%)", "KH: 43-45%" */
  kw = kw_before (ps, CT_KW_BASIS, from, fig->start, &s);
  if (kw == NULL)
    {
      /* "vượt chỉ tiêu nghị quyết (92%)": the plan in parentheses
       * after the word that names it. */
      gsize q = fig->start;

      while (q > from && ps->text[q - 1] == ' ')
        q--;
      if (q > from && ps->text[q - 1] == '(')
        {
          kw = kw_before (ps, CT_KW_BASIS, from, q - 1, &s);
          basis_in_parens = kw != NULL;
        }
    }
  if (kw != NULL)
    {
      /* "vượt kế hoạch 5%", "đạt kế hoạch 95%": a rate written with its
       * basis first; "(KH 95%)" and "chỉ tiêu 98%" are plans. */
      const CtKeyword *lead = basis_in_parens ? NULL : kw_before (ps, CT_KW_RATE_VERB, from, s, NULL);

      r->basis = basis_from_keyword (kw);
      if (lead != NULL && g_strcmp0 (lead->value, "ratio") != 0)
        {
          r->role = ROLE_RATE;
          r->pct = g_str_equal (lead->value, "over") ? 100 + fig->value : fig->value;
          return TRUE;
        }
      r->role = ROLE_PLAN;
      return TRUE;
    }
  /* "đạt 44% so với kế hoạch năm", "đạt 57,25% dự toán", "27,0 %KH" */
  kw = kw_at (ps, CT_KW_BASIS, fig->end, to, NULL);
  if (kw == NULL)
    return FALSE;
  change = kw_before (ps, CT_KW_CHANGE, from, fig->start, NULL);
  verb = kw_before (ps, CT_KW_RATE_VERB, from, fig->start, NULL);
  r->basis = basis_from_keyword (kw);
  r->pct = fig->value;
  if ((verb != NULL && g_str_equal (verb->value, "over")) ||
      (change != NULL && g_str_equal (change->value, "up")))
    r->pct = 100 + fig->value;
  else if (change != NULL && g_str_equal (change->value, "down"))
    r->pct = 100 - fig->value; /* "giảm 2% so với kế hoạch" */
  r->role = (verb != NULL && g_str_equal (verb->value, "progress")) ? ROLE_PROGRESS : ROLE_RATE;
  return TRUE;
}

/* Whether the sentence names, before @pos, an index or aggregate whose
 * growth is reported against the same period of last year. */
static gboolean
growth_subject_before (const Passage *ps,
                       gsize          pos)
{
  gsize from, to;

  sentence_span (ps, pos, &from, &to);
  return ct_keywords_find (ps->self->keywords, CT_KW_GROWTH_SUBJECT, ps->lower, from, pos);
}

/* "tăng 5%" with no base right after it compares with the base written
 * right after it in other words, with the base the sentence names once, or
 * with nothing; "(cùng kỳ tăng 8%)" is last year's own growth, "(KH năm
 * tăng 9%)" the growth planned. @cs is where the change word starts. */
static void
role_pct_change (Passage         *ps,
                 guint            i,
                 gsize            from,
                 gsize            to,
                 const CtKeyword *change,
                 gsize            cs)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  CtBasis basis = CT_BASIS_NONE;
  gsize ys;
  const CtKeyword *last = ct_keywords_match_before (ps->self->keywords, CT_KW_YOY, ps->lower,
                                                    from, cs, &ys);
  gdouble pct = g_str_equal (change->value, "up") ? 100 + fig->value : 100 - fig->value;

  if ((last != NULL && g_str_equal (last->value, "after")) ||
      kw_before (ps, CT_KW_BASIS, from, cs, NULL) != NULL)
    return;
  switch (base_after (ps, fig->end, to))
    {
    case BASE_AFTER_YOY:
      r->role = ROLE_YOY;
      r->pct = pct;
      return;
    case BASE_AFTER_OTHER:
      return;
    case BASE_AFTER_NONE:
    default:
      break;
    }
  if (sentence_base (ps, fig->start, &basis))
    {
      r->role = basis == CT_BASIS_NONE ? ROLE_YOY : ROLE_RATE;
      r->basis = basis;
      r->pct = pct;
      return;
    }
  /* "GRDP 9 tháng ước tăng 7,1%", "Chỉ số sản xuất công nghiệp tăng 9,2%":
   * the growth of an index or an aggregate the statistics publish is
   * against the same period of last year even when no base is written. */
  if (growth_subject_before (ps, fig->start))
    {
      r->role = ROLE_YOY;
      r->pct = pct;
    }
}

/* A percentage (or a bare number) with no word for a plan or last year
 * next to it: a share, a change, a target, what a verb reached, or a
 * value. */
static void
role_pct_other (Passage *ps,
                guint    i,
                gsize    from,
                gsize    to)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  gboolean pct = ct_figure_is_percent (fig);
  const CtKeyword *verb, *change;
  gsize s;

  if (pct && (kw_before (ps, CT_KW_SHARE, from, fig->start, NULL) != NULL ||
              kw_at (ps, CT_KW_SHARE, fig->end, to, NULL) != NULL))
    return;
  change = kw_before (ps, CT_KW_CHANGE, from, fig->start, &s);
  if (change != NULL)
    {
      if (pct)
        role_pct_change (ps, i, from, to, change, s);
      return;
    }
  if (pct && kw_before (ps, CT_KW_TARGET_QUALIFIER, from, fig->start, NULL) != NULL)
    {
      r->role = ROLE_TARGET_PCT;
      return;
    }
  verb = kw_before (ps, CT_KW_RATE_VERB, from, fig->start, &s);
  /* "so với kế hoạch năm đạt 72,3%", "so với cùng kỳ bằng 104%": the
   * comparison named before its verb. */
  if (verb != NULL && pct)
    {
      const CtKeyword *basis = kw_before (ps, CT_KW_BASIS, from, s, NULL);

      if (basis != NULL)
        {
          r->role = ROLE_RATE;
          r->basis = basis_from_keyword (basis);
          r->pct = g_str_equal (verb->value, "over") ? 100 + fig->value : fig->value;
          return;
        }
      if (yoy_before (ps, from, s))
        {
          r->role = ROLE_YOY;
          r->pct = g_str_equal (verb->value, "over") ? 100 + fig->value : fig->value;
          return;
        }
    }
  if (verb != NULL && g_str_equal (verb->value, "progress") && pct)
    {
      r->role = ROLE_PROGRESS;
      r->basis = CT_BASIS_TOTAL;
      r->pct = fig->value;
      return;
    }
  if (verb != NULL && (pct || g_str_equal (verb->value, "ratio")))
    {
      r->role = ROLE_RATE_OR_VALUE;
      r->pct = g_str_equal (verb->value, "over") ? 100 + fig->value : fig->value;
      r->as_percent = !pct;
      r->ratio_verb = g_str_equal (verb->value, "ratio");
      return;
    }
  /* "600 ha (60%)", "11,5 tỷ đồng/KH 20 tỷ đồng (57,5%)": a bare
   * percentage in parentheses right after a quantity may be its rate. */
  if (pct && in_parens_after_quantity (ps, i))
    {
      r->role = ROLE_RATE_OR_VALUE;
      r->pct = fig->value;
      r->in_parens = TRUE;
      return;
    }
  if (pct)
    {
      r->role = ROLE_ANCHOR;
      return;
    }
  /* "THCS 98,05: đạt (KH trên 98%)": a bare figure that is assessed. */
  if (status_at (ps, fig->end, to, NULL) != NULL)
    {
      r->role = ROLE_ANCHOR;
      r->as_percent = TRUE;
    }
}

/* "chỉ tiêu 19,786 tỷ đồng tỉnh giao, 20 tỷ đồng HĐND huyện giao": a second
 * plan right after a first one. */
static gboolean
role_second_plan (Passage *ps,
                  guint    i,
                  gsize    from)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  gboolean plain = TRUE;
  const gchar *comma;

  if (i == 0 || ps->roles[i - 1].role != ROLE_PLAN ||
      g_array_index (ps->figs, CtFigure, i - 1).unit != fig->unit ||
      fig->unit == NULL || ct_figure_is_percent (fig))
    return FALSE;
  for (gsize p = from; p < fig->start; p++)
    if (ps->text[p] == '.' || ps->text[p] == ';' || ps->text[p] == '(' ||
        ps->text[p] == ')' || ps->text[p] == ':')
      plain = FALSE;
  comma = plain ? g_strrstr_len (ps->text + from, fig->start - from, ",") : NULL;

  /* The second plan follows the comma at once, or with the body that
   * set it ("…, 20 tỷ đồng HĐND huyện giao"); a clause of its own
   * ("…, giải quyết việc làm cho 210 lao động") or what was done
   * ("…, thực hiện được 1.200 ha") is no plan. */
  if (comma != NULL &&
      ct_extract_count_words (ps->text, comma + 1 - ps->text, fig->start) <= 2 &&
      !ct_keywords_find (ps->self->keywords, CT_KW_RESULT_WORD, ps->lower, from, fig->start))
    {
      ps->roles[i].role = ROLE_PLAN;
      ps->roles[i].basis = ps->roles[i - 1].basis;
      return TRUE;
    }
  return FALSE;
}

/* Quantities with a unit. */
static void
role_quantity (Passage *ps,
               guint    i,
               gsize    from)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  const CtKeyword *kw = kw_before (ps, CT_KW_BASIS, from, fig->start, NULL);

  if (kw != NULL)
    {
      r->role = ROLE_PLAN;
      r->basis = basis_from_keyword (kw);
      return;
    }
  /* "đạt 39,81% dự toán UBND tỉnh giao (18,586 tỷ đồng)" */
  if (fig->depth > 0 && i > 0 && ps->roles[i - 1].role == ROLE_RATE)
    {
      gsize p = fig->start;

      while (p > from && ps->text[p - 1] == ' ')
        p--;
      if (p > from && ps->text[p - 1] == '(' &&
          kw_at (ps, CT_KW_BASIS, from, p, NULL) != NULL)
        {
          r->role = ROLE_RATE_PLAN;
          return;
        }
    }
  if (role_second_plan (ps, i, from))
    return;
  if (kw_before (ps, CT_KW_CHANGE, from, fig->start, NULL) != NULL ||
      kw_before (ps, CT_KW_SECONDARY, from, fig->start, NULL) != NULL)
    return;
  r->role = ROLE_ANCHOR;
}

static void
assign_role (Passage *ps,
             guint    i)
{
  CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  gsize from = i > 0 ? g_array_index (ps->figs, CtFigure, i - 1).end : 0;
  gsize to = i + 1 < ps->figs->len ? g_array_index (ps->figs, CtFigure, i + 1).start : ps->len;

  r->role = ROLE_SKIP;
  r->basis = CT_BASIS_NONE;
  r->pct = NAN;

  if (is_signed_change (ps, fig))
    return;
  if (fig->flags & (CT_FIG_RATIO | CT_FIG_PERMILLE))
    {
      role_per_unit (ps, i, from);
      return;
    }
  /* "6 tháng đầu năm", "2 buổi": spans of time are no measurement here. */
  if (fig->unit != NULL && g_str_equal (fig->unit->dimension, "time"))
    return;
  if (fig->kind == CT_FIG_FRACTION)
    {
      /* "9/12 thôn: chưa đạt (KH 12/12 thôn)": a plan restated as a whole
       * set adds nothing to the value's own X/Y. */
      if (kw_before (ps, CT_KW_BASIS, from, fig->start, NULL) == NULL)
        r->role = ROLE_ANCHOR;
      return;
    }
  if (role_status_value (ps, i, from) || role_multiple (ps, i, from, to))
    return;
  if (ct_figure_is_percent (fig))
    {
      if (!role_pct_yoy (ps, i, from, to) && !role_pct_basis (ps, i, from, to))
        role_pct_other (ps, i, from, to);
      return;
    }
  if (fig->flags & CT_FIG_NOUNIT)
    role_pct_other (ps, i, from, to);
  else
    role_quantity (ps, i, from);
}

/* ---- grouping ------------------------------------------------------- */

static guint
block_of (const Passage *ps,
          gsize          pos)
{
  gsize off = ps->base + pos;

  for (guint b = ps->first_block; b <= ps->last_block; b++)
    {
      const CtBlock *blk = ct_document_get_block (ps->doc, b);

      if (off < blk->end + 1)
        return b;
    }
  return ps->last_block;
}

/* Where the clause of a figure starts: after the last ; . ( or newline, or
 * after the previous figure that counts. Parenthesised asides before the
 * figure are stepped over ("18.046 triệu đồng (*Còn lại …*), giải ngân"). */
static gsize
clause_start (const Passage *ps,
              guint          i)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  gsize prev_end = 0;
  gsize p;
  guint depth = 0;

  for (guint j = i; j > 0; j--)
    if (ps->roles[j - 1].role != ROLE_SKIP)
      {
        prev_end = g_array_index (ps->figs, CtFigure, j - 1).end;
        break;
      }
  if (prev_end < ps->sentence_start)
    prev_end = ps->sentence_start;
  for (p = fig->start; p > prev_end; p--)
    {
      gchar c = ps->text[p - 1];

      /* "(1) Xây dựng …": list numbering opens a clause. */
      if (c == ')' && depth == 0 && p >= 3 && g_ascii_isdigit (ps->text[p - 2]))
        {
          gsize q = p - 2;

          while (q > 0 && g_ascii_isdigit (ps->text[q - 1]))
            q--;
          if (q > 0 && ps->text[q - 1] == '(')
            return p;
        }
      if (c == ')')
        depth++;
      else if (c == '(' && depth > 0)
        depth--;
      else if (depth > 0)
        continue;
      else if (c == ';' || c == '(' || c == '\n' || c == '[' || c == ']' ||
               (c == '.' && (p >= ps->len || ps->text[p] == ' ')))
        return p;
    }
  if (p == prev_end && prev_end > ps->sentence_start)
    {
      /* After a figure: skip the rest of its clause up to the comma. */
      depth = 0;
      for (gsize q = prev_end; q < fig->start; q++)
        {
          if (ps->text[q] == '(')
            depth++;
          else if (ps->text[q] == ')' && depth > 0)
            depth--;
          else if (ps->text[q] == ',' && depth == 0)
            {
              gsize r = q + 1;

              /* …and past an aside right after the comma. */
              return r;
            }
        }
    }
  return p;
}

/* The last hard boundary before @pos: ; ( [ a newline or a sentence end,
 * stepping over parenthesised asides. */
static gsize
hard_start (const Passage *ps,
            gsize          pos)
{
  guint depth = 0;

  for (gsize p = pos; p > ps->sentence_start; p--)
    {
      gchar c = ps->text[p - 1];

      if (c == ')')
        depth++;
      else if (c == '(' && depth > 0)
        depth--;
      else if (depth == 0 && (c == ';' || c == '(' || c == '[' || c == '\n' ||
                              (c == '.' && p < ps->len && ps->text[p] == ' ')))
        return p;
    }
  return ps->sentence_start;
}

/* The words right after a figure's unit that say what was counted
 * ("01/6 hộ chăn nuôi lợn hữu cơ", "62,9/200 ha rừng trồng gỗ lớn"), up to
 * punctuation or the words of a comparison. */
static void
trailing_noun (const Passage *ps,
               gsize          pos,
               gsize         *from,
               gsize         *to)
{
  const CtKeywords *kws = ps->self->keywords;
  gsize p = pos;
  guint words = 0;

  *from = *to = pos;
  if (p >= ps->len || ps->text[p] != ' ')
    return;
  while (p < ps->len && words < 6)
    {
      gsize w = p;

      while (w < ps->len && ps->text[w] == ' ')
        w++;
      if (w >= ps->len || !ct_extract_is_word_char (ps->text, ps->len, w) ||
          g_ascii_isdigit (ps->text[w]))
        break;
      if (ct_keywords_match_at (kws, CT_KW_RATE_VERB, ps->lower, w, ps->len, NULL) != NULL ||
          ct_keywords_match_at (kws, CT_KW_BASIS, ps->lower, w, ps->len, NULL) != NULL ||
          ct_keywords_match_at (kws, CT_KW_STATUS, ps->lower, w, ps->len, NULL) != NULL ||
          ct_keywords_match_at (kws, CT_KW_CHANGE, ps->lower, w, ps->len, NULL) != NULL ||
          ct_keywords_match_at (kws, CT_KW_YOY, ps->lower, w, ps->len, NULL) != NULL ||
          ct_keywords_match_at (kws, CT_KW_LABEL_CUT, ps->lower, w, ps->len, NULL) != NULL)
        break;
      if (words == 0)
        *from = w;
      while (w < ps->len && ct_extract_is_word_char (ps->text, ps->len, w))
        w = g_utf8_next_char (ps->text + w) - ps->text;
      *to = w;
      p = w;
      words++;
    }
}

static Pending *
pending_new (Passage  *ps,
             guint     i,
             gboolean  with_value)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  Pending *m = g_new0 (Pending, 1);

  m->obs = ct_observation_new ();
  m->depth = fig->depth;
  m->label_from = clause_start (ps, i);
  m->label_to = fig->start;
  m->target = ps->target_part;
  if (with_value)
    {
      m->obs->value = fig->value;
      m->obs->value_high = fig->high;
      m->unit = fig->unit;
      m->nflags = fig->nflags;
      if (fig->unit_text != NULL)
        m->obs->unit = g_strdup (fig->unit_text);
      else if (ps->roles[i].as_percent)
        m->obs->unit = g_strdup ("%");
      /* "hơn 165.000 con", "ước đạt 60 tấn": the qualifier stays with it. */
      {
        gsize q = fig->start;
        const CtKeyword *kw;

        for (guint round = 0; round < 2 && q > 0; round++)
          {
            kw = ct_keywords_match_before (ps->self->keywords, CT_KW_QUALIFIER, ps->lower,
                                           0, q, &q);
            if (kw == NULL)
              {
                /* "ước đạt": past the verb to the qualifier before it. */
                if (ct_keywords_match_before (ps->self->keywords, CT_KW_RATE_VERB, ps->lower,
                                              0, q, &q) == NULL)
                  break;
                continue;
              }
            m->obs->qualifier = g_strdup (kw->value);
            /* "Thu hút hơn 15.000 lượt khách": the qualifier is no part of
             * the name. */
            m->qualifier_start = q;
            break;
          }
      }
    }
  /* The source line where the figure stands, even inside a paragraph the
   * reader joined from several lines. */
  m->obs->line = ct_document_line_at (ps->doc, ps->base + fig->start);
  m->obs->start = ps->base + m->label_from;
  m->obs->end = ps->base + fig->end;
  m->clause_end = fig->end;
  m->fig_end = fig->end;
  g_ptr_array_add (ps->sentence, m);
  return m;
}

static Pending *
top (Passage *ps)
{
  return ps->stack->len > 0 ? g_ptr_array_index (ps->stack, ps->stack->len - 1) : NULL;
}

static void
push (Passage *ps,
      Pending *m)
{
  Pending *t = top (ps);

  if (t != NULL && t->depth >= m->depth)
    g_ptr_array_remove_index (ps->stack, ps->stack->len - 1);
  g_ptr_array_add (ps->stack, m);
}

/* A second rate or yoy for the same value: "đạt 57,25% dự toán UBND tỉnh
 * giao, đạt 56,64% dự toán HĐND huyện giao" gives two observations. */
static Pending *
clone_for_second (Passage *ps,
                  Pending *m,
                  gboolean keep_plan)
{
  Pending *c = g_new0 (Pending, 1);

  *c = *m;
  c->places = m->places != NULL ? g_ptr_array_ref (m->places) : NULL;
  c->obs = ct_observation_new ();
  c->obs->value = m->obs->value;
  c->obs->value_high = m->obs->value_high;
  c->obs->unit = g_strdup (m->obs->unit);
  c->obs->line = m->obs->line;
  c->obs->start = m->obs->start;
  c->obs->end = m->obs->end;
  if (keep_plan)
    {
      c->obs->plan = m->obs->plan;
      c->obs->basis = m->obs->basis;
    }
  else
    c->plan_from_rate = FALSE;
  c->has_cmp = FALSE;
  g_ptr_array_add (ps->sentence, c);
  if (top (ps) == m)
    g_ptr_array_index (ps->stack, ps->stack->len - 1) = c;
  else
    g_ptr_array_add (ps->stack, c);
  return c;
}

static void
extend (Pending     *m,
        const Passage *ps,
        const CtFigure *fig)
{
  if (fig->end > m->clause_end)
    m->clause_end = fig->end;
  m->obs->end = ps->base + m->clause_end;
}

/* Whether a comparison stands in a clause of its own, after a semicolon
 * and a subject ("…; học sinh 15 tuổi vào lớp 10 đạt 43% kế hoạch"), so it
 * does not belong to the value of the clause before ("13.700/26.600 con;
 * đạt 51,5% KH" does). */
static gboolean
own_subject (const Passage  *ps,
             const Pending  *m,
             const CtFigure *fig)
{
  gsize semi = G_MAXSIZE;
  gsize s;

  for (gsize p = m->clause_end; p < fig->start; p++)
    if (ps->text[p] == ';')
      semi = p + 1;
  if (semi == G_MAXSIZE)
    return FALSE;
  if (ct_keywords_match_before (ps->self->keywords, CT_KW_RATE_VERB, ps->lower, semi,
                                fig->start, &s) == NULL)
    s = fig->start;
  for (gsize p = semi; p < s; p++)
    if (ct_extract_is_word_char (ps->text, ps->len, p))
      return TRUE;
  return FALSE;
}

/* Whether a clause opens with a task verb in the imperative ("Xây dựng",
 * "Duy trì", "Phấn đấu"), not a past result ("đã xây dựng được"). */
static gboolean
is_task (const Passage *ps,
         gsize          from,
         gsize          to)
{
  gsize e;

  while (from < to && strchr ("0123456789.()-*+ ", ps->text[from]) != NULL)
    from++;
  if (ct_keywords_match_at (ps->self->keywords, CT_KW_TASK_VERB, ps->lower, from, to, &e) == NULL)
    return FALSE;
  return !ct_keywords_find (ps->self->keywords, CT_KW_PAST, ps->lower, from, to);
}

/* A rate with a value but no plan: an earlier figure of the sentence in the
 * same unit may be the plan ("… năm 2021 là 10,643 tỷ đồng; giải ngân được
 * 1,140 tỷ đồng, đạt 10,7% KH"). Taken only when the stated rate confirms
 * it, so a guess never becomes a number. */
static void
find_earlier_plan (Passage  *ps,
                   Pending  *m,
                   gboolean  named_plan)
{
  for (guint k = 0; k < ps->sentence->len; k++)
    {
      Pending *e = g_ptr_array_index (ps->sentence, k);
      gdouble computed, earlier;

      if (e == m)
        break;
      /* A figure of its own, or a plan stated before any value. */
      if (e->obs == NULL || e->has_cmp || e->obs->unit == NULL ||
          !g_str_equal (e->obs->unit, m->obs->unit))
        continue;
      /* "(60%)" alone could be a share of a total ("trong đó vốn tỉnh 30 tỷ
       * đồng (60%)"): it is a rate only against a figure called a plan. */
      if (named_plan && !ct_keywords_find (ps->self->keywords, CT_KW_BASIS, ps->lower,
                                           e->label_from, e->label_to))
        continue;
      earlier = isnan (e->obs->value) ? e->obs->plan : e->obs->value;
      if (isnan (earlier) || earlier <= 0)
        continue;
      computed = m->obs->value / earlier * 100.0;
      if (fabs (computed - m->obs->rate) < 0.15)
        {
          m->obs->plan = earlier;
          m->plan_source = e;
          return;
        }
    }
}

/* A rate for @m stands at its depth, or in the parentheses just after it. */
static gboolean
same_depth (const Pending  *m,
            const CtFigure *fig,
            const FigRole  *r)
{
  return m->depth == fig->depth || (r->in_parens && m->depth + 1 == fig->depth);
}

/* ---- placing each kind of figure ------------------------------------ */

/* A value opens an observation. */
static void
place_anchor (Passage *ps,
              guint    i)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  Pending *m = top (ps);

  /* "Xây dựng 9/9 xã đạt chuẩn 19/19 tiêu chí": the later figures of a
   * task's clause only describe it. */
  if (m != NULL && m->task && isnan (m->obs->rate) &&
      memchr (ps->text + m->clause_end, ';', fig->start - m->clause_end) == NULL)
    return;
  m = pending_new (ps, i, TRUE);
  m->task = is_task (ps, m->label_from, m->label_to);
  if (fig->kind == CT_FIG_FRACTION)
    {
      m->fraction = TRUE;
      m->has_cmp = TRUE;
      m->obs->plan = fig->denom;
      m->obs->basis = (fig->unit != NULL && fig->unit->kind == CT_UNIT_KIND_SET)
                      ? CT_BASIS_TOTAL : CT_BASIS_PLAN;
    }
  else if (ct_figure_is_percent (fig) || r->as_percent)
    {
      /* "100% cơ quan …: đạt" opens its clause: a target assessed. */
      gsize p = fig->start;

      while (p > 0 && strchr (" *-_\t", ps->text[p - 1]) != NULL)
        p--;
      m->lead_pct = p == 0 || p == ps->sentence_start ||
                    strchr (";:(\n.", ps->text[p - 1]) != NULL;
    }
  push (ps, m);
}

/* Whether the figure after @i is a plan in the unit of @m's value, with
 * nothing but its parenthesis and the word for it between. */
static gboolean
plan_follows (const Passage *ps,
              guint          i,
              const Pending *m)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  const CtFigure *next;

  if (i + 1 >= ps->figs->len || ps->roles[i + 1].role != ROLE_PLAN || m->unit == NULL ||
      g_str_equal (m->unit->dimension, "percent"))
    return FALSE;
  next = &g_array_index (ps->figs, CtFigure, i + 1);
  if (next->unit == NULL || !g_str_equal (next->unit->dimension, m->unit->dimension))
    return FALSE;
  for (gsize p = fig->end; p < next->start; p++)
    if (strchr (";.,)", ps->text[p]) != NULL)
      return FALSE;
  return TRUE;
}

/* "đạt P%": the rate of the value before it when that value has a plan or
 * a sentence measures against one, else a ratio value of its own. */
static void
place_rate_or_value (Passage *ps,
                     guint    i)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  Pending *m = top (ps);

  /* "9/12 xã (75%)": the share of a whole set restates the pair; a
   * bare X/Y of a set has no rate. */
  if (r->in_parens && m != NULL && m->fraction && m->obs->basis == CT_BASIS_TOTAL)
    return;
  /* After X/Y, or a value whose plan was just given ("88,6 tỷ đồng/dự
   * toán 120 tỷ đồng, đạt 73,8%"), "đạt P%" is its rate. */
  if (m != NULL && (m->fraction || (!isnan (m->obs->plan) && !isnan (m->obs->value) &&
                                    !m->lead_pct && !m->target_pct &&
                                    g_strcmp0 (m->obs->unit, "%") != 0)) &&
      isnan (m->obs->rate) && same_depth (m, fig, r))
    {
      m->obs->rate = r->pct;
      m->has_cmp = TRUE;
      extend (m, ps, fig);
      return;
    }
  /* "31.200 tấn: đạt 52,1% (KH 59.900 tấn)": a plan for the value right
   * after the percentage makes it the value's rate. */
  if (m != NULL && !isnan (m->obs->value) && isnan (m->obs->rate) && isnan (m->obs->plan) &&
      !m->lead_pct && !m->target_pct && !r->as_percent && same_depth (m, fig, r) &&
      plan_follows (ps, i, m))
    {
      m->obs->rate = r->pct;
      m->obs->basis = ps->roles[i + 1].basis;
      m->has_cmp = TRUE;
      extend (m, ps, fig);
      return;
    }
  /* "Vốn được giao 320,5 tỷ đồng, đã giải ngân 210,3 tỷ đồng, đạt
   * 65,6%": a bare percentage is the rate of the value when an earlier
   * figure of the sentence, as its plan, gives exactly that rate. */
  if (m != NULL && isnan (m->obs->plan) && !isnan (m->obs->value) && isnan (m->obs->rate) &&
      m->obs->unit != NULL && g_strcmp0 (m->obs->unit, "%") != 0 && !r->as_percent &&
      !m->lead_pct && !m->target_pct && same_depth (m, fig, r))
    {
      m->obs->rate = r->pct;
      find_earlier_plan (ps, m, r->in_parens);
      if (m->plan_source != NULL)
        {
          m->obs->basis = CT_BASIS_PLAN;
          m->has_cmp = TRUE;
          extend (m, ps, fig);
          return;
        }
      m->obs->rate = NAN;
      /* "Khám bệnh 45.678 lượt, đạt 52,3% kế hoạch; điều trị nội trú
       * 3.456 lượt, đạt 48,7%": a bare rate in a sentence that measures
       * against a plan is measured against it too. */
      if (ps->sentence_basis != CT_BASIS_NONE && !r->ratio_verb && !r->in_parens)
        {
          m->obs->rate = r->pct;
          m->obs->basis = ps->sentence_basis;
          m->has_cmp = TRUE;
          extend (m, ps, fig);
          return;
        }
    }
  m = pending_new (ps, i, TRUE);
  push (ps, m);
}

static void
place_rate (Passage *ps,
            guint    i)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  Pending *m = top (ps);

  if (m == NULL || m->target_pct || m->lead_pct || own_subject (ps, m, fig))
    {
      m = pending_new (ps, i, FALSE);
      push (ps, m);
    }
  else if (!isnan (m->obs->rate))
    m = clone_for_second (ps, m, !m->plan_from_rate);
  m->obs->rate = r->pct;
  if (m->obs->basis == CT_BASIS_NONE || m->obs->basis == CT_BASIS_TOTAL ||
      r->basis == CT_BASIS_BUDGET)
    m->obs->basis = r->basis;
  if (r->basis == CT_BASIS_PLAN || r->basis == CT_BASIS_BUDGET)
    ps->sentence_basis = r->basis;
  m->has_cmp = TRUE;
  extend (m, ps, fig);
}

/* Whether the clause of figure @i names a subject of its own before its
 * comparison ("…; trong đó khu vực dịch vụ tăng 6,4%") rather than going
 * on about the value before ("1.240 ha, tăng 2,1%", "…, so cùng kỳ tăng
 * 6,7%"). */
static gboolean
clause_has_subject (const Passage *ps,
                    guint          i,
                    const Pending *m)
{
  static const CtKwCategory filler[] = {
    CT_KW_YOY, CT_KW_CHANGE, CT_KW_RATE_VERB, CT_KW_QUALIFIER, CT_KW_LABEL_DROP, CT_KW_BASIS,
    CT_KW_BASIS_TAIL,
  };
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  gsize p = clause_start (ps, i), e;

  if (p <= m->fig_end)
    return FALSE;
  while (p < fig->start)
    {
      gboolean skipped = FALSE;

      if (!ct_extract_is_word_char (ps->text, ps->len, p) || g_ascii_isdigit (ps->text[p]))
        {
          p++;
          continue;
        }
      for (guint k = 0; k < G_N_ELEMENTS (filler) && !skipped; k++)
        if (ct_keywords_match_at (ps->self->keywords, filler[k], ps->lower, p, fig->start, &e) != NULL &&
            e > p)
          {
            p = e;
            skipped = TRUE;
          }
      if (!skipped)
        return TRUE;
    }
  return FALSE;
}

/* A year-on-year figure completes the value before it; with none, or with
 * a subject of its own, it is an observation by itself: growth with no
 * level ("Chỉ số sản xuất công nghiệp ước tăng 9,2% so với cùng kỳ"). */
static void
place_yoy (Passage *ps,
           guint    i)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  Pending *m = top (ps);

  if (m == NULL || own_subject (ps, m, fig) || clause_has_subject (ps, i, m))
    {
      m = pending_new (ps, i, FALSE);
      push (ps, m);
    }
  else if (!isnan (m->obs->yoy))
    m = clone_for_second (ps, m, TRUE);
  m->obs->yoy = ps->roles[i].pct;
  m->has_cmp = TRUE;
  extend (m, ps, fig);
}

static void
place_plan (Passage *ps,
            guint    i)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  Pending *m = top (ps);

  if (m == NULL)
    {
      /* "Kế hoạch giao 1.500 ha, thực hiện được 1.200 ha, đạt 80%": a
       * plan before any value is kept for the value that a stated rate
       * will show it belongs to (find_earlier_plan). */
      if (r->role == ROLE_PLAN && fig->unit_text != NULL && !ct_figure_is_percent (fig))
        {
          m = pending_new (ps, i, FALSE);
          m->obs->plan = fig->value;
          m->obs->basis = r->basis;
          m->obs->unit = g_strdup (fig->unit_text);
          m->unit = fig->unit;
          push (ps, m);
        }
      return;
    }
  if (!isnan (m->obs->plan) && !m->lead_pct)
    {
      m = clone_for_second (ps, m, FALSE);
      m->obs->rate = NAN;
    }
  if (m->lead_pct && !isnan (m->obs->plan))
    return;
  m->obs->plan = fig->value;
  if (r->role == ROLE_RATE_PLAN)
    m->plan_from_rate = TRUE;
  else
    m->obs->basis = r->basis;
  if (m->obs->unit == NULL && fig->unit_text != NULL && isnan (m->obs->value))
    m->obs->unit = g_strdup (fig->unit_text);
  /* "THCS 98,05: đạt (KH trên 98%)": the value shares the plan's unit. */
  if (m->obs->unit != NULL && g_str_equal (m->obs->unit, "%") &&
      fig->unit_text == NULL)
    m->obs->plan = fig->value;
  /* "1,14 tỷ đồng … (KH 1.064 triệu đồng)": the plan in the value's unit. */
  if (m->unit != NULL && fig->unit != NULL && m->unit != fig->unit &&
      g_str_equal (m->unit->dimension, fig->unit->dimension))
    m->obs->plan = fig->value * fig->unit->scale / m->unit->scale;
  m->lead_pct = FALSE;
  m->has_cmp = TRUE;
  extend (m, ps, fig);
}

/* The n values before the list, in order: the slot-th takes it. */
static void
place_respective (Passage *ps,
                  guint    i)
{
  FigRole *r = &ps->roles[i];
  g_autoptr(GPtrArray) values = g_ptr_array_new ();
  Pending *m;

  for (guint k = 0; k < ps->sentence->len; k++)
    {
      Pending *e = g_ptr_array_index (ps->sentence, k);

      if (!isnan (e->obs->value) && g_strcmp0 (e->obs->unit, "%") != 0 && !e->target_pct)
        g_ptr_array_add (values, e);
    }
  if (values->len < r->n_slots)
    return;
  m = g_ptr_array_index (values, values->len - r->n_slots + r->slot);
  if (r->slot_yoy)
    m->obs->yoy = r->pct;
  else
    {
      m->obs->rate = r->pct;
      m->obs->basis = r->basis;
    }
  m->has_cmp = TRUE;
}

static void
place_figure (Passage *ps,
              guint    i)
{
  const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);
  FigRole *r = &ps->roles[i];
  Pending *m;

  while ((m = top (ps)) != NULL && m->depth > fig->depth)
    g_ptr_array_remove_index (ps->stack, ps->stack->len - 1);

  switch (r->role)
    {
    case ROLE_ANCHOR:
      place_anchor (ps, i);
      break;

    case ROLE_RATE_OR_VALUE:
      place_rate_or_value (ps, i);
      break;

    case ROLE_RATE:
      place_rate (ps, i);
      break;

    case ROLE_PROGRESS:
      m = pending_new (ps, i, FALSE);
      m->obs->rate = r->pct;
      m->obs->basis = r->basis;
      m->has_cmp = TRUE;
      push (ps, m);
      break;

    case ROLE_YOY:
      place_yoy (ps, i);
      break;

    case ROLE_PLAN:
    case ROLE_RATE_PLAN:
      place_plan (ps, i);
      break;

    case ROLE_TARGET_PCT:
      m = pending_new (ps, i, FALSE);
      m->obs->plan = fig->value;
      m->obs->basis = CT_BASIS_PLAN;
      m->obs->unit = g_strdup ("%");
      m->target_pct = TRUE;
      m->has_cmp = TRUE;
      push (ps, m);
      break;

    case ROLE_STATUS_VALUE:
      m = top (ps);
      if (m != NULL && isnan (m->obs->value))
        {
          m->obs->value = fig->value;
          extend (m, ps, fig);
        }
      break;

    case ROLE_RESPECTIVE:
      place_respective (ps, i);
      break;

    case ROLE_SKIP:
      break;

    default:
      g_assert_not_reached ();
    }
}

static void
set_status (Passage     *ps,
            const gchar *status)
{
  Pending *m = top (ps);

  g_free (ps->sentence_status);
  ps->sentence_status = g_strdup (status);
  if (m != NULL && m->obs->status == NULL)
    m->obs->status = g_strdup (status);
}

/* The words after a unit up to punctuation, a number or a list ("trường
 * đạt chuẩn quốc gia"), without filler at its end; NULL when none. */
static gchar *
counted_phrase (const Passage *ps,
                gsize          pos)
{
  const CtKeywords *kws = ps->self->keywords;
  gsize e = pos, w = pos, s;
  guint words = 0;

  while (e < ps->len && words < 10 && strchr (",.;:()[]\n", ps->text[e]) == NULL &&
         !g_ascii_isdigit (ps->text[e]) &&
         ct_keywords_match_at (kws, CT_KW_ENUMERATION, ps->lower, e, ps->len, NULL) == NULL)
    {
      if (ps->text[e] == ' ')
        {
          words++;
          while (e < ps->len && ps->text[e] == ' ')
            e++;
          continue;
        }
      e++;
      w = e;
    }
  while (w > pos && ct_keywords_match_before (kws, CT_KW_LABEL_DROP, ps->lower, pos, w, &s) != NULL &&
         s < w)
    w = s;
  while (pos < w && ps->text[pos] == ' ')
    pos++;
  while (w > pos && ps->text[w - 1] == ' ')
    w--;
  return w > pos ? g_strndup (ps->text + pos, w - pos) : NULL;
}

/* A short label that details the figure before it ("Trong đó: Khu vực I",
 * "sản lượng" of the crop just named) takes that figure's subject:
 * "Giá trị sản xuất: Khu vực I", "Lúa xuân: Sản lượng". Other labels
 * become the subject for the ones after them. */
static void
give_context (Passage       *ps,
              const Pending *m,
              CtObservation *obs)
{
  const CtKeywords *kws = ps->self->keywords;
  g_autofree gchar *lower = NULL;
  gsize len;
  gboolean detail;

  if (obs->label == NULL || m->lead_pct || m->target_pct)
    return;
  len = strlen (obs->label);
  lower = ct_extract_lower (obs->label, len);
  detail = ct_extract_count_words (obs->label, 0, strlen (obs->label)) <= 3 &&
           ct_keywords_match_at (kws, CT_KW_GENERIC_LABEL, lower, 0, len, NULL) != NULL;
  if (detail && ps->head_label != NULL)
    {
      gchar *joined = g_strdup_printf ("%s: %s", ps->head_label, obs->label);

      g_free (obs->label);
      obs->label = joined;
      return;
    }
  if (!detail)
    {
      const gchar *colon = strchr (obs->label, ':');

      g_free (ps->head_label);
      ps->head_label = colon != NULL ? g_strndup (obs->label, colon - obs->label)
                                     : g_strdup (obs->label);
    }
}

/* "Hoàn thành", "Thực hiện được": words that say a thing was done and
 * not what. */
static gboolean
only_result_words (const CtKeywords *kws,
                   const gchar      *label)
{
  gsize len = strlen (label), p = 0, e;
  g_autofree gchar *lower = ct_extract_lower (label, len);

  while (p < len && ct_keywords_match_at (kws, CT_KW_RESULT_WORD, lower, p, len, &e) != NULL)
    p = e;
  while (p < len && lower[p] == ' ')
    p++;
  return p == len;
}

/* The subject named after a rate by "về" ("… 100% chỉ tiêu kế hoạch về
 * tuyển quân"), up to the end of its clause; NULL when there is none. */
static gchar *
subject_after_rate (Passage *ps,
                    gsize    from)
{
  gsize end = from, subject = G_MAXSIZE;

  while (end < ps->len && strchr (".;,(\n", ps->text[end]) == NULL)
    end++;
  for (gsize p = from; p < end; p++)
    if (p > 0 && ps->lower[p - 1] == ' ' &&
        ct_keywords_match_at (ps->self->keywords, CT_KW_SUBJECT_AFTER, ps->lower, p, end, &subject) != NULL)
      break;
  if (subject == G_MAXSIZE || subject >= end)
    return NULL;
  return ct_extract_label (ps->self->keywords, ps->text, ps->lower, subject, end);
}

/* What the clause of a plan names, without the word for the plan:
 * "Trồng rừng kế hoạch giao" → "Trồng rừng"; "Trồng rừng: kế hoạch giao"
 * → "Trồng rừng"; "Dự toán giao" alone names nothing (NULL). */
static gchar *
plan_subject (Passage       *ps,
              const Pending *source)
{
  const CtKeywords *kws = ps->self->keywords;
  gsize from = source->label_from, to = source->label_to;
  gchar *subject;

  /* Up to the first word for a plan ("Trồng rừng: kế hoạch năm 2024:"). */
  for (gsize p = from; p < to; p++)
    if ((p == from || ps->lower[p - 1] == ' ') &&
        ct_keywords_match_at (kws, CT_KW_BASIS, ps->lower, p, to, NULL) != NULL)
      {
        to = p;
        break;
      }
  subject = ct_extract_label (kws, ps->text, ps->lower, from, to);
  /* "Tổng kế hoạch vốn đầu tư …": one word before the plan names too
   * little; the whole clause says it. */
  if (subject != NULL && strchr (subject, ' ') == NULL && to < source->label_to)
    {
      g_free (subject);
      subject = ct_extract_label (kws, ps->text, ps->lower, from, source->label_to);
    }
  return subject;
}

/* "100% cơ quan, đơn vị …: đạt": the label of a leading percentage
 * follows the figure; its first words name the subject. */
static void
lead_label_span (const Passage *ps,
                 const Pending *m,
                 gsize         *from,
                 gsize         *to)
{
  gsize f = m->label_to, t;
  guint words = 0;

  while (f < ps->len && ps->text[f] != ' ')
    f++;
  t = f;
  while (t < ps->len && ps->text[t] != ':' && ps->text[t] != ';' &&
         ps->text[t] != '.' && ps->text[t] != '(' && ps->text[t] != '\n')
    t++;
  for (gsize p = f; p < t; p++)
    if (ps->text[p] == ' ' && p > f && ps->text[p - 1] != ' ' && ++words == 10)
      {
        t = p;
        break;
      }
  *from = f;
  *to = t;
}

/* A label of one word names too little: what a rate is of may follow it
 * ("Hoàn thành 100% chỉ tiêu kế hoạch về tuyển quân"), or the whole clause
 * up to the figure names it ("Đã phê duyệt 24 dự án của 09/12 xã"). */
static void
widen_weak_label (Passage       *ps,
                  const Pending *m,
                  CtObservation *obs,
                  gsize          from,
                  gsize          to,
                  gboolean      *weak)
{
  const CtKeywords *kws = ps->self->keywords;

  if (*weak && isnan (obs->value) && !isnan (obs->rate))
    {
      g_autofree gchar *after = subject_after_rate (ps, m->label_to);

      if (after != NULL)
        {
          g_free (obs->label);
          obs->label = g_steal_pointer (&after);
          *weak = FALSE;
        }
    }
  if (!m->lead_pct && !m->target_pct && *weak)
    {
      gsize hard = hard_start (ps, to);

      if (hard < from)
        {
          gchar *wider = ct_extract_label (kws, ps->text, ps->lower, hard, to);

          if (wider != NULL)
            {
              g_free (obs->label);
              obs->label = wider;
            }
        }
    }
}

/* What is counted follows the unit ("Toàn huyện có 33/45 trường đạt
 * chuẩn quốc gia", "01/6 hộ chăn nuôi lợn hữu cơ"). */
static void
add_counted_words (Passage       *ps,
                   const Pending *m,
                   CtObservation *obs)
{
  if (obs->unit != NULL && !m->lead_pct && !m->target_pct &&
      (obs->label == NULL ||
       (m->fraction && m->unit != NULL && m->unit->kind == CT_UNIT_KIND_SET)))
    {
      g_autofree gchar *counted = counted_phrase (ps, m->fig_end);

      if (counted != NULL || obs->label == NULL)
        {
          gchar *joined;

          /* "20% TTHC được tiếp nhận": a share names what it counts. */
          if (obs->label == NULL && counted != NULL && g_str_equal (obs->unit, "%"))
            joined = g_strdup (counted);
          else if (obs->label == NULL)
            joined = g_strdup_printf ("%s%s%s", obs->unit, counted != NULL ? " " : "",
                                      counted != NULL ? counted : "");
          else
            joined = g_strdup_printf ("%s: %s %s", obs->label, obs->unit, counted);
          g_free (obs->label);
          obs->label = joined;
        }
    }
  else if (!m->lead_pct && !m->target_pct && !isnan (obs->value))
    {
      gsize nf, nt;

      trailing_noun (ps, m->fig_end, &nf, &nt);
      if (nt > nf)
        {
          g_autofree gchar *noun = g_strndup (ps->text + nf, nt - nf);
          gchar *joined = obs->label != NULL ? g_strdup_printf ("%s %s", obs->label, noun)
                                             : g_strdup (noun);

          g_free (obs->label);
          obs->label = joined;
        }
    }
}

/* "Tổng số vốn … năm 2021 là 10,643 tỷ đồng; giải ngân được 1,140 tỷ
 * đồng, đạt 10,7% KH": the clause of the plan names the thing. */
static void
add_plan_subject (Passage       *ps,
                  const Pending *m,
                  CtObservation *obs,
                  gboolean       weak)
{
  g_autofree gchar *context = plan_subject (ps, m->plan_source);

  if (context != NULL && weak)
    {
      /* "Trồng rừng: kế hoạch giao 1.500 ha, thực hiện 1.200 ha": the
       * value's own words ("thực hiện") name nothing. */
      g_free (obs->label);
      obs->label = g_steal_pointer (&context);
    }
  else if (context != NULL)
    {
      gchar *joined = g_strdup_printf ("%s (%s)", obs->label != NULL ? obs->label : "", context);

      g_free (obs->label);
      obs->label = joined;
    }
}

/* "Mức độ hài lòng … đạt tối thiểu 90%" names it before the figure;
 * "Tối thiểu 90% hồ sơ …" after it. */
static void
target_label_before (Passage       *ps,
                     const Pending *m,
                     CtObservation *obs)
{
  const CtKeywords *kws = ps->self->keywords;
  g_autofree gchar *before = NULL;
  gsize q = m->label_to, p;

  if (ct_keywords_match_before (kws, CT_KW_TARGET_QUALIFIER, ps->lower, m->label_from,
                                m->label_to, &q) == NULL)
    q = m->label_to;
  p = q;
  while (p > m->label_from && strchr (" *-_\t", ps->text[p - 1]) != NULL)
    p--;
  if (p > m->label_from && ps->text[p - 1] != ':')
    before = ct_extract_label (kws, ps->text, ps->lower, m->label_from, q);
  if (before != NULL && strlen (before) > 12)
    {
      g_free (obs->label);
      obs->label = g_steal_pointer (&before);
    }
}

/* "Chỉ số giá tháng 8 tăng 0,4% so với tháng trước và tăng 2,9% so với
 * cùng kỳ": a growth with no level is named by the words before the first
 * change with a figure of its clause. */
static gsize
before_first_change (const Passage *ps,
                     gsize          from,
                     gsize          to)
{
  for (gsize p = from; p < to; p++)
    {
      gsize e;

      if (p > from && ps->lower[p - 1] != ' ')
        continue;
      if (ct_keywords_match_at (ps->self->keywords, CT_KW_CHANGE, ps->lower, p, to, &e) == NULL)
        continue;
      while (e < to && ps->text[e] == ' ')
        e++;
      if (e < to && g_ascii_isdigit (ps->text[e]) && ct_extract_count_words (ps->text, from, p) > 0)
        return p;
    }
  return to;
}

/* Names what @m measured. */
static void
label_observation (Passage *ps,
                   Pending *m)
{
  CtObservation *obs = m->obs;
  const CtKeywords *kws = ps->self->keywords;
  gsize from = m->label_from, to = m->label_to;
  gboolean weak;

  if (m->lead_pct || m->target_pct)
    lead_label_span (ps, m, &from, &to);
  if (!m->lead_pct && !m->target_pct && m->qualifier_start > from && m->qualifier_start < to)
    to = m->qualifier_start;
  if (isnan (obs->value))
    to = before_first_change (ps, from, to);
  obs->label = ct_extract_label (kws, ps->text, ps->lower, from, to);
  /* One word names too little, unless it is an abbreviation ("THCS"). */
  weak = obs->label == NULL || (strchr (obs->label, ' ') == NULL && !ct_outline_is_caps (obs->label, -1)) ||
         only_result_words (kws, obs->label);
  widen_weak_label (ps, m, obs, from, to, &weak);
  add_counted_words (ps, m, obs);
  give_context (ps, m, obs);
  if (m->plan_source != NULL)
    add_plan_subject (ps, m, obs, weak);
  if (m->target_pct && m->label_from < m->label_to)
    target_label_before (ps, m, obs);
  obs->label = ct_extract_label_polish (kws, obs->label);
}

static void
emit (Passage *ps,
      Pending *m)
{
  CtObservation *obs = m->obs;
  const CtKeywords *kws = ps->self->keywords;
  const CtBlock *blk;

  label_observation (ps, m);
  blk = ct_document_get_block (ps->doc, block_of (ps, m->label_to));
  obs->section = ct_document_section_path (ps->doc, blk->section);
  obs->kind = m->target ? CT_KIND_TARGET : CT_KIND_ACHIEVEMENT;

  if (obs->kind == CT_KIND_TARGET)
    {
      if (isnan (obs->value))
        obs->value = obs->plan;
      obs->plan = NAN;
      obs->rate = NAN;
      obs->yoy = NAN;
      obs->basis = CT_BASIS_NONE;
      if (isnan (obs->value))
        return;
    }
  else
    ct_extract_audit (kws, obs, m->unit, m->nflags);

  if (m->places != NULL)
    {
      for (guint k = 0; k < m->places->len; k++)
        {
          CtObservation *copy = ct_observation_copy (obs);
          const gchar *place = g_ptr_array_index (m->places, k);

          /* The list itself was the label: "Xã Hương Xuân: tiêu chí". */
          g_free (copy->label);
          copy->label = g_strdup_printf ("%s: %s", place, obs->unit != NULL ? obs->unit : "");
          g_ptr_array_add (ps->out, copy);
        }
      return;
    }
  g_ptr_array_add (ps->out, g_steal_pointer (&m->obs));
}

static gsize
skip_comma (const Passage *ps,
            gsize          p)
{
  while (p < ps->len && (ps->text[p] == ' ' || ps->text[p] == ','))
    p++;
  return p;
}

/* A task with a status after it ("(2) Xây dựng 9/9 xã đạt chuẩn …: Chưa
 * đạt") is a target assessed in the report: its figure is the plan. When a
 * later figure of the sentence has that plan as its whole ("hiện nay đạt
 * 4/9 tiêu chí"), that figure is the result and takes the status. A task
 * without a status is a target. Returns whether to emit the task. */
static gboolean
assess_task (Passage *ps,
             guint    k)
{
  Pending *m = g_ptr_array_index (ps->sentence, k);
  CtObservation *obs = m->obs;
  gdouble plan = m->fraction ? obs->plan : obs->value;

  if (obs->status == NULL)
    {
      m->target = TRUE;
      return TRUE;
    }
  for (guint j = k + 1; j < ps->sentence->len; j++)
    {
      Pending *later = g_ptr_array_index (ps->sentence, j);

      if (later->obs != NULL && later->fraction && later->obs->plan == plan &&
          g_strcmp0 (later->obs->unit, obs->unit) == 0)
        {
          if (later->obs->status == NULL)
            later->obs->status = g_strdup (obs->status);
          return FALSE;
        }
    }
  obs->plan = plan;
  obs->value = NAN;
  obs->value_high = NAN;
  obs->basis = CT_BASIS_PLAN;
  m->fraction = FALSE;
  m->has_cmp = TRUE;
  return TRUE;
}

static void
flush_sentence (Passage *ps)
{
  const CtKeywords *kws = ps->self->keywords;

  for (guint k = 0; k < ps->sentence->len; k++)
    {
      Pending *m = g_ptr_array_index (ps->sentence, k);
      CtObservation *obs = m->obs;

      if ((m->lead_pct || m->target_pct) && obs->status == NULL && ps->sentence_status != NULL)
        obs->status = g_strdup (ps->sentence_status);
      if (m->lead_pct)
        {
          /* A lone percentage assessed by a status word is the target. */
          if (obs->status == NULL || !isnan (obs->plan))
            {
              if (isnan (obs->plan))
                continue;
            }
          else
            {
              obs->plan = obs->value;
              obs->value = NAN;
              obs->basis = CT_BASIS_PLAN;
              m->has_cmp = TRUE;
            }
        }
      if (m->target_pct && obs->status == NULL)
        continue;
      if (m->task && isnan (obs->rate) && isnan (obs->yoy))
        {
          if (!assess_task (ps, k))
            continue;
        }
      /* "Có 04 thôn đạt 5/6 tiêu chí, gồm: …": the list that follows
       * gives the figures one by one. */
      if (m->fraction && ct_keywords_match_at (kws, CT_KW_ENUMERATION, ps->lower,
                                               skip_comma (ps, m->clause_end), ps->len, NULL) != NULL)
        continue;
      /* A goal stated in a result part ("phấn đấu đạt …") is a target;
       * "đã đạt" in a target part is a result. */
      if (ct_keywords_find (kws, CT_KW_TARGET, ps->lower, m->label_from, m->label_to))
        m->target = TRUE;
      if (!m->has_cmp && !m->target)
        continue;
      if (!isnan (obs->rate) && isnan (obs->plan) && !isnan (obs->value) && obs->unit != NULL)
        find_earlier_plan (ps, m, FALSE);

      if (m->target && ct_keywords_find (kws, CT_KW_ACHIEVED, ps->lower,
                                         MAX (m->label_to, ps->sentence_start + 48) - 48,
                                         m->label_to))
        m->target = FALSE;
      if (m->target ? m->obs->unit == NULL : !m->has_cmp)
        continue;
      /* A plan alone, with nothing done, said or assessed against it. */
      if (!m->target && isnan (obs->value) && isnan (obs->rate) && isnan (obs->yoy) &&
          obs->status == NULL && ps->sentence_status == NULL)
        continue;
      if (m->has_cmp && m->fraction && m->places == NULL)
        {
          gsize pf = m->label_from, pt = m->label_to;
          gsize after = m->clause_end;

          /* "7/13 xã (Minh Long, …)" names the communes counted; only a
           * figure about each of them ("17/19 tiêu chí") is split. */
          if (m->unit != NULL && g_str_equal (m->unit->dimension, "commune"))
            pf = pt;
          m->places = ct_extract_places (kws, ps->text, ps->lower, pf, pt, 2);
          /* "03 xã đạt 17/19 tiêu chí (Hương Lộc, Hương Phú, Thượng Nhật)" */
          while (after < ps->len && ps->text[after] == ' ')
            after++;
          if (m->places == NULL && after < ps->len && ps->text[after] == '(')
            {
              const gchar *close = memchr (ps->text + after, ')', ps->len - after);

              if (close != NULL && pf < pt)
                m->places = ct_extract_places (kws, ps->text, ps->lower, after + 1,
                                               close - ps->text, 1);
            }
        }
      emit (ps, m);
    }
  g_ptr_array_set_size (ps->stack, 0);
  g_ptr_array_set_size (ps->sentence, 0);
  g_clear_pointer (&ps->sentence_status, g_free);
  ps->sentence_basis = CT_BASIS_NONE;
}

/* ", đạt kế hoạch.", ", chưa đạt;", ", vượt chỉ tiêu": a clause of its own
 * after the figure that is only a status word and what it is measured
 * against.  A figure or any other word after it ("đạt chuẩn nông thôn
 * mới", "đạt 60%") makes it no status. */
static const CtKeyword *
status_clause_at (const Passage *ps,
                  gsize          comma,
                  gsize          to)
{
  const CtKeyword *kw;
  gsize e;

  kw = kw_at (ps, CT_KW_STATUS, comma + 1, to, &e);
  if (kw == NULL)
    return NULL;
  kw_at (ps, CT_KW_BASIS, e, to, &e);
  while (e < to && ps->text[e] == ' ')
    e++;
  if (e < ps->len && (e >= to || strchr (".;,()\n", ps->text[e]) == NULL))
    return NULL;
  return kw;
}

/* Handles what stands between two figures: sentence ends and status words. */
static void
scan_gap (Passage *ps,
          gsize    from,
          gsize    to)
{
  /* Only these characters matter between figures: one lookup a byte
   * rather than six comparisons. */
  static const guint8 matters[256] = {
    [':'] = 1, ['('] = 1, ['.'] = 1, ['!'] = 1, ['?'] = 1, [','] = 1,
  };

  for (gsize p = from; p < to; p++)
    {
      gchar c = ps->text[p];

      if (!matters[(guchar) c])
        continue;
      if (c == ',')
        {
          const CtKeyword *kw = status_clause_at (ps, p, to);

          if (kw != NULL)
            set_status (ps, kw->value);
        }
      else if (c == ':' || c == '(')
        {
          const CtKeyword *kw = status_at (ps, p, to, NULL);

          if (kw != NULL)
            set_status (ps, kw->value);
        }
      else if ((c == '.' || c == '!' || c == '?') &&
               (p + 1 >= ps->len || ps->text[p + 1] == ' ' || ps->text[p + 1] == '\n' ||
                ps->text[p + 1] == '*'))
        {
          flush_sentence (ps);
          ps->sentence_start = p + 1;
        }
    }
}

/* "Đàn trâu 3.210 con, đàn bò 8.450 con, đàn lợn 42.300 con, đạt lần lượt
 * 95%, 102% và 88% kế hoạch": percentages after "lần lượt", joined by
 * commas and "và", go one by one to the values before them. */
static void
mark_respective_lists (Passage *ps)
{
  const CtKeywords *kws = ps->self->keywords;

  for (guint i = 0; i < ps->figs->len; i++)
    {
      const CtFigure *first = &g_array_index (ps->figs, CtFigure, i);
      gsize from = i > 0 ? g_array_index (ps->figs, CtFigure, i - 1).end : 0;
      guint n = 1;
      gsize e;
      const CtKeyword *basis;
      gboolean yoy;

      if (!ct_figure_is_percent (first) || !ct_keywords_find (kws, CT_KW_RESPECTIVELY, ps->lower, from, first->start))
        continue;
      /* The list: each next percentage after only ", " or " và ". */
      while (i + n < ps->figs->len)
        {
          const CtFigure *prev = &g_array_index (ps->figs, CtFigure, i + n - 1);
          const CtFigure *next = &g_array_index (ps->figs, CtFigure, i + n);
          gsize p = prev->end;

          if (!ct_figure_is_percent (next))
            break;
          while (p < next->start && strchr (" ,", ps->text[p]) != NULL)
            p++;
          if (p + strlen ("và") <= next->start && memcmp (ps->lower + p, "và", strlen ("và")) == 0)
            p += strlen ("và");
          while (p < next->start && ps->text[p] == ' ')
            p++;
          if (p != next->start)
            break;
          n++;
        }
      if (n < 2)
        continue;
      {
        const CtFigure *last = &g_array_index (ps->figs, CtFigure, i + n - 1);
        gsize to = i + n < ps->figs->len ? g_array_index (ps->figs, CtFigure, i + n).start : ps->len;

        basis = kw_at (ps, CT_KW_BASIS, last->end, to, &e);
        yoy = basis == NULL && yoy_at (ps, last->end, to);
      }
      if (basis == NULL && !yoy)
        continue;
      for (guint k = 0; k < n; k++)
        {
          FigRole *r = &ps->roles[i + k];

          r->role = ROLE_RESPECTIVE;
          r->pct = g_array_index (ps->figs, CtFigure, i + k).value;
          r->basis = basis != NULL ? basis_from_keyword (basis) : CT_BASIS_NONE;
          r->slot = k;
          r->n_slots = n;
          r->slot_yoy = yoy;
        }
      i += n - 1;
    }
}

static void
run_passage (Passage *ps)
{
  gsize prev_end = 0;
  gsize d = 0;

  /* A passage without a digit holds no figure. */
  while (d < ps->len && !g_ascii_isdigit (ps->text[d]))
    d++;
  if (d == ps->len)
    return;

  ps->lower = ct_extract_lower (ps->text, ps->len);
  ps->figs = ct_extract_scan (ps->self->units, ps->self->keywords, ps->text, ps->lower, ps->len);
  ps->roles = g_new0 (FigRole, ps->figs->len + 1);
  ps->sentence = g_ptr_array_new_with_free_func ((GDestroyNotify) pending_free);
  ps->stack = g_ptr_array_new ();
  ps->sentence_start = 0;

  for (guint i = 0; i < ps->figs->len; i++)
    assign_role (ps, i);
  mark_respective_lists (ps);

  /* "1.1. Chỉ tiêu: Xây dựng …": a paragraph of goals. */
  d = 0;
  while (d < ps->len && strchr ("0123456789.)(-*+ \t", ps->text[d]) != NULL)
    d++;
  if (ct_keywords_match_at (ps->self->keywords, CT_KW_TARGET_LEAD, ps->lower, d, ps->len, NULL) != NULL)
    ps->target_part = TRUE;

  for (guint i = 0; i < ps->figs->len; i++)
    {
      const CtFigure *fig = &g_array_index (ps->figs, CtFigure, i);

      scan_gap (ps, prev_end, fig->start);
      place_figure (ps, i);
      prev_end = fig->end;
    }
  scan_gap (ps, prev_end, ps->len);
  flush_sentence (ps);

  g_clear_pointer (&ps->figs, g_array_unref);
  g_clear_pointer (&ps->roles, g_free);
  g_clear_pointer (&ps->sentence, g_ptr_array_unref);
  g_clear_pointer (&ps->stack, g_ptr_array_unref);
  g_clear_pointer (&ps->lower, g_free);
  g_clear_pointer (&ps->sentence_status, g_free);
  g_clear_pointer (&ps->head_label, g_free);
}

/* ---- passages and parts --------------------------------------------- */

static gboolean
ends_sentence (const gchar *text,
               gsize        start,
               gsize        end)
{
  while (end > start && (text[end - 1] == ' ' || text[end - 1] == '*' || text[end - 1] == '_'))
    end--;
  if (end == start)
    return TRUE;
  return strchr (".:;!?)…", text[end - 1]) != NULL ||
         (end - start >= 3 && memcmp (text + end - 3, "…", 3) == 0);
}

/* Footnote bodies the reader left as paragraphs start with their marker. */
static gboolean
starts_with_marker (const gchar *text,
                    gsize        start,
                    gsize        end)
{
  gunichar c;

  if (start >= end)
    return FALSE;
  if (text[start] == '[' && end - start > 1 && g_ascii_isdigit (text[start + 1]))
    return TRUE;
  c = g_utf8_get_char (text + start);
  return c == 0xB9 || c == 0xB2 || c == 0xB3 || (c >= 0x2070 && c <= 0x2079);
}

static gboolean
starts_item (const gchar *text,
             gsize        start,
             gsize        end)
{
  gunichar c;

  if (start >= end)
    return TRUE;
  if (strchr ("-*+#|>([", text[start]) != NULL || g_ascii_isdigit (text[start]))
    return TRUE;
  c = g_utf8_get_char (text + start);
  /* Dashes, bullets and footnote markers. */
  return c == 0x2013 || c == 0x2022 || starts_with_marker (text, start, end);
}

/* Whether block @b+1 continues the sentence of block @b: a page break cut a
 * paragraph ("… 70% doanh nghiệp cung cấp" / "dịch vụ tiếp cận …"). */
static gboolean
continues (const CtDocument *doc,
           guint             b)
{
  const CtBlock *cur = ct_document_get_block (doc, b);
  const CtBlock *next = ct_document_get_block (doc, b + 1);

  if (cur->kind != CT_BLOCK_PARAGRAPH || next->kind != CT_BLOCK_PARAGRAPH)
    return FALSE;
  if (cur->end - cur->start < 120 || ends_sentence (doc->text, cur->start, cur->end))
    return FALSE;
  return !starts_item (doc->text, next->start, next->end);
}

/* Whether a block is a heading by its look, for readers that give no
 * outline: short, no sentence end, numbered or in capitals or bold. */
static gboolean
looks_like_heading (const CtDocument *doc,
                    const CtBlock    *blk)
{
  const gchar *t = doc->text + blk->start;
  gsize len = blk->end - blk->start;

  if (blk->kind == CT_BLOCK_HEADING)
    return TRUE;
  if (blk->kind != CT_BLOCK_PARAGRAPH || len == 0 || len > 200)
    return FALSE;
  if (t[len - 1] == '.' || t[len - 1] == ';' || t[len - 1] == ',')
    return FALSE;
  /* A heading opens with a capital or its numbering, not with the rest
   * of a title broken over lines ("và một số nhiệm vụ …"). */
  while (len > 0 && (*t == '*' || *t == '#' || *t == ' ' || *t == '_'))
    t++, len--;
  return len > 0 && g_unichar_isupper (g_utf8_get_char (t));
}

/* "3. Số xã đạt chuẩn nông thôn mới 11/15 xã: đạt.": a short numbered
 * item the reader took for a heading that states a figure of its own, as
 * status lists do. Titles ("1. Kết quả 6 tháng đầu năm 2025") hold no
 * figure past their numbering other than periods and years, which the
 * scan leaves out anyway. */
static gboolean
is_measured_item (const CtDocument *doc,
                  const CtBlock    *blk)
{
  const gchar *t = doc->text + blk->start;
  gsize len = blk->end - blk->start, p = 0;

  while (p < len && strchr ("#*_ \t", t[p]) != NULL)
    p++;
  if (p >= len || !g_ascii_isdigit (t[p]))
    return FALSE;
  while (p < len && (g_ascii_isdigit (t[p]) || t[p] == '.' || t[p] == ')'))
    p++;
  if (p >= len || t[p] != ' ')
    return FALSE;
  /* A sentence end or a status after a colon: an item, not a title. */
  return memchr (t + p, ':', len - p) != NULL || t[len - 1] == '.' || t[len - 1] == ';';
}

/* Whether a heading-like block opens an annex ("PHỤ LỤC", "Biểu số 01"). */
static gboolean
opens_annex (const CtExtractor *self,
             const CtDocument  *doc,
             const CtBlock     *blk)
{
  gsize len = blk->end - blk->start, p = 0;
  g_autofree gchar *lower = ct_extract_lower (doc->text + blk->start, len);

  while (p < len && strchr ("#*_ \t", lower[p]) != NULL)
    p++;
  return ct_keywords_match_at (self->keywords, CT_KW_ANNEX_HEADING, lower, p, len, NULL) != NULL;
}

/* Whether a heading's words open the coming period (TRUE), go back to
 * results (FALSE) or say neither (@current). */
static gboolean
heading_part (const CtExtractor *self,
              const CtDocument  *doc,
              const CtBlock     *blk,
              gboolean           current)
{
  gsize len = blk->end - blk->start;
  g_autofree gchar *lower = ct_extract_lower (doc->text + blk->start, len);

  if (ct_keywords_find (self->keywords, CT_KW_RESULTS_HEADING, lower, 0, len))
    return FALSE;
  if (ct_keywords_find (self->keywords, CT_KW_TARGET_HEADING, lower, 0, len))
    return TRUE;
  return current;
}

/* The part of each block: the reader's when it found target sections,
 * otherwise from headings that open the coming period ("Phương hướng,
 * nhiệm vụ 6 tháng cuối năm") and do not also report results.  An annex
 * after the tasks ("PHỤ LỤC", "Biểu số 01: Kết quả thực hiện …") holds
 * results unless its own title names the coming period. */
static gboolean *
find_target_blocks (const CtExtractor *self,
                    const CtDocument  *doc)
{
  guint n = ct_document_get_n_blocks (doc);
  gboolean *targets = g_new0 (gboolean, n + 1);
  gboolean reader_parts = FALSE;
  gboolean in_targets = FALSE;
  gboolean in_annex = FALSE;

  for (guint b = 0; b < n; b++)
    if (ct_document_get_block (doc, b)->part == CT_PART_TARGETS)
      reader_parts = TRUE;

  for (guint b = 0; b < n; b++)
    {
      const CtBlock *blk = ct_document_get_block (doc, b);
      gboolean heading = looks_like_heading (doc, blk);

      if (heading && opens_annex (self, doc, blk))
        {
          in_annex = TRUE;
          in_targets = FALSE;
        }
      if (in_annex)
        {
          if (heading)
            in_targets = heading_part (self, doc, blk, in_targets);
          targets[b] = in_targets && blk->kind != CT_BLOCK_FOOTNOTE;
          continue;
        }
      if (reader_parts)
        {
          targets[b] = blk->part == CT_PART_TARGETS && blk->kind != CT_BLOCK_FOOTNOTE;
          continue;
        }
      if (heading && heading_part (self, doc, blk, FALSE))
        in_targets = TRUE;
      targets[b] = in_targets && blk->kind != CT_BLOCK_FOOTNOTE &&
                   !starts_with_marker (doc->text, blk->start, blk->end);
    }
  return targets;
}

/* Whether the passage heads a list (it ends with a colon: "… tăng 6,2% so
 * với cùng kỳ. Trong đó:") and names a base its items take; the last one
 * it names. */
static gboolean
list_head_base (Passage *ps,
                CtBasis *basis)
{
  gsize end = ps->len;
  g_autofree gchar *lower = NULL;
  gboolean found;

  while (end > 0 && strchr (" *_\n", ps->text[end - 1]) != NULL)
    end--;
  if (end == 0 || ps->text[end - 1] != ':')
    return FALSE;
  lower = ct_extract_lower (ps->text, ps->len);
  ps->lower = lower;
  found = last_base (ps, 0, end, end, basis);
  ps->lower = NULL;
  return found;
}

/* Figures of a scan were read by OCR: all say so, and those on a line
 * with a figure the OCR was unsure of ask to be checked. */
static void
mark_ocr (const CtDocument *doc,
          GPtrArray        *out)
{
  if (doc->format != CT_FILE_FORMAT_SCAN)
    return;
  for (guint i = 0; i < out->len; i++)
    {
      CtObservation *obs = g_ptr_array_index (out, i);

      obs->flags |= CT_FLAG_OCR;
      if (ct_document_span_doubtful (doc, obs->start, obs->end))
        obs->flags |= CT_FLAG_OCR_DOUBTFUL;
    }
}

GPtrArray *
ct_extractor_run (CtExtractor      *self,
                  const CtDocument *doc)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_observation_free);
  guint n;
  g_autofree gboolean *targets = NULL;
  g_autoptr(GPtrArray) columns = NULL;
  gboolean list_base = FALSE;
  CtBasis list_basis = CT_BASIS_NONE;

  g_return_val_if_fail (self != NULL, out);
  g_return_val_if_fail (doc != NULL, out);

  n = ct_document_get_n_blocks (doc);
  targets = find_target_blocks (self, doc);
  columns = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_table_columns_free);
  for (guint t = 0; t < doc->tables->len; t++)
    g_ptr_array_add (columns, ct_extract_table_columns (self->keywords, doc, t));

  for (guint b = 0; b < n; b++)
    {
      const CtBlock *blk = ct_document_get_block (doc, b);
      Passage ps = { 0 };
      guint last = b;

      if (blk->kind == CT_BLOCK_HEADING && !is_measured_item (doc, blk))
        {
          list_base = FALSE;
          continue;
        }
      /* Rows of a table whose header names its columns are read by
       * column; other tables are read as text. */
      if (blk->kind == CT_BLOCK_TABLE_ROW && blk->table >= 0 &&
          (guint) blk->table < columns->len && g_ptr_array_index (columns, blk->table) != NULL)
        {
          const CtTableColumns *cols = g_ptr_array_index (columns, blk->table);
          CtObservation *row;

          if (ct_table_columns_is_head (cols, blk->row))
            continue;
          row = ct_extract_table_row (self->keywords, self->units, doc, cols, b, targets[b]);
          if (row != NULL)
            g_ptr_array_add (out, row);
          continue;
        }
      while (last + 1 < n && continues (doc, last))
        last++;

      ps.self = self;
      ps.doc = doc;
      ps.base = blk->start;
      ps.text = doc->text + blk->start;
      ps.len = ct_document_get_block (doc, last)->end - blk->start;
      ps.first_block = b;
      ps.last_block = last;
      ps.target_part = targets[b];
      ps.out = out;
      ps.list_base = list_base && starts_item (doc->text, blk->start, blk->end);
      ps.list_basis = list_basis;
      run_passage (&ps);
      if (!ps.list_base)
        list_base = list_head_base (&ps, &list_basis);
      b = last;
    }
  mark_ocr (doc, out);
  return out;
}
