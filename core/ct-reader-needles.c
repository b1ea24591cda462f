/* ct-reader-needles.c: many literal strings looked for in one pass
 *
 * The metadata guess looks for dozens of names (provinces and their other
 * spellings, the places a report mentions, the level words) in the whole
 * text: one strstr per name went over the text once per name. Here the
 * needles are grouped by their first byte and the text is read once; at
 * each byte only the needles starting with it are compared.
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
        count[(guchar) needles[i][0]]++;
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

  for (gsize at = 0; at < len; at++)
    {
      guchar b = (guchar) text[at];
      guint32 word;

      if (set->first[b] == set->first[b + 1])
        continue;
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
  for (gsize at = from; at < len; at++)
    {
      guchar b = (guchar) text[at];
      guint32 word;

      if (set->first[b] == set->first[b + 1])
        continue;
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
