/* ct-compare-cell.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-compare-cell.h"

#define PAD        4
#define LINE_GAP   1
#define ICON_SIZE  14

struct _CtCompareCellWidget
{
  GtkWidget    parent_instance;

  gchar       *value;
  gchar       *plan;
  gchar       *rate;
  CtRateBand   band;
  gboolean     flagged;
  gboolean     corrected;
  gboolean     empty;
  gboolean     header;
  /* Made when the cell is first drawn (GTK keeps cells for some 200 rows,
   * a screenful is drawn), and given a text only when it changes: a
   * snapshot after a hover or a selection re-shapes nothing. They follow
   * the widget's PangoContext, which GTK updates with the theme. */
  PangoLayout *value_layout;
  PangoLayout *plan_layout;
  PangoLayout *rate_layout;
};

G_DEFINE_FINAL_TYPE (CtCompareCellWidget, ct_compare_cell, GTK_TYPE_WIDGET)

/* The plan and the rate a size smaller than the widget's font, as GNOME's
 * "caption" style. */
static void
set_small_font (CtCompareCellWidget *self)
{
  PangoFontDescription *desc = pango_font_description_copy (pango_context_get_font_description (gtk_widget_get_pango_context (GTK_WIDGET (self))));
  gint size = pango_font_description_get_size (desc);

  if (size <= 0)
    size = 11 * PANGO_SCALE;
  if (pango_font_description_get_size_is_absolute (desc))
    pango_font_description_set_absolute_size (desc, size * 9 / 10);
  else
    pango_font_description_set_size (desc, size * 9 / 10);
  /* Pango leaves a layout alone when the font is the same. */
  pango_layout_set_font_description (self->plan_layout, desc);
  pango_layout_set_font_description (self->rate_layout, desc);
  pango_font_description_free (desc);
}

static void
set_value_style (CtCompareCellWidget *self)
{
  PangoAttrList *attrs = NULL;

  if (self->corrected)
    {
      attrs = pango_attr_list_new ();
      pango_attr_list_insert (attrs, pango_attr_style_new (PANGO_STYLE_ITALIC));
    }
  pango_layout_set_attributes (self->value_layout, attrs);
  if (attrs != NULL)
    pango_attr_list_unref (attrs);
}

static PangoLayout *
new_layout (CtCompareCellWidget *self,
            const gchar         *text)
{
  PangoLayout *layout = gtk_widget_create_pango_layout (GTK_WIDGET (self), text != NULL ? text : "");

  pango_layout_set_ellipsize (layout, PANGO_ELLIPSIZE_END);
  return layout;
}

static void
ensure_layouts (CtCompareCellWidget *self)
{
  if (self->value_layout != NULL)
    return;
  self->value_layout = new_layout (self, self->value);
  self->plan_layout = new_layout (self, self->plan);
  self->rate_layout = new_layout (self, self->rate);
  set_value_style (self);
  set_small_font (self);
}

static void
draw_icon (CtCompareCellWidget *self,
           GtkSnapshot         *snapshot,
           const gchar         *name,
           float                x,
           float                y,
           const gchar         *color_name)
{
  GtkIconTheme *theme = gtk_icon_theme_get_for_display (gtk_widget_get_display (GTK_WIDGET (self)));
  g_autoptr(GtkIconPaintable) icon = gtk_icon_theme_lookup_icon (theme, name, NULL, ICON_SIZE,
                                                                 gtk_widget_get_scale_factor (GTK_WIDGET (self)),
                                                                 gtk_widget_get_direction (GTK_WIDGET (self)), 0);
  GtkStyleContext *style = gtk_widget_get_style_context (GTK_WIDGET (self));
  GdkRGBA colors[4];

  gtk_style_context_get_color (style, &colors[0]);
  if (!gtk_style_context_lookup_color (style, color_name, &colors[0]))
    gtk_style_context_get_color (style, &colors[0]);
  colors[1] = colors[2] = colors[3] = colors[0];
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (x, y));
  gtk_symbolic_paintable_snapshot_symbolic (GTK_SYMBOLIC_PAINTABLE (icon), GDK_SNAPSHOT (snapshot),
                                            ICON_SIZE, ICON_SIZE, colors, G_N_ELEMENTS (colors));
  gtk_snapshot_restore (snapshot);
}

static void
ct_compare_cell_snapshot (GtkWidget   *widget,
                          GtkSnapshot *snapshot)
{
  CtCompareCellWidget *self = CT_COMPARE_CELL (widget);
  GtkStyleContext *style = gtk_widget_get_style_context (widget);
  int width = gtk_widget_get_width (widget);
  GdkRGBA fg, dim;
  float y = PAD;
  int w, h;
  float icon_x = width - PAD - ICON_SIZE;

  if (self->header)
    return;
  gtk_style_context_get_color (style, &fg);
  dim = fg;
  dim.alpha *= 0.55f;
  ensure_layouts (self);

  pango_layout_set_width (self->value_layout, (width - 2 * PAD - 2 * ICON_SIZE) * PANGO_SCALE);
  gtk_snapshot_save (snapshot);
  gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PAD, y));
  gtk_snapshot_append_layout (snapshot, self->value_layout, self->empty ? &dim : &fg);
  gtk_snapshot_restore (snapshot);
  pango_layout_get_pixel_size (self->value_layout, &w, &h);

  if (self->flagged)
    {
      draw_icon (self, snapshot, "dialog-warning-symbolic", icon_x, y + (h - ICON_SIZE) / 2.0f, "warning_color");
      icon_x -= ICON_SIZE + 2;
    }
  if (self->corrected)
    draw_icon (self, snapshot, "document-edit-symbolic", icon_x, y + (h - ICON_SIZE) / 2.0f, "accent_color");
  y += h + LINE_GAP;

  pango_layout_set_width (self->plan_layout, (width - 2 * PAD) * PANGO_SCALE);
  pango_layout_get_pixel_size (self->plan_layout, &w, &h);
  if (self->plan != NULL)
    {
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PAD, y));
      gtk_snapshot_append_layout (snapshot, self->plan_layout, &dim);
      gtk_snapshot_restore (snapshot);
    }
  y += h + LINE_GAP;

  if (self->rate != NULL)
    {
      static const gchar *const band_colors[] = { NULL, "success_color", "warning_color", "error_color" };
      GdkRGBA tint;

      pango_layout_set_width (self->rate_layout, (width - 2 * PAD) * PANGO_SCALE);
      pango_layout_get_pixel_size (self->rate_layout, &w, &h);
      /* The tint is translucent over the row, and the words stay in the
       * theme's own text colour: legible in light and dark styles. */
      if (self->band != CT_RATE_BAND_NONE
          && gtk_style_context_lookup_color (style, band_colors[self->band], &tint))
        {
          GskRoundedRect rect;

          tint.alpha = self->band == CT_RATE_BAND_NEAR ? 0.30f : 0.24f;
          gsk_rounded_rect_init_from_rect (&rect, &GRAPHENE_RECT_INIT (PAD, y, MIN (w + 8, width - 2 * PAD), h), 4);
          gtk_snapshot_push_rounded_clip (snapshot, &rect);
          gtk_snapshot_append_color (snapshot, &tint, &rect.bounds);
          gtk_snapshot_pop (snapshot);
        }
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (PAD + 4, y));
      gtk_snapshot_append_layout (snapshot, self->rate_layout, self->band != CT_RATE_BAND_NONE ? &fg : &dim);
      gtk_snapshot_restore (snapshot);
    }
}

/* The height is the view's to set (every row the same, so the pinned
 * indicator column stays aligned); the cell draws inside it. */
static void
ct_compare_cell_measure (GtkWidget      *widget,
                         GtkOrientation  orientation,
                         int             for_size,
                         int            *minimum,
                         int            *natural,
                         int            *minimum_baseline,
                         int            *natural_baseline)
{
  (void) widget;
  (void) for_size;
  *minimum = *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 2 * PAD + 3 * ICON_SIZE : 0;
  *minimum_baseline = *natural_baseline = -1;
}

/* A hover or a selection changes the style too: only a new font size
 * matters to the layouts, whose context GTK has already updated. */
static void
ct_compare_cell_css_changed (GtkWidget         *widget,
                             GtkCssStyleChange *change)
{
  CtCompareCellWidget *self = CT_COMPARE_CELL (widget);

  GTK_WIDGET_CLASS (ct_compare_cell_parent_class)->css_changed (widget, change);
  if (self->value_layout != NULL)
    set_small_font (self);
}

static void
ct_compare_cell_finalize (GObject *object)
{
  CtCompareCellWidget *self = CT_COMPARE_CELL (object);

  g_clear_pointer (&self->value, g_free);
  g_clear_pointer (&self->plan, g_free);
  g_clear_pointer (&self->rate, g_free);
  g_clear_object (&self->value_layout);
  g_clear_object (&self->plan_layout);
  g_clear_object (&self->rate_layout);

  G_OBJECT_CLASS (ct_compare_cell_parent_class)->finalize (object);
}

static void
ct_compare_cell_class_init (CtCompareCellWidgetClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->finalize = ct_compare_cell_finalize;
  widget_class->snapshot = ct_compare_cell_snapshot;
  widget_class->measure = ct_compare_cell_measure;
  widget_class->css_changed = ct_compare_cell_css_changed;
  gtk_widget_class_set_css_name (widget_class, "ct-compare-cell");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_CELL);
}

static void
ct_compare_cell_init (CtCompareCellWidget *self)
{
  (void) self;
}

GtkWidget *
ct_compare_cell_new (void)
{
  return g_object_new (CT_TYPE_COMPARE_CELL, NULL);
}

/* Keeps a new text, and puts it in its layout when there is one. */
static void
replace (gchar       **field,
         PangoLayout  *layout,
         const gchar  *text)
{
  if (g_strcmp0 (*field, text) == 0)
    return;
  g_free (*field);
  *field = g_strdup (text);
  if (layout != NULL)
    pango_layout_set_text (layout, text != NULL ? text : "", -1);
}

void
ct_compare_cell_set (CtCompareCellWidget *self,
                     const gchar         *value,
                     const gchar         *plan,
                     const gchar         *rate,
                     CtRateBand           band,
                     gboolean             flagged,
                     gboolean             corrected,
                     gboolean             empty)
{
  g_return_if_fail (CT_IS_COMPARE_CELL (self));

  replace (&self->value, self->value_layout, value);
  replace (&self->plan, self->plan_layout, plan);
  replace (&self->rate, self->rate_layout, rate);
  self->band = band;
  self->flagged = flagged;
  self->empty = empty;
  if (self->corrected != corrected)
    {
      self->corrected = corrected;
      if (self->value_layout != NULL)
        set_value_style (self);
    }
  if (self->header)
    {
      self->header = FALSE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ct_compare_cell_set_header (CtCompareCellWidget *self)
{
  g_return_if_fail (CT_IS_COMPARE_CELL (self));

  replace (&self->value, self->value_layout, NULL);
  replace (&self->plan, self->plan_layout, NULL);
  replace (&self->rate, self->rate_layout, NULL);
  if (!self->header)
    {
      self->header = TRUE;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
}

const gchar *
ct_compare_cell_get_value_text (CtCompareCellWidget *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_CELL (self), NULL);
  return self->value;
}

const gchar *
ct_compare_cell_get_plan_text (CtCompareCellWidget *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_CELL (self), NULL);
  return self->plan;
}

const gchar *
ct_compare_cell_get_rate_text (CtCompareCellWidget *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_CELL (self), NULL);
  return self->rate;
}

PangoLayout *
ct_compare_cell_peek_value_layout (CtCompareCellWidget *self)
{
  g_return_val_if_fail (CT_IS_COMPARE_CELL (self), NULL);
  return self->value_layout;
}
