/* ct-catalog.c: the indicator catalogue and label matching
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-catalog.h"
#include "ct-data.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-text.h"
#include "ct-catalog-unit.h"

#include <gio/gio.h>
#include <math.h>
#include <string.h>

#define CATALOG_RESOURCE "/io/github/chitieu/Chitieu/data/indicators.tsv"

/* Words allowed between two words of a phrase: "giá trị sản xuất ngành nông
 * lâm thủy sản" still says "giá trị sản xuất nông lâm thủy sản". Among the
 * phrases that occur, the one with most words found and fewest skipped wins. */
#define MAX_GAP 3

typedef struct
{
  const CtIndicator *indicator;
  gchar            **tokens;
  guint              n_tokens;
} Phrase;

struct _CtCatalog
{
  GPtrArray          *indicators;  /* CtIndicator * */
  GHashTable         *by_code;     /* folded code → CtIndicator */
  GHashTable         *user;        /* folded label → CtIndicator (user links) */
  /* The names and aliases as words, made by the first match: listing,
   * comparing and finding by code need none of them. */
  gsize               phrases_once;
  GPtrArray          *phrases;     /* Phrase * */
  GHashTable         *by_first;    /* first token → GPtrArray of Phrase * (borrowed) */
  GHashTable         *cache;       /* "label\x1funit" → CtIndicator or &no_match */
  GHashTable         *folded;      /* label → its folded phrase */
  CtUnitDimensionFunc dimension_func;
};

static const CtIndicator no_match;

static void
indicator_free (gpointer data)
{
  CtIndicator *ind = data;

  g_free (ind->code);
  g_free (ind->name);
  g_free (ind->name_en);
  g_free (ind->sector);
  g_free (ind->unit);
  g_ptr_array_unref (ind->aliases);
  g_clear_pointer (&ind->excludes, g_ptr_array_unref);
  g_clear_pointer (&ind->qualifiers, g_hash_table_unref);
  g_free (ind);
}

static void
phrase_free (gpointer data)
{
  Phrase *p = data;

  g_strfreev (p->tokens);
  g_free (p);
}

static gchar **
tokenize_len (const gchar *text,
              gssize       len)
{
  g_autofree gchar *folded = NULL;
  GPtrArray *tokens = g_ptr_array_new ();
  const gchar *p, *start = NULL;

  if (text == NULL)
    {
      g_ptr_array_add (tokens, NULL);
      return (gchar **) g_ptr_array_free (tokens, FALSE);
    }

  folded = ct_text_fold (text, len);
  for (p = folded; ; p = g_utf8_next_char (p))
    {
      gunichar c = g_utf8_get_char (p);
      gboolean word = c != 0 && g_unichar_isalnum (c);

      if (word && start == NULL)
        start = p;
      else if (!word && start != NULL)
        {
          g_ptr_array_add (tokens, g_strndup (start, p - start));
          start = NULL;
        }
      if (c == 0)
        break;
    }
  g_ptr_array_add (tokens, NULL);
  return (gchar **) g_ptr_array_free (tokens, FALSE);
}

gchar **
ct_catalog_tokenize (const gchar *text)
{
  return tokenize_len (text, -1);
}

gchar *
ct_catalog_fold_phrase_len (const gchar *text,
                            gssize       len)
{
  g_auto(GStrv) tokens = tokenize_len (text, len);

  return g_strjoinv (" ", tokens);
}

gchar *
ct_catalog_fold_phrase (const gchar *text)
{
  return ct_catalog_fold_phrase_len (text, -1);
}

static void
add_phrase (CtCatalog         *self,
            const CtIndicator *ind,
            const gchar       *text)
{
  Phrase *p;
  GPtrArray *list;
  gchar **tokens = ct_catalog_tokenize (text);

  if (tokens[0] == NULL)
    {
      g_strfreev (tokens);
      return;
    }
  p = g_new0 (Phrase, 1);
  p->indicator = ind;
  p->tokens = tokens;
  p->n_tokens = g_strv_length (p->tokens);
  g_ptr_array_add (self->phrases, p);

  list = g_hash_table_lookup (self->by_first, p->tokens[0]);
  if (list == NULL)
    {
      list = g_ptr_array_new ();
      g_hash_table_insert (self->by_first, g_strdup (p->tokens[0]), list);
    }
  g_ptr_array_add (list, p);
}

/* The direction column: whether a larger figure is better ("unknown" gives
 * no verdict), in CtDirection's order; the measure column in CtMeasure's. */
static const gchar * const direction_names[] = { "unknown", "higher", "lower", NULL };
static const gchar * const measure_names[] = { "flow", "level", NULL };
/* Across localities; an empty column is "none": never sum what is not
 * known to add up. */
static const gchar * const across_names[] = { "none", "sum", NULL };

static GPtrArray *
split_list (const gchar *column,
            gboolean     fold)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);
  g_auto(GStrv) items = g_strsplit (column != NULL ? column : "", ";", -1);

  for (guint i = 0; items[i] != NULL; i++)
    {
      g_strstrip (items[i]);
      if (*items[i] != '\0')
        g_ptr_array_add (out, fold ? ct_catalog_fold_phrase (items[i]) : g_strdup (items[i]));
    }
  return out;
}

/* "season=cả năm;budget": dimension → the concept's own value (or NULL). */
static GHashTable *
parse_qualifiers (const gchar *column)
{
  GHashTable *out = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GPtrArray) items = split_list (column, FALSE);

  for (guint i = 0; i < items->len; i++)
    {
      gchar *item = g_ptr_array_index (items, i);
      gchar *eq = strchr (item, '=');

      if (eq != NULL)
        *eq = '\0';
      g_hash_table_insert (out, g_strdup (g_strstrip (item)),
                           eq != NULL ? g_strdup (g_strstrip (eq + 1)) : NULL);
    }
  return out;
}

static gboolean
parse_row (CtCatalog          *self,
           const CtDataTable  *table,
           const CtDataRow    *row,
           GError            **error)
{
  gchar **cols = row->cols;
  CtIndicator *ind;
  g_autofree gchar *code_key = NULL;
  guint direction, measure = CT_MEASURE_FLOW, across = 0;

  if (!ct_data_row_choice (table, row, 5, direction_names, &direction, error))
    return FALSE;
  if (*ct_data_row_text (row, 7) != '\0'
      && !ct_data_row_choice (table, row, 7, measure_names, &measure, error))
    return FALSE;
  if (*ct_data_row_text (row, 10) != '\0'
      && !ct_data_row_choice (table, row, 10, across_names, &across, error))
    return FALSE;
  code_key = g_ascii_strdown (cols[0], -1);
  if (g_hash_table_contains (self->by_code, code_key))
    {
      g_autofree gchar *problem = g_strdup_printf (_("the code %s is already used"), cols[0]);

      ct_data_set_row_error (error, table, row, problem);
      return FALSE;
    }

  ind = g_new0 (CtIndicator, 1);
  ind->code = g_strdup (cols[0]);
  ind->name = g_strdup (cols[1]);
  ind->name_en = g_strdup (cols[2]);
  ind->sector = g_strdup (cols[3]);
  ind->unit = g_strdup (cols[4]);
  ind->direction = direction;
  ind->higher_is_better = direction != CT_DIRECTION_LOWER;
  ind->measure = measure;
  ind->additive = across == 1;
  ind->index = self->indicators->len;
  ind->aliases = split_list (ct_data_row_text (row, 6), FALSE);
  ind->qualifiers = parse_qualifiers (ct_data_row_text (row, 8));
  ind->excludes = split_list (ct_data_row_text (row, 9), TRUE);
  g_ptr_array_add (self->indicators, ind);
  g_hash_table_insert (self->by_code, g_steal_pointer (&code_key), ind);
  return TRUE;
}

static void
ensure_phrases (CtCatalog *self)
{
  if (!g_once_init_enter (&self->phrases_once))
    return;
  self->phrases = g_ptr_array_new_with_free_func (phrase_free);
  self->by_first = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                          (GDestroyNotify) g_ptr_array_unref);
  for (guint i = 0; i < self->indicators->len; i++)
    {
      const CtIndicator *ind = g_ptr_array_index (self->indicators, i);

      add_phrase (self, ind, ind->name);
      for (guint a = 0; a < ind->aliases->len; a++)
        add_phrase (self, ind, g_ptr_array_index (ind->aliases, a));
    }
  g_once_init_leave (&self->phrases_once, 1);
}

CtCatalog *
ct_catalog_new_from_data (const gchar          *tsv,
                          gsize                 len,
                          CtUnitDimensionFunc   dimension_func,
                          GError              **error)
{
  g_autoptr(CtCatalog) self = g_new0 (CtCatalog, 1);
  g_autoptr(CtDataTable) table = ct_data_table_parse ("indicators.tsv", tsv, len, 6, 11, error);

  if (table == NULL)
    return NULL;

  self->indicators = g_ptr_array_new_with_free_func (indicator_free);
  self->by_code = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->user = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->cache = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->folded = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->dimension_func = dimension_func;

  for (guint i = 0; i < table->rows->len; i++)
    if (!parse_row (self, table, g_ptr_array_index (table->rows, i), error))
      return NULL;
  return g_steal_pointer (&self);
}

/* The program's unit table, loaded once and then only read. */
static const CtUnit *
lookup_unit (const gchar *unit)
{
  static CtUnitTable *table;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      table = ct_unit_table_new_default (NULL);
      g_once_init_leave (&once, 1);
    }
  if (table == NULL || unit == NULL)
    return NULL;
  return ct_unit_table_lookup (table, unit);
}

static const gchar *
unit_dimension (const gchar *unit)
{
  const CtUnit *u = lookup_unit (unit);

  return u != NULL ? u->dimension : NULL;
}

gdouble
ct_catalog_convert (gdouble      value,
                    const gchar *from,
                    const gchar *to)
{
  const CtUnit *a, *b;

  if (isnan (value))
    return NAN;
  if (g_strcmp0 (from, to) == 0)
    return value;
  a = lookup_unit (from);
  b = lookup_unit (to);
  if (a == NULL || b == NULL || g_strcmp0 (a->dimension, b->dimension) != 0 || b->scale == 0)
    return NAN;
  return value * a->scale / b->scale;
}

CtCatalog *
ct_catalog_new (GError **error)
{
  g_autoptr(GBytes) bytes = NULL;
  gsize len;
  const gchar *data;

  bytes = g_resources_lookup_data (CATALOG_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_FAILED,
                   _("The indicator catalogue is missing from the program; reinstall Chỉ tiêu."));
      return NULL;
    }
  data = g_bytes_get_data (bytes, &len);
  return ct_catalog_new_from_data (data, len, unit_dimension, error);
}

/* Raised when the columns a library keeps of the catalogue change meaning
 * while indicators.tsv does not (a new column read, a parse rule changed). */
#define CATALOG_FORM 1

gchar *
ct_catalog_checksum (void)
{
  g_autoptr(GBytes) bytes = g_resources_lookup_data (CATALOG_RESOURCE, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GChecksum) sum = g_checksum_new (G_CHECKSUM_SHA256);
  guint8 form = CATALOG_FORM;
  gsize len = 0;
  const guchar *data = bytes != NULL ? g_bytes_get_data (bytes, &len) : NULL;

  g_checksum_update (sum, &form, 1);
  if (data != NULL)
    g_checksum_update (sum, data, len);
  return g_strdup (g_checksum_get_string (sum));
}

void
ct_catalog_free (CtCatalog *self)
{
  if (self == NULL)
    return;
  g_clear_pointer (&self->by_first, g_hash_table_unref);
  g_clear_pointer (&self->phrases, g_ptr_array_unref);
  g_clear_pointer (&self->by_code, g_hash_table_unref);
  g_clear_pointer (&self->user, g_hash_table_unref);
  g_clear_pointer (&self->cache, g_hash_table_unref);
  g_clear_pointer (&self->folded, g_hash_table_unref);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);
  g_free (self);
}

guint
ct_catalog_get_n_indicators (CtCatalog *self)
{
  return self->indicators->len;
}

const CtIndicator *
ct_catalog_get_indicator (CtCatalog *self,
                          guint      index)
{
  g_return_val_if_fail (index < self->indicators->len, NULL);
  return g_ptr_array_index (self->indicators, index);
}

const CtIndicator *
ct_catalog_lookup (CtCatalog   *self,
                   const gchar *code)
{
  g_autofree gchar *key = NULL;

  if (code == NULL)
    return NULL;
  key = g_ascii_strdown (code, -1);
  return g_hash_table_lookup (self->by_code, key);
}

const CtIndicator *
ct_catalog_find (CtCatalog   *self,
                 const gchar *code_or_name)
{
  const CtIndicator *ind = ct_catalog_lookup (self, code_or_name);
  g_autofree gchar *key = NULL;

  if (ind != NULL || code_or_name == NULL)
    return ind;
  key = ct_catalog_fold_phrase (code_or_name);
  ind = g_hash_table_lookup (self->user, key);
  if (ind == NULL)
    {
      g_autoptr(GPtrArray) candidates = ct_catalog_find_candidates (self, code_or_name);

      /* "lúa" names both rice area and rice output: no silent pick. The
       * full name of one of them still chooses it. */
      if (candidates->len == 1)
        ind = g_ptr_array_index (candidates, 0);
      for (guint i = 0; ind == NULL && i < candidates->len; i++)
        {
          const CtIndicator *candidate = g_ptr_array_index (candidates, i);
          g_autofree gchar *name = ct_catalog_fold_phrase (candidate->name);

          if (g_str_equal (name, key))
            ind = candidate;
        }
    }
  return ind;
}

GPtrArray *
ct_catalog_find_candidates (CtCatalog   *self,
                            const gchar *name)
{
  GPtrArray *found = g_ptr_array_new ();
  g_autofree gchar *key = ct_catalog_fold_phrase (name);

  for (guint i = 0; i < self->indicators->len; i++)
    {
      const CtIndicator *ind = g_ptr_array_index (self->indicators, i);
      g_autofree gchar *folded = ct_catalog_fold_phrase (ind->name);
      gboolean match = g_str_equal (folded, key);

      for (guint a = 0; !match && a < ind->aliases->len; a++)
        {
          g_autofree gchar *alias = ct_catalog_fold_phrase (g_ptr_array_index (ind->aliases, a));

          match = g_str_equal (alias, key);
        }
      if (match)
        g_ptr_array_add (found, (gpointer) ind);
    }
  return found;
}

gboolean
ct_catalog_unit_fits (CtCatalog         *self,
                      const CtIndicator *indicator,
                      const gchar       *unit)
{
  const gchar *a, *b;
  g_autofree gchar *fa = NULL;
  g_autofree gchar *fb = NULL;

  if (unit == NULL || *unit == '\0')
    return TRUE;
  if (self->dimension_func != NULL)
    {
      a = self->dimension_func (unit);
      b = self->dimension_func (indicator->unit);
      if (a != NULL && b != NULL)
        return g_strcmp0 (a, b) == 0;
    }
  /* An unknown unit fits only when it is spelt like the indicator's. */
  fa = ct_catalog_fold_phrase (unit);
  fb = ct_catalog_fold_phrase (indicator->unit);
  return g_strcmp0 (fa, fb) == 0;
}

/* How well phrase p occurs in order in tokens: the number of its words when
 * it does (0 when not), with the words skipped between them in *gaps. Tries
 * every start so the tightest occurrence counts. */
static guint
phrase_score (const Phrase *p,
              gchar       **tokens,
              guint         n_tokens,
              guint         first,
              guint        *gaps)
{
  guint pos = first, total = 0;

  for (guint k = 1; k < p->n_tokens; k++)
    {
      guint next = pos + 1, limit = MIN (n_tokens, pos + 2 + MAX_GAP);

      while (next < limit && strcmp (tokens[next], p->tokens[k]) != 0)
        next++;
      if (next >= limit)
        return 0;
      total += next - pos - 1;
      pos = next;
    }
  *gaps = total;
  return p->n_tokens;
}

/* Whether the folded label holds one of the indicator's exclusion phrases
 * as whole words. */
static gboolean
excluded (const CtIndicator *ind,
          const gchar       *folded_label)
{
  g_autofree gchar *padded = NULL;

  if (ind->excludes->len == 0)
    return FALSE;
  padded = g_strconcat (" ", folded_label, " ", NULL);
  for (guint i = 0; i < ind->excludes->len; i++)
    {
      g_autofree gchar *word = g_strconcat (" ", (gchar *) g_ptr_array_index (ind->excludes, i), " ", NULL);

      if (strstr (padded, word) != NULL)
        return TRUE;
    }
  return FALSE;
}

static const CtIndicator *
match_uncached (CtCatalog   *self,
                const gchar *folded_label,
                gchar      **tokens,
                const gchar *unit)
{
  const CtIndicator *best = NULL;
  guint best_len = 0, best_gaps = 0;
  guint n_tokens = g_strv_length (tokens);
  const CtIndicator *user = g_hash_table_lookup (self->user, folded_label);

  if (user != NULL)
    return user;

  ensure_phrases (self);
  for (guint i = 0; i < n_tokens; i++)
    {
      GPtrArray *list = g_hash_table_lookup (self->by_first, tokens[i]);

      if (list == NULL)
        continue;
      for (guint j = 0; j < list->len; j++)
        {
          const Phrase *p = g_ptr_array_index (list, j);
          guint gaps = 0, len = phrase_score (p, tokens, n_tokens, i, &gaps);
          gboolean better;

          if (len == 0)
            continue;
          /* Words skipped inside a phrase count against it: "diện tích ngô"
           * says more about "diện tích ngô gieo trồng" than "diện tích
           * gieo trồng" does. */
          better = (gint) (len - gaps) > (gint) (best_len - best_gaps)
                   || ((gint) (len - gaps) == (gint) (best_len - best_gaps)
                       && (gaps < best_gaps
                           || (gaps == best_gaps && p->indicator->index < best->index)));
          if (better && ct_catalog_unit_fits (self, p->indicator, unit)
              && !excluded (p->indicator, folded_label))
            {
              best = p->indicator;
              best_len = len;
              best_gaps = gaps;
            }
        }
    }
  return best;
}

const CtIndicator *
ct_catalog_match (CtCatalog   *self,
                  const gchar *label,
                  const gchar *unit)
{
  g_auto(GStrv) tokens = NULL;
  g_autofree gchar *folded = NULL;
  gchar *key;
  const CtIndicator *found;

  if (label == NULL || *label == '\0')
    return NULL;

  /* Reports repeat their labels: the answer is kept by the label as
   * written, before any folding. */
  key = g_strconcat (label, "\x1f", unit != NULL ? unit : "", NULL);
  found = g_hash_table_lookup (self->cache, key);
  if (found != NULL)
    {
      g_free (key);
      return found == &no_match ? NULL : found;
    }

  tokens = ct_catalog_tokenize (label);
  folded = g_strjoinv (" ", tokens);

  found = g_hash_table_lookup (self->user, folded);
  /* What a label measures stands before its parenthesis: "Giải ngân (kế
   * hoạch vốn giao)" is a disbursement; the words inside only qualify it. */
  if (found == NULL && strchr (label, '(') != NULL && strchr (label, '(') != label)
    {
      g_auto(GStrv) head = tokenize_len (label, strchr (label, '(') - label);

      found = match_uncached (self, folded, head, unit);
    }
  if (found == NULL)
    found = match_uncached (self, folded, tokens, unit);
  g_hash_table_insert (self->cache, key, (gpointer) (found != NULL ? found : &no_match));
  return found;
}

gboolean
ct_catalog_add_alias (CtCatalog   *self,
                      const gchar *code,
                      const gchar *label)
{
  const CtIndicator *ind = ct_catalog_lookup (self, code);
  g_autofree gchar *key = NULL;

  if (ind == NULL)
    return FALSE;
  key = ct_catalog_fold_phrase (label);
  if (*key == '\0')
    return FALSE;
  g_hash_table_insert (self->user, g_steal_pointer (&key), (gpointer) ind);
  g_hash_table_remove_all (self->cache);
  return TRUE;
}

void
ct_catalog_remove_alias (CtCatalog   *self,
                         const gchar *label)
{
  g_autofree gchar *key = ct_catalog_fold_phrase (label);

  if (g_hash_table_remove (self->user, key))
    g_hash_table_remove_all (self->cache);
}

gboolean
ct_catalog_has_user_aliases (CtCatalog *self)
{
  return g_hash_table_size (self->user) > 0;
}

const CtIndicator *
ct_catalog_lookup_user_alias (CtCatalog   *self,
                              const gchar *folded_label)
{
  if (folded_label == NULL || g_hash_table_size (self->user) == 0)
    return NULL;
  return g_hash_table_lookup (self->user, folded_label);
}

gboolean
ct_catalog_unit_is_known (const gchar *unit)
{
  return lookup_unit (unit) != NULL;
}

const gchar *
ct_catalog_fold_label (CtCatalog   *self,
                       const gchar *label)
{
  gchar *folded;

  if (label == NULL)
    return "";
  folded = g_hash_table_lookup (self->folded, label);
  if (folded != NULL)
    return folded;
  /* Bounded: a library of many reports must not grow this without end. */
  if (g_hash_table_size (self->folded) > 100000)
    g_hash_table_remove_all (self->folded);
  folded = ct_catalog_fold_phrase (label);
  g_hash_table_insert (self->folded, g_strdup (label), folded);
  return folded;
}
