/* ct-reader-outline.c: the heading tree of a report
 *
 * A heading is recognised by its numbering ("A.", "II.", "2.1.", "đ)"), by a
 * Word heading style or Markdown "#", or by being short and wholly bold or
 * in capitals. Its level comes from the numbering style, outermost first
 * (Phần > A. > I. > 1. > 1.1. > a)), with two refinements real reports need:
 * a heading numbered as the successor of an open one is its sibling, and a
 * heading in capitals ranks just above the same numbering in normal case
 * ("4. CÔNG TÁC QUỐC PHÒNG" holding "1. Công tác Quân sự").
 *
 * "1. Thu ngân sách: đạt 11,3 tỷ đồng …" is a run-in heading: the paragraph
 * stays a paragraph (its numbers matter), and it opens a section named by
 * the words before the colon.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-outline.h"
#include "ct-reader-private.h"
#include "ct-text.h"

#include <string.h>

#define MAX_HEADING_WORDS 30
#define MAX_RUN_IN_WORDS  20
#define MAX_INTRO_WORDS   20
#define FRONT_MATTER_END_WORDS 25

static const gchar upper_alphabet[] = "A B C D Đ E F G H I J K L M N O P Q R S T U V W X Y Z";
static const gchar lower_alphabet[] = "a b c d đ e f g h i j k l m n o p q r s t u v w x y z";

static gboolean
is_upper_start (const gchar *p)
{
  gunichar c = g_utf8_get_char (p);

  return g_unichar_isupper (c) || g_unichar_isdigit (c) || c == 0x201C || c == '"' || c == '(';
}

static gint
roman_value (const gchar *s,
             gsize        len)
{
  gint total = 0;

  for (gsize i = 0; i < len; i++)
    {
      gint v = s[i] == 'I' ? 1 : s[i] == 'V' ? 5 : s[i] == 'X' ? 10 : 0;
      gint next = i + 1 < len ? (s[i + 1] == 'I' ? 1 : s[i + 1] == 'V' ? 5 : s[i + 1] == 'X' ? 10 : 0) : 0;

      if (v == 0)
        return 0;
      total += v < next ? -v : v;
    }
  return total;
}

/* "Phần thứ nhất", "PHẦN II", "Phần 2" */
static gboolean
parse_part (const gchar *text,
            gsize       *label_len,
            gsize       *title_start)
{
  g_autofree gchar *head = NULL;
  const gchar *p;

  /* Every paragraph is asked; most are answered by their first letter. */
  if (text[0] != 'P' && text[0] != 'p')
    return FALSE;
  head = g_utf8_strdown (text, MIN (strlen (text), 40));
  if (!g_str_has_prefix (head, "phần "))
    return FALSE;
  p = text + strlen ("Phần ");
  if (g_str_has_prefix (head + strlen ("phần "), "thứ "))
    {
      p += strlen ("thứ ");
      while (*p != '\0' && *p != ' ' && *p != ':' && *p != '.')
        p = g_utf8_next_char (p);
    }
  else
    {
      const gchar *q = p;

      while (*q == 'I' || *q == 'V' || *q == 'X' || g_ascii_isdigit (*q))
        q++;
      if (q == p)
        return FALSE;
      p = q;
    }
  if (*p == '.' || *p == ':')
    p++;
  *label_len = p - text;
  while (*p == ' ' || *p == '-')
    p++;
  *title_start = p - text;
  return TRUE;
}

CtLabelKind
ct_outline_parse_label (const gchar *text,
                        gsize       *label_len,
                        gsize       *title_start)
{
  const gchar *p = text, *q;
  CtLabelKind kind = CT_LABEL_NONE;
  gsize dummy_label, dummy_title;

  if (label_len == NULL)
    label_len = &dummy_label;
  if (title_start == NULL)
    title_start = &dummy_title;
  *label_len = 0;
  *title_start = 0;

  /* Stepping over a character needs one to be there. */
  if (*text == '\0')
    return CT_LABEL_NONE;

  if (parse_part (text, label_len, title_start))
    return CT_LABEL_PART;

  if (g_ascii_isdigit (*p))
    {
      guint parts = 0;

      q = p;
      while (TRUE)
        {
          const gchar *d = q;

          while (g_ascii_isdigit (*q))
            q++;
          if (q - d == 0 || q - d > 2)
            return CT_LABEL_NONE;
          parts++;
          if (*q == '.' && g_ascii_isdigit (q[1]))
            {
              q++;
              continue;
            }
          break;
        }
      if (*q == '.' || *q == ')' || (*q == '-' && q[1] == ' '))
        q++;
      else if (parts == 1)
        return CT_LABEL_NONE;
      kind = parts == 1 ? CT_LABEL_ARABIC : parts == 2 ? CT_LABEL_ARABIC2 : CT_LABEL_ARABIC3;
    }
  else
    {
      q = p;
      while (*q == 'I' || *q == 'V' || *q == 'X')
        q++;
      if (q > p && q - p <= 5 && (*q == '.' || *q == ')' || (*q == '-' && q[1] == ' ')) &&
          roman_value (p, q - p) > 0)
        {
          kind = CT_LABEL_ROMAN;
          q++;
        }
      else
        {
          gunichar c = g_utf8_get_char (p);
          const gchar *after = g_utf8_next_char (p);
          g_autofree gchar *letter = g_strndup (p, after - p);

          if ((*after == '.' || *after == ')' || (*after == '-' && after[1] == ' ')) &&
              strstr (upper_alphabet, letter) != NULL && g_unichar_isupper (c))
            kind = CT_LABEL_UPPER;
          else if ((*after == ')' || *after == '.') && strstr (lower_alphabet, letter) != NULL && g_unichar_islower (c))
            kind = CT_LABEL_LOWER;
          else
            return CT_LABEL_NONE;
          q = after + 1;
        }
    }

  *label_len = q - text;
  while (*q == ' ')
    q++;
  /* A label is followed by a title that starts like one ("6.1.Lĩnh vực"
   * has no space); "2.5 tỷ đồng" or "a. b" are not labels. */
  if (*q == '\0' || !is_upper_start (q))
    return CT_LABEL_NONE;
  if (q == text + *label_len && kind != CT_LABEL_ARABIC2 && kind != CT_LABEL_ARABIC3 &&
      kind != CT_LABEL_ARABIC)
    return CT_LABEL_NONE;
  *title_start = q - text;
  return kind;
}

/* Whether each character below CASE_TABLE_END is a capital (1), a small
 * letter (2) or neither (0), as GLib says: the letters of Vietnamese are
 * looked up rather than asked of GLib twice each. */
#define CASE_TABLE_END 0x2000

static const guint8 *
case_table (void)
{
  static guint8 table[CASE_TABLE_END];
  static gsize once;

  if (g_once_init_enter (&once))
    {
      for (gunichar c = 0; c < CASE_TABLE_END; c++)
        table[c] = g_unichar_isupper (c) ? 1 : g_unichar_islower (c) ? 2 : 0;
      g_once_init_leave (&once, 1);
    }
  return table;
}

gboolean
ct_outline_is_caps (const gchar *text,
                    gssize       len)
{
  const guint8 *cases = case_table ();
  guint upper = 0, lower = 0;
  const gchar *end = text + (len < 0 ? (gssize) strlen (text) : len);

  for (const gchar *p = text; p < end; p = g_utf8_next_char (p))
    {
      gunichar c = (guchar) *p < 0x80 ? (guchar) *p : g_utf8_get_char (p);
      guint kind;

      /* Even if every byte left were a capital, the text could not be
       * capitals any more: prose is answered after its first words. */
      if (lower * 10 > upper + (guint) (end - p))
        return FALSE;
      if (c < CASE_TABLE_END)
        kind = cases[c];
      else
        kind = g_unichar_isupper (c) ? 1 : g_unichar_islower (c) ? 2 : 0;
      /* Counted without a branch: which of the two a letter is cannot be
       * foreseen. */
      upper += kind & 1;
      lower += kind >> 1;
    }
  return upper >= 4 && lower * 10 <= upper;
}

/* The words of @text, counted no further than one past @limit: callers
 * only compare the count with limits of a few dozen words, and counting a
 * long paragraph's every word for each block was a twentieth of reading
 * a report. */
static guint
count_words (const gchar *text,
             gsize        len,
             guint        limit)
{
  guint n = 0;
  gboolean in = FALSE;

  for (gsize i = 0; i < len && n <= limit; i++)
    {
      if (text[i] == ' ')
        in = FALSE;
      else if (!in)
        {
          in = TRUE;
          n++;
        }
    }
  return n;
}

/* A sentence ends inside: ". X" with an upper case letter after. */
static gboolean
has_inner_sentence (const gchar *text,
                    gsize        len)
{
  for (gsize i = 0; i + 2 < len; i++)
    if ((text[i] == '.' || text[i] == '!' || text[i] == '?') && text[i + 1] == ' ' &&
        is_upper_start (text + i + 2))
      return TRUE;
  return FALSE;
}

/* "Văn hóa, thể thao; thông tin - truyền thông" is a heading, but clauses
 * with measured figures ("đạt 346.756 con; sản lượng …") are a list of
 * results. A figure is a number followed by a word or "%", not a year
 * range like "2021 - 2030". */
static gboolean
has_measured_clauses (const gchar *text,
                      gsize        len)
{
  const gchar *semi = memchr (text, ';', len);

  if (semi == NULL || (gsize) (semi - text) + 1 >= len)
    return FALSE;
  for (gsize i = 0; i + 2 < len; i++)
    if (g_ascii_isdigit (text[i]) && !g_ascii_isdigit (text[i + 1]) && text[i + 1] != '.' && text[i + 1] != ',' &&
        (text[i + 1] == '%' || (text[i + 1] == ' ' && g_unichar_islower (g_utf8_get_char (text + i + 2)))))
      return TRUE;
  return FALSE;
}

gboolean
ct_outline_is_closing (const gchar *text,
                       gsize        len)
{
  g_autofree gchar *folded = NULL;

  if (len >= 3 && memcmp (text + len - 3, "./.", 3) == 0)
    return TRUE;
  if (len == 0 || (text[0] != 'T' && text[0] != 't'))
    return FALSE;
  folded = ct_text_fold (text, MIN (len, 40));
  return g_str_has_prefix (folded, "tren day la");
}

static GPtrArray *
part_patterns (void)
{
  static GPtrArray *patterns;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GPtrArray) rows = ct_reader_load_table ("parts.tsv");
      GPtrArray *list = g_ptr_array_new ();

      for (guint i = 0; i < rows->len; i++)
        {
          gchar **row = g_ptr_array_index (rows, i);
          GRegex *re;

          if (g_strv_length (row) < 2)
            continue;
          re = g_regex_new (row[1], G_REGEX_OPTIMIZE, 0, NULL);
          if (re == NULL)
            continue;
          /* Even entries are the regexes, odd ones tell the part. */
          g_ptr_array_add (list, re);
          g_ptr_array_add (list, GINT_TO_POINTER (g_str_equal (row[0], "targets") ? CT_PART_TARGETS + 1 : CT_PART_RESULTS + 1));
        }
      patterns = list;
      g_once_init_leave (&once, 1);
    }
  return patterns;
}

CtPart
ct_outline_title_part (const gchar *title,
                       gboolean    *matched)
{
  g_autofree gchar *folded = ct_text_fold (title, -1);
  GPtrArray *patterns = part_patterns ();

  for (guint i = 0; i + 1 < patterns->len; i += 2)
    if (g_regex_match (g_ptr_array_index (patterns, i), folded, 0, NULL))
      {
        if (matched != NULL)
          *matched = TRUE;
        return GPOINTER_TO_INT (g_ptr_array_index (patterns, i + 1)) - 1;
      }
  if (matched != NULL)
    *matched = FALSE;
  return CT_PART_RESULTS;
}

typedef struct
{
  gint        section;
  gint        rank;
  CtLabelKind kind;
  gchar      *label;
} OpenSection;

static gint
alphabet_index (const gchar *alphabet,
                const gchar *label)
{
  const gchar *end = g_utf8_next_char (label);
  g_autofree gchar *letter = g_strndup (label, end - label);
  g_auto(GStrv) letters = g_strsplit (alphabet, " ", -1);

  for (guint i = 0; letters[i] != NULL; i++)
    if (g_str_equal (letters[i], letter))
      return i + 1;
  return 0;
}

static gint
part_ordinal (const gchar *label)
{
  static const gchar *const words[] = { "nhất", "hai", "ba", "tư", "năm", "sáu", "bảy", "tám", "chín", "mười" };
  g_autofree gchar *low = g_utf8_strdown (label, -1);
  const gchar *last = strrchr (low, ' ');

  last = last != NULL ? last + 1 : low;
  for (guint i = 0; i < G_N_ELEMENTS (words); i++)
    if (g_str_has_prefix (last, words[i]))
      return i + 1;
  if (g_ascii_isdigit (*last))
    return atoi (last);
  {
    g_autofree gchar *up = g_utf8_strup (last, -1);
    gsize n = strspn (up, "IVX");

    return roman_value (up, n);
  }
}

/* The number of a label within its style and, for "1.2.", its prefix. */
static gint
label_ordinal (CtLabelKind  kind,
               const gchar *label,
               gchar      **prefix)
{
  *prefix = NULL;
  switch (kind)
    {
    case CT_LABEL_PART:
      return part_ordinal (label);
    case CT_LABEL_UPPER:
      return alphabet_index (upper_alphabet, label);
    case CT_LABEL_LOWER:
      return alphabet_index (lower_alphabet, label);
    case CT_LABEL_ROMAN:
      return roman_value (label, strspn (label, "IVX"));
    case CT_LABEL_ARABIC:
      return atoi (label);
    case CT_LABEL_ARABIC2:
    case CT_LABEL_ARABIC3:
      {
        g_autofree gchar *copy = g_strdup (label);
        gchar *dot;
        gsize n = strlen (copy);

        while (n > 0 && (copy[n - 1] == '.' || copy[n - 1] == ')'))
          copy[--n] = '\0';
        dot = strrchr (copy, '.');
        if (dot == NULL)
          return 0;
        *prefix = g_strndup (copy, dot - copy);
        return atoi (dot + 1);
      }
    case CT_LABEL_NONE:
    default:
      return 0;
    }
}

static gboolean
is_successor (const OpenSection *open,
              CtLabelKind        kind,
              const gchar       *label)
{
  g_autofree gchar *p1 = NULL;
  g_autofree gchar *p2 = NULL;
  gint a, b;

  if (open->kind != kind || kind == CT_LABEL_NONE)
    return FALSE;
  a = label_ordinal (kind, open->label, &p1);
  b = label_ordinal (kind, label, &p2);
  return a > 0 && b == a + 1 && g_strcmp0 (p1, p2) == 0;
}

static gint
label_rank (CtLabelKind kind)
{
  switch (kind)
    {
    case CT_LABEL_PART:
      return 0;
    case CT_LABEL_UPPER:
      return 2;
    case CT_LABEL_ROMAN:
      return 4;
    case CT_LABEL_ARABIC:
      return 6;
    case CT_LABEL_ARABIC2:
      return 8;
    case CT_LABEL_ARABIC3:
      return 10;
    case CT_LABEL_LOWER:
      return 12;
    case CT_LABEL_NONE:
    default:
      return 14;
    }
}

typedef enum
{
  SHAPE_TEXT,
  SHAPE_HEADING,
  SHAPE_RUN_IN,
} Shape;

/* Decides whether a labelled or styled block is a heading, a run-in heading
 * or ordinary numbered text, and where its title is. */
static Shape
block_shape (const gchar         *text,
             gsize                len,
             const CtOutlineHint *hint,
             CtLabelKind         *out_kind,
             gsize               *label_len,
             gsize               *title_start,
             gsize               *title_end)
{
  CtLabelKind kind = ct_outline_parse_label (text, label_len, title_start);
  const gchar *title = text + *title_start;
  gsize tlen = len - *title_start;
  guint words = count_words (title, tlen, MAX_HEADING_WORDS);
  const gchar *colon;
  gboolean caps = ct_outline_is_caps (title, tlen);

  *out_kind = kind;
  *title_end = len;

  if (kind == CT_LABEL_NONE)
    {
      *label_len = 0;
      *title_start = 0;
      if (hint->heading_level > 0)
        return SHAPE_HEADING;
      /* "Phương hướng, nhiệm vụ 6 tháng cuối năm như sau:" opens the targets
       * even when nothing sets it apart but its words. */
      if (words <= MAX_INTRO_WORDS && len > 0 && (text[len - 1] == ':' || !strchr (".;,", text[len - 1])) &&
          !has_inner_sentence (text, len))
        {
          gboolean matched = FALSE;
          g_autofree gchar *copy = g_strndup (text, len);

          if (ct_outline_title_part (copy, &matched) == CT_PART_TARGETS && matched)
            return SHAPE_HEADING;
        }
      if ((hint->bold || caps) && words <= MAX_HEADING_WORDS && len > 0 &&
          text[len - 1] != ';' && text[len - 1] != ',' && !has_inner_sentence (text, len) &&
          !has_measured_clauses (text, len))
        return SHAPE_HEADING;
      return SHAPE_TEXT;
    }

  if (kind == CT_LABEL_PART || hint->heading_level > 0)
    return SHAPE_HEADING;

  /* "2.1. Công nghiệp: Sản xuất …" */
  colon = memchr (title, ':', tlen);
  if (colon != NULL && count_words (colon + 1, tlen - (colon + 1 - title), 2) >= 2)
    {
      guint before = count_words (title, colon - title, MAX_RUN_IN_WORDS);

      if (before > 0 && before <= MAX_RUN_IN_WORDS && !has_inner_sentence (title, colon - title) &&
          memchr (title, ';', colon - title) == NULL)
        {
          *title_end = colon - text;
          return SHAPE_RUN_IN;
        }
      return SHAPE_TEXT;
    }

  if (words == 0 || words > MAX_HEADING_WORDS || has_inner_sentence (title, tlen) ||
      has_measured_clauses (title, tlen))
    return SHAPE_TEXT;
  if (title[tlen - 1] == ';' || title[tlen - 1] == ',')
    return SHAPE_TEXT;
  if (!caps && !hint->bold && words > 20 && title[tlen - 1] == '.')
    return SHAPE_TEXT;
  return SHAPE_HEADING;
}

static void
clear_open (gpointer data)
{
  OpenSection *o = data;

  g_clear_pointer (&o->label, g_free);
}

void
ct_outline_build (CtDocument          *doc,
                  const CtOutlineHint *hints)
{
  g_autoptr(GArray) stack = g_array_new (FALSE, TRUE, sizeof (OpenSection));
  gboolean front = TRUE, back = FALSE;

  g_array_set_clear_func (stack, clear_open);

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      CtBlock *b = &g_array_index (doc->blocks, CtBlock, i);
      /* The label parser reads to the end of its string: give it the block. */
      g_autofree gchar *own = g_strndup (doc->text + b->start, b->end - b->start);
      const gchar *text = own;
      gsize len = b->end - b->start;
      CtLabelKind kind;
      gsize label_len, title_start, title_end;
      Shape shape;
      CtSection sec = { 0 };
      OpenSection open = { 0 };
      gint rank, parent;
      gboolean matched;

      if (b->kind == CT_BLOCK_FOOTNOTE || b->kind == CT_BLOCK_TABLE_ROW)
        {
          b->section = back || stack->len == 0 ? -1 : g_array_index (stack, OpenSection, stack->len - 1).section;
          b->part = b->section >= 0 ? g_array_index (doc->sections, CtSection, b->section).part : CT_PART_RESULTS;
          continue;
        }

      if (!back && !front && ct_outline_is_closing (text, len))
        {
          back = TRUE;
          g_array_set_size (stack, 0);
        }

      shape = block_shape (text, len, &hints[i], &kind, &label_len, &title_start, &title_end);
      if (back)
        shape = SHAPE_TEXT;

      if (shape == SHAPE_TEXT || (front && kind == CT_LABEL_NONE && hints[i].heading_level == 0))
        {
          if (shape == SHAPE_HEADING)
            b->kind = CT_BLOCK_HEADING;
          else if (front && count_words (text, len, FRONT_MATTER_END_WORDS) > FRONT_MATTER_END_WORDS)
            front = FALSE;
          b->section = stack->len == 0 ? -1 : g_array_index (stack, OpenSection, stack->len - 1).section;
          b->part = b->section >= 0 ? g_array_index (doc->sections, CtSection, b->section).part : CT_PART_RESULTS;
          continue;
        }
      front = FALSE;

      /* Where it goes in the tree. The numbering a reader sees decides
       * over the heading style a writer picked ("1." set in Heading 1
       * under "B." set in Heading 2 still belongs to B). */
      if (hints[i].heading_level > 0 && kind == CT_LABEL_NONE)
        rank = (gint) hints[i].heading_level * 2 - 20;
      else
        rank = label_rank (kind);
      if (kind != CT_LABEL_NONE && shape == SHAPE_HEADING && kind != CT_LABEL_PART &&
          ct_outline_is_caps (text + title_start, len - title_start))
        rank--;

      open.label = g_strndup (text, label_len);
      g_strstrip (open.label);
      open.kind = kind;

      if (kind == CT_LABEL_NONE && hints[i].heading_level == 0)
        {
          /* A bold heading without number nests under the open section,
           * beside the bold heading before it. */
          if (stack->len > 0 && g_array_index (stack, OpenSection, stack->len - 1).kind == CT_LABEL_NONE &&
              g_array_index (stack, OpenSection, stack->len - 1).rank > 0)
            g_array_set_size (stack, stack->len - 1);
          rank = stack->len > 0 ? g_array_index (stack, OpenSection, stack->len - 1).rank + 1 : 1;
        }
      else
        {
          gint sibling = -1;

          for (gint s = (gint) stack->len - 1; s >= 0; s--)
            if (is_successor (&g_array_index (stack, OpenSection, s), kind, open.label))
              {
                sibling = s;
                break;
              }
          /* It keeps its own rank, so "4. CÔNG TÁC …" beside "3. Công tác
           * Tư pháp" still holds the "1." that follow it. */
          if (sibling >= 0)
            g_array_set_size (stack, sibling);
          else
            while (stack->len > 0 && g_array_index (stack, OpenSection, stack->len - 1).rank >= rank)
              g_array_set_size (stack, stack->len - 1);
        }

      parent = stack->len > 0 ? g_array_index (stack, OpenSection, stack->len - 1).section : -1;
      sec.label = g_strdup (open.label);
      while (title_end > title_start && (text[title_end - 1] == ':' || text[title_end - 1] == ' '))
        title_end--;
      sec.title = g_strndup (text + title_start, title_end - title_start);
      sec.parent = parent;
      sec.level = parent >= 0 ? g_array_index (doc->sections, CtSection, parent).level + 1 : 0;
      sec.block = i;
      if (parent >= 0 && g_array_index (doc->sections, CtSection, parent).part == CT_PART_TARGETS)
        sec.part = CT_PART_TARGETS;
      else
        sec.part = ct_outline_title_part (sec.title, &matched);
      g_array_append_val (doc->sections, sec);

      open.section = doc->sections->len - 1;
      open.rank = rank;
      g_array_append_val (stack, open);

      if (shape == SHAPE_HEADING)
        b->kind = CT_BLOCK_HEADING;
      b->section = open.section;
      b->part = sec.part;
    }

  /* A footnote body belongs where its marker stands. */
  for (guint f = 0; f < doc->footnotes->len; f++)
    {
      const CtFootnote *note = &g_array_index (doc->footnotes, CtFootnote, f);
      gint host;

      if (note->block < 0 || note->anchor == G_MAXSIZE)
        continue;
      host = ct_document_block_at (doc, note->anchor);
      if (host < 0)
        continue;
      g_array_index (doc->blocks, CtBlock, note->block).section = g_array_index (doc->blocks, CtBlock, host).section;
      g_array_index (doc->blocks, CtBlock, note->block).part = g_array_index (doc->blocks, CtBlock, host).part;
    }
}
