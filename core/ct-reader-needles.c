/* ct-reader-needles.c: many literal strings looked for in one pass
 *
 * The metadata guess looks for dozens of names (provinces and their other
 * spellings, the places a report mentions, the level words) in the whole
 * text: one strstr per name went over the text once per name. Here the
 * needles are grouped by their first byte and the text is read once; at
 * each byte only the needles starting with it are compared, and only when
 * some needle starts with that byte and the next (a table of the 65,536
 * pairs: "th" passes for "thị xã", "ta" does not), which turns most
 * bytes of a report away with one lookup.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"

#include <string.h>

struct _CtNeedles
{
  guint   n;
  gchar **strs;
  gsize  *lens;
  guint  *order;      /* needle indexes sorted by first byte */
  guint32 *head;      /* a needle's first four bytes (fewer: masked) */
  guint32 *mask;
  guint   first[257]; /* order[first[b] .. first[b + 1]) start with byte b */
  guint8  pairs[65536 / 8]; /* bit b0 | b1 << 8: a needle starts with b0 b1 */
  guint8  starts[256];      /* 1: a needle starts with the byte */
};

CtNeedles *
ct_needles_new (const gchar * const *needles,
                guint                n_needles)
{
  CtNeedles *set = g_new0 (CtNeedles, 1);
  guint count[256] = { 0 }, fill[256];

  set->n = n_needles;
  set->strs = g_new0 (gchar *, n_needles + 1);
  set->lens = g_new0 (gsize, n_needles + 1);
  set->order = g_new0 (guint, n_needles + 1);
  set->head = g_new0 (guint32, n_needles + 1);
  set->mask = g_new0 (guint32, n_needles + 1);
  for (guint i = 0; i < n_needles; i++)
    {
      guchar head[4] = { 0 }, mask[4] = { 0 };

      set->strs[i] = g_strdup (needles[i]);
      set->lens[i] = strlen (needles[i]);
      for (guint k = 0; k < MIN (set->lens[i], 4); k++)
        head[k] = needles[i][k], mask[k] = 0xff;
      memcpy (&set->head[i], head, 4);
      memcpy (&set->mask[i], mask, 4);
      /* An empty needle is found nowhere (strstr would find it everywhere). */
      if (set->lens[i] > 0)
        {
          count[(guchar) needles[i][0]]++;
          set->starts[(guchar) needles[i][0]] = 1;
        }
      /* A needle of one byte starts with that byte and anything after it,
       * the text's end (read as 0) included. */
      for (guint b1 = 0; b1 < 256; b1++)
        {
          guint pair = (guchar) needles[i][0] | b1 << 8;

          if (set->lens[i] == 0 || (set->lens[i] > 1 && b1 != (guchar) needles[i][1]))
            continue;
          set->pairs[pair / 8] |= 1 << (pair % 8);
          if (set->lens[i] > 1)
            break;
        }
    }
  for (guint b = 0; b < 256; b++)
    {
      set->first[b + 1] = set->first[b] + count[b];
      fill[b] = set->first[b];
    }
  for (guint i = 0; i < n_needles; i++)
    if (set->lens[i] > 0)
      set->order[fill[(guchar) needles[i][0]]++] = i;
  return set;
}

void
ct_needles_free (CtNeedles *set)
{
  if (set == NULL)
    return;
  g_strfreev (set->strs);
  g_free (set->lens);
  g_free (set->order);
  g_free (set->head);
  g_free (set->mask);
  g_free (set);
}

/* Whether a needle may start at @at: its first two bytes (the second 0
 * at the text's end) are a pair some needle starts with. */
static inline gboolean
may_start (const CtNeedles *set,
           const gchar     *text,
           gsize            len,
           gsize            at)
{
  guint pair = (guchar) text[at] | (at + 1 < len ? (guchar) text[at + 1] : 0) << 8;

  return (set->pairs[pair / 8] >> (pair % 8)) & 1;
}

/* The first offset from @at on, before @len, where a needle may start
 * (@len when none). Eight bytes none of which starts a needle are
 * stepped over with one test; the pairs judge the rest. */
static inline gsize
next_start (const CtNeedles *set,
            const gchar     *text,
            gsize            len,
            gsize            at)
{
  const guchar *t = (const guchar *) text;
  const guint8 *s = set->starts;

  while (at + 1 < len)
    {
      gsize stop;

      while (len - at > 8 &&
             (s[t[at]] | s[t[at + 1]] | s[t[at + 2]] | s[t[at + 3]] |
              s[t[at + 4]] | s[t[at + 5]] | s[t[at + 6]] | s[t[at + 7]]) == 0)
        at += 8;
      /* All but the last byte have a next one to pair with. */
      for (stop = MIN (at + 8, len - 1); at < stop; at++)
        {
          guint pair = t[at] | t[at + 1] << 8;

          if ((set->pairs[pair / 8] >> (pair % 8)) & 1)
            return at;
        }
    }
  return at < len && may_start (set, text, len, at) ? at : len;
}

/* The four bytes at @at (zeros past the end), to reject most needles
 * before comparing them whole. */
static inline guint32
word_at (const gchar *text,
         gsize        len,
         gsize        at)
{
  guint32 w = 0;

  if (len - at >= 4)
    memcpy (&w, text + at, 4);
  else
    memcpy (&w, text + at, len - at);
  return w;
}

static inline gboolean
needle_at (const CtNeedles *set,
           guint            i,
           guint32          word,
           const gchar     *text,
           gsize            len,
           gsize            at)
{
  return (word & set->mask[i]) == set->head[i] && set->lens[i] <= len - at &&
         (set->lens[i] <= 4 || memcmp (text + at + 4, set->strs[i] + 4, set->lens[i] - 4) == 0);
}

void
ct_needles_each (const CtNeedles *set,
                 const gchar     *text,
                 gsize            len,
                 CtNeedleFunc     found,
                 gpointer         user_data)
{
  /* Where each needle may next be found: after its last occurrence. */
  g_autofree gsize *next = g_new0 (gsize, set->n + 1);

  for (gsize at = next_start (set, text, len, 0); at < len; at = next_start (set, text, len, at + 1))
    {
      guchar b = (guchar) text[at];
      guint32 word;

      word = word_at (text, len, at);
      for (guint k = set->first[b]; k < set->first[b + 1]; k++)
        {
          guint i = set->order[k];

          if (at >= next[i] && needle_at (set, i, word, text, len, at))
            {
              next[i] = at + set->lens[i];
              found (i, at, set->lens[i], user_data);
            }
        }
    }
}

gssize
ct_needles_find (const CtNeedles *set,
                 const gchar     *text,
                 gsize            len,
                 gsize            from,
                 CtNeedleAccept   accept)
{
  for (gsize at = next_start (set, text, len, from); at < len; at = next_start (set, text, len, at + 1))
    {
      guchar b = (guchar) text[at];
      guint32 word;

      word = word_at (text, len, at);
      for (guint k = set->first[b]; k < set->first[b + 1]; k++)
        {
          guint i = set->order[k];

          if (needle_at (set, i, word, text, len, at) && (accept == NULL || accept (text, len, at + set->lens[i])))
            return at;
        }
    }
  return -1;
}
