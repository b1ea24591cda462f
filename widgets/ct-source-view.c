/* ct-source-view.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ct-compare-view.h"
#include "ct-figure.h"
#include "ct-format.h"
#include "ct-source-view.h"

typedef struct
{
  gint64 id;
  gint   char_start; /* in the buffer */
  gint   char_end;
  gsize  byte_start; /* in the report's text */
  gsize  byte_end;
} Figure;

struct _CtSourceView
{
  GtkWidget      parent_instance;

  GtkWidget     *title_label;
  GtkWidget     *section_label;
  GtkWidget     *text_view;
  GtkWidget     *siblings_label;
  GtkWidget     *siblings_list;
  GtkTextBuffer *buffer;
  GtkTextTag    *figure_tag;
  GtkTextTag    *highlight_tag;
  GtkTextTag    *paragraph_tag;

  CtSourceSpan  *span;      /* copy of what is shown */
  GArray        *figures;   /* Figure, sorted by char_start */
  GArray        *siblings;  /* gint64 */
  guint          scroll_source;  /* tick callback scrolling to the highlight */
  guint          scroll_frames;
};

G_DEFINE_FINAL_TYPE (CtSourceView, ct_source_view, GTK_TYPE_WIDGET)

enum {
  OBSERVATION_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/* Byte offsets of the report's text to character offsets of the buffer,
 * walking forward from the last answer: figures come in text order. */
typedef struct
{
  const gchar *text;
  gsize        len;
  gsize        byte;
  glong        chars;
} OffsetWalker;

static gint
walker_chars (OffsetWalker *w,
              gsize         byte)
{
  byte = MIN (byte, w->len);
  if (byte < w->byte)
    {
      w->byte = 0;
      w->chars = 0;
    }
  w->chars += g_utf8_pointer_to_offset (w->text + w->byte, w->text + byte);
  w->byte = byte;
  return (gint) w->chars;
}

static void
get_iter_at_byte (CtSourceView *self,
                  GtkTextIter  *iter,
                  gsize         byte)
{
  glong chars;

  byte = MIN (byte, self->span->text_len);
  chars = g_utf8_pointer_to_offset (self->span->text, self->span->text + byte);
  gtk_text_buffer_get_iter_at_offset (self->buffer, iter, (gint) chars);
}

static const Figure *
figure_at_char (CtSourceView *self,
                gint          offset)
{
  guint lo = 0, hi = self->figures->len;

  /* The last figure starting at or before offset. */
  while (lo < hi)
    {
      guint mid = (lo + hi) / 2;

      if (g_array_index (self->figures, Figure, mid).char_start <= offset)
        lo = mid + 1;
      else
        hi = mid;
    }
  /* Clauses of one sentence may overlap: look at a few before it. */
  for (guint i = lo; i > 0 && i + 8 > lo; i--)
    {
      const Figure *f = &g_array_index (self->figures, Figure, i - 1);

      if (offset >= f->char_start && offset < f->char_end)
        return f;
    }
  return NULL;
}

static gboolean
activate_char (CtSourceView *self,
               gint          offset)
{
  const Figure *f = figure_at_char (self, offset);

  if (f == NULL)
    return FALSE;
  g_signal_emit (self, signals[OBSERVATION_ACTIVATED], 0, f->id);
  return TRUE;
}

gboolean
ct_source_view_activate_at (CtSourceView *self,
                            gsize         offset)
{
  glong chars;

  g_return_val_if_fail (CT_IS_SOURCE_VIEW (self), FALSE);

  if (self->span == NULL || offset > self->span->text_len)
    return FALSE;
  chars = g_utf8_pointer_to_offset (self->span->text, self->span->text + offset);
  return activate_char (self, (gint) chars);
}

static void
on_text_released (GtkGestureClick *gesture,
                  int              n_press,
                  double           x,
                  double           y,
                  gpointer         user_data)
{
  CtSourceView *self = user_data;
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GtkTextIter iter;
  int bx, by;

  (void) gesture;
  if (n_press != 1 || self->span == NULL || gtk_text_buffer_get_has_selection (self->buffer))
    return;
  gtk_text_view_window_to_buffer_coords (view, GTK_TEXT_WINDOW_WIDGET, (int) x, (int) y, &bx, &by);
  if (gtk_text_view_get_iter_at_location (view, &iter, bx, by))
    activate_char (self, gtk_text_iter_get_offset (&iter));
}

static gboolean
on_text_key (GtkEventControllerKey *controller,
             guint                  keyval,
             guint                  keycode,
             GdkModifierType        state,
             gpointer               user_data)
{
  CtSourceView *self = user_data;
  GtkTextIter iter;

  (void) controller;
  (void) keycode;
  (void) state;
  if (keyval != GDK_KEY_Return && keyval != GDK_KEY_KP_Enter && keyval != GDK_KEY_ISO_Enter)
    return FALSE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  return activate_char (self, gtk_text_iter_get_offset (&iter));
}

static void
on_sibling_activated (GtkListBox    *box,
                      GtkListBoxRow *row,
                      gpointer       user_data)
{
  CtSourceView *self = user_data;
  gint index = gtk_list_box_row_get_index (row);

  (void) box;
  if (index >= 0 && (guint) index < self->siblings->len)
    g_signal_emit (self, signals[OBSERVATION_ACTIVATED], 0,
                   g_array_index (self->siblings, gint64, index));
}

static CtSourceSpan *
span_copy (const CtSourceSpan *span)
{
  CtSourceSpan *copy = g_new0 (CtSourceSpan, 1);

  *copy = *span;
  copy->source_name = g_strdup (span->source_name);
  copy->text = g_strndup (span->text, span->text_len);
  copy->section = g_strdup (span->section);
  copy->page_lines = g_strdup (span->page_lines);
  copy->siblings = span->siblings != NULL ? g_array_copy (span->siblings)
                                          : g_array_new (FALSE, FALSE, sizeof (gint64));
  return copy;
}

static const CtStoredObservation *
find_observation (GPtrArray *observations,
                  gint64     id)
{
  if (observations == NULL)
    return NULL;
  for (guint i = 0; i < observations->len; i++)
    {
      const CtStoredObservation *o = g_ptr_array_index (observations, i);

      if (o->id == id)
        return o;
    }
  return NULL;
}

/* The observations come judged (ct_store_judge_observations()), so a
 * sibling's verdict is the one its comparison cell shows. */
static GtkWidget *
sibling_row (const CtStoredObservation *o)
{
  GtkWidget *row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  GtkWidget *label = gtk_label_new (o->obs->label != NULL ? o->obs->label : o->indicator_name);
  GtkWidget *value;
  g_autofree gchar *value_text = NULL;
  g_autofree gchar *rate_text = NULL;
  g_autofree gchar *text = NULL;
  gdouble rate = !isnan (o->obs->rate) ? o->obs->rate : o->obs->rate_computed;

  value_text = ct_figure_format_value (o->obs->value, o->obs->value_high,
                                       o->obs->qualifier, o->obs->unit);
  rate_text = ct_figure_format_rate (rate, o->verdict, o->reported, o->obs->yoy);
  text = rate_text != NULL ? g_strdup_printf ("%s · %s", value_text, rate_text) : g_strdup (value_text);
  value = gtk_label_new (text);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
  gtk_widget_set_hexpand (label, TRUE);
  gtk_widget_add_css_class (value, "numeric");
  gtk_box_append (GTK_BOX (row), label);
  gtk_box_append (GTK_BOX (row), value);
  gtk_widget_set_margin_start (row, 6);
  gtk_widget_set_margin_end (row, 6);
  gtk_widget_set_margin_top (row, 3);
  gtk_widget_set_margin_bottom (row, 3);
  return row;
}

/* gtk_text_view_scroll_to_mark() in GTK 4.8 loses its pending scroll when
 * the text was replaced in the same frame; this puts the highlight a third
 * down the view by the adjustment, and checks again on the next frames,
 * since line heights above it are estimates until they are laid out. */
static gboolean
scroll_again (GtkWidget     *widget,
              GdkFrameClock *clock,
              gpointer       user_data)
{
  CtSourceView *self = user_data;
  GtkTextView *view = GTK_TEXT_VIEW (self->text_view);
  GtkAdjustment *v = gtk_scrollable_get_vadjustment (GTK_SCROLLABLE (view));
  GtkTextMark *mark = gtk_text_buffer_get_mark (self->buffer, "ct-highlight");
  GdkRectangle visible, where;
  GtkTextIter iter;
  gdouble target;

  (void) widget;
  (void) clock;
  if (gtk_widget_get_height (self->text_view) <= 0)
    return G_SOURCE_CONTINUE;
  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, mark);
  gtk_text_view_get_visible_rect (view, &visible);
  gtk_text_view_get_iter_location (view, &iter, &where);
  target = where.y - visible.height * 0.3;
  target = CLAMP (target, 0, MAX (0, gtk_adjustment_get_upper (v) - gtk_adjustment_get_page_size (v)));
  if (ABS (gtk_adjustment_get_value (v) - target) > 4)
    gtk_adjustment_set_value (v, target);
  if (++self->scroll_frames < 4)
    return G_SOURCE_CONTINUE;
  self->scroll_source = 0;
  return G_SOURCE_REMOVE;
}

void
ct_source_view_clear (CtSourceView *self)
{
  GtkWidget *child;

  g_return_if_fail (CT_IS_SOURCE_VIEW (self));

  g_clear_pointer (&self->span, ct_source_span_free);
  g_array_set_size (self->figures, 0);
  g_array_set_size (self->siblings, 0);
  gtk_text_buffer_set_text (self->buffer, "", 0);
  gtk_label_set_text (GTK_LABEL (self->title_label), _("No figure chosen"));
  gtk_label_set_text (GTK_LABEL (self->section_label),
                      _("Choose a cell of the table to read the sentence it came from."));
  while ((child = gtk_widget_get_first_child (self->siblings_list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->siblings_list), child);
  gtk_widget_set_visible (self->siblings_label, FALSE);
}

void
ct_source_view_set_source (CtSourceView       *self,
                           const CtSourceSpan *span,
                           GPtrArray          *observations,
                           const gchar        *title)
{
  OffsetWalker walker = { 0 };
  GtkTextIter start, end;
  GtkTextMark *mark;
  GtkWidget *child;

  g_return_if_fail (CT_IS_SOURCE_VIEW (self));
  g_return_if_fail (span != NULL);

  ct_source_view_clear (self);
  self->span = span_copy (span);
  gtk_text_buffer_set_text (self->buffer, self->span->text, (gint) self->span->text_len);
  walker.text = self->span->text;
  walker.len = self->span->text_len;

  /* Every figure of the report is a link to its observation. */
  if (observations != NULL)
    for (guint i = 0; i < observations->len; i++)
      {
        const CtStoredObservation *o = g_ptr_array_index (observations, i);
        Figure f;

        if (o->obs->end <= o->obs->start || o->obs->end > self->span->text_len)
          continue;
        f.id = o->id;
        f.byte_start = o->obs->start;
        f.byte_end = o->obs->end;
        f.char_start = walker_chars (&walker, f.byte_start);
        f.char_end = walker_chars (&walker, f.byte_end);
        g_array_append_val (self->figures, f);
        gtk_text_buffer_get_iter_at_offset (self->buffer, &start, f.char_start);
        gtk_text_buffer_get_iter_at_offset (self->buffer, &end, f.char_end);
        gtk_text_buffer_apply_tag (self->buffer, self->figure_tag, &start, &end);
      }

  get_iter_at_byte (self, &start, self->span->block_start);
  get_iter_at_byte (self, &end, self->span->block_end);
  gtk_text_buffer_apply_tag (self->buffer, self->paragraph_tag, &start, &end);
  get_iter_at_byte (self, &start, self->span->start);
  get_iter_at_byte (self, &end, self->span->end);
  gtk_text_buffer_apply_tag (self->buffer, self->highlight_tag, &start, &end);
  gtk_text_buffer_place_cursor (self->buffer, &start);
  mark = gtk_text_buffer_get_mark (self->buffer, "ct-highlight");
  gtk_text_buffer_move_mark (self->buffer, mark, &start);
  gtk_text_view_scroll_to_mark (GTK_TEXT_VIEW (self->text_view), mark, 0.0, TRUE, 0.0, 0.3);
  /* Line heights of a long text are estimates until it is laid out; scroll
   * again once the frame with the new text has been drawn. */
  if (self->scroll_source == 0)
    self->scroll_source = gtk_widget_add_tick_callback (self->text_view, scroll_again, self, NULL);
  self->scroll_frames = 0;

  {
    g_autofree gchar *header = NULL;
    guint page = ct_source_span_get_page (self->span);

    if (title == NULL)
      title = self->span->source_name;
    /* A PDF's or a scan's line counts over the whole file; the page is
     * what the official finds on paper. */
    if (page > 0)
      header = g_strdup_printf (_("%s, page %u, line %u"), title, page, self->span->line);
    else
      header = g_strdup_printf (_("%s, line %u"), title, self->span->line);
    gtk_label_set_text (GTK_LABEL (self->title_label), header);
  }
  gtk_label_set_text (GTK_LABEL (self->section_label),
                      self->span->section != NULL ? self->span->section : _("No section heading"));

  for (guint i = 0; i < self->span->siblings->len; i++)
    {
      gint64 id = g_array_index (self->span->siblings, gint64, i);
      const CtStoredObservation *o = find_observation (observations, id);

      if (o == NULL || id == self->span->observation_id)
        continue;
      g_array_append_val (self->siblings, id);
      gtk_list_box_append (GTK_LIST_BOX (self->siblings_list), sibling_row (o));
    }
  gtk_widget_set_visible (self->siblings_label, self->siblings->len > 0);
  for (child = gtk_widget_get_first_child (self->siblings_list); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (child), TRUE);
}

gint64
ct_source_view_get_observation_id (CtSourceView *self)
{
  g_return_val_if_fail (CT_IS_SOURCE_VIEW (self), 0);
  return self->span != NULL ? self->span->observation_id : 0;
}

gchar *
ct_source_view_get_highlighted (CtSourceView *self,
                                gsize        *start,
                                gsize        *end)
{
  GtkTextIter a, b;

  g_return_val_if_fail (CT_IS_SOURCE_VIEW (self), NULL);

  if (self->span == NULL)
    return NULL;
  /* Read back from the buffer's tag, so a test sees what the user sees. */
  gtk_text_buffer_get_start_iter (self->buffer, &a);
  if (!gtk_text_iter_starts_tag (&a, self->highlight_tag)
      && !gtk_text_iter_forward_to_tag_toggle (&a, self->highlight_tag))
    return NULL;
  b = a;
  gtk_text_iter_forward_to_tag_toggle (&b, self->highlight_tag);
  if (start != NULL)
    *start = self->span->start;
  if (end != NULL)
    *end = self->span->end;
  return gtk_text_buffer_get_text (self->buffer, &a, &b, FALSE);
}

const gchar *
ct_source_view_get_section (CtSourceView *self)
{
  g_return_val_if_fail (CT_IS_SOURCE_VIEW (self), NULL);
  return self->span != NULL ? self->span->section : NULL;
}

GArray *
ct_source_view_get_siblings (CtSourceView *self)
{
  g_return_val_if_fail (CT_IS_SOURCE_VIEW (self), NULL);
  return self->siblings;
}

static void
ct_source_view_dispose (GObject *object)
{
  CtSourceView *self = CT_SOURCE_VIEW (object);
  GtkWidget *child;

  if (self->scroll_source != 0)
    gtk_widget_remove_tick_callback (self->text_view, self->scroll_source);
  self->scroll_source = 0;
  gtk_widget_dispose_template (GTK_WIDGET (object), CT_TYPE_SOURCE_VIEW);
  /* A plain GtkWidget parent unparents the template's unnamed children too. */
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);

  G_OBJECT_CLASS (ct_source_view_parent_class)->dispose (object);
}

static void
ct_source_view_finalize (GObject *object)
{
  CtSourceView *self = CT_SOURCE_VIEW (object);

  g_clear_pointer (&self->span, ct_source_span_free);
  g_clear_pointer (&self->figures, g_array_unref);
  g_clear_pointer (&self->siblings, g_array_unref);

  G_OBJECT_CLASS (ct_source_view_parent_class)->finalize (object);
}

static void
ct_source_view_class_init (CtSourceViewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_source_view_dispose;
  object_class->finalize = ct_source_view_finalize;

  /**
   * CtSourceView::observation-activated:
   * @id: the observation
   *
   * A figure of the text or of the paragraph's list was chosen.
   */
  signals[OBSERVATION_ACTIVATED] = g_signal_new ("observation-activated", G_TYPE_FROM_CLASS (klass),
                                                 G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                                 G_TYPE_NONE, 1, G_TYPE_INT64);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BOX_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ct-source-view");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chitieu/Chitieu/widgets/ct-source-view.ui");
  gtk_widget_class_bind_template_child (widget_class, CtSourceView, title_label);
  gtk_widget_class_bind_template_child (widget_class, CtSourceView, section_label);
  gtk_widget_class_bind_template_child (widget_class, CtSourceView, text_view);
  gtk_widget_class_bind_template_child (widget_class, CtSourceView, siblings_label);
  gtk_widget_class_bind_template_child (widget_class, CtSourceView, siblings_list);
  gtk_widget_class_bind_template_callback (widget_class, on_text_released);
  gtk_widget_class_bind_template_callback (widget_class, on_text_key);
  gtk_widget_class_bind_template_callback (widget_class, on_sibling_activated);
}

static void
ct_source_view_init (CtSourceView *self)
{
  GtkLayoutManager *layout = gtk_widget_get_layout_manager (GTK_WIDGET (self));
  GdkRGBA paragraph = { 0.5, 0.5, 0.5, 0.12 };
  GdkRGBA highlight = { 0.97, 0.83, 0.18, 1.0 };
  GdkRGBA ink = { 0.0, 0.0, 0.0, 1.0 };
  GtkTextIter start;

  gtk_widget_init_template (GTK_WIDGET (self));
  gtk_orientable_set_orientation (GTK_ORIENTABLE (layout), GTK_ORIENTATION_VERTICAL);
  gtk_box_layout_set_spacing (GTK_BOX_LAYOUT (layout), 6);
  self->figures = g_array_new (FALSE, FALSE, sizeof (Figure));
  self->siblings = g_array_new (FALSE, FALSE, sizeof (gint64));

  self->buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (self->text_view));
  self->figure_tag = gtk_text_buffer_create_tag (self->buffer, "figure",
                                                 "underline", PANGO_UNDERLINE_SINGLE,
                                                 "weight", PANGO_WEIGHT_SEMIBOLD,
                                                 NULL);
  self->paragraph_tag = gtk_text_buffer_create_tag (self->buffer, "paragraph",
                                                    "paragraph-background-rgba", &paragraph,
                                                    NULL);
  /* Dark text on yellow: legible in light and dark styles alike. */
  self->highlight_tag = gtk_text_buffer_create_tag (self->buffer, "highlight",
                                                    "background-rgba", &highlight,
                                                    "foreground-rgba", &ink,
                                                    NULL);
  gtk_text_buffer_get_start_iter (self->buffer, &start);
  gtk_text_buffer_create_mark (self->buffer, "ct-highlight", &start, TRUE);
  ct_source_view_clear (self);
}

GtkWidget *
ct_source_view_new (void)
{
  return g_object_new (CT_TYPE_SOURCE_VIEW, NULL);
}
