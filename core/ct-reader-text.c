/* ct-reader-text.c: plain text and Markdown → raw paragraphs
 *
 * A line is a paragraph, as the conversions of Word reports leave them. What
 * Markdown adds is understood rather than kept: emphasis (a bold span may
 * cover several lines, as a header block does), "#" headings, pipe tables and
 * footnotes. Footnote bodies written inline ("[3: …]", possibly over several
 * lines) become bodies of their own, on the line where they begin.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"

#include <string.h>

static gboolean
is_word_char (gunichar c)
{
  return g_unichar_isalnum (c) || g_unichar_ismark (c);
}

/* Drops Markdown emphasis and escapes from one line; "* " bullets become
 * "- ". Counts the "**"/"__" delimiters seen. */
static gchar *
strip_markdown (const gchar *line,
                guint       *out_strong)
{
  GString *out = g_string_sized_new (strlen (line));
  const gchar *p = line;
  guint strong = 0;

  if (p[0] == '*' && p[1] == ' ')
    {
      g_string_append (out, "- ");
      p += 2;
    }

  while (*p != '\0')
    {
      /* Text between markers, nearly all of a line, is copied in runs. */
      gsize run = strcspn (p, "*_\\");

      if (run > 0)
        {
          g_string_append_len (out, p, run);
          p += run;
          continue;
        }
      if ((p[0] == '*' && p[1] == '*') || (p[0] == '_' && p[1] == '_'))
        {
          strong++;
          p += 2;
          continue;
        }
      if (p[0] == '*')
        {
          gunichar prev = out->len > 0 ? g_utf8_get_char (g_utf8_find_prev_char (out->str, out->str + out->len)) : ' ';
          gunichar next = p[1] != '\0' ? g_utf8_get_char (p + 1) : ' ';

          /* A lone " * " is text; a star touching a word is emphasis. */
          if (!(prev == ' ' && next == ' '))
            {
              p++;
              continue;
            }
        }
      if (p[0] == '\\' && p[1] != '\0' && strchr ("\\`*_{}[]()#+-.!|<>~", p[1]) != NULL)
        {
          g_string_append_c (out, p[1]);
          p += 2;
          continue;
        }
      g_string_append_c (out, *p);
      p++;
    }

  if (out_strong != NULL)
    *out_strong = strong;
  return g_string_free (out, FALSE);
}

static guint
count_strong (const gchar *line)
{
  guint n = 0;

  /* strpbrk skips the text between markers in wide steps. */
  for (const gchar *p = strpbrk (line, "*_"); p != NULL; p = strpbrk (p, "*_"))
    if (p[1] == p[0])
      {
        n++;
        p += 2;
      }
    else
      p++;
  return n;
}

static gboolean
wholly_strong (const gchar *raw)
{
  gsize len = strlen (raw);

  return len > 4 && count_strong (raw) == 2 &&
         ((g_str_has_prefix (raw, "**") && g_str_has_suffix (raw, "**")) ||
          (g_str_has_prefix (raw, "__") && g_str_has_suffix (raw, "__")));
}

static gboolean
is_table_line (const gchar *line)
{
  return line[0] == '|' && strchr (line + 1, '|') != NULL;
}

static GPtrArray *
split_cells (const gchar *line)
{
  GPtrArray *cells = g_ptr_array_new_with_free_func (g_free);
  g_autofree gchar *body = g_strstrip (g_strdup (line));
  g_auto(GStrv) parts = NULL;
  gchar *s = body;
  gsize len;

  /* The leading and trailing pipes frame the row; they hold no cell. */
  if (*s == '|')
    s++;
  len = strlen (s);
  if (len > 0 && s[len - 1] == '|')
    s[len - 1] = '\0';
  parts = g_strsplit (s, "|", -1);
  for (guint i = 0; parts[i] != NULL; i++)
    g_ptr_array_add (cells, strip_markdown (g_strstrip (parts[i]), NULL));
  return cells;
}

static gboolean
is_separator_row (GPtrArray *cells)
{
  if (cells->len == 0)
    return FALSE;
  for (guint i = 0; i < cells->len; i++)
    {
      const gchar *c = g_ptr_array_index (cells, i);

      if (c[0] == '\0' || strspn (c, ":-") != strlen (c) || strchr (c, '-') == NULL)
        return FALSE;
    }
  return TRUE;
}

static CtRawPara *
table_row (GPtrArray *cells,
           guint      line,
           guint      table)
{
  GString *text = g_string_new (NULL);
  CtRawPara *p;

  for (guint i = 0; i < cells->len; i++)
    {
      if (i > 0)
        g_string_append (text, " | ");
      g_string_append (text, g_ptr_array_index (cells, i));
    }
  p = ct_raw_para_new (CT_RAW_TABLE_ROW, text->str, line);
  g_string_free (text, TRUE);
  p->cells = g_ptr_array_ref (cells);
  p->spans = g_array_new (FALSE, FALSE, sizeof (guint));
  p->row_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 0; i < cells->len; i++)
    {
      guint one = 1;

      g_array_append_val (p->spans, one);
      g_array_append_val (p->row_spans, one);
    }
  p->table = table;
  return p;
}

/* "[12: body]" with brackets balanced; returns FALSE when none starts at or
 * after @from. *end is 0 when the body is not closed in @text. */
static gboolean
find_inline_note (const gchar *text,
                  gsize        from,
                  gsize       *start,
                  gsize       *body,
                  gsize       *end)
{
  for (const gchar *p = strchr (text + from, '['); p != NULL; p = strchr (p + 1, '['))
    {
      const gchar *q = p + 1;
      gint depth = 1;

      while (g_ascii_isdigit (*q))
        q++;
      if (q == p + 1 || q - p > 4 || *q != ':')
        continue;
      *start = p - text;
      *body = q + 1 - text;
      *end = 0;
      for (q = q + 1; *q != '\0'; q++)
        {
          if (*q == '[')
            depth++;
          else if (*q == ']' && --depth == 0)
            {
              *end = q + 1 - text;
              break;
            }
        }
      return TRUE;
    }
  return FALSE;
}

static guint
line_at (const CtRawPara *p,
         gsize            offset)
{
  guint line = p->line;

  for (guint i = 0; i < p->lines->len; i++)
    {
      const CtLineSpan *l = &g_array_index (p->lines, CtLineSpan, i);

      if (l->start <= offset)
        line = l->line;
    }
  return line;
}

/* The footnote body host->text[from, to), which may run over several source
 * lines: each line's piece keeps its own line, so a figure on the second
 * line of a body leads back to that line. */
static CtRawPara *
inline_note_body (const CtRawPara *host,
                  gsize            from,
                  gsize            to,
                  guint            first_line)
{
  CtRawPara *note = ct_raw_para_new (CT_RAW_FOOTNOTE, "", first_line);

  note->lines->len = 0;
  for (guint i = 0; i < host->lines->len; i++)
    {
      const CtLineSpan *l = &g_array_index (host->lines, CtLineSpan, i);
      gsize next = i + 1 < host->lines->len ? g_array_index (host->lines, CtLineSpan, i + 1).start : to;
      gsize piece_start = MAX (l->start, from);
      gsize piece_end = MIN (next, to);
      g_autofree gchar *clean = NULL;
      g_autoptr(CtRawPara) piece = NULL;

      if (piece_start >= piece_end)
        continue;
      clean = ct_reader_clean_line (host->text + piece_start, piece_end - piece_start);
      if (clean[0] == '\0')
        continue;
      piece = ct_raw_para_new (CT_RAW_FOOTNOTE, clean, l->line);
      ct_raw_para_append (note, piece);
    }
  if (note->lines->len == 0)
    {
      CtLineSpan span = { 0, first_line };

      g_array_append_val (note->lines, span);
    }
  note->line = g_array_index (note->lines, CtLineSpan, 0).line;
  return note;
}

/* Moves inline bodies out of @host into the array returned (NULL when
 * there are none, as in nearly every paragraph). */
static GPtrArray *
take_inline_notes (CtRawPara *host)
{
  GPtrArray *notes = NULL;
  gsize start, body, end, from = 0;

  while (find_inline_note (host->text, from, &start, &body, &end))
    {
      g_autofree gchar *id = g_strndup (host->text + start + 1, body - start - 2);
      CtRawPara *note;

      if (end == 0)
        end = strlen (host->text);
      note = inline_note_body (host, body, end - (host->text[end - 1] == ']' ? 1 : 0),
                               line_at (host, start));
      note->note_id = g_steal_pointer (&id);
      if (notes == NULL)
        notes = g_ptr_array_new ();
      g_ptr_array_add (notes, note);
      ct_raw_para_remove (host, start, end);
      from = MIN (start, strlen (host->text));
    }
  return notes;
}

static gboolean
is_superscript_digit (gunichar c,
                      gchar   *digit)
{
  static const gunichar sup[] = { 0x2070, 0x00B9, 0x00B2, 0x00B3, 0x2074,
                                  0x2075, 0x2076, 0x2077, 0x2078, 0x2079 };

  for (guint i = 0; i < G_N_ELEMENTS (sup); i++)
    if (c == sup[i])
      {
        if (digit != NULL)
          *digit = '0' + i;
        return TRUE;
      }
  return FALSE;
}

/* "¹ Kết quả…" or "⁸cử tham gia…": a footnote body as a paragraph. */
static gchar *
leading_note_id (const gchar  *text,
                 const gchar **rest)
{
  GString *id;
  const gchar *p = text;
  gchar d;

  /* Nearly every paragraph starts with no superscript digit. */
  if (!is_superscript_digit (g_utf8_get_char (p), NULL))
    return NULL;
  id = g_string_new (NULL);
  while (*p != '\0' && is_superscript_digit (g_utf8_get_char (p), &d))
    {
      g_string_append_c (id, d);
      p = g_utf8_next_char (p);
    }
  if (id->len == 0 || id->len > 3 || *p == '\0' ||
      !(*p == ' ' || is_word_char (g_utf8_get_char (p)) || *p == '(' || *p == '"'))
    {
      g_string_free (id, TRUE);
      return NULL;
    }
  while (*p == ' ')
    p++;
  *rest = p;
  return g_string_free (id, FALSE);
}

/* "[^3]: body", the Markdown footnote definition. */
static gchar *
markdown_note_id (const gchar  *text,
                  const gchar **rest)
{
  const gchar *q;

  if (!g_str_has_prefix (text, "[^"))
    return NULL;
  for (q = text + 2; g_ascii_isalnum (*q); q++)
    ;
  if (q == text + 2 || q[0] != ']' || q[1] != ':')
    return NULL;
  *rest = q + 2;
  while (**rest == ' ')
    (*rest)++;
  return g_strndup (text + 2, q - text - 2);
}

/* A line of the file, where it is in the text (not a copy). */
typedef struct
{
  const gchar *text;
  gsize        len;
} SourceLine;

/* Tabs between words of a line (not the ones that indent it). */
static guint
inner_tabs (const SourceLine *line)
{
  const gchar *p = line->text, *end = line->text + line->len;
  guint n = 0;

  while (p < end && (*p == '\t' || *p == ' '))
    p++;
  for (p = memchr (p, '\t', end - p); p != NULL; p = memchr (p + 1, '\t', end - p - 1))
    n++;
  return n;
}

/* A table copied out of Word into plain text keeps its columns as tabs:
 * two or more lines in a row with the same number (two or more) of tabs
 * between their words become pipe rows, which the table reader knows.
 * @from_tabs marks them, so the document does not count as Markdown. */
static void
find_tab_tables (GArray *src,
                 GArray *from_tabs)
{
  for (guint i = 0; i < src->len;)
    {
      guint tabs = inner_tabs (&g_array_index (src, SourceLine, i));
      guint j = i + 1;

      if (tabs < 2)
        {
          i++;
          continue;
        }
      while (j < src->len && inner_tabs (&g_array_index (src, SourceLine, j)) == tabs)
        j++;
      if (j - i >= 2)
        for (guint k = i; k < j; k++)
          g_array_index (from_tabs, gboolean, k) = TRUE;
      i = j;
    }
}

/* "| cell | cell |" out of a line whose cells are split by tabs. */
static gchar *
tabs_to_pipes (const SourceLine *line)
{
  g_autofree gchar *copy = g_strndup (line->text, line->len);
  g_auto(GStrv) cells = g_strsplit (g_strstrip (copy), "\t", -1);
  g_autofree gchar *body = g_strjoinv (" | ", cells);

  return g_strdup_printf ("| %s |", body);
}

/* The file's lines, cleaned; NULL when the text is not UTF-8. Each line is
 * cleaned where it lies in the text, without a copy of its own. */
static GPtrArray *
split_lines (const gchar *text,
             gsize        len,
             GArray      *from_tabs)
{
  g_autoptr(GArray) src = g_array_new (FALSE, FALSE, sizeof (SourceLine));
  g_autoptr(GPtrArray) lines = NULL;
  const gchar *p = text, *end = text + len;

  while (p < end)
    {
      const gchar *e = memchr (p, '\n', end - p);
      const gchar *cr;
      SourceLine line;

      if (e == NULL)
        e = end;
      /* A lone CR ends a line too (old Mac files). */
      if ((cr = memchr (p, '\r', e - p)) != NULL)
        e = cr;
      line.text = p;
      line.len = e - p;
      g_array_append_val (src, line);
      if (e < end && *e == '\r' && e + 1 < end && e[1] == '\n')
        e++;
      p = e + 1;
    }
  g_array_set_size (from_tabs, src->len);
  find_tab_tables (src, from_tabs);
  lines = g_ptr_array_new_full (src->len, g_free);
  for (guint i = 0; i < src->len; i++)
    {
      const SourceLine *line = &g_array_index (src, SourceLine, i);
      gchar *clean;

      if (g_array_index (from_tabs, gboolean, i))
        {
          g_autofree gchar *piped = tabs_to_pipes (line);

          clean = ct_reader_clean_new_line (piped, strlen (piped));
        }
      else
        clean = ct_reader_clean_new_line (line->text, line->len);
      if (clean == NULL)
        return NULL;
      g_ptr_array_add (lines, clean);
    }
  return g_steal_pointer (&lines);
}

/* The rows of the table whose first line is @i, added to @paras (the
 * first after a blank line when @blank); returns the line after it. */
static guint
read_table (GPtrArray *lines,
            guint      i,
            guint      table_no,
            gboolean   blank,
            GPtrArray *paras)
{
  while (i < lines->len && is_table_line (g_ptr_array_index (lines, i)))
    {
      g_autoptr(GPtrArray) cells = split_cells (g_ptr_array_index (lines, i));

      if (!is_separator_row (cells) && cells->len > 0)
        {
          CtRawPara *para = table_row (cells, i + 1, table_no);

          para->after_blank = blank;
          g_ptr_array_add (paras, para);
        }
      blank = FALSE;
      i++;
    }
  return i;
}

/* An inline body left open in @para continues until its bracket closes:
 * the lines after @i are appended, at most 40 past @first. Returns the
 * paragraph's last line. */
static guint
close_inline_note (CtRawPara *para,
                   GPtrArray *lines,
                   guint      i,
                   guint      first)
{
  gsize start, body, end, from = 0;

  while (find_inline_note (para->text, from, &start, &body, &end) && end == 0 &&
         i + 1 < lines->len && i - first < 40)
    {
      g_autoptr(CtRawPara) next = NULL;
      g_autofree gchar *s = NULL;

      i++;
      s = strip_markdown (g_ptr_array_index (lines, i), NULL);
      next = ct_raw_para_new (CT_RAW_PARAGRAPH, s, i + 1);
      ct_raw_para_append (para, next);
      from = start;
    }
  return i;
}

GPtrArray *
ct_reader_text_parse (const gchar *text,
                      gsize        len,
                      gboolean    *out_markdown)
{
  g_autoptr(GArray) from_tabs = g_array_new (FALSE, TRUE, sizeof (gboolean));
  g_autoptr(GPtrArray) lines = split_lines (text, len, from_tabs);
  GPtrArray *paras;
  gboolean markdown = FALSE, blank = FALSE;
  guint table_no = 0;
  guint i = 0;

  if (lines == NULL)
    return NULL;
  paras = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_raw_para_free);
  while (i < lines->len)
    {
      const gchar *raw = g_ptr_array_index (lines, i);
      /* The raw line, or the lines a bold span runs over, joined. */
      g_autoptr(GString) joined_raw = NULL;
      const gchar *joined;
      g_autoptr(GPtrArray) notes = NULL;
      CtRawPara *para;
      const gchar *rest = NULL;
      gchar *id;
      guint heading = 0, strong, first = i;

      if (raw[0] == '\0')
        {
          blank = TRUE;
          i++;
          continue;
        }

      if (is_table_line (raw))
        {
          if (!g_array_index (from_tabs, gboolean, i))
            markdown = TRUE;
          i = read_table (lines, i, table_no++, blank, paras);
          blank = FALSE;
          continue;
        }

      /* "# Heading" */
      while (raw[heading] == '#' && heading < 6)
        heading++;
      if (heading > 0 && raw[heading] == ' ')
        {
          markdown = TRUE;
          raw += heading + 1;
        }
      else
        heading = 0;

      /* A bold span left open continues on the next lines. */
      para = ct_raw_para_take (CT_RAW_PARAGRAPH, strip_markdown (raw, &strong), i + 1);
      while (strong % 2 == 1 && i + 1 < lines->len && i - first < 6 &&
             ((const gchar *) g_ptr_array_index (lines, i + 1))[0] != '\0')
        {
          g_autoptr(CtRawPara) next = NULL;
          g_autofree gchar *s = NULL;
          guint more;

          i++;
          s = strip_markdown (g_ptr_array_index (lines, i), &more);
          next = ct_raw_para_new (CT_RAW_PARAGRAPH, s, i + 1);
          ct_raw_para_append (para, next);
          if (joined_raw == NULL)
            joined_raw = g_string_new (raw);
          g_string_append_printf (joined_raw, " %s", (const gchar *) g_ptr_array_index (lines, i));
          strong += more;
        }
      joined = joined_raw != NULL ? joined_raw->str : raw;
      if (count_strong (joined) > 0)
        markdown = TRUE;

      i = close_inline_note (para, lines, i, first) + 1;

      if ((id = markdown_note_id (para->text, &rest)) != NULL ||
          (id = leading_note_id (para->text, &rest)) != NULL)
        {
          if (para->text[0] == '[')
            markdown = TRUE;
          ct_raw_para_remove (para, 0, rest - para->text);
          para->kind = CT_RAW_FOOTNOTE;
          para->note_id = id;
        }
      else
        {
          para->heading_level = heading;
          para->bold = wholly_strong (joined);
        }
      para->after_blank = blank;
      blank = FALSE;

      notes = take_inline_notes (para);
      if (para->text[0] != '\0')
        g_ptr_array_add (paras, para);
      else
        ct_raw_para_free (para);
      for (guint n = 0; notes != NULL && n < notes->len; n++)
        g_ptr_array_add (paras, g_ptr_array_index (notes, n));
    }

  if (out_markdown != NULL)
    *out_markdown = markdown;
  return paras;
}
