/* ct-reader-docx.c: a Word .docx → raw paragraphs
 *
 * Body paragraphs in order, each with its list number as Word shows it
 * ("1.", "a)", "II."), heading styles, and whether it is wholly bold; tables
 * as rows of cells with merged cells (gridSpan, vMerge) kept as spans;
 * footnotes and endnotes placed right after the paragraph that cites them,
 * with the marker's position kept as an anchor. A block's line is the number
 * of its paragraph in the document.
 *
 * The XML is parsed without network, without DTD loading and without entity
 * substitution, and any DOCTYPE or entity declaration is refused outright:
 * a Word document never needs one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

/* Stands for a note reference while the text is normalised. */
#define NOTE_MARK 0xE000
#define NOTE_MARK_UTF8 "\xEE\x80\x80"

typedef struct
{
  gint  start;
  gchar fmt[16];
  gchar text[32];
} Level;

typedef struct
{
  GHashTable *num_to_abstract;  /* numId → abstractNumId (strings) */
  GHashTable *abstract_levels;  /* abstractNumId → Level[9] */
  GHashTable *counters;         /* numId → gint[9] */
  GHashTable *heading_styles;   /* styleId → level (GUINT) */
  GHashTable *style_numbering;  /* styleId → "numId ilvl" of its list */
  GHashTable *footnotes;        /* id → text */
  GHashTable *endnotes;
  GPtrArray  *paras;
  guint       paragraph_no;
  guint       note_no;
  guint       table_no;
  guint       legacy_runs; /* runs converted from a .Vn (TCVN3) or VNI font */
  const gchar *source_name;
} Docx;

static gboolean
is_w (xmlNode     *node,
      const gchar *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && g_strcmp0 ((const gchar *) node->name, name) == 0;
}

static xmlNode *
child (xmlNode     *node,
       const gchar *name)
{
  for (xmlNode *c = node != NULL ? node->children : NULL; c != NULL; c = c->next)
    if (is_w (c, name))
      return c;
  return NULL;
}

static gchar *
attr (xmlNode     *node,
      const gchar *name)
{
  xmlChar *v;
  gchar *out;

  if (node == NULL)
    return NULL;
  v = xmlGetProp (node, (const xmlChar *) name);
  if (v == NULL)
    return NULL;
  out = g_strdup ((const gchar *) v);
  xmlFree (v);
  return out;
}

static gboolean
on_off (xmlNode *node)
{
  g_autofree gchar *v = attr (node, "val");

  return node != NULL && (v == NULL || !(g_str_equal (v, "0") || g_str_equal (v, "false") || g_str_equal (v, "off")));
}

static xmlDoc *
parse_xml (GBytes      *bytes,
           const gchar *source_name,
           const gchar *part,
           GError     **error)
{
  return ct_reader_parse_xml_part (bytes, source_name, part, "Word", error);
}

static void
load_numbering (Docx   *d,
                xmlDoc *xml)
{
  for (xmlNode *n = xmlDocGetRootElement (xml)->children; n != NULL; n = n->next)
    {
      if (is_w (n, "abstractNum"))
        {
          Level *levels = g_new0 (Level, 9);
          gchar *id = attr (n, "abstractNumId");

          for (xmlNode *l = n->children; l != NULL; l = l->next)
            {
              g_autofree gchar *ilvl = NULL;
              g_autofree gchar *start = NULL;
              g_autofree gchar *fmt = NULL;
              g_autofree gchar *text = NULL;
              gint i;

              if (!is_w (l, "lvl"))
                continue;
              ilvl = attr (l, "ilvl");
              i = ilvl != NULL ? atoi (ilvl) : 0;
              if (i < 0 || i > 8)
                continue;
              start = attr (child (l, "start"), "val");
              fmt = attr (child (l, "numFmt"), "val");
              text = attr (child (l, "lvlText"), "val");
              levels[i].start = start != NULL ? CLAMP (atoi (start), 0, CT_READER_MAX_LIST_NUMBER) : 1;
              g_strlcpy (levels[i].fmt, fmt != NULL ? fmt : "decimal", sizeof levels[i].fmt);
              g_strlcpy (levels[i].text, text != NULL ? text : "", sizeof levels[i].text);
            }
          if (id != NULL)
            g_hash_table_replace (d->abstract_levels, id, levels);
          else
            g_free (levels);
        }
      else if (is_w (n, "num"))
        {
          gchar *id = attr (n, "numId");
          gchar *abstract = attr (child (n, "abstractNumId"), "val");

          if (id != NULL && abstract != NULL)
            g_hash_table_replace (d->num_to_abstract, id, abstract);
          else
            {
              g_free (id);
              g_free (abstract);
            }
        }
    }
}

static void
load_styles (Docx   *d,
             xmlDoc *xml)
{
  for (xmlNode *s = xmlDocGetRootElement (xml)->children; s != NULL; s = s->next)
    {
      g_autofree gchar *id = NULL;
      g_autofree gchar *name = NULL;
      g_autofree gchar *outline = NULL;
      g_autofree gchar *num = NULL;
      g_autofree gchar *ilvl = NULL;
      guint level = 0;

      if (!is_w (s, "style"))
        continue;
      id = attr (s, "styleId");
      num = attr (child (child (child (s, "pPr"), "numPr"), "numId"), "val");
      ilvl = attr (child (child (child (s, "pPr"), "numPr"), "ilvl"), "val");
      name = attr (child (s, "name"), "val");
      outline = attr (child (child (s, "pPr"), "outlineLvl"), "val");
      if (name != NULL && g_ascii_strncasecmp (name, "heading ", 8) == 0)
        level = atoi (name + 8);
      else if (name != NULL && g_ascii_strcasecmp (name, "title") == 0)
        level = 1;
      else if (outline != NULL && atoi (outline) < 9)
        level = atoi (outline) + 1;
      /* Heading styles often carry the list numbering themselves. */
      if (id != NULL && num != NULL)
        g_hash_table_replace (d->style_numbering, g_strdup (id),
                              g_strdup_printf ("%s %s", num, ilvl != NULL ? ilvl : "0"));
      if (id != NULL && level > 0)
        g_hash_table_replace (d->heading_styles, g_steal_pointer (&id), GUINT_TO_POINTER (level));
    }
}

static void
format_number (GString     *out,
               const gchar *fmt,
               gint         n)
{
  static const gchar *const roman[] = { "M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I" };
  static const gint values[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };

  if (g_str_equal (fmt, "upperRoman") || g_str_equal (fmt, "lowerRoman"))
    {
      GString *r = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        while (n >= values[i])
          {
            g_string_append (r, roman[i]);
            n -= values[i];
          }
      if (g_str_equal (fmt, "lowerRoman"))
        g_string_ascii_down (r);
      g_string_append (out, r->str);
      g_string_free (r, TRUE);
    }
  else if (n >= 1 && (g_str_equal (fmt, "upperLetter") || g_str_equal (fmt, "lowerLetter")))
    g_string_append_c (out, (g_str_equal (fmt, "upperLetter") ? 'A' : 'a') + (n - 1) % 26);
  else
    g_string_append_printf (out, "%d", n);
}

/* The number Word would show in front of the paragraph. */
static gchar *
numbering_label (Docx    *d,
                 xmlNode *ppr)
{
  xmlNode *numpr = child (ppr, "numPr");
  g_autofree gchar *num = attr (child (numpr, "numId"), "val");
  g_autofree gchar *ilvl_s = attr (child (numpr, "ilvl"), "val");
  const gchar *abstract;
  Level *levels;
  gint *counters, ilvl;
  GString *out;

  /* No list of its own: the paragraph style's list, if any. */
  if (numpr == NULL)
    {
      g_autofree gchar *style = attr (child (ppr, "pStyle"), "val");
      const gchar *from_style = style != NULL ? g_hash_table_lookup (d->style_numbering, style) : NULL;

      if (from_style != NULL)
        {
          num = g_strndup (from_style, strcspn (from_style, " "));
          ilvl_s = g_strdup (from_style + strcspn (from_style, " ") + 1);
        }
    }

  if (num == NULL || g_str_equal (num, "0"))
    return NULL;
  abstract = g_hash_table_lookup (d->num_to_abstract, num);
  levels = abstract != NULL ? g_hash_table_lookup (d->abstract_levels, abstract) : NULL;
  if (levels == NULL)
    return NULL;
  ilvl = ilvl_s != NULL ? CLAMP (atoi (ilvl_s), 0, 8) : 0;

  counters = g_hash_table_lookup (d->counters, num);
  if (counters == NULL)
    {
      counters = g_new0 (gint, 9);
      g_hash_table_insert (d->counters, g_strdup (num), counters);
    }
  /* Saturates: a list past the bound keeps its last number. */
  counters[ilvl] = counters[ilvl] == 0 ? levels[ilvl].start
                                       : MIN (counters[ilvl] + 1, CT_READER_MAX_LIST_NUMBER);
  for (gint deeper = ilvl + 1; deeper < 9; deeper++)
    counters[deeper] = 0;

  if (g_str_equal (levels[ilvl].fmt, "bullet"))
    return g_strdup ("-");
  if (g_str_equal (levels[ilvl].fmt, "none"))
    return NULL;

  out = g_string_new (NULL);
  for (const gchar *p = levels[ilvl].text; *p != '\0'; p++)
    {
      if (p[0] == '%' && p[1] >= '1' && p[1] <= '9')
        {
          gint k = p[1] - '1';

          format_number (out, levels[k].fmt, counters[k] > 0 ? counters[k] : levels[k].start);
          p++;
        }
      else
        g_string_append_c (out, *p);
    }
  return g_string_free (out, FALSE);
}

typedef struct
{
  GString   *text;
  GPtrArray *notes;  /* (gchar *) ids of the references, in order */
  guint      runs;
  guint      bold_runs;
} ParaText;

static const gchar *
superscript_digit (gchar c)
{
  static const gchar *const sup[] = { "⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹" };

  return sup[c - '0'];
}

static void collect_text (Docx *d, xmlNode *node, ParaText *pt, gboolean bold, gboolean super);

static void
collect_run (Docx     *d,
             xmlNode  *run,
             ParaText *pt)
{
  xmlNode *rpr = child (run, "rPr");
  gboolean bold = on_off (child (rpr, "b"));
  g_autofree gchar *valign = attr (child (rpr, "vertAlign"), "val");
  gboolean super = g_strcmp0 (valign, "superscript") == 0;
  g_autofree gchar *font = attr (child (rpr, "rFonts"), "hAnsi");
  gsize before = pt->text->len;

  collect_text (d, run, pt, bold, super);
  /* A run in a .Vn or VNI font holds its old bytes shown as Latin-1 letters. */
  if (ct_reader_legacy_font (font) != CT_LEGACY_NONE && pt->text->len > before)
    {
      g_autofree gchar *converted = ct_reader_legacy_convert_run (ct_reader_legacy_font (font), pt->text->str + before,
                                                                  pt->text->len - before);

      if (converted != NULL)
        {
          g_string_truncate (pt->text, before);
          g_string_append (pt->text, converted);
          d->legacy_runs++;
        }
    }
  if (pt->text->len > before && strspn (pt->text->str + before, " ") < pt->text->len - before)
    {
      pt->runs++;
      if (bold)
        pt->bold_runs++;
    }
}

static void
collect_text (Docx     *d,
              xmlNode  *node,
              ParaText *pt,
              gboolean  bold,
              gboolean  super)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (c->type != XML_ELEMENT_NODE)
        continue;
      if (is_w (c, "r") && node->type == XML_ELEMENT_NODE && !is_w (node, "r"))
        collect_run (d, c, pt);
      else if (is_w (c, "t"))
        {
          xmlChar *s = xmlNodeGetContent (c);

          /* Digits typed in superscript are footnote marks or powers. */
          for (const gchar *p = (const gchar *) s; s != NULL && *p != '\0'; p++)
            if (super && g_ascii_isdigit (*p))
              g_string_append (pt->text, superscript_digit (*p));
            else
              g_string_append_c (pt->text, *p);
          xmlFree (s);
        }
      else if (is_w (c, "tab") || is_w (c, "br") || is_w (c, "cr"))
        g_string_append_c (pt->text, ' ');
      else if (is_w (c, "noBreakHyphen"))
        g_string_append_c (pt->text, '-');
      else if (is_w (c, "footnoteReference") || is_w (c, "endnoteReference"))
        {
          gchar *id = attr (c, "id");
          const gchar *prefix = is_w (c, "footnoteReference") ? "f" : "e";

          g_string_append (pt->text, NOTE_MARK_UTF8);
          g_ptr_array_add (pt->notes, g_strconcat (prefix, id != NULL ? id : "", NULL));
          g_free (id);
        }
      else if (is_w (c, "del") || is_w (c, "delText") || is_w (c, "instrText") ||
               is_w (c, "rPr") || is_w (c, "pPr") || is_w (c, "footnoteRef") || is_w (c, "endnoteRef"))
        continue;
      else
        collect_text (d, c, pt, bold, super);
    }
}

/* Text of a w:p, cleaned, with the note references as anchors. */
static CtRawPara *
paragraph (Docx    *d,
           xmlNode *p,
           gboolean numbered,
           GPtrArray **out_notes)
{
  ParaText pt = { g_string_new (NULL), g_ptr_array_new_with_free_func (g_free), 0, 0 };
  xmlNode *ppr = child (p, "pPr");
  g_autofree gchar *label = numbered ? numbering_label (d, ppr) : NULL;
  g_autofree gchar *style = attr (child (ppr, "pStyle"), "val");
  g_autofree gchar *clean = NULL;
  CtRawPara *para;
  GString *text;
  guint k = 0;

  d->paragraph_no++;
  collect_text (d, p, &pt, FALSE, FALSE);
  if (label != NULL)
    {
      g_string_prepend_c (pt.text, ' ');
      g_string_prepend (pt.text, label);
    }
  clean = ct_reader_clean_line (pt.text->str, pt.text->len);
  g_string_free (pt.text, TRUE);

  text = g_string_new (NULL);
  para = ct_raw_para_new (CT_RAW_PARAGRAPH, "", d->paragraph_no);
  for (const gchar *c = clean; *c != '\0'; c = g_utf8_next_char (c))
    {
      if (g_utf8_get_char (c) == NOTE_MARK)
        {
          if (k < pt.notes->len)
            ct_raw_para_add_anchor (para, text->len, g_ptr_array_index (pt.notes, k));
          k++;
          continue;
        }
      g_string_append_len (text, c, g_utf8_next_char (c) - c);
    }
  g_free (para->text);
  para->text = g_string_free (text, FALSE);
  g_strchomp (para->text);
  para->bold = pt.runs > 0 && pt.bold_runs == pt.runs;
  if (style != NULL)
    para->heading_level = GPOINTER_TO_UINT (g_hash_table_lookup (d->heading_styles, style));
  *out_notes = pt.notes;
  return para;
}

/* Gives each cited note its number in order of citation and queues its
 * body to follow the paragraph that cites it. */
static void
attach_notes (Docx      *d,
              CtRawPara *host,
              GPtrArray *bodies)
{
  for (guint a = 0; a < host->anchors->len; a++)
    {
      CtRawAnchor *an = &g_array_index (host->anchors, CtRawAnchor, a);
      GHashTable *table = an->id[0] == 'f' ? d->footnotes : d->endnotes;
      const gchar *body = g_hash_table_lookup (table, an->id + 1);
      g_autofree gchar *number = g_strdup_printf ("%u", ++d->note_no);
      CtRawPara *note;

      g_free (an->id);
      an->id = g_strdup (number);
      if (body == NULL)
        continue;
      note = ct_raw_para_new (CT_RAW_FOOTNOTE, body, host->line);
      note->note_id = g_strdup (number);
      g_ptr_array_add (bodies, note);
    }
}

static void
add_paragraph (Docx    *d,
               xmlNode *p)
{
  GPtrArray *refs = NULL;
  CtRawPara *para = paragraph (d, p, TRUE, &refs);
  g_autoptr(GPtrArray) bodies = g_ptr_array_new ();

  g_ptr_array_unref (refs);
  attach_notes (d, para, bodies);
  if (para->text[0] != '\0')
    g_ptr_array_add (d->paras, para);
  else
    ct_raw_para_free (para);
  for (guint i = 0; i < bodies->len; i++)
    g_ptr_array_add (d->paras, g_ptr_array_index (bodies, i));
}

typedef struct
{
  CtRawPara *row;
  guint      cell;
} Origin;

static gboolean add_table (Docx *d, xmlNode *tbl, guint depth, GError **error);

/* A nested table's rows, each flattened like the cells of a row, so its
 * figures stay in the text of the cell that holds it; its notes follow the
 * outer row like the cell's own. */
static gboolean
nested_table_text (Docx       *d,
                   xmlNode    *tbl,
                   GString    *cell,
                   GPtrArray  *bodies,
                   guint       depth,
                   GError    **error)
{
  GPtrArray *outer = d->paras;
  g_autoptr(GPtrArray) inner = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_raw_para_free);
  gboolean ok;

  d->paras = inner;
  ok = add_table (d, tbl, depth + 1, error);
  d->paras = outer;
  if (!ok)
    return FALSE;
  for (guint i = 0; i < inner->len; i++)
    {
      CtRawPara *p = g_ptr_array_index (inner, i);

      if (p->kind == CT_RAW_FOOTNOTE)
        {
          g_ptr_array_add (bodies, p);
          inner->pdata[i] = NULL;
          continue;
        }
      if (cell->len > 0)
        g_string_append (cell, "; ");
      g_string_append (cell, p->text);
    }
  return TRUE;
}

/* The text of a table cell: its paragraphs, the tables nested in it and the
 * content controls that wrap either. */
static gboolean
cell_text (Docx       *d,
           xmlNode    *node,
           GString    *cell,
           GPtrArray  *bodies,
           guint       depth,
           guint      *first_para,
           GError    **error)
{
  for (xmlNode *p = node->children; p != NULL; p = p->next)
    {
      GPtrArray *refs = NULL;
      CtRawPara *cp;

      if (is_w (p, "tbl"))
        {
          if (!nested_table_text (d, p, cell, bodies, depth, error))
            return FALSE;
          continue;
        }
      if (is_w (p, "sdt") || is_w (p, "sdtContent") || is_w (p, "customXml"))
        {
          if (!cell_text (d, p, cell, bodies, depth, first_para, error))
            return FALSE;
          continue;
        }
      if (!is_w (p, "p"))
        continue;
      cp = paragraph (d, p, TRUE, &refs);
      g_ptr_array_unref (refs);
      if (*first_para == 0)
        *first_para = d->paragraph_no;
      attach_notes (d, cp, bodies);
      if (cp->text[0] != '\0')
        {
          if (cell->len > 0)
            g_string_append_c (cell, ' ');
          g_string_append (cell, cp->text);
        }
      ct_raw_para_free (cp);
    }
  return TRUE;
}

static gboolean
add_table (Docx     *d,
           xmlNode  *tbl,
           guint     depth,
           GError  **error)
{
  Origin origins[64] = { { NULL, 0 } };
  guint table = d->table_no++;

  if (depth > CT_READER_MAX_TABLE_DEPTH)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_HOSTILE,
                   _("“%s” has tables nested more than %d deep, which no report needs; Chỉ tiêu refuses it as possibly hostile. Open it in Word and simplify the tables."),
                   d->source_name, CT_READER_MAX_TABLE_DEPTH);
      return FALSE;
    }

  for (xmlNode *tr = tbl->children; tr != NULL; tr = tr->next)
    {
      g_autoptr(GPtrArray) bodies = g_ptr_array_new ();
      CtRawPara *row;
      GString *joined = g_string_new (NULL);
      guint col = 0, first_para = 0;
      gboolean any = FALSE;

      if (!is_w (tr, "tr"))
        continue;
      row = ct_raw_para_new (CT_RAW_TABLE_ROW, "", d->paragraph_no + 1);
      row->cells = g_ptr_array_new_with_free_func (g_free);
      row->spans = g_array_new (FALSE, FALSE, sizeof (guint));
      row->row_spans = g_array_new (FALSE, FALSE, sizeof (guint));
      row->cols = g_array_new (FALSE, FALSE, sizeof (guint));
      row->table = table;

      for (xmlNode *tc = tr->children; tc != NULL; tc = tc->next)
        {
          xmlNode *tcpr;
          g_autofree gchar *span_s = NULL;
          g_autofree gchar *vmerge = NULL;
          xmlNode *vm;
          guint span, one = 1;
          GString *cell;

          if (!is_w (tc, "tc"))
            continue;
          if (row->cells->len >= CT_READER_MAX_ROW_CELLS)
            {
              g_set_error (error, CT_ERROR, CT_ERROR_HOSTILE,
                           _("“%s” has a table row of more than %d cells, which no report needs; Chỉ tiêu refuses it as possibly hostile."),
                           d->source_name, CT_READER_MAX_ROW_CELLS);
              g_string_free (joined, TRUE);
              ct_raw_para_free (row);
              g_ptr_array_foreach (bodies, (GFunc) (void (*) (void)) ct_raw_para_free, NULL);
              return FALSE;
            }
          tcpr = child (tc, "tcPr");
          span_s = attr (child (tcpr, "gridSpan"), "val");
          span = span_s != NULL ? CLAMP (atoi (span_s), 1, 63) : 1;
          vm = child (tcpr, "vMerge");
          vmerge = attr (vm, "val");

          /* A continued vertical merge adds a row to the cell above. */
          if (vm != NULL && g_strcmp0 (vmerge, "restart") != 0 && col < G_N_ELEMENTS (origins) &&
              origins[col].row != NULL)
            {
              g_array_index (origins[col].row->row_spans, guint, origins[col].cell)++;
              for (xmlNode *p = tc->children; p != NULL; p = p->next)
                if (is_w (p, "p"))
                  d->paragraph_no++;
              col += span;
              continue;
            }

          cell = g_string_new (NULL);
          if (!cell_text (d, tc, cell, bodies, depth, &first_para, error))
            {
              g_string_free (cell, TRUE);
              g_string_free (joined, TRUE);
              ct_raw_para_free (row);
              g_ptr_array_foreach (bodies, (GFunc) (void (*) (void)) ct_raw_para_free, NULL);
              return FALSE;
            }
          if (col < G_N_ELEMENTS (origins))
            {
              origins[col].row = row;
              origins[col].cell = row->cells->len;
            }
          if (row->cells->len > 0)
            g_string_append (joined, " | ");
          g_string_append (joined, cell->str);
          any |= cell->len > 0;
          g_ptr_array_add (row->cells, g_string_free (cell, FALSE));
          g_array_append_val (row->spans, span);
          g_array_append_val (row->row_spans, one);
          g_array_append_val (row->cols, col);
          col += span;
        }

      g_free (row->text);
      row->text = g_string_free (joined, FALSE);
      row->line = first_para > 0 ? first_para : d->paragraph_no;
      g_array_index (row->lines, CtLineSpan, 0).line = row->line;
      if (any)
        g_ptr_array_add (d->paras, row);
      else
        {
          for (guint c = 0; c < G_N_ELEMENTS (origins); c++)
            if (origins[c].row == row)
              origins[c].row = NULL;
          ct_raw_para_free (row);
        }
      for (guint i = 0; i < bodies->len; i++)
        g_ptr_array_add (d->paras, g_ptr_array_index (bodies, i));
    }
  return TRUE;
}

static gboolean
walk_body (Docx     *d,
           xmlNode  *node,
           GError  **error)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_w (c, "p"))
        add_paragraph (d, c);
      else if (is_w (c, "tbl") && !add_table (d, c, 0, error))
        return FALSE;
      else if ((is_w (c, "sdt") || is_w (c, "sdtContent") || is_w (c, "customXml")) &&
               !walk_body (d, c, error))
        return FALSE;
    }
  return TRUE;
}

static void
load_notes (Docx       *d,
            xmlDoc     *xml,
            GHashTable *into)
{
  for (xmlNode *n = xmlDocGetRootElement (xml)->children; n != NULL; n = n->next)
    {
      g_autofree gchar *type = NULL;
      g_autofree gchar *id = NULL;
      GString *text;

      if (!(is_w (n, "footnote") || is_w (n, "endnote")))
        continue;
      type = attr (n, "type");
      id = attr (n, "id");
      if ((type != NULL && !g_str_equal (type, "normal")) || id == NULL)
        continue;
      text = g_string_new (NULL);
      for (xmlNode *p = n->children; p != NULL; p = p->next)
        {
          GPtrArray *refs = NULL;
          CtRawPara *para;
          guint saved = d->paragraph_no;

          if (!is_w (p, "p"))
            continue;
          para = paragraph (d, p, FALSE, &refs);
          d->paragraph_no = saved;
          g_ptr_array_unref (refs);
          if (para->text[0] != '\0')
            {
              if (text->len > 0)
                g_string_append_c (text, ' ');
              g_string_append (text, para->text);
            }
          ct_raw_para_free (para);
        }
      g_hash_table_replace (into, g_steal_pointer (&id), g_string_free (text, FALSE));
    }
}

static gboolean
load_optional (Docx        *d,
               GHashTable  *entries,
               const gchar *part,
               void       (*load) (Docx *, xmlDoc *),
               GHashTable  *notes,
               GError     **error)
{
  GBytes *bytes = g_hash_table_lookup (entries, part);
  xmlDoc *xml;

  if (bytes == NULL)
    return TRUE;
  xml = parse_xml (bytes, d->source_name, part, error);
  if (xml == NULL)
    return FALSE;
  if (load != NULL)
    load (d, xml);
  else
    load_notes (d, xml, notes);
  xmlFreeDoc (xml);
  return TRUE;
}

GPtrArray *
ct_reader_docx_parse (GBytes      *bytes,
                      const gchar *source_name,
                      guint       *out_legacy_runs,
                      GError     **error)
{
  g_autoptr(GHashTable) entries = ct_reader_zip_read (bytes, source_name, NULL, error);
  GBytes *document;
  xmlDoc *xml = NULL;
  xmlNode *body;
  Docx d = { 0 };
  GPtrArray *result = NULL;

  if (entries == NULL)
    return NULL;
  document = g_hash_table_lookup (entries, "word/document.xml");
  if (document == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("“%s” has no word/document.xml, so it is not a Word document. Open it in Word and save it as .docx."),
                   source_name);
      return NULL;
    }

  d.source_name = source_name;
  d.num_to_abstract = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  d.abstract_levels = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  d.counters = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  d.heading_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  d.style_numbering = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  d.footnotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  d.endnotes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  d.paras = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_raw_para_free);

  if (!load_optional (&d, entries, "word/numbering.xml", load_numbering, NULL, error) ||
      !load_optional (&d, entries, "word/styles.xml", load_styles, NULL, error) ||
      !load_optional (&d, entries, "word/footnotes.xml", NULL, d.footnotes, error) ||
      !load_optional (&d, entries, "word/endnotes.xml", NULL, d.endnotes, error) ||
      (xml = parse_xml (document, source_name, "word/document.xml", error)) == NULL)
    goto out;

  body = child (xmlDocGetRootElement (xml), "body");
  if (body == NULL)
    {
      g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                   _("“%s” is damaged: word/document.xml has no body. Open it in Word and save it again."),
                   source_name);
      goto out;
    }
  d.paragraph_no = 0;
  if (!walk_body (&d, body, error))
    goto out;
  result = g_steal_pointer (&d.paras);
  if (out_legacy_runs != NULL)
    *out_legacy_runs = d.legacy_runs;

out:
  if (xml != NULL)
    xmlFreeDoc (xml);
  g_hash_table_unref (d.num_to_abstract);
  g_hash_table_unref (d.abstract_levels);
  g_hash_table_unref (d.counters);
  g_hash_table_unref (d.heading_styles);
  g_hash_table_unref (d.style_numbering);
  g_hash_table_unref (d.footnotes);
  g_hash_table_unref (d.endnotes);
  g_clear_pointer (&d.paras, g_ptr_array_unref);
  return result;
}
