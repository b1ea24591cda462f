/* ct-reader-odt.c: an OpenDocument text (.odt) → raw paragraphs
 *
 * content.xml read as the .docx reader reads Word: headings (text:h and
 * their outline level), paragraphs, lists with the numbers their list style
 * shows ("1.", "a)", "I."), tables with spanned and covered cells, and
 * text:note footnotes placed after the paragraph that cites them with the
 * citation kept as an anchor. Bold comes from the automatic and common
 * styles. A block's line is the number of its paragraph in the document.
 *
 * The XML is parsed without network, DTD loading or entity substitution,
 * and any DOCTYPE or entity declaration is refused: ODF never needs one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-reader-private.h"
#include "ct-error.h"
#include "ct-i18n.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <string.h>

#define NS_TEXT  "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
#define NS_TABLE "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
#define NS_STYLE "urn:oasis:names:tc:opendocument:xmlns:style:1.0"
#define NS_FO    "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0"

/* Stands for a note citation while the text is normalised. */
#define NOTE_MARK 0xE000
#define NOTE_MARK_UTF8 "\xEE\x80\x80"
#define MAX_LEVELS 10

typedef struct
{
  gchar format[8];
  gchar prefix[8];
  gchar suffix[8];
  gint  start;
  gboolean bullet;
} Level;

typedef struct
{
  GHashTable *bold;        /* style name → GINT_TO_POINTER (1 bold, 2 not) */
  GHashTable *parents;     /* style name → parent style name */
  GHashTable *list_styles; /* list style name → Level[MAX_LEVELS] */
  GHashTable *font_of;     /* style name → its font's name */
  GHashTable *families;    /* font name → font family */
  guint       legacy_runs; /* text converted from a .Vn (TCVN3) or VNI font */
  GPtrArray  *paras;
  guint       paragraph_no;
  guint       note_no;
  guint       table_no;
  gint        counters[MAX_LEVELS];
} Odt;

static gboolean
is_el (xmlNode     *node,
       const gchar *ns,
       const gchar *name)
{
  return node != NULL && node->type == XML_ELEMENT_NODE && node->ns != NULL &&
         g_strcmp0 ((const gchar *) node->ns->href, ns) == 0 &&
         g_strcmp0 ((const gchar *) node->name, name) == 0;
}

static gchar *
prop (xmlNode     *node,
      const gchar *ns,
      const gchar *name)
{
  xmlChar *v = xmlGetNsProp (node, (const xmlChar *) name, (const xmlChar *) ns);
  gchar *out = v != NULL ? g_strdup ((const gchar *) v) : NULL;

  xmlFree (v);
  return out;
}

static xmlDoc *
parse_part (GBytes      *bytes,
            const gchar *source_name,
            const gchar *part,
            GError     **error)
{
  return ct_reader_parse_xml_part (bytes, source_name, part, "LibreOffice", error);
}

static void
load_list_style (Odt     *o,
                 xmlNode *style)
{
  g_autofree gchar *name = prop (style, NS_STYLE, "name");
  Level *levels;

  if (name == NULL)
    return;
  levels = g_new0 (Level, MAX_LEVELS);
  for (xmlNode *l = style->children; l != NULL; l = l->next)
    {
      g_autofree gchar *level_s = prop (l, NS_TEXT, "level");
      g_autofree gchar *format = prop (l, NS_STYLE, "num-format");
      g_autofree gchar *prefix = prop (l, NS_STYLE, "num-prefix");
      g_autofree gchar *suffix = prop (l, NS_STYLE, "num-suffix");
      g_autofree gchar *start = prop (l, NS_TEXT, "start-value");
      g_autofree gchar *bullet = prop (l, NS_TEXT, "bullet-char");
      gint level = level_s != NULL ? atoi (level_s) - 1 : -1;
      Level *lv;

      if (level < 0 || level >= MAX_LEVELS)
        continue;
      lv = &levels[level];
      g_strlcpy (lv->format, format != NULL ? format : "", sizeof lv->format);
      g_strlcpy (lv->prefix, prefix != NULL ? prefix : "", sizeof lv->prefix);
      g_strlcpy (lv->suffix, suffix != NULL ? suffix : "", sizeof lv->suffix);
      lv->start = start != NULL ? CLAMP (atoi (start), 0, 100000) : 1;
      /* A dash or plus bullet is visible text in these reports ("- Vốn …");
       * a round bullet says nothing. */
      if (is_el (l, NS_TEXT, "list-level-style-bullet") && bullet != NULL &&
          (g_str_equal (bullet, "-") || g_str_equal (bullet, "+") || g_str_equal (bullet, "–")))
        {
          lv->bullet = TRUE;
          g_strlcpy (lv->prefix, bullet, sizeof lv->prefix);
        }
    }
  g_hash_table_replace (o->list_styles, g_steal_pointer (&name), levels);
}

/* Named styles: which are bold, whose parent each has, and list styles. */
static void
load_styles (Odt     *o,
             xmlNode *node)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    {
      if (is_el (c, NS_TEXT, "list-style"))
        load_list_style (o, c);
      else if (is_el (c, NS_STYLE, "font-face"))
        {
          gchar *name = prop (c, NS_STYLE, "name");
          g_autofree gchar *family = prop (c, "urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0", "font-family");

          if (name != NULL && family != NULL)
            g_hash_table_replace (o->families, name, g_strdup (g_strstrip (g_strdelimit (family, "'\"", ' '))));
          else
            g_free (name);
        }
      else if (is_el (c, NS_STYLE, "style"))
        {
          gchar *name = prop (c, NS_STYLE, "name");
          gchar *parent = prop (c, NS_STYLE, "parent-style-name");

          if (name == NULL)
            {
              g_free (parent);
              continue;
            }
          for (xmlNode *t = c->children; t != NULL; t = t->next)
            if (is_el (t, NS_STYLE, "text-properties"))
              {
                g_autofree gchar *weight = prop (t, NS_FO, "font-weight");
                gchar *font = prop (t, NS_STYLE, "font-name");

                if (font != NULL)
                  g_hash_table_replace (o->font_of, g_strdup (name), font);

                if (weight != NULL)
                  g_hash_table_replace (o->bold, g_strdup (name),
                                        GINT_TO_POINTER (g_str_equal (weight, "bold") || atoi (weight) >= 600 ? 1 : 2));
              }
          if (parent != NULL)
            g_hash_table_replace (o->parents, g_strdup (name), parent);
          g_free (name);
        }
      else if (c->type == XML_ELEMENT_NODE)
        load_styles (o, c);
    }
}

static gboolean
style_bold (Odt         *o,
            const gchar *name,
            gboolean     inherited)
{
  for (guint depth = 0; name != NULL && depth < 16; depth++)
    {
      gint v = GPOINTER_TO_INT (g_hash_table_lookup (o->bold, name));

      if (v != 0)
        return v == 1;
      name = g_hash_table_lookup (o->parents, name);
    }
  return inherited;
}

/* The old encoding of the font text in @name is set in, through its parents. */
static CtLegacyFont
style_legacy (Odt          *o,
              const gchar  *name,
              CtLegacyFont  inherited)
{
  for (guint depth = 0; name != NULL && depth < 16; depth++)
    {
      const gchar *font = g_hash_table_lookup (o->font_of, name);

      if (font != NULL)
        {
          const gchar *family = g_hash_table_lookup (o->families, font);

          return ct_reader_legacy_font (family != NULL ? family : font);
        }
      name = g_hash_table_lookup (o->parents, name);
    }
  return inherited;
}

typedef struct
{
  GString   *text;
  GPtrArray *notes;  /* CtRawPara * bodies, in citation order */
  guint      chars;
  guint      bold_chars;
} Collect;

static void collect (Odt *o, xmlNode *node, Collect *c, gboolean bold, CtLegacyFont legacy);

static void
collect_note (Odt     *o,
              xmlNode *note,
              Collect *c)
{
  g_autoptr(GString) body = g_string_new (NULL);
  g_autofree gchar *number = g_strdup_printf ("%u", ++o->note_no);

  for (xmlNode *n = note->children; n != NULL; n = n->next)
    if (is_el (n, NS_TEXT, "note-body"))
      {
        Collect inner = { body, c->notes, 0, 0 };

        for (xmlNode *p = n->children; p != NULL; p = p->next)
          {
            if (body->len > 0)
              g_string_append_c (body, ' ');
            collect (o, p, &inner, FALSE, CT_LEGACY_NONE);
          }
      }
  {
    g_autofree gchar *clean = ct_reader_clean_line (body->str, body->len);
    CtRawPara *p = ct_raw_para_new (CT_RAW_FOOTNOTE, clean, o->paragraph_no);

    p->note_id = g_strdup (number);
    g_ptr_array_add (c->notes, p);
  }
  g_string_append (c->text, NOTE_MARK_UTF8);
}

static void
append_text (Odt         *o,
             Collect     *c,
             const gchar *s,
             gboolean     bold,
             CtLegacyFont legacy)
{
  g_autofree gchar *converted = ct_reader_legacy_convert_run (legacy, s, -1);
  glong len;

  if (converted != NULL)
    {
      s = converted;
      o->legacy_runs++;
    }
  len = g_utf8_strlen (s, -1);
  g_string_append (c->text, s);
  c->chars += len;
  if (bold)
    c->bold_chars += len;
}

static void
collect (Odt     *o,
         xmlNode *node,
         Collect *c,
         gboolean bold,
         CtLegacyFont legacy)
{
  for (xmlNode *n = node->children; n != NULL; n = n->next)
    {
      if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE)
        {
          if (n->content != NULL)
            append_text (o, c, (const gchar *) n->content, bold, legacy);
        }
      else if (is_el (n, NS_TEXT, "s"))
        g_string_append_c (c->text, ' ');
      else if (is_el (n, NS_TEXT, "tab") || is_el (n, NS_TEXT, "line-break"))
        g_string_append_c (c->text, ' ');
      else if (is_el (n, NS_TEXT, "note"))
        collect_note (o, n, c);
      else if (is_el (n, NS_TEXT, "span") || is_el (n, NS_TEXT, "a") || is_el (n, NS_TEXT, "number"))
        {
          g_autofree gchar *style = prop (n, NS_TEXT, "style-name");

          collect (o, n, c, style_bold (o, style, bold), style_legacy (o, style, legacy));
        }
      else if (n->type == XML_ELEMENT_NODE && !is_el (n, NS_TEXT, "tracked-changes") &&
               !is_el (n, NS_TEXT, "bookmark-start"))
        collect (o, n, c, bold, legacy);
    }
}

/* A paragraph's text, cleaned, with its note citations as anchors; the
 * bodies go to @notes. */
static CtRawPara *
paragraph (Odt         *o,
           xmlNode     *p,
           const gchar *label,
           GPtrArray   *notes)
{
  g_autofree gchar *style = prop (p, NS_TEXT, "style-name");
  Collect c = { g_string_new (label != NULL ? label : ""), notes, 0, 0 };
  g_autofree gchar *clean = NULL;
  GString *text = g_string_new (NULL);
  CtRawPara *para;
  guint first_note = notes->len, k = 0;

  if (label != NULL)
    g_string_append_c (c.text, ' ');
  o->paragraph_no++;
  collect (o, p, &c, style_bold (o, style, FALSE), style_legacy (o, style, CT_LEGACY_NONE));
  clean = ct_reader_clean_line (c.text->str, c.text->len);
  g_string_free (c.text, TRUE);
  para = ct_raw_para_new (CT_RAW_PARAGRAPH, "", o->paragraph_no);
  for (const gchar *s = clean; *s != '\0'; s = g_utf8_next_char (s))
    {
      if (g_utf8_get_char (s) == NOTE_MARK)
        {
          if (first_note + k < notes->len)
            ct_raw_para_add_anchor (para, text->len,
                                    ((CtRawPara *) g_ptr_array_index (notes, first_note + k))->note_id);
          k++;
          continue;
        }
      g_string_append_len (text, s, g_utf8_next_char (s) - s);
    }
  g_free (para->text);
  para->text = g_string_free (text, FALSE);
  g_strchomp (para->text);
  para->bold = c.chars > 0 && c.bold_chars == c.chars;
  return para;
}

static void
add_block (Odt       *o,
           CtRawPara *para,
           GPtrArray *notes)
{
  if (para->text[0] != '\0')
    g_ptr_array_add (o->paras, para);
  else
    ct_raw_para_free (para);
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (o->paras, g_ptr_array_index (notes, i));
  g_ptr_array_set_size (notes, 0);
}

static void walk_node (Odt *o, xmlNode *node);

static void
format_number (GString     *out,
               const gchar *format,
               gint         n)
{
  static const gchar *const roman[] = { "m", "cm", "d", "cd", "c", "xc", "l", "xl", "x", "ix", "v", "iv", "i" };
  static const gint values[] = { 1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1 };

  if (g_str_equal (format, "a") || g_str_equal (format, "A"))
    g_string_append_c (out, (format[0] == 'a' ? 'a' : 'A') + (n - 1) % 26);
  else if (g_str_equal (format, "i") || g_str_equal (format, "I"))
    {
      GString *r = g_string_new (NULL);

      for (guint i = 0; i < G_N_ELEMENTS (values); i++)
        for (; n >= values[i] && r->len < 32; n -= values[i])
          g_string_append (r, roman[i]);
      if (format[0] == 'I')
        g_string_ascii_up (r);
      g_string_append (out, r->str);
      g_string_free (r, TRUE);
    }
  else
    g_string_append_printf (out, "%d", n);
}

/* The label a list item shows: its level's number with prefix and suffix,
 * or its dash; NULL when the style shows nothing. */
static gchar *
item_label (Odt         *o,
            const gchar *list_style,
            gint         depth)
{
  Level *levels = list_style != NULL ? g_hash_table_lookup (o->list_styles, list_style) : NULL;
  Level *lv;
  GString *label;

  if (levels == NULL || depth < 0 || depth >= MAX_LEVELS)
    return NULL;
  lv = &levels[depth];
  for (gint d = depth + 1; d < MAX_LEVELS; d++)
    o->counters[d] = 0;
  if (lv->bullet)
    return g_strdup (lv->prefix);
  if (lv->format[0] == '\0')
    return NULL;
  o->counters[depth] = o->counters[depth] == 0 ? lv->start : o->counters[depth] + 1;
  label = g_string_new (lv->prefix);
  format_number (label, lv->format, o->counters[depth]);
  g_string_append (label, lv->suffix);
  return g_string_free (label, FALSE);
}

static void
add_list (Odt         *o,
          xmlNode     *list,
          const gchar *outer_style,
          gint         depth)
{
  g_autofree gchar *own = prop (list, NS_TEXT, "style-name");
  g_autofree gchar *cont = prop (list, NS_TEXT, "continue-numbering");
  g_autofree gchar *cont_list = prop (list, NS_TEXT, "continue-list");
  const gchar *style = own != NULL ? own : outer_style;

  /* A new outermost list starts counting again unless it says it goes on. */
  if (depth == 0 && g_strcmp0 (cont, "true") != 0 && cont_list == NULL)
    memset (o->counters, 0, sizeof o->counters);
  for (xmlNode *item = list->children; item != NULL; item = item->next)
    {
      gboolean first = TRUE;

      if (!is_el (item, NS_TEXT, "list-item") && !is_el (item, NS_TEXT, "list-header"))
        continue;
      for (xmlNode *c = item->children; c != NULL; c = c->next)
        {
          if ((is_el (c, NS_TEXT, "p") || is_el (c, NS_TEXT, "h")) && first && is_el (item, NS_TEXT, "list-item"))
            {
              g_autofree gchar *label = item_label (o, style, depth);
              g_autoptr(GPtrArray) notes = g_ptr_array_new ();

              add_block (o, paragraph (o, c, label, notes), notes);
              first = FALSE;
            }
          else if (is_el (c, NS_TEXT, "list"))
            add_list (o, c, style, depth + 1);
          else
            walk_node (o, c);
        }
    }
}

static gchar *
cell_text (Odt       *o,
           xmlNode   *cell,
           GPtrArray *notes)
{
  GString *text = g_string_new (NULL);

  for (xmlNode *p = cell->children; p != NULL; p = p->next)
    {
      CtRawPara *cp;

      if (!is_el (p, NS_TEXT, "p") && !is_el (p, NS_TEXT, "h"))
        continue;
      cp = paragraph (o, p, NULL, notes);
      if (cp->text[0] != '\0')
        {
          if (text->len > 0)
            g_string_append_c (text, ' ');
          g_string_append (text, cp->text);
        }
      ct_raw_para_free (cp);
    }
  return g_string_free (text, FALSE);
}

static guint
span_of (xmlNode     *cell,
         const gchar *name)
{
  g_autofree gchar *v = prop (cell, NS_TABLE, name);

  return v != NULL ? (guint) CLAMP (atoi (v), 1, 64) : 1;
}

static void
add_row (Odt     *o,
         xmlNode *tr,
         guint    table)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();
  CtRawPara *row = ct_raw_para_new (CT_RAW_TABLE_ROW, "", o->paragraph_no + 1);
  GString *joined = g_string_new (NULL);
  guint col = 0;
  gboolean any = FALSE;

  row->cells = g_ptr_array_new_with_free_func (g_free);
  row->spans = g_array_new (FALSE, FALSE, sizeof (guint));
  row->row_spans = g_array_new (FALSE, FALSE, sizeof (guint));
  row->cols = g_array_new (FALSE, FALSE, sizeof (guint));
  row->table = table;
  for (xmlNode *tc = tr->children; tc != NULL; tc = tc->next)
    {
      guint span, rows;
      gchar *text;

      /* A covered cell is the continuation of a spanned one. */
      if (is_el (tc, NS_TABLE, "covered-table-cell"))
        {
          col++;
          continue;
        }
      if (!is_el (tc, NS_TABLE, "table-cell"))
        continue;
      span = span_of (tc, "number-columns-spanned");
      rows = span_of (tc, "number-rows-spanned");
      text = cell_text (o, tc, notes);
      if (row->cells->len > 0)
        g_string_append (joined, " | ");
      g_string_append (joined, text);
      any |= text[0] != '\0';
      g_ptr_array_add (row->cells, text);
      g_array_append_val (row->spans, span);
      g_array_append_val (row->row_spans, rows);
      g_array_append_val (row->cols, col);
      col += span;
    }
  g_free (row->text);
  row->text = g_string_free (joined, FALSE);
  if (any)
    g_ptr_array_add (o->paras, row);
  else
    ct_raw_para_free (row);
  for (guint i = 0; i < notes->len; i++)
    g_ptr_array_add (o->paras, g_ptr_array_index (notes, i));
}

static void
add_rows (Odt     *o,
          xmlNode *node,
          guint    table)
{
  for (xmlNode *c = node->children; c != NULL; c = c->next)
    if (is_el (c, NS_TABLE, "table-row"))
      add_row (o, c, table);
    else if (is_el (c, NS_TABLE, "table-header-rows") || is_el (c, NS_TABLE, "table-rows") ||
             is_el (c, NS_TABLE, "table-row-group"))
      add_rows (o, c, table);
}

static void
walk_node (Odt     *o,
           xmlNode *node)
{
  g_autoptr(GPtrArray) notes = g_ptr_array_new ();

  if (is_el (node, NS_TEXT, "p"))
    add_block (o, paragraph (o, node, NULL, notes), notes);
  else if (is_el (node, NS_TEXT, "h"))
    {
      g_autofree gchar *level = prop (node, NS_TEXT, "outline-level");
      CtRawPara *para = paragraph (o, node, NULL, notes);

      para->heading_level = level != NULL ? (guint) CLAMP (atoi (level), 1, 9) : 1;
      add_block (o, para, notes);
    }
  else if (is_el (node, NS_TEXT, "list"))
    add_list (o, node, NULL, 0);
  else if (is_el (node, NS_TABLE, "table"))
    add_rows (o, node, o->table_no++);
  else if (is_el (node, NS_TEXT, "section") || is_el (node, NS_TEXT, "index-body") ||
           is_el (node, NS_TEXT, "table-of-content") || is_el (node, NS_TEXT, "soft-page-break"))
    for (xmlNode *c = node->children; c != NULL; c = c->next)
      walk_node (o, c);
}

static xmlNode *
find_text_body (xmlNode *root)
{
  for (xmlNode *b = root->children; b != NULL; b = b->next)
    if (b->type == XML_ELEMENT_NODE && g_strcmp0 ((const gchar *) b->name, "body") == 0)
      for (xmlNode *t = b->children; t != NULL; t = t->next)
        if (t->type == XML_ELEMENT_NODE && g_strcmp0 ((const gchar *) t->name, "text") == 0)
          return t;
  return NULL;
}

static gboolean
load_part_styles (Odt         *o,
                  GHashTable  *entries,
                  const gchar *part,
                  const gchar *source_name,
                  GError     **error)
{
  GBytes *bytes = g_hash_table_lookup (entries, part);
  xmlDoc *xml;

  if (bytes == NULL)
    return TRUE;
  xml = parse_part (bytes, source_name, part, error);
  if (xml == NULL)
    return FALSE;
  load_styles (o, xmlDocGetRootElement (xml));
  xmlFreeDoc (xml);
  return TRUE;
}

GPtrArray *
ct_reader_odt_parse (GHashTable  *entries,
                     const gchar *source_name,
                     guint       *out_legacy_runs,
                     GError     **error)
{
  GBytes *content = g_hash_table_lookup (entries, "content.xml");
  Odt o = { 0 };
  xmlDoc *xml = NULL;
  xmlNode *body = NULL;
  GPtrArray *result = NULL;

  o.bold = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  o.parents = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.list_styles = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.font_of = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.families = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  o.paras = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_raw_para_free);

  if (content == NULL)
    g_set_error (error, CT_ERROR, CT_ERROR_CORRUPT,
                 _("“%s” is an OpenDocument file without content.xml: it is damaged. Open it in LibreOffice and save it again."),
                 source_name);
  else if (load_part_styles (&o, entries, "styles.xml", source_name, error) &&
           (xml = parse_part (content, source_name, "content.xml", error)) != NULL)
    {
      load_styles (&o, xmlDocGetRootElement (xml));
      body = find_text_body (xmlDocGetRootElement (xml));
      if (body == NULL)
        g_set_error (error, CT_ERROR, CT_ERROR_UNSUPPORTED,
                     _("“%s” is an OpenDocument file but not a text document (a spreadsheet or presentation?). Choose the report’s .odt or .docx."),
                     source_name);
      else
        {
          for (xmlNode *c = body->children; c != NULL; c = c->next)
            walk_node (&o, c);
          result = g_steal_pointer (&o.paras);
          if (out_legacy_runs != NULL)
            *out_legacy_runs = o.legacy_runs;
        }
    }
  if (xml != NULL)
    xmlFreeDoc (xml);
  g_hash_table_unref (o.bold);
  g_hash_table_unref (o.parents);
  g_hash_table_unref (o.list_styles);
  g_hash_table_unref (o.font_of);
  g_hash_table_unref (o.families);
  g_clear_pointer (&o.paras, g_ptr_array_unref);
  return result;
}

gboolean
ct_reader_is_odf (GHashTable *entries)
{
  GBytes *mimetype = g_hash_table_lookup (entries, "mimetype");
  static const gchar odf[] = "application/vnd.oasis.opendocument";
  gsize len = 0;
  const gchar *data = mimetype != NULL ? g_bytes_get_data (mimetype, &len) : NULL;

  if (data != NULL && len >= strlen (odf) && memcmp (data, odf, strlen (odf)) == 0)
    return TRUE;
  return g_hash_table_contains (entries, "content.xml") &&
         g_hash_table_contains (entries, "META-INF/manifest.xml");
}

GPtrArray *
ct_reader_odt_read (GHashTable  *entries,
                    GBytes      *bytes,
                    const gchar *source_name,
                    GError     **error)
{
  guint legacy_runs = 0;
  g_autoptr(GPtrArray) paras = ct_reader_odt_parse (entries, source_name, &legacy_runs, error);
  CtDocument *doc;

  if (paras == NULL)
    return NULL;
  doc = ct_reader_build (paras, source_name, CT_FILE_FORMAT_ODT, bytes, error);
  if (doc == NULL)
    return NULL;
  ct_reader_legacy_warn (doc, legacy_runs);
  return ct_reader_one_document (doc);
}
