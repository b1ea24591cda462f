/* ct-reader-build.c: raw paragraphs → CtDocument, the same for every format
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-text.h"
#include "ct-error.h"
#include "ct-i18n.h"
#include "ct-reader-metadata.h"
#include "ct-reader-outline.h"

#include <nettle/base16.h>
#include <nettle/sha2.h>
#include <string.h>

static GHashTable *
exponent_units (void)
{
  static GHashTable *units;
  static gsize once;

  if (g_once_init_enter (&once))
    {
      g_autoptr(GPtrArray) rows = ct_reader_load_table ("footnote-units.tsv");
      GHashTable *set = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

      for (guint i = 0; i < rows->len; i++)
        {
          gchar **row = g_ptr_array_index (rows, i);

          g_hash_table_add (set, g_strdup (row[0]));
        }
      units = set;
      g_once_init_leave (&once, 1);
    }
  return units;
}

static gboolean
superscript_digit (gunichar c,
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

/* "m²" after a number: the square belongs to the unit. */
static gboolean
is_unit_power (const gchar *text,
               gsize        at,
               const gchar *digits)
{
  gsize w = at;
  g_autofree gchar *word = NULL;

  if (!(g_str_equal (digits, "2") || g_str_equal (digits, "3")))
    return FALSE;
  while (w > 0 && g_ascii_isalpha (text[w - 1]))
    w--;
  if (w == at)
    return FALSE;
  if (w > 0 && !(g_ascii_isdigit (text[w - 1]) || text[w - 1] == ' ' || text[w - 1] == '/'))
    return FALSE;
  word = g_strndup (text + w, at - w);
  return g_hash_table_contains (exponent_units (), word);
}

/* Removes footnote markers from running text and keeps them as anchors:
 * "45%²", "2026¹³", "vắc xin[footnoteRef:1]", Markdown "[^3]". */
/* Whether the eight bytes of @w may hold the start of a marker ('[', or
 * the first byte, C2 or E2, of a superscript digit) or the text's end. */
static inline gboolean
may_hold_marker (guint64 w)
{
  return ct_reader_word_has_byte (w, '[') || ct_reader_word_has_byte (w, 0xC2) ||
         ct_reader_word_has_byte (w, 0xE2) || ct_reader_word_has_byte (w, 0);
}

static void
take_markers (CtRawPara *p)
{
  gsize i = 0, len = strlen (p->text);

  while (i < len)
    {
      const gchar *s;
      gunichar c;
      gchar d;
      guint64 w;

      /* A paragraph has few markers: eight bytes without any of their
       * first bytes are stepped over at once. Landing inside a letter is
       * harmless: its other bytes (80-BF) open nothing either. */
      while (len - i >= 8 && (memcpy (&w, p->text + i, 8), !may_hold_marker (w)))
        i += 8;
      if (i >= len)
        break;
      s = p->text + i;

      /* Markers open with '[' or are superscripts, never other ASCII. */
      if ((guchar) *s < 0x80 && *s != '[')
        {
          i++;
          continue;
        }
      /* Superscript digits start with C2 (¹ ² ³) or E2 (⁰ ⁴ … ⁹): every
       * other letter is stepped over whole, undecoded. */
      if ((guchar) *s >= 0x80 && (guchar) *s != 0xC2 && (guchar) *s != 0xE2)
        {
          i += g_utf8_skip[(guchar) *s];
          continue;
        }
      c = g_utf8_get_char (s);

      if (s[0] == '[' && (g_str_has_prefix (s, "[footnoteRef:") || s[1] == '^'))
        {
          const gchar *q = s + (s[1] == '^' ? 2 : strlen ("[footnoteRef:"));
          const gchar *id = q;

          while (g_ascii_isalnum (*q))
            q++;
          if (q > id && *q == ']' && q[1] != ':')
            {
              g_autofree gchar *num = g_strndup (id, q - id);

              ct_raw_para_add_anchor (p, i, num);
              ct_raw_para_remove (p, i, q + 1 - p->text);
              /* The removal may eat the space before; stay at or before i. */
              len = strlen (p->text);
              i = MIN (i, len);
              continue;
            }
        }
      if (superscript_digit (c, &d))
        {
          GString *digits = g_string_new (NULL);
          const gchar *q = s;

          while (*q != '\0' && superscript_digit (g_utf8_get_char (q), &d))
            {
              g_string_append_c (digits, d);
              q = g_utf8_next_char (q);
            }
          if (!is_unit_power (p->text, i, digits->str) && digits->len <= 3)
            {
              ct_raw_para_add_anchor (p, i, digits->str);
              ct_raw_para_remove (p, i, q - p->text);
              g_string_free (digits, TRUE);
              len = strlen (p->text);
              i = MIN (i, len);
              continue;
            }
          g_string_free (digits, TRUE);
          i = q - p->text;
          continue;
        }
      i = g_utf8_next_char (s) - p->text;
    }
}

static gboolean
ends_sentence (const gchar *text)
{
  gsize len = strlen (text);
  const gchar *last;

  if (len == 0)
    return TRUE;
  last = g_utf8_find_prev_char (text, text + len);
  return strchr (".;:!?", text[len - 1]) != NULL || g_utf8_get_char (last) == 0x2026;
}

static gboolean
starts_lower (const gchar *text)
{
  return g_unichar_islower (g_utf8_get_char (text));
}

static guint
words (const gchar *text)
{
  guint n = 0;

  for (const gchar *p = text; *p != '\0'; p++)
    if (*p != ' ' && (p == text || p[-1] == ' '))
      n++;
  return n;
}

static gboolean
is_plain (const CtRawPara *p)
{
  return p != NULL && p->kind == CT_RAW_PARAGRAPH && p->heading_level == 0;
}

/* Puts back together what page and line breaks split: "Phần thứ nhất" and
 * its title, a title in capitals over two lines, and a paragraph whose
 * sentence goes on (in lower case) after a break, even when footnote bodies
 * were printed in between. */
/* "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM" and its motto head the right column
 * of every administrative document. Converted to text the two columns of
 * the header follow each other, and the state's name must not run into the
 * issuer's ("THỊ XÃ BẾN SỎI CỘNG HÒA …"). */
static gboolean
is_state_header (const gchar *text)
{
  return ct_reader_has_document_word (CT_DOCUMENT_WORDS_STATE_HEADER, text,
                                      MIN (strlen (text), 64), FALSE);
}

/* "BÁO CÁO …" opens the title, which no header line before it belongs to. */
static gboolean
opens_title (const gchar *text)
{
  return ct_reader_has_document_word (CT_DOCUMENT_WORDS_TITLE, text, MIN (strlen (text), 16), FALSE);
}

static void
join_broken (GPtrArray *paras)
{
  for (guint i = 0; i < paras->len; i++)
    {
      CtRawPara *p = g_ptr_array_index (paras, i);
      gsize label_len, title_start;
      CtLabelKind kind;

      if (p == NULL || p->kind == CT_RAW_TABLE_ROW)
        continue;

      kind = ct_outline_parse_label (p->text, &label_len, &title_start);
      if (is_plain (p) && kind == CT_LABEL_PART && p->text[title_start] == '\0')
        {
          for (guint j = i + 1, n = 0; j < paras->len && n < 3; j++, n++)
            {
              CtRawPara *q = g_ptr_array_index (paras, j);

              if (!is_plain (q) || !(ct_outline_is_caps (q->text, -1) || q->bold) ||
                  words (q->text) > 30 || ct_outline_parse_label (q->text, NULL, NULL) != CT_LABEL_NONE ||
                  (n > 0 && q->after_blank))
                break;
              ct_raw_para_append (p, q);
              ct_raw_para_free (q);
              g_ptr_array_index (paras, j) = NULL;
            }
          continue;
        }

      if (is_plain (p) && ct_outline_is_caps (p->text, -1) && words (p->text) <= 30)
        {
          for (guint j = i + 1; j < paras->len; j++)
            {
              CtRawPara *q = g_ptr_array_index (paras, j);

              if (ends_sentence (p->text) || !is_plain (q) || q->after_blank ||
                  !ct_outline_is_caps (q->text, -1) || q->bold != p->bold ||
                  is_state_header (p->text) || is_state_header (q->text) || opens_title (q->text) ||
                  words (p->text) + words (q->text) > 40 ||
                  ct_outline_parse_label (q->text, NULL, NULL) != CT_LABEL_NONE)
                break;
              ct_raw_para_append (p, q);
              ct_raw_para_free (q);
              g_ptr_array_index (paras, j) = NULL;
            }
        }

      while (!ends_sentence (p->text) && (is_plain (p) || p->kind == CT_RAW_FOOTNOTE))
        {
          guint j = i + 1;
          CtRawPara *q;

          /* Bodies printed at the foot of the page sit between the halves. */
          while (p->kind == CT_RAW_PARAGRAPH && j < paras->len &&
                 (g_ptr_array_index (paras, j) == NULL ||
                  ((CtRawPara *) g_ptr_array_index (paras, j))->kind == CT_RAW_FOOTNOTE))
            j++;
          if (j >= paras->len)
            break;
          q = g_ptr_array_index (paras, j);
          if (q == NULL || !is_plain (q) || q->bold || p->bold || !starts_lower (q->text) ||
              ct_outline_parse_label (q->text, NULL, NULL) != CT_LABEL_NONE)
            break;
          ct_raw_para_append (p, q);
          ct_raw_para_free (q);
          g_ptr_array_index (paras, j) = NULL;
        }
    }
}

typedef struct
{
  gsize  offset;
  gchar *id;
  gboolean used;
} Anchor;

/* Puts each footnote body right after the paragraph that cites it, where
 * a .docx has it too, so a report reads the same in every format and a
 * note stays next to the sentence it qualifies. A body nobody cites stays
 * where it was printed. */
static void
clear_anchor (gpointer data)
{
  g_free (((Anchor *) data)->id);
}

typedef struct
{
  gint  host;
  gsize at;
  guint body;
} Move;

static gint
compare_moves (gconstpointer a,
               gconstpointer b)
{
  const Move *x = a, *y = b;

  if (x->host != y->host)
    return x->host < y->host ? -1 : 1;
  return x->at < y->at ? -1 : x->at > y->at ? 1 : 0;
}

static GPtrArray *
bodies_after_hosts (GPtrArray *paras)
{
  GPtrArray *out = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_raw_para_free);
  g_autoptr(GArray) moves = g_array_new (FALSE, FALSE, sizeof (Move));
  g_autofree gboolean *moved = g_new0 (gboolean, paras->len);
  guint k = 0;

  /* Every marker, by its number, in text order. */
  g_autoptr(GHashTable) markers = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);

  for (guint h = 0; h < paras->len; h++)
    {
      CtRawPara *p = g_ptr_array_index (paras, h);

      if (p == NULL || p->kind == CT_RAW_FOOTNOTE)
        continue;
      for (guint a = 0; a < p->anchors->len; a++)
        {
          const CtRawAnchor *an = &g_array_index (p->anchors, CtRawAnchor, a);
          GArray *list = g_hash_table_lookup (markers, an->id);
          Move m = { (gint) h, an->offset, 0 };

          if (list == NULL)
            {
              list = g_array_new (FALSE, FALSE, sizeof (Move));
              g_hash_table_insert (markers, an->id, list);
            }
          g_array_append_val (list, m);
        }
    }

  for (guint i = 0; i < paras->len; i++)
    {
      CtRawPara *body = g_ptr_array_index (paras, i);
      GArray *list;

      if (body == NULL || body->kind != CT_RAW_FOOTNOTE || body->note_id == NULL)
        continue;
      list = g_hash_table_lookup (markers, body->note_id);
      for (guint k2 = 0; list != NULL && k2 < list->len; k2++)
        {
          Move *m = &g_array_index (list, Move, k2);

          /* body = 1 marks a marker already taken by an earlier body. */
          if (m->body != 0)
            continue;
          m->body = 1;
          {
            Move taken = { m->host, m->at, i };

            g_array_append_val (moves, taken);
          }
          moved[i] = TRUE;
          break;
        }
    }
  g_array_sort (moves, compare_moves);

  for (guint h = 0; h < paras->len; h++)
    {
      CtRawPara *p = g_ptr_array_index (paras, h);

      if (p == NULL || moved[h])
        continue;
      g_ptr_array_add (out, p);
      g_ptr_array_index (paras, h) = NULL;
      while (k < moves->len && g_array_index (moves, Move, k).host < (gint) h)
        k++;
      /* Its bodies, in the order of their markers. */
      for (; k < moves->len && g_array_index (moves, Move, k).host == (gint) h; k++)
        {
          guint b = g_array_index (moves, Move, k).body;

          g_ptr_array_add (out, g_ptr_array_index (paras, b));
          g_ptr_array_index (paras, b) = NULL;
        }
    }
  return out;
}

static void
add_table_row (CtDocument      *doc,
               const CtRawPara *p,
               guint            block,
               gsize            start,
               gint            *current_source_table)
{
  CtTable *t;
  gsize off = start;
  guint col = 0, cols = 0;

  if (*current_source_table != (gint) p->table || doc->tables->len == 0)
    {
      CtTable fresh = { block, 0, 0, g_array_new (FALSE, TRUE, sizeof (CtCell)) };

      g_array_append_val (doc->tables, fresh);
      *current_source_table = p->table;
    }
  t = &g_array_index (doc->tables, CtTable, doc->tables->len - 1);

  for (guint c = 0; c < p->cells->len; c++)
    {
      const gchar *cell = g_ptr_array_index (p->cells, c);
      CtCell cc = { 0 };

      if (c > 0)
        off += strlen (" | ");
      cc.start = off;
      cc.end = off + strlen (cell);
      cc.row = t->n_rows;
      if (p->cols != NULL && c < p->cols->len)
        col = g_array_index (p->cols, guint, c);
      cc.col = col;
      cc.col_span = p->spans != NULL && c < p->spans->len ? g_array_index (p->spans, guint, c) : 1;
      cc.row_span = p->row_spans != NULL && c < p->row_spans->len ? g_array_index (p->row_spans, guint, c) : 1;
      col += MAX (cc.col_span, 1);
      cols = col;
      off = cc.end;
      g_array_append_val (t->cells, cc);
    }

  g_array_index (doc->blocks, CtBlock, block).table = doc->tables->len - 1;
  g_array_index (doc->blocks, CtBlock, block).row = t->n_rows;
  t->n_rows++;
  t->n_cols = MAX (t->n_cols, cols);
}

/* Takes the footnote markers out of the paragraphs, after checking their
 * length: every later stage walks a paragraph as a whole, and a file that
 * is one endless line is not a report and would only hold the machine. */
static gboolean
check_and_take_markers (GPtrArray    *paras,
                        const gchar  *source_name,
                        GError      **error)
{
  for (guint i = 0; i < paras->len; i++)
    {
      CtRawPara *p = g_ptr_array_index (paras, i);

      if (strlen (p->text) > CT_READER_MAX_PARAGRAPH)
        {
          g_set_error (error, CT_ERROR, CT_ERROR_TOO_LARGE,
                       _("“%s” has a paragraph longer than %d MB without a line break, which no report has. Check that it is the right file."),
                       source_name, CT_READER_MAX_PARAGRAPH / (1024 * 1024));
          return FALSE;
        }
    }
  for (guint i = 0; i < paras->len; i++)
    {
      CtRawPara *p = g_ptr_array_index (paras, i);

      if (p->kind != CT_RAW_TABLE_ROW)
        take_markers (p);
    }
  return TRUE;
}

/* What the blocks gather on their way into the document. */
typedef struct
{
  CtDocument *doc;
  GString    *text;
  GArray     *anchors;      /* Anchor, in text order */
  GArray     *hints;        /* CtOutlineHint per block */
  GPtrArray  *note_ids;     /* per block: its footnote number, or NULL */
  gint        source_table; /* the source's table the last row came from */
} Builder;

static void
add_line_spans (CtDocument      *doc,
                const CtRawPara *p,
                gsize            start)
{
  for (guint l = 0; l < p->lines->len; l++)
    {
      CtLineSpan span = g_array_index (p->lines, CtLineSpan, l);

      span.start += start;
      if (doc->line_map->len > 0 &&
          g_array_index (doc->line_map, CtLineSpan, doc->line_map->len - 1).start == span.start)
        g_array_index (doc->line_map, CtLineSpan, doc->line_map->len - 1).line = span.line;
      else
        g_array_append_val (doc->line_map, span);
    }
}

/* Appends one raw paragraph as a block of the document's text. */
static void
add_block (Builder         *b,
           const CtRawPara *p)
{
  CtBlock block = { 0 };
  CtOutlineHint hint = { 0 };
  gsize start;

  if (b->text->len > 0)
    g_string_append_c (b->text, '\n');
  start = b->text->len;
  g_string_append (b->text, p->text);

  block.start = start;
  block.end = b->text->len;
  block.line = p->line;
  block.kind = p->kind == CT_RAW_FOOTNOTE ? CT_BLOCK_FOOTNOTE :
               p->kind == CT_RAW_TABLE_ROW ? CT_BLOCK_TABLE_ROW : CT_BLOCK_PARAGRAPH;
  block.section = -1;
  block.table = -1;
  block.row = -1;
  block.footnote = -1;
  block.part = CT_PART_RESULTS;
  g_array_append_val (b->doc->blocks, block);

  hint.bold = p->bold;
  hint.heading_level = p->heading_level;
  hint.after_blank = p->after_blank;
  g_array_append_val (b->hints, hint);

  add_line_spans (b->doc, p, start);
  for (guint a = 0; a < p->anchors->len; a++)
    {
      const CtRawAnchor *ra = &g_array_index (p->anchors, CtRawAnchor, a);
      Anchor an = { start + ra->offset, g_strdup (ra->id), FALSE };

      g_array_append_val (b->anchors, an);
    }
  if (p->kind == CT_RAW_FOOTNOTE)
    g_ptr_array_add (b->note_ids, p->note_id != NULL ? p->note_id : (gchar *) "");
  else
    g_ptr_array_add (b->note_ids, NULL);
  if (p->kind == CT_RAW_TABLE_ROW && p->cells != NULL)
    add_table_row (b->doc, p, b->doc->blocks->len - 1, start, &b->source_table);
}

/* Pairs each body with the first unused marker of the same number; what
 * is left on either side is kept and told as a warning. */
static void
pair_footnotes (Builder *b)
{
  CtDocument *doc = b->doc;

  for (guint i = 0; i < doc->blocks->len; i++)
    {
      const gchar *id = g_ptr_array_index (b->note_ids, i);
      CtFootnote note = { 0 };

      if (id == NULL)
        continue;
      note.id = g_strdup (id);
      note.block = i;
      note.anchor = G_MAXSIZE;
      for (guint a = 0; a < b->anchors->len; a++)
        {
          Anchor *an = &g_array_index (b->anchors, Anchor, a);

          if (!an->used && g_str_equal (an->id, id))
            {
              an->used = TRUE;
              note.anchor = an->offset;
              break;
            }
        }
      if (note.anchor == G_MAXSIZE)
        g_ptr_array_add (doc->warnings,
                         g_strdup_printf (_("Footnote %s has no marker in the text; it is kept without a place."), id));
      g_array_append_val (doc->footnotes, note);
      g_array_index (doc->blocks, CtBlock, i).footnote = doc->footnotes->len - 1;
    }
  for (guint a = 0; a < b->anchors->len; a++)
    {
      Anchor *an = &g_array_index (b->anchors, Anchor, a);
      CtFootnote note = { 0 };

      if (an->used)
        continue;
      note.id = g_strdup (an->id);
      note.anchor = an->offset;
      note.block = -1;
      g_array_append_val (doc->footnotes, note);
      g_ptr_array_add (doc->warnings,
                       g_strdup_printf (_("Footnote marker %s on line %u has no footnote text."),
                                        an->id, ct_document_line_at (doc, an->offset)));
    }
}

/* Markers out of the text, broken paragraphs joined, bodies after the
 * paragraphs citing them: the order the blocks will have; NULL with
 * @error set when a paragraph is too long to be a report's. */
static GPtrArray *
prepare (GPtrArray   *paras,
         const gchar *source_name,
         GError     **error)
{
  if (!check_and_take_markers (paras, source_name, error))
    return NULL;
  join_broken (paras);
  return bodies_after_hosts (paras);
}

/* The SHA-256 of the source bytes in lowercase hex, by nettle, which
 * uses the processor's SHA instructions where it has them: GLib's digest
 * took a twentieth of reading a text report (65 MB: 0.20 s, nettle
 * 0.06 s). */
static void
source_sha256 (GBytes *source,
               gchar   hex[65])
{
  struct sha256_ctx ctx;
  guint8 digest[SHA256_DIGEST_SIZE];
  gsize len;
  const guint8 *data = g_bytes_get_data (source, &len);

  G_STATIC_ASSERT (BASE16_ENCODE_LENGTH (SHA256_DIGEST_SIZE) == 64);
  sha256_init (&ctx);
  sha256_update (&ctx, len, data);
  sha256_digest (&ctx, sizeof digest, digest);
  base16_encode_update (hex, sizeof digest, digest);
  hex[64] = '\0';
}

CtDocument *
ct_reader_build (GPtrArray   *paras,
                 const gchar *source_name,
                 CtFileFormat format,
                 GBytes      *source,
                 GError     **error)
{
  g_autoptr(CtDocument) doc = ct_document_new (source_name, format);
  g_autoptr(GPtrArray) ordered = prepare (paras, source_name, error);
  Builder b;

  if (ordered == NULL)
    return NULL;
  b = (Builder) { doc, g_string_new (NULL), g_array_new (FALSE, TRUE, sizeof (Anchor)),
                  g_array_new (FALSE, TRUE, sizeof (CtOutlineHint)), g_ptr_array_new (), -1 };
  g_array_set_clear_func (b.anchors, clear_anchor);
  for (guint i = 0; i < ordered->len; i++)
    {
      CtRawPara *p = g_ptr_array_index (ordered, i);

      if (p != NULL && p->text[0] != '\0')
        add_block (&b, p);
    }

  g_free (doc->text);
  doc->text_len = b.text->len;
  doc->text = g_string_free (b.text, FALSE);
  if (doc->blocks->len > 0)
    {
      pair_footnotes (&b);
      ct_outline_build (doc, &g_array_index (b.hints, CtOutlineHint, 0));
      ct_metadata_guess (doc);
    }
  g_array_unref (b.anchors);
  g_array_unref (b.hints);
  g_ptr_array_unref (b.note_ids);
  if (doc->blocks->len == 0)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_EMPTY,
                   _("“%s” holds no text. Check that it is the report itself and not an empty copy."),
                   source_name);
      return NULL;
    }

  source_sha256 (source, doc->sha256);
  return g_steal_pointer (&doc);
}
