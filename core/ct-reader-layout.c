/* ct-reader-layout.c: positioned words → lines, without page furniture
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-layout-private.h"
#include "ct-text.h"

#include <math.h>
#include <string.h>

/* Words further apart than this many font sizes stand in different cells. */
#define SEGMENT_GAP 1.2
/* Running headers and footers live in this share of the page's height. */
#define MARGIN_SHARE 0.1

static void
free_line (gpointer data)
{
  CtLayoutLine *l = data;

  g_free (l->text);
  g_free (l->note_id);
  g_array_unref (l->segments);
  g_free (l);
}

static gint
by_centre (gconstpointer a,
           gconstpointer b)
{
  const CtLayoutWord *x = *(CtLayoutWord **) a, *y = *(CtLayoutWord **) b;
  gdouble cx = x->y0 + x->y1, cy = y->y0 + y->y1;

  return cx < cy ? -1 : cx > cy ? 1 : 0;
}

static gint
by_left (gconstpointer a,
         gconstpointer b)
{
  const CtLayoutWord *x = *(CtLayoutWord **) a, *y = *(CtLayoutWord **) b;

  return x->x0 < y->x0 ? -1 : x->x0 > y->x0 ? 1 : 0;
}

static gboolean
all_digits (const gchar *s)
{
  gsize n = strlen (s);

  return n > 0 && n <= 3 && strspn (s, "0123456789") == n;
}

/* A footnote marker is set small and raised above the line's baseline. */
static gboolean
is_raised_marker (const CtLayoutWord *w,
                  gdouble             size,
                  gdouble             base)
{
  return all_digits (w->text) && w->size < size * 0.9 && w->y1 < base - size * 0.2;
}

static void
append_superscript (GString     *out,
                    const gchar *digits)
{
  static const gchar *sup[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };

  for (const gchar *d = digits; *d != '\0'; d++)
    g_string_append (out, sup[*d - '0']);
}

/* The line's size is the one most of its characters are set in. */
static void
measure_line (CtLayoutLine *line,
              GPtrArray    *words)
{
  gdouble best = 0, best_chars = -1, base = -G_MAXDOUBLE;

  line->bold = TRUE;
  for (guint i = 0; i < words->len; i++)
    {
      const CtLayoutWord *w = g_ptr_array_index (words, i);
      gdouble chars = 0;

      for (guint j = 0; j < words->len; j++)
        {
          const CtLayoutWord *o = g_ptr_array_index (words, j);

          if (fabs (o->size - w->size) < 0.5)
            chars += strlen (o->text);
        }
      if (chars > best_chars)
        best = w->size, best_chars = chars;
      line->bold = line->bold && w->bold;
    }
  line->size = best;
  for (guint i = 0; i < words->len; i++)
    {
      const CtLayoutWord *w = g_ptr_array_index (words, i);

      if (w->size >= best * 0.9)
        base = MAX (base, w->y1);
    }
  line->base = base;
}

static void
compose_line (CtLayoutLine *line,
              GPtrArray    *words)
{
  GString *text = g_string_new (NULL), *seg = g_string_new (NULL);
  CtLayoutSegment s = { 0 };

  for (guint i = 0; i < words->len; i++)
    {
      const CtLayoutWord *w = g_ptr_array_index (words, i);
      const CtLayoutWord *prev = i > 0 ? g_ptr_array_index (words, i - 1) : NULL;
      gboolean marker = is_raised_marker (w, line->size, line->base);
      gdouble gap = prev != NULL ? w->x0 - prev->x1 : 0;

      if (prev != NULL && gap >= SEGMENT_GAP * line->size)
        {
          s.text = g_string_free (g_steal_pointer (&seg), FALSE);
          g_array_append_val (line->segments, s);
          seg = g_string_new (NULL);
        }
      if (seg->len == 0)
        s.x0 = w->x0;
      /* A marker right after a word belongs to it ("45%²"). */
      if (seg->len > 0 && !(marker && gap < line->size * 0.3))
        g_string_append_c (seg, ' ');
      if (marker)
        append_superscript (seg, w->text);
      else
        g_string_append (seg, w->text);
      s.x1 = w->x1;
    }
  s.text = g_string_free (seg, FALSE);
  g_array_append_val (line->segments, s);
  for (guint i = 0; i < line->segments->len; i++)
    {
      CtLayoutSegment *sg = &g_array_index (line->segments, CtLayoutSegment, i);
      gchar *clean = ct_reader_clean_line (sg->text, -1);

      g_free (sg->text);
      sg->text = clean;
      if (i > 0)
        g_string_append_c (text, ' ');
      g_string_append (text, clean);
    }
  line->text = g_string_free (text, FALSE);
}

static void
clear_segment (gpointer data)
{
  g_free (((CtLayoutSegment *) data)->text);
}

static CtLayoutLine *
make_line (GPtrArray *words,
           guint      page)
{
  CtLayoutLine *line = g_new0 (CtLayoutLine, 1);

  g_ptr_array_sort (words, by_left);
  line->page = page;
  line->segments = g_array_new (FALSE, TRUE, sizeof (CtLayoutSegment));
  g_array_set_clear_func (line->segments, clear_segment);
  line->x0 = line->y0 = G_MAXDOUBLE;
  line->x1 = line->y1 = -G_MAXDOUBLE;
  for (guint i = 0; i < words->len; i++)
    {
      const CtLayoutWord *w = g_ptr_array_index (words, i);

      line->x0 = MIN (line->x0, w->x0);
      line->y0 = MIN (line->y0, w->y0);
      line->x1 = MAX (line->x1, w->x1);
      line->y1 = MAX (line->y1, w->y1);
      line->doubtful = line->doubtful || w->doubtful;
    }
  /* OCR knows no font size, and a word's box is as tall as its letters
   * ("ao" against "Đặng"): the line's height stands for the size. */
  for (guint i = 0; i < words->len; i++)
    {
      CtLayoutWord *w = g_ptr_array_index (words, i);

      if (w->size <= 0)
        w->size = MAX ((line->y1 - line->y0) * 0.75, 1);
    }
  measure_line (line, words);
  compose_line (line, words);
  return line;
}

/* Words whose boxes share at least half the smaller height stand on one
 * line; taken in order of their centres, a line only ever grows down. */
static void
lines_of_page (const CtLayoutPage *page,
               guint               page_no,
               GPtrArray          *out)
{
  g_autoptr(GPtrArray) order = g_ptr_array_new ();
  g_autoptr(GPtrArray) current = g_ptr_array_new ();
  gdouble top = 0, bottom = 0;

  for (guint i = 0; i < page->words->len; i++)
    g_ptr_array_add (order, &g_array_index (page->words, CtLayoutWord, i));
  g_ptr_array_sort (order, by_centre);

  for (guint i = 0; i < order->len; i++)
    {
      const CtLayoutWord *w = g_ptr_array_index (order, i);
      gdouble overlap = MIN (bottom, w->y1) - MAX (top, w->y0);
      gdouble least = MIN (bottom - top, w->y1 - w->y0);

      if (current->len > 0 && overlap < least * 0.5)
        {
          g_ptr_array_add (out, make_line (current, page_no));
          g_ptr_array_set_size (current, 0);
        }
      if (current->len == 0)
        top = w->y0, bottom = w->y1;
      else if (w->size >= ((CtLayoutWord *) g_ptr_array_index (current, 0))->size * 0.8)
        top = MIN (top, w->y0), bottom = MAX (bottom, w->y1);
      g_ptr_array_add (current, (gpointer) w);
    }
  if (current->len > 0)
    g_ptr_array_add (out, make_line (current, page_no));
}

GPtrArray *
ct_layout_lines (GPtrArray *pages,
                 GArray    *page_lines)
{
  GPtrArray *lines = g_ptr_array_new_with_free_func (free_line);

  for (guint p = 0; p < pages->len; p++)
    {
      guint first = lines->len + 1;

      lines_of_page (g_ptr_array_index (pages, p), p, lines);
      if (page_lines != NULL)
        g_array_append_val (page_lines, first);
    }
  for (guint i = 0; i < lines->len; i++)
    ((CtLayoutLine *) g_ptr_array_index (lines, i))->number = i + 1;
  return lines;
}

/* "12", "- 12 -", "Trang 12", "12/40": nothing but a page's number. */
static gboolean
is_page_number (const gchar *text)
{
  g_autofree gchar *folded = ct_text_fold (text, -1);
  const gchar *p = folded;
  gboolean digit = FALSE;

  if (g_str_has_prefix (p, "trang "))
    p += strlen ("trang ");
  else if (g_str_has_prefix (p, "page "))
    p += strlen ("page ");
  for (; *p != '\0'; p++)
    {
      if (g_ascii_isdigit (*p))
        digit = TRUE;
      else if (strchr (" -/.()", *p) == NULL && !g_str_has_prefix (p, "\xe2\x80\x93"))
        return FALSE;
      else if (g_str_has_prefix (p, "\xe2\x80\x93"))
        p += 2;
    }
  return digit;
}

/* The text of a margin line with its digits blanked, so "Trang 3" and
 * "Trang 4" count as the same running footer. */
static gchar *
furniture_key (const gchar *text)
{
  gchar *key = ct_text_fold (text, -1);

  for (gchar *p = key; *p != '\0'; p++)
    if (g_ascii_isdigit (*p))
      *p = '#';
  return key;
}

static gboolean
in_margin (const CtLayoutLine *line,
           GPtrArray          *pages)
{
  const CtLayoutPage *page = g_ptr_array_index (pages, line->page);

  return line->y1 < page->height * MARGIN_SHARE || line->y0 > page->height * (1 - MARGIN_SHARE);
}

/* Drops what the printer repeats on every page: a margin line that comes
 * back on at least half of the pages (and on two at least), and a page
 * number on its own. */
void
ct_layout_drop_furniture (GPtrArray *lines,
                          GPtrArray *pages)
{
  g_autoptr(GHashTable) seen = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint need = MAX (2, (pages->len + 1) / 2);

  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; i < lines->len; i++)
      {
        CtLayoutLine *l = g_ptr_array_index (lines, i);
        g_autofree gchar *key = NULL;
        guint count;

        if (!in_margin (l, pages))
          continue;
        key = furniture_key (l->text);
        /* A page counts once however often the line repeats on it. */
        count = GPOINTER_TO_UINT (g_hash_table_lookup (seen, key));
        if (pass == 0)
          {
            g_autofree gchar *page_key = g_strdup_printf ("%u\x1f%s", l->page, key);

            if (!g_hash_table_contains (seen, page_key))
              {
                g_hash_table_add (seen, g_steal_pointer (&page_key));
                g_hash_table_insert (seen, g_strdup (key), GUINT_TO_POINTER (count + 1));
              }
            continue;
          }
        l->dropped = count >= need || is_page_number (l->text);
      }
}

static gint
compare_doubles (gconstpointer a,
                 gconstpointer b)
{
  gdouble x = *(const gdouble *) a, y = *(const gdouble *) b;

  return x < y ? -1 : x > y ? 1 : 0;
}

static gdouble
median (GArray *values,
        gdouble fallback)
{
  if (values->len == 0)
    return fallback;
  g_array_sort (values, compare_doubles);
  return g_array_index (values, gdouble, values->len / 2);
}

/* The body is what most characters are set in; its margins are where most
 * of its lines start and the right edge most long lines reach. */
void
ct_layout_measure (GPtrArray       *lines,
                   CtLayoutMetrics *m)
{
  g_autoptr(GArray) sizes = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autoptr(GArray) steps = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autoptr(GArray) lefts = g_array_new (FALSE, FALSE, sizeof (gdouble));
  g_autoptr(GArray) rights = g_array_new (FALSE, FALSE, sizeof (gdouble));

  for (guint i = 0; i < lines->len; i++)
    {
      const CtLayoutLine *l = g_ptr_array_index (lines, i);

      if (l->dropped)
        continue;
      /* One entry per ten characters weighs sizes by text. */
      for (gsize c = 0; c <= strlen (l->text) / 10; c++)
        g_array_append_val (sizes, l->size);
    }
  m->size = median (sizes, 12);

  for (guint i = 0; i < lines->len; i++)
    {
      const CtLayoutLine *l = g_ptr_array_index (lines, i);
      const CtLayoutLine *prev = i > 0 ? g_ptr_array_index (lines, i - 1) : NULL;

      if (l->dropped || fabs (l->size - m->size) > m->size * 0.1)
        continue;
      g_array_append_val (lefts, l->x0);
      g_array_append_val (rights, l->x1);
      if (prev != NULL && prev->page == l->page && !prev->dropped &&
          fabs (prev->size - m->size) <= m->size * 0.1 && l->base > prev->base)
        {
          gdouble step = l->base - prev->base;

          g_array_append_val (steps, step);
        }
    }
  /* The most common step is the pitch inside paragraphs: below the median
   * when blank lines separate them, so take the lower quartile. */
  if (steps->len > 0)
    {
      g_array_sort (steps, compare_doubles);
      m->pitch = g_array_index (steps, gdouble, steps->len / 4);
    }
  else
    m->pitch = m->size * 1.2;
  g_array_sort (lefts, compare_doubles);
  m->left = lefts->len > 0 ? g_array_index (lefts, gdouble, lefts->len / 10) : 0;
  g_array_sort (rights, compare_doubles);
  m->right = rights->len > 0 ? g_array_index (rights, gdouble, rights->len * 9 / 10) : 0;
}

GPtrArray *
ct_layout_build (GPtrArray *pages,
                 GArray   **out_page_lines,
                 GArray   **out_doubtful_lines)
{
  g_autoptr(GArray) page_lines = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GPtrArray) lines = ct_layout_lines (pages, page_lines);
  CtLayoutMetrics metrics;

  ct_layout_drop_furniture (lines, pages);
  ct_layout_measure (lines, &metrics);
  if (out_page_lines != NULL)
    *out_page_lines = g_steal_pointer (&page_lines);
  if (out_doubtful_lines != NULL)
    {
      *out_doubtful_lines = g_array_new (FALSE, FALSE, sizeof (guint));
      for (guint i = 0; i < lines->len; i++)
        {
          const CtLayoutLine *l = g_ptr_array_index (lines, i);

          if (l->doubtful && !l->dropped)
            g_array_append_val (*out_doubtful_lines, l->number);
        }
    }
  return ct_layout_paragraphs (lines, &metrics);
}
