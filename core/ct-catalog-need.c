/* ct-catalog-need.c: the words a pattern cannot match without
 *
 * The qualifier table's patterns run over every figure's label, clause and
 * paragraph when a report is imported, and nearly all of them fail. A
 * pattern names the words it looks for ("\bhe thu\b", "\b(vu mua|lua
 * mua)\b"): a text holding none of them cannot match, and strstr() says so
 * for a fraction of a pattern run. The analysis reads the subset of the
 * syntax the data files use and gives up (no condition) on anything else,
 * so skipping is never wrong: it only ever skips a pattern that would fail.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <string.h>

#include "ct-catalog-need.h"

/* A necessary condition: one of the strings occurs in the subject. NULL
 * for none known (any text may match). */
typedef GPtrArray Need;

typedef struct
{
  const gchar *p;
  gboolean     failed; /* a construct this reader does not know */
} Parser;

static Need *parse_alternation (Parser *ps);

static guint
shortest (const Need *need)
{
  guint n = G_MAXUINT;

  for (guint i = 0; i < need->len; i++)
    n = MIN (n, (guint) strlen (g_ptr_array_index (need, i)));
  return n;
}

/* The better of two conditions: the one whose shortest string is longer
 * (a rarer word). Frees the other. */
static Need *
better (Need *a,
        Need *b)
{
  if (a == NULL)
    return b;
  if (b == NULL)
    return a;
  if (shortest (b) > shortest (a))
    {
      g_ptr_array_unref (a);
      return b;
    }
  g_ptr_array_unref (b);
  return a;
}

static Need *
need_of_run (GString *run)
{
  Need *need;

  if (run->len == 0)
    return NULL;
  need = g_ptr_array_new_with_free_func (g_free);
  g_ptr_array_add (need, g_strndup (run->str, run->len));
  g_string_truncate (run, 0);
  return need;
}

/* A quantifier at ps->p: TRUE when there is one, *optional when it allows
 * no repetition at all. */
static gboolean
parse_quantifier (Parser   *ps,
                  gboolean *optional)
{
  const gchar *q = ps->p;

  if (*q == '?' || *q == '*' || *q == '+')
    {
      *optional = *q != '+';
      ps->p = q + 1;
    }
  else if (*q == '{' && g_ascii_isdigit (q[1]))
    {
      gchar *end = NULL;
      guint64 min = g_ascii_strtoull (q + 1, &end, 10);

      while (g_ascii_isdigit (*end) || *end == ',')
        end++;
      if (*end != '}')
        {
          ps->failed = TRUE;
          return FALSE;
        }
      *optional = min == 0;
      ps->p = end + 1;
    }
  else
    return FALSE;
  /* Lazy or possessive forms repeat as often or less: no difference here. */
  if (*ps->p == '?' || *ps->p == '+')
    ps->p++;
  return TRUE;
}

/* A group after its "(": its condition, NULL for a lookaround (it matches
 * nothing itself) or an unknown kind (failed). */
static Need *
parse_group (Parser *ps)
{
  gboolean look = FALSE;
  Need *inner;

  if (ps->p[0] == '?')
    {
      if (ps->p[1] == ':')
        ps->p += 2;
      else if (ps->p[1] == '=' || ps->p[1] == '!')
        look = TRUE, ps->p += 2;
      else if (ps->p[1] == '<' && (ps->p[2] == '=' || ps->p[2] == '!'))
        look = TRUE, ps->p += 3;
      else
        {
          ps->failed = TRUE;
          return NULL;
        }
    }
  inner = parse_alternation (ps);
  if (*ps->p != ')')
    ps->failed = TRUE;
  else
    ps->p++;
  if (look)
    g_clear_pointer (&inner, g_ptr_array_unref);
  return inner;
}

/* One atom that is not a plain character: a group, a class, an escape or
 * an anchor. Sets *literal to the character an escape stands for. */
static Need *
parse_special (Parser *ps,
               gchar  *literal)
{
  gchar c = *ps->p++;

  *literal = '\0';
  switch (c)
    {
    case '(':
      return parse_group (ps);
    case '[':
      /* A class stands for one character of several: no word. */
      if (*ps->p == ']')
        ps->p++;
      while (*ps->p != '\0' && *ps->p != ']')
        ps->p += *ps->p == '\\' && ps->p[1] != '\0' ? 2 : 1;
      if (*ps->p == ']')
        ps->p++;
      else
        ps->failed = TRUE;
      return NULL;
    case '\\':
      c = *ps->p++;
      if (strchr ("bBdDwWsS", c) != NULL && c != '\0')
        return NULL;
      if (c != '\0' && !g_ascii_isalnum (c))
        *literal = c;
      else
        ps->failed = TRUE;
      return NULL;
    default: /* '^', '$', '.' */
      return NULL;
    }
}

/* A sequence of atoms up to "|", ")" or the end. */
static Need *
parse_sequence (Parser *ps)
{
  g_autoptr(GString) run = g_string_new (NULL);
  Need *best = NULL;

  while (!ps->failed && *ps->p != '\0' && *ps->p != '|' && *ps->p != ')')
    {
      gboolean optional = FALSE;
      gsize run_before = run->len;
      gchar literal = '\0';
      Need *group = NULL;
      gboolean is_char = strchr ("()[\\^$.", *ps->p) == NULL;

      if (strchr ("?*+{", *ps->p) != NULL)
        {
          ps->failed = TRUE;
          break;
        }
      if (is_char)
        {
          /* One whole character, UTF-8 bytes included. */
          const gchar *next = g_utf8_next_char (ps->p);

          g_string_append_len (run, ps->p, next - ps->p);
          ps->p = next;
        }
      else
        {
          group = parse_special (ps, &literal);
          if (literal != '\0')
            g_string_append_c (run, literal);
        }
      is_char = is_char || literal != '\0';
      if (parse_quantifier (ps, &optional))
        {
          /* The quantified character ends the run; when it may be absent
           * it leaves it too. */
          if (is_char && optional)
            g_string_truncate (run, run_before);
          best = better (best, need_of_run (run));
          if (optional)
            g_clear_pointer (&group, g_ptr_array_unref);
        }
      else if (!is_char)
        best = better (best, need_of_run (run));
      best = better (best, group);
    }
  return better (best, need_of_run (run));
}

static Need *
parse_alternation (Parser *ps)
{
  Need *all = parse_sequence (ps);

  while (!ps->failed && *ps->p == '|')
    {
      Need *branch;

      ps->p++;
      branch = parse_sequence (ps);
      /* A branch that may match anything leaves no condition. */
      if (all == NULL || branch == NULL)
        {
          g_clear_pointer (&all, g_ptr_array_unref);
          g_clear_pointer (&branch, g_ptr_array_unref);
          /* Parse on, to know the pattern is whole. */
          while (!ps->failed && *ps->p == '|')
            {
              ps->p++;
              g_clear_pointer (&branch, g_ptr_array_unref);
              branch = parse_sequence (ps);
            }
          g_clear_pointer (&branch, g_ptr_array_unref);
          return NULL;
        }
      for (guint i = 0; i < branch->len; i++)
        g_ptr_array_add (all, g_strdup (g_ptr_array_index (branch, i)));
      g_ptr_array_unref (branch);
    }
  return all;
}

gchar **
ct_regex_needs (const gchar *pattern)
{
  Parser ps = { pattern, FALSE };
  Need *need = parse_alternation (&ps);

  if (ps.failed || *ps.p != '\0' || need == NULL)
    {
      g_clear_pointer (&need, g_ptr_array_unref);
      return NULL;
    }
  g_ptr_array_add (need, NULL);
  return (gchar **) g_ptr_array_free (need, FALSE);
}

gboolean
ct_regex_needs_met (const gchar * const *needs,
                    const gchar         *text)
{
  if (needs == NULL)
    return TRUE;
  for (guint i = 0; needs[i] != NULL; i++)
    if (strstr (text, needs[i]) != NULL)
      return TRUE;
  return FALSE;
}
