/* ct-reader-layout-para.c: lines → paragraphs, footnote bodies and tables
 *
 * A paragraph goes on while lines follow at the usual pitch, start at the
 * same edge and the line before reached the right margin; a blank gap, a
 * first-line indent, a short last line, a list dash or a change of size or
 * weight ends it. A paragraph cut by a page break (and by the footnotes at
 * the bottom of the page) goes on on the next page. Lines made of runs far
 * apart form a table, with columns where the runs of its rows overlap.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-layout-private.h"
#include "ct-reader-outline.h"

#include <math.h>
#include <string.h>

/* A gap between lines over this many pitches is a blank line. */
#define BLANK_PITCHES 1.5

typedef struct
{
  const CtLayoutMetrics *m;
  GPtrArray             *out;
  CtRawPara             *body;
  const CtLayoutLine    *body_last;
  CtRawPara             *note;
  const CtLayoutLine    *note_last;
  guint                  table_no;
} Flow;

static gboolean
superscript_value (gunichar c,
                   gchar   *digit)
{
  static const gunichar sup[] = { 0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074,
                                  0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };

  for (guint i = 0; i < G_N_ELEMENTS (sup); i++)
    if (c == sup[i])
      {
        *digit = '0' + i;
        return TRUE;
      }
  return FALSE;
}

/* "¹ Kết quả …": a line that opens a footnote body; returns its number. */
static gchar *
note_opening (const gchar  *text,
              const gchar **rest)
{
  GString *id = g_string_new (NULL);
  const gchar *p = text;
  gchar d;

  while (*p != '\0' && superscript_value (g_utf8_get_char (p), &d))
    {
      g_string_append_c (id, d);
      p = g_utf8_next_char (p);
    }
  if (id->len == 0 || id->len > 3 || *p == '\0')
    {
      g_string_free (id, TRUE);
      return NULL;
    }
  while (*p == ' ')
    p++;
  *rest = p;
  return g_string_free (id, FALSE);
}

static gboolean
ends_sentence (const gchar *text)
{
  gsize len = strlen (text);

  return len > 0 && strchr (".;:!?", text[len - 1]) != NULL;
}

static gboolean
opens_item (const gchar *text)
{
  return g_str_has_prefix (text, "- ") || g_str_has_prefix (text, "+ ") ||
         g_str_has_prefix (text, "* ") || g_str_has_prefix (text, "• ") ||
         g_str_has_prefix (text, "– ") || g_str_has_prefix (text, "\xef\x82\xb7 ");
}

/* Whether @line starts a new paragraph after @prev; @blank tells whether a
 * blank line stood between them. */
static gboolean
breaks (const CtLayoutMetrics *m,
        const CtLayoutLine    *prev,
        const CtLayoutLine    *line,
        gboolean              *blank)
{
  gdouble em = line->size;

  *blank = FALSE;
  if (prev->page == line->page)
    {
      gdouble step = line->base - prev->base;

      if (step <= 0 || step > BLANK_PITCHES * m->pitch * MAX (line->size, prev->size) / m->size)
        {
          *blank = step > 0;
          return TRUE;
        }
    }
  if (fabs (line->size - prev->size) > prev->size * 0.12 || line->bold != prev->bold)
    return TRUE;
  if (line->x0 > prev->x0 + 0.8 * em || prev->x1 < m->right - 3 * em)
    return TRUE;
  if (opens_item (line->text))
    return TRUE;
  return ct_outline_parse_label (line->text, NULL, NULL) != CT_LABEL_NONE && ends_sentence (prev->text);
}

/* Appends a line to a paragraph; a word hyphenated at the line's end is
 * put back together ("tăng trư-" + "ởng" would be rare in Vietnamese, but
 * "Covid-" + "19" and English words are not). */
static void
join_line (CtRawPara          *para,
           const CtLayoutLine *line)
{
  g_autoptr(CtRawPara) next = ct_raw_para_new (CT_RAW_PARAGRAPH, line->text, line->number);
  gsize len = strlen (para->text);
  gboolean hyphen = len >= 2 && para->text[len - 1] == '-' &&
                    g_unichar_isalnum (g_utf8_get_char (g_utf8_find_prev_char (para->text, para->text + len - 1))) &&
                    g_unichar_isalnum (g_utf8_get_char (line->text));

  ct_raw_para_append (para, next);
  if (hyphen)
    {
      gboolean lower = g_unichar_islower (g_utf8_get_char (line->text));

      /* "trư-" + "ởng" loses the hyphen; "Covid-" + "19" keeps it. */
      ct_raw_para_remove (para, len, len + 1);
      if (lower)
        ct_raw_para_remove (para, len - 1, len);
    }
}

static void
add_line (Flow               *f,
          const CtLayoutLine *line)
{
  const gchar *rest = NULL;
  gchar *id = note_opening (line->text, &rest);
  gboolean blank = FALSE;

  if (id != NULL)
    {
      f->note = ct_raw_para_new (CT_RAW_FOOTNOTE, rest, line->number);
      f->note->note_id = id;
      f->note_last = line;
      g_ptr_array_add (f->out, f->note);
      return;
    }
  if (f->note != NULL && f->note_last->page == line->page && !breaks (f->m, f->note_last, line, &blank))
    {
      join_line (f->note, line);
      f->note_last = line;
      return;
    }
  f->note = NULL;
  if (f->body != NULL && !breaks (f->m, f->body_last, line, &blank))
    {
      join_line (f->body, line);
      f->body_last = line;
      return;
    }
  f->body = ct_raw_para_new (CT_RAW_PARAGRAPH, line->text, line->number);
  f->body->bold = line->bold || line->size > f->m->size * 1.15;
  f->body->after_blank = blank;
  f->body_last = line;
  g_ptr_array_add (f->out, f->body);
}

static gboolean
is_row (const CtLayoutLine *l)
{
  return !l->dropped && l->segments->len >= 2;
}

/* The lines from @start that form a table: rows of two runs or more, and
 * the wrapped lines of their cells close under them. */
static guint
table_end (GPtrArray             *lines,
           guint                  start,
           const CtLayoutMetrics *m)
{
  const CtLayoutLine *last = NULL;
  guint end = start, rows = 0;

  for (guint i = start; i < lines->len; i++)
    {
      const CtLayoutLine *l = g_ptr_array_index (lines, i);

      if (l->dropped)
        continue;
      if (is_row (l))
        rows++;
      else if (last == NULL || l->page != last->page ||
               l->base - last->base > 1.35 * m->pitch * l->size / m->size ||
               opens_item (l->text))
        break;
      end = i + 1;
      last = l;
    }
  /* A wrapped line after the last row belongs to the text below. */
  while (end > start && !is_row (g_ptr_array_index (lines, end - 1)))
    end--;
  return rows >= 2 ? end : start;
}

typedef struct
{
  gdouble x0, x1;
} Span;

static gint
by_start (gconstpointer a,
          gconstpointer b)
{
  const Span *x = a, *y = b;

  return x->x0 < y->x0 ? -1 : x->x0 > y->x0 ? 1 : 0;
}

/* Columns are where the runs of the fullest rows overlap; a heading cell
 * over two columns does not merge them because it is not counted. */
static GArray *
table_columns (GPtrArray *lines,
               guint      start,
               guint      end)
{
  GArray *cols = g_array_new (FALSE, FALSE, sizeof (Span));
  g_autoptr(GArray) spans = g_array_new (FALSE, FALSE, sizeof (Span));
  guint most = 0;

  for (guint i = start; i < end; i++)
    most = MAX (most, ((CtLayoutLine *) g_ptr_array_index (lines, i))->segments->len);
  for (guint i = start; i < end; i++)
    {
      const CtLayoutLine *l = g_ptr_array_index (lines, i);

      if (l->dropped || l->segments->len + 1 < most || l->segments->len < 2)
        continue;
      for (guint s = 0; s < l->segments->len; s++)
        {
          const CtLayoutSegment *seg = &g_array_index (l->segments, CtLayoutSegment, s);
          Span sp = { seg->x0, seg->x1 };

          g_array_append_val (spans, sp);
        }
    }
  g_array_sort (spans, by_start);
  for (guint i = 0; i < spans->len; i++)
    {
      Span sp = g_array_index (spans, Span, i);

      if (cols->len > 0 && sp.x0 < g_array_index (cols, Span, cols->len - 1).x1)
        g_array_index (cols, Span, cols->len - 1).x1 = MAX (g_array_index (cols, Span, cols->len - 1).x1, sp.x1);
      else
        g_array_append_val (cols, sp);
    }
  return cols;
}

/* The first column a run overlaps (or the nearest) and how many it covers. */
static guint
place_segment (GArray                *cols,
               const CtLayoutSegment *seg,
               guint                 *span)
{
  guint first = G_MAXUINT, last = 0, nearest = 0;
  gdouble best = G_MAXDOUBLE;

  for (guint c = 0; c < cols->len; c++)
    {
      const Span *col = &g_array_index (cols, Span, c);
      gdouble d = fabs ((col->x0 + col->x1) / 2 - (seg->x0 + seg->x1) / 2);

      if (MIN (col->x1, seg->x1) > MAX (col->x0, seg->x0))
        {
          first = MIN (first, c);
          last = c;
        }
      if (d < best)
        best = d, nearest = c;
    }
  if (first == G_MAXUINT)
    first = last = nearest;
  *span = last - first + 1;
  return first;
}

static CtRawPara *
table_row (GPtrArray *cells,
           GArray    *spans,
           GArray    *cols,
           guint      line,
           guint      table)
{
  g_autofree gchar *joined = NULL;
  CtRawPara *p;

  g_ptr_array_add (cells, NULL);
  joined = g_strjoinv (" | ", (gchar **) cells->pdata);
  g_ptr_array_remove_index (cells, cells->len - 1);
  p = ct_raw_para_new (CT_RAW_TABLE_ROW, joined, line);
  p->cells = g_ptr_array_ref (cells);
  p->spans = g_array_ref (spans);
  p->cols = g_array_ref (cols);
  p->row_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < cells->len; i++)
    {
      guint one = 1;

      g_array_append_val (p->row_spans, one);
    }
  p->table = table;
  return p;
}

/* Cells of one line, one per column it fills (empty columns left out). */
static void
line_cells (const CtLayoutLine *l,
            GArray             *cols,
            gchar             **texts,
            guint              *spans)
{
  for (guint s = 0; s < l->segments->len; s++)
    {
      const CtLayoutSegment *seg = &g_array_index (l->segments, CtLayoutSegment, s);
      guint span, c = place_segment (cols, seg, &span);
      gchar *t = texts[c] != NULL ? g_strconcat (texts[c], " ", seg->text, NULL) : g_strdup (seg->text);

      g_free (texts[c]);
      texts[c] = t;
      spans[c] = MAX (spans[c], span);
    }
}

static void
emit_row (Flow   *f,
          gchar **texts,
          guint  *spans,
          guint   n_cols,
          guint   line)
{
  g_autoptr(GPtrArray) cells = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GArray) cell_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  g_autoptr(GArray) cell_cols = g_array_new (FALSE, FALSE, sizeof (guint));

  for (guint c = 0; c < n_cols; c += MAX (spans[c], 1))
    {
      if (texts[c] == NULL)
        continue;
      g_ptr_array_add (cells, g_steal_pointer (&texts[c]));
      g_array_append_val (cell_spans, spans[c]);
      g_array_append_val (cell_cols, c);
    }
  for (guint c = 0; c < n_cols; c++)
    {
      g_clear_pointer (&texts[c], g_free);
      spans[c] = 0;
    }
  if (cells->len > 0)
    g_ptr_array_add (f->out, table_row (cells, cell_spans, cell_cols, line, f->table_no));
}

/* A row starts with a line of two runs or more; a single run under it is
 * its cell going on over a second line. */
static void
add_table (Flow      *f,
           GPtrArray *lines,
           guint      start,
           guint      end)
{
  g_autoptr(GArray) cols = table_columns (lines, start, end);
  g_autofree gchar **texts = g_new0 (gchar *, cols->len);
  g_autofree guint *spans = g_new0 (guint, cols->len);
  guint row_line = 0;

  for (guint i = start; i < end; i++)
    {
      const CtLayoutLine *l = g_ptr_array_index (lines, i);

      if (l->dropped)
        continue;
      if (is_row (l) && row_line != 0)
        emit_row (f, texts, spans, cols->len, row_line);
      if (is_row (l) || row_line == 0)
        row_line = l->number;
      line_cells (l, cols, texts, spans);
    }
  emit_row (f, texts, spans, cols->len, row_line);
  f->table_no++;
  f->body = NULL;
  f->note = NULL;
}

GPtrArray *
ct_layout_paragraphs (GPtrArray             *lines,
                      const CtLayoutMetrics *metrics)
{
  Flow f = { metrics, g_ptr_array_new_with_free_func ((GDestroyNotify) ct_raw_para_free), NULL, NULL, NULL, NULL, 0 };

  for (guint i = 0; i < lines->len;)
    {
      const CtLayoutLine *l = g_ptr_array_index (lines, i);
      guint end;

      if (l->dropped || l->text[0] == '\0')
        {
          i++;
          continue;
        }
      end = is_row (l) ? table_end (lines, i, metrics) : i;
      if (end > i)
        {
          add_table (&f, lines, i, end);
          i = end;
          continue;
        }
      add_line (&f, l);
      i++;
    }
  return f.out;
}
