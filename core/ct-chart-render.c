/* ct-chart-render.c: draws a CtChart with Cairo and PangoCairo
 *
 * The layout is computed along two abstract axes, the category axis (where
 * the bars stand side by side) and the value axis (where they grow), and
 * only mapped to x/y at the end, so vertical and horizontal charts share
 * every rule.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "ct-chart-render.h"
#include "ct-format.h"
#include "ct-i18n.h"

#include <math.h>
#include <pango/pangocairo.h>
#include <string.h>

#define DEFAULT_FONT_SIZE 13.0
#define DEFAULT_FONT      "Noto Sans"

typedef struct
{
  gdouble r, g, b;
} Rgb;

#define RGB(hex) { ((hex) >> 16 & 0xff) / 255.0, ((hex) >> 8 & 0xff) / 255.0, ((hex) & 0xff) / 255.0 }

typedef struct
{
  Rgb bg, text, secondary, grid, axis, reference, missing, flag_fill, flag_text, highlight;
  Rgb series[6];
} Palette;

/* GNOME palette tones: adjacent series differ in hue and in lightness, so
 * they stay apart for colour-blind readers and in greyscale print. The
 * dark variant uses the lighter tones, which keep contrast on #242424. */
static const Palette light_palette = {
  RGB (0xffffff), RGB (0x1e1e1e), RGB (0x5e5c64), RGB (0xdeddda), RGB (0x77767b),
  RGB (0xc01c28), RGB (0x9a9996), RGB (0xf5c211), RGB (0x1e1e1e), RGB (0x000000),
  { RGB (0x1c71d8), RGB (0xe66100), RGB (0x26a269), RGB (0x813d9c), RGB (0x865e3c), RGB (0x0e7c86) },
};

static const Palette dark_palette = {
  RGB (0x242424), RGB (0xffffff), RGB (0xc0bfbc), RGB (0x3d3846), RGB (0x9a9996),
  RGB (0xff7b63), RGB (0x77767b), RGB (0xf8e45c), RGB (0x1e1e1e), RGB (0xffffff),
  { RGB (0x62a0ea), RGB (0xffa348), RGB (0x57e389), RGB (0xc061cb), RGB (0xcdab8f), RGB (0x5ad1d9) },
};

typedef enum
{
  LABELS_NONE,
  LABELS_ALONG,   /* reading direction along the category axis */
  LABELS_ACROSS,  /* turned a quarter, for narrow vertical bars */
} LabelMode;

typedef struct
{
  const CtChart    *chart;
  cairo_t          *cr;
  const Palette    *pal;
  const CtChartStyle *style;
  PangoLayout      *layout;
  PangoFontDescription *font;
  gdouble           s;        /* body font size */
  gdouble           width, height;
  gboolean          vertical;
  guint             n_cat, n_ser;
  CtChartGeometry  *geo;
  cairo_pattern_t  *hatch;      /* see hatch_pattern() */
  gint              hatch_size;
} Ctx;

static void
set_color (Ctx       *ctx,
           const Rgb *c)
{
  cairo_set_source_rgb (ctx->cr, c->r, c->g, c->b);
}

/* Sets the layout's font, wrapping and text; wrap_width <= 0 is one line. */
static void
set_font (Ctx      *ctx,
          gdouble   size,
          gboolean  bold)
{
  pango_font_description_set_absolute_size (ctx->font, size * PANGO_SCALE);
  pango_font_description_set_weight (ctx->font, bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
  pango_layout_set_font_description (ctx->layout, ctx->font);
}

static void
set_wrap (Ctx            *ctx,
          gdouble         wrap_width,
          gint            max_lines,
          PangoAlignment  align)
{
  if (wrap_width > 0)
    {
      pango_layout_set_width (ctx->layout, (int) (wrap_width * PANGO_SCALE));
      pango_layout_set_height (ctx->layout, -MAX (max_lines, 1));
      pango_layout_set_ellipsize (ctx->layout, PANGO_ELLIPSIZE_END);
    }
  else
    {
      pango_layout_set_width (ctx->layout, -1);
      pango_layout_set_height (ctx->layout, -1);
      pango_layout_set_ellipsize (ctx->layout, PANGO_ELLIPSIZE_NONE);
    }
  pango_layout_set_alignment (ctx->layout, align);
}

static void
text_size (Ctx     *ctx,
           gdouble *w,
           gdouble *h)
{
  PangoRectangle logical;

  pango_layout_get_extents (ctx->layout, NULL, &logical);
  if (w != NULL)
    *w = (gdouble) logical.width / PANGO_SCALE;
  if (h != NULL)
    *h = (gdouble) logical.height / PANGO_SCALE;
}

static void
show_text (Ctx       *ctx,
           gdouble    x,
           gdouble    y,
           const Rgb *color)
{
  set_color (ctx, color);
  cairo_move_to (ctx->cr, x, y);
  pango_cairo_show_layout (ctx->cr, ctx->layout);
  ctx->geo->unknown_glyphs += (guint) pango_layout_get_unknown_glyphs_count (ctx->layout);
}

/* Text turned a quarter anticlockwise, its start at (x, y_bottom). */
static void
show_text_turned (Ctx       *ctx,
                  gdouble    x,
                  gdouble    y_bottom,
                  const Rgb *color)
{
  /* The layout keeps its unrotated context: with hinting off the glyphs
   * are the same, and re-shaping every turned label twice (in and out of
   * the rotation) cost more than all the bars of a large chart. */
  cairo_save (ctx->cr);
  cairo_translate (ctx->cr, x, y_bottom);
  cairo_rotate (ctx->cr, -G_PI / 2);
  show_text (ctx, 0, 0, color);
  cairo_restore (ctx->cr);
}

/* Round steps of 1, 2 or 5 × 10^k, about @target ticks over the range. */
static gdouble
nice_step (gdouble span,
           gdouble target)
{
  gdouble raw = span / MAX (target, 1.0);
  gdouble mag = pow (10.0, floor (log10 (raw)));
  gdouble f = raw / mag;

  if (f <= 1.0)
    return mag;
  if (f <= 2.0)
    return 2.0 * mag;
  if (f <= 5.0)
    return 5.0 * mag;
  return 10.0 * mag;
}

static void
compute_axis (Ctx     *ctx,
              gdouble  target_ticks,
              gdouble *step)
{
  gdouble lo = 0, hi = 100, min_rate, max_rate;

  /* 100% is always on the axis, so the reference line always shows. */
  if (ct_chart_get_rate_range (ctx->chart, &min_rate, &max_rate))
    {
      lo = MIN (0.0, min_rate);
      hi = MAX (100.0, max_rate);
    }
  *step = nice_step (hi - lo, target_ticks);
  ctx->geo->axis_min = floor (lo / *step) * *step;
  /* Some headroom above the longest bar and the 100% line, up to the next
   * half step: a chart of rates under 100% ends at 110% or 125%, not at
   * 150% with a third of its height empty. */
  ctx->geo->axis_max = ceil (hi * 1.06 / (*step / 2)) * (*step / 2);
}

gdouble
ct_chart_geometry_rate_to_position (const CtChartGeometry *geo,
                                    gdouble                rate)
{
  gdouble span = geo->axis_max - geo->axis_min;
  gdouble t = span > 0 ? (rate - geo->axis_min) / span : 0;

  if (geo->orientation == CT_CHART_VERTICAL)
    return geo->plot_y + geo->plot_height * (1.0 - t);
  return geo->plot_x + geo->plot_width * t;
}

static const Palette *
palette_for (const CtChartStyle *style)
{
  return (style != NULL && style->dark) ? &dark_palette : &light_palette;
}

void
ct_chart_style_get_series_rgb (const CtChartStyle *style,
                               guint               series,
                               gdouble            *rgb)
{
  const Palette *pal = palette_for (style);
  const Rgb *c = &pal->series[series % G_N_ELEMENTS (pal->series)];

  rgb[0] = c->r;
  rgb[1] = c->g;
  rgb[2] = c->b;
}

void
ct_chart_style_get_background_rgb (const CtChartStyle *style,
                                   gdouble            *rgb)
{
  const Palette *pal = palette_for (style);

  rgb[0] = pal->bg.r;
  rgb[1] = pal->bg.g;
  rgb[2] = pal->bg.b;
}

/* A tile of one diagonal stroke, repeated to hatch "no data" areas. Made
 * once per render: stroking every hatch line of hundreds of bands one by
 * one would take most of a frame. */
static cairo_pattern_t *
hatch_pattern (Ctx     *ctx,
               gdouble  spacing)
{
  cairo_surface_t *tile;
  cairo_t *cr;
  gint n = (gint) ceil (spacing);

  if (ctx->hatch != NULL && ctx->hatch_size == n)
    return ctx->hatch;
  g_clear_pointer (&ctx->hatch, cairo_pattern_destroy);

  tile = cairo_surface_create_similar (cairo_get_target (ctx->cr), CAIRO_CONTENT_COLOR_ALPHA, n, n);
  cr = cairo_create (tile);
  cairo_set_source_rgba (cr, ctx->pal->missing.r, ctx->pal->missing.g, ctx->pal->missing.b, 0.6);
  cairo_set_line_width (cr, 1.0);
  /* the stroke and its two wrapped ends, so tiles join without seams */
  cairo_move_to (cr, -1, n + 1);
  cairo_line_to (cr, n + 1, -1);
  cairo_move_to (cr, -1, 1);
  cairo_line_to (cr, 1, -1);
  cairo_move_to (cr, n - 1, n + 1);
  cairo_line_to (cr, n + 1, n - 1);
  cairo_stroke (cr);
  cairo_destroy (cr);

  ctx->hatch = cairo_pattern_create_for_surface (tile);
  ctx->hatch_size = n;
  cairo_pattern_set_extend (ctx->hatch, CAIRO_EXTEND_REPEAT);
  cairo_surface_destroy (tile);
  return ctx->hatch;
}

/* Diagonal hatching inside a rectangle: "no data", unlike any bar fill. */
static void
hatch (Ctx     *ctx,
       gdouble  x,
       gdouble  y,
       gdouble  w,
       gdouble  h,
       gdouble  spacing)
{
  cairo_t *cr = ctx->cr;

  cairo_rectangle (cr, x, y, w, h);
  if (cairo_surface_get_type (cairo_get_target (cr)) != CAIRO_SURFACE_TYPE_SVG)
    {
      cairo_set_source (cr, hatch_pattern (ctx, spacing));
      cairo_fill (cr);
    }
  else
    {
      /* Cairo 1.16's SVG surface leaks every surface pattern it is given,
       * so SVG files get the strokes themselves (still vectors, and an
       * SVG is written once, not redrawn every frame). */
      cairo_save (cr);
      cairo_clip (cr);
      for (gdouble d = -h; d < w; d += spacing)
        {
          cairo_move_to (cr, x + d, y + h);
          cairo_line_to (cr, x + d + h, y);
        }
      cairo_set_line_width (cr, 1.0);
      cairo_set_source_rgba (cr, ctx->pal->missing.r, ctx->pal->missing.g, ctx->pal->missing.b, 0.6);
      cairo_stroke (cr);
      cairo_restore (cr);
    }

  /* A dashed rim where there is room for one. */
  if (w >= 4 && h >= 4)
    {
      cairo_save (cr);
      cairo_rectangle (cr, x + 0.5, y + 0.5, w - 1, h - 1);
      cairo_set_dash (cr, (const double[]) { 3, 2 }, 2, 0);
      cairo_set_line_width (cr, 1.0);
      set_color (ctx, &ctx->pal->missing);
      cairo_stroke (cr);
      cairo_restore (cr);
    }
}

/* A warning marker: "!" in a yellow disc with a dark rim, centred at (cx, cy). */
static void
flag_marker (Ctx     *ctx,
             gdouble  cx,
             gdouble  cy,
             gdouble  d)
{
  cairo_t *cr = ctx->cr;
  gdouble r = d / 2;

  cairo_new_path (cr);
  cairo_arc (cr, cx, cy, r, 0, 2 * G_PI);
  set_color (ctx, &ctx->pal->flag_fill);
  cairo_fill_preserve (cr);
  cairo_set_line_width (cr, MAX (d / 12, 1.0));
  set_color (ctx, &ctx->pal->flag_text);
  cairo_stroke (cr);
  /* the stroke and the dot of "!", drawn rather than typeset so the mark
   * is the same in every font and needs no glyph */
  cairo_set_line_width (cr, MAX (d / 7, 1.0));
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_ROUND);
  cairo_move_to (cr, cx, cy - r * 0.5);
  cairo_line_to (cr, cx, cy + r * 0.1);
  cairo_stroke (cr);
  cairo_new_path (cr);
  cairo_arc (cr, cx, cy + r * 0.45, MAX (d / 12, 0.6), 0, 2 * G_PI);
  cairo_fill (cr);
  cairo_set_line_cap (cr, CAIRO_LINE_CAP_BUTT);
}

typedef enum
{
  SWATCH_SERIES,
  SWATCH_REFERENCE,
  SWATCH_MISSING,
  SWATCH_FLAG,
} SwatchKind;

static void
legend_item (Ctx        *ctx,
             SwatchKind  kind,
             guint       series,
             const gchar *label,
             gdouble     left,
             gdouble     right,
             gdouble    *x,
             gdouble    *y,
             gdouble     row_h)
{
  gdouble sw = ctx->s, tw, w;
  cairo_t *cr = ctx->cr;

  set_wrap (ctx, -1, 1, PANGO_ALIGN_LEFT);
  pango_layout_set_text (ctx->layout, label, -1);
  text_size (ctx, &tw, NULL);
  /* A label longer than the row is wrapped by ellipsis rather than overflow. */
  tw = MIN (tw, right - left - sw * 1.5);
  w = sw * 1.5 + tw + ctx->s * 1.4;
  if (*x > left && *x + w - ctx->s * 1.4 > right)
    {
      *x = left;
      *y += row_h;
    }

  switch (kind)
    {
    case SWATCH_SERIES:
      {
        const Rgb *c = &ctx->pal->series[series % G_N_ELEMENTS (ctx->pal->series)];

        cairo_rectangle (cr, *x, *y + (row_h - sw) / 2, sw, sw);
        set_color (ctx, c);
        cairo_fill (cr);
      }
      break;
    case SWATCH_REFERENCE:
      cairo_save (cr);
      cairo_set_dash (cr, (const double[]) { 4, 3 }, 2, 0);
      cairo_set_line_width (cr, 2);
      cairo_move_to (cr, *x, *y + row_h / 2);
      cairo_line_to (cr, *x + sw, *y + row_h / 2);
      set_color (ctx, &ctx->pal->reference);
      cairo_stroke (cr);
      cairo_restore (cr);
      break;
    case SWATCH_MISSING:
      hatch (ctx, *x, *y + (row_h - sw) / 2, sw, sw, 4);
      break;
    case SWATCH_FLAG:
      flag_marker (ctx, *x + sw / 2, *y + row_h / 2, sw);
      break;
    default:
      g_assert_not_reached ();
    }

  set_wrap (ctx, tw + 1, 1, PANGO_ALIGN_LEFT);
  show_text (ctx, *x + sw * 1.5, *y + (row_h - pango_layout_get_baseline (ctx->layout) / (gdouble) PANGO_SCALE) / 2 - ctx->s * 0.15, &ctx->pal->text);
  *x += w;
}

/* Lines a title or note may take: in a short chart (a pane of a small
 * window) one each, so the bars keep most of the height. */
static gint
text_lines (const Ctx *ctx,
            gint       lines)
{
  return ctx->height < ctx->s * 24 ? 1 : lines;
}

/* Title, subtitle and legend from the top; returns the y below them. */
static gdouble
draw_header (Ctx     *ctx,
             gdouble  pad)
{
  const CtChart *chart = ctx->chart;
  gdouble y = pad, h, x, row_h, left = pad, right = ctx->width - pad;
  const gchar *title = ct_chart_get_title (chart);
  const gchar *indicator = ct_chart_get_indicator (chart);
  /* xgettext:no-c-format */
  g_autoptr(GString) sub = g_string_new (_("Achievement rate, % of plan"));

  if (ctx->style->omit_title)
    goto legend;
  if (title != NULL)
    {
      set_font (ctx, ctx->s * 1.45, TRUE);
      set_wrap (ctx, right - left, text_lines (ctx, 2), PANGO_ALIGN_LEFT);
      pango_layout_set_text (ctx->layout, title, -1);
      show_text (ctx, left, y, &ctx->pal->text);
      text_size (ctx, NULL, &h);
      y += h + ctx->s * 0.15;
    }

  /* The subtitle names what the title does not: the indicator when a
   * custom title replaced it, the unit and the period. */
  if (indicator != NULL && g_strcmp0 (indicator, title) != 0)
    g_string_append_printf (sub, " · %s", indicator);
  if (ct_chart_get_unit (chart) != NULL)
    {
      g_string_append (sub, " · ");
      g_string_append_printf (sub, _("Unit: %s"), ct_chart_get_unit (chart));
    }
  if (ct_chart_get_period (chart) != NULL)
    g_string_append_printf (sub, " · %s", ct_chart_get_period (chart));
  set_font (ctx, ctx->s, FALSE);
  set_wrap (ctx, right - left, text_lines (ctx, 2), PANGO_ALIGN_LEFT);
  pango_layout_set_text (ctx->layout, sub->str, -1);
  show_text (ctx, left, y, &ctx->pal->secondary);
  text_size (ctx, NULL, &h);
  y += h + ctx->s * 0.6;

  /* Legend: series when there are several, then the marks used. */
legend:
  /* Nothing drawn, nothing to explain. */
  if (ctx->n_cat == 0 || ctx->n_ser == 0)
    return y;
  set_font (ctx, ctx->s * 0.92, FALSE);
  row_h = ctx->s * 1.6;
  x = left;
  if (ctx->n_ser > 1)
    for (guint i = 0; i < ctx->n_ser; i++)
      legend_item (ctx, SWATCH_SERIES, i, ct_chart_get_series_name (chart, i),
                   left, right, &x, &y, row_h);
  /* xgettext:no-c-format */
  legend_item (ctx, SWATCH_REFERENCE, 0, _("100% of plan"), left, right, &x, &y, row_h);
  if (ct_chart_has_missing (chart))
    legend_item (ctx, SWATCH_MISSING, 0, _("No data"), left, right, &x, &y, row_h);
  if (ct_chart_has_flagged (chart))
    legend_item (ctx, SWATCH_FLAG, 0, _("Flagged figure: check the source"), left, right, &x, &y, row_h);
  return y + row_h + ctx->s * 0.4;
}

/* The source note at the bottom; returns the y above it. */
static gdouble
draw_footer (Ctx     *ctx,
             gdouble  pad)
{
  const gchar *note = ct_chart_get_source_note (ctx->chart);
  gdouble h;

  if (note == NULL)
    return ctx->height - pad;
  set_font (ctx, ctx->s * 0.85, FALSE);
  set_wrap (ctx, ctx->width - 2 * pad, text_lines (ctx, 3), PANGO_ALIGN_LEFT);
  pango_layout_set_text (ctx->layout, note, -1);
  text_size (ctx, NULL, &h);
  show_text (ctx, pad, ctx->height - pad - h, &ctx->pal->secondary);
  return ctx->height - pad - h - ctx->s * 0.6;
}

/* A rectangle from category-axis and value-axis spans. */
static void
axis_rect (Ctx     *ctx,
           gdouble  c0,
           gdouble  c_len,
           gdouble  v0,
           gdouble  v1,
           gdouble *x,
           gdouble *y,
           gdouble *w,
           gdouble *h)
{
  if (ctx->vertical)
    {
      *x = c0;
      *w = c_len;
      *y = MIN (v0, v1);
      *h = fabs (v1 - v0);
    }
  else
    {
      *y = c0;
      *h = c_len;
      *x = MIN (v0, v1);
      *w = fabs (v1 - v0);
    }
}

static void
draw_empty (Ctx     *ctx,
            gdouble  top,
            gdouble  bottom,
            gdouble  pad)
{
  gdouble h;

  set_font (ctx, ctx->s * 1.1, FALSE);
  set_wrap (ctx, ctx->width - 2 * pad, 3, PANGO_ALIGN_CENTER);
  pango_layout_set_text (ctx->layout, _("No figures to show"), -1);
  text_size (ctx, NULL, &h);
  show_text (ctx, pad, (top + bottom - h) / 2, &ctx->pal->secondary);
}

/* Where things go: the layout pass works these out from the text sizes,
 * the paint passes read them. */
typedef struct
{
  gdouble   pad, top, bottom;
  gdouble   step;              /* between ticks, in per cent */
  guint     decimals;          /* of the tick labels */
  gdouble   tick_w, line_h;    /* widest tick label, one line of labels */
  gdouble   label_size, value_size;
  gdouble   ref_label_w, ref_label_h;       /* "100%" */
  gdouble   value_label_max_w, value_label_h;
  gdouble   flag_d;
  gdouble   cat_start, cat_len, slot, group, bar;
  gdouble   label_extent;      /* room the category labels take */
  guint     stride;            /* every stride-th category is labelled */
  gboolean  turned_labels;
  LabelMode value_mode;
} Layout;

static void
setup_text (Ctx *ctx)
{
  PangoContext *pctx;
  cairo_font_options_t *fo;

  ctx->layout = pango_cairo_create_layout (ctx->cr);
  pctx = pango_layout_get_context (ctx->layout);
  /* Unhinted metrics: text measures the same on screen, paper and in files,
   * so a chart wraps its labels identically everywhere. */
  fo = cairo_font_options_create ();
  cairo_font_options_set_hint_metrics (fo, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (fo, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (pctx, fo);
  cairo_font_options_destroy (fo);
  pango_layout_context_changed (ctx->layout);
  pango_layout_set_wrap (ctx->layout, PANGO_WRAP_WORD_CHAR);
  ctx->font = pango_font_description_from_string (ctx->style->font_family != NULL
                                                  ? ctx->style->font_family : DEFAULT_FONT);
}

/* Ticks (about one per four lines of text along the value axis), their
 * widest label, and the widest value label. */
static void
measure_axis (Ctx    *ctx,
              Layout *lay)
{
  CtChartGeometry *geometry = ctx->geo;

  lay->label_size = ctx->s * 0.92;
  lay->value_size = ctx->s * 0.85;
  compute_axis (ctx, CLAMP ((ctx->vertical ? lay->bottom - lay->top : ctx->width) / (ctx->s * 5), 2, 8),
                &lay->step);
  lay->decimals = lay->step < 1 ? 1 : 0;
  set_font (ctx, lay->label_size, FALSE);
  set_wrap (ctx, -1, 1, PANGO_ALIGN_LEFT);
  for (gdouble t = geometry->axis_min; t <= geometry->axis_max + lay->step * 1e-6; t += lay->step)
    {
      g_autofree gchar *txt = ct_format_percent (t, lay->decimals);
      gdouble w;

      pango_layout_set_text (ctx->layout, txt, -1);
      text_size (ctx, &w, &lay->line_h);
      lay->tick_w = MAX (lay->tick_w, w);
    }
  pango_layout_set_text (ctx->layout, "100%", -1);
  text_size (ctx, &lay->ref_label_w, &lay->ref_label_h);

  /* Widest value label decides whether labels fit beside each bar. */
  set_font (ctx, lay->value_size, FALSE);
  {
    g_autofree gchar *widest = ct_format_percent (geometry->axis_max - lay->step * 0.01, 1);

    pango_layout_set_text (ctx->layout, widest, -1);
    text_size (ctx, &lay->value_label_max_w, &lay->value_label_h);
  }
  lay->flag_d = ctx->s * 1.05;
}

static void
layout_vertical (Ctx    *ctx,
                 Layout *lay)
{
  CtChartGeometry *geometry = ctx->geo;
  gdouble left = lay->pad + lay->tick_w + ctx->s * 0.5;
  gdouble right = ctx->width - lay->pad - lay->ref_label_w - ctx->s * 0.4;
  gdouble val_start;

  lay->cat_start = left;
  lay->cat_len = MAX (right - left, 1);
  lay->slot = lay->cat_len / ctx->n_cat;
  lay->group = lay->slot * (ctx->n_ser > 1 ? 0.84 : 0.68);
  lay->bar = lay->group / ctx->n_ser;

  /* Category labels: wrapped under each bar group up to three lines
   * where there is room; else turned upright, one line each, so that
   * thirty districts still all have their names; and only when even
   * upright lines do not fit, every stride-th one. */
  set_font (ctx, lay->label_size, FALSE);
  lay->turned_labels = lay->slot < ctx->s * 4.5;
  if (lay->turned_labels && lay->slot < lay->line_h * 1.05)
    lay->stride = (guint) ceil (lay->line_h * 1.05 / lay->slot);
  if (lay->turned_labels)
    set_wrap (ctx, -1, 1, PANGO_ALIGN_LEFT);
  else
    set_wrap (ctx, lay->slot - ctx->s * 0.3, 3, PANGO_ALIGN_CENTER);
  for (guint c = 0; c < ctx->n_cat; c += lay->stride)
    {
      gdouble w, h;

      pango_layout_set_text (ctx->layout, ct_chart_get_category (ctx->chart, c), -1);
      text_size (ctx, &w, &h);
      lay->label_extent = MAX (lay->label_extent, lay->turned_labels ? w + 1 : h);
    }
  /* Long upright names are cut short rather than squeezing the bars. */
  if (lay->turned_labels)
    lay->label_extent = MIN (lay->label_extent, (lay->bottom - lay->top) * 0.3);

  if (lay->value_label_max_w <= lay->slot / ctx->n_ser + ctx->s * 0.2 && ctx->n_ser == 1)
    lay->value_mode = LABELS_ALONG;
  else if (lay->value_label_max_w <= lay->bar * 1.1 + ctx->s * 0.2)
    lay->value_mode = LABELS_ALONG;
  else if (lay->value_label_h <= lay->bar * 1.05)
    lay->value_mode = LABELS_ACROSS;
  else
    lay->value_mode = LABELS_NONE;

  /* Room above the plot for the label (and flag) of a bar at the top. */
  val_start = lay->top + (lay->value_mode == LABELS_ACROSS ? lay->value_label_max_w : lay->value_label_h)
              + (ct_chart_has_flagged (ctx->chart) ? lay->flag_d : 0) * 0.6;
  geometry->plot_x = lay->cat_start;
  geometry->plot_width = lay->cat_len;
  geometry->plot_y = val_start;
  geometry->plot_height = MAX (lay->bottom - lay->label_extent - ctx->s * 0.5 - val_start, 1);
}

static void
layout_horizontal (Ctx    *ctx,
                   Layout *lay)
{
  CtChartGeometry *geometry = ctx->geo;
  gdouble label_w, natural = 0, plot_top = lay->top + lay->ref_label_h + ctx->s * 0.3;
  gdouble plot_bottom = lay->bottom - lay->line_h - ctx->s * 0.4;

  lay->cat_start = plot_top;
  lay->cat_len = MAX (plot_bottom - plot_top, 1);
  lay->slot = lay->cat_len / ctx->n_cat;
  lay->group = lay->slot * (ctx->n_ser > 1 ? 0.84 : 0.68);
  lay->bar = lay->group / ctx->n_ser;

  set_font (ctx, lay->label_size, FALSE);
  set_wrap (ctx, -1, 1, PANGO_ALIGN_RIGHT);
  if (lay->slot < lay->line_h * 1.1)
    lay->stride = (guint) ceil (lay->line_h * 1.1 / lay->slot);
  for (guint c = 0; c < ctx->n_cat; c += lay->stride)
    {
      gdouble w;

      pango_layout_set_text (ctx->layout, ct_chart_get_category (ctx->chart, c), -1);
      text_size (ctx, &w, NULL);
      natural = MAX (natural, w);
    }
  /* Long names wrap within a third of the width instead of squeezing the bars. */
  label_w = MIN (natural + 1, ctx->width * 0.3);
  lay->label_extent = label_w;

  lay->value_mode = (lay->value_label_h <= lay->bar * 1.15) ? LABELS_ALONG : LABELS_NONE;
  geometry->plot_x = lay->pad + label_w + ctx->s * 0.6;
  geometry->plot_width = MAX (ctx->width - lay->pad - geometry->plot_x - lay->tick_w / 2
                              - (lay->value_mode != LABELS_NONE ? lay->value_label_max_w + ctx->s * 0.3 : 0)
                              - (ct_chart_has_flagged (ctx->chart) ? lay->flag_d * 1.2 : 0), 1);
  geometry->plot_y = lay->cat_start;
  geometry->plot_height = lay->cat_len;
}

/* Grid lines and tick labels. */
static void
paint_grid (Ctx          *ctx,
            const Layout *lay)
{
  CtChartGeometry *geometry = ctx->geo;
  cairo_t *cr = ctx->cr;

  set_font (ctx, lay->label_size, FALSE);
  set_wrap (ctx, -1, 1, PANGO_ALIGN_LEFT);
  cairo_set_line_width (cr, 1);
  for (gdouble t = geometry->axis_min; t <= geometry->axis_max + lay->step * 1e-6; t += lay->step)
    {
      g_autofree gchar *txt = ct_format_percent (fabs (t) < lay->step * 1e-6 ? 0 : t, lay->decimals);
      gdouble p = round (ct_chart_geometry_rate_to_position (geometry, t)) + 0.5, w, h;

      pango_layout_set_text (ctx->layout, txt, -1);
      text_size (ctx, &w, &h);
      if (ctx->vertical)
        {
          cairo_move_to (cr, geometry->plot_x, p);
          cairo_line_to (cr, geometry->plot_x + geometry->plot_width, p);
          show_text (ctx, geometry->plot_x - ctx->s * 0.4 - w, p - h / 2, &ctx->pal->secondary);
        }
      else
        {
          cairo_move_to (cr, p, geometry->plot_y);
          cairo_line_to (cr, p, geometry->plot_y + geometry->plot_height);
          show_text (ctx, p - w / 2, geometry->plot_y + geometry->plot_height + ctx->s * 0.3,
                     &ctx->pal->secondary);
        }
      set_color (ctx, fabs (t) < lay->step * 1e-6 ? &ctx->pal->axis : &ctx->pal->grid);
      cairo_stroke (cr);
    }
}

static void
paint_categories (Ctx          *ctx,
                  const Layout *lay)
{
  CtChartGeometry *geometry = ctx->geo;

  set_font (ctx, lay->label_size, FALSE);
  for (guint c = 0; c < ctx->n_cat; c += lay->stride)
    {
      const gchar *label = ct_chart_get_category (ctx->chart, c);
      gdouble mid = lay->cat_start + lay->slot * (c + 0.5), w, h;

      pango_layout_set_text (ctx->layout, label, -1);
      if (ctx->vertical && lay->turned_labels)
        {
          /* right-aligned, so every name ends just under the axis */
          set_wrap (ctx, lay->label_extent, 1, PANGO_ALIGN_RIGHT);
          show_text_turned (ctx, mid - lay->line_h / 2,
                            geometry->plot_y + geometry->plot_height + ctx->s * 0.4 + lay->label_extent,
                            &ctx->pal->text);
        }
      else if (ctx->vertical)
        {
          gdouble span = lay->slot - ctx->s * 0.3;

          set_wrap (ctx, span, 3, PANGO_ALIGN_CENTER);
          show_text (ctx, mid - span / 2, geometry->plot_y + geometry->plot_height + ctx->s * 0.4,
                     &ctx->pal->text);
        }
      else
        {
          gint max_lines = MAX ((gint) floor (lay->slot * lay->stride / lay->line_h), 1);

          set_wrap (ctx, lay->label_extent, MIN (max_lines, 3), PANGO_ALIGN_RIGHT);
          text_size (ctx, &w, &h);
          show_text (ctx, geometry->plot_x - ctx->s * 0.6 - lay->label_extent,
                     mid - h / 2, &ctx->pal->text);
        }
      geometry->category_labels++;
    }
}

/* A figure without a rate: a short hatched stub on the baseline and "no
 * data" past it. Its length is a few text heights whatever the axis, so
 * it never reads as a rate, and it is far shorter than a bar of 100%
 * would be on any chart that has room for bars. */
static void
paint_missing (Ctx          *ctx,
               const Layout *lay,
               CtChartBar   *b,
               gdouble       c0,
               gdouble       c_len)
{
  CtChartGeometry *geometry = ctx->geo;
  gdouble v0 = round (ct_chart_geometry_rate_to_position (geometry, 0));
  gdouble stub = MIN (ctx->s * 1.2, (ctx->vertical ? geometry->plot_height : geometry->plot_width) * 0.06);
  gdouble v1 = ctx->vertical ? v0 - stub : v0 + stub;
  gdouble mid = c0 + c_len / 2, tw, th;

  axis_rect (ctx, c0, c_len, v0, v1, &b->x, &b->y, &b->width, &b->height);
  hatch (ctx, b->x, b->y, b->width, b->height, MAX (ctx->s * 0.45, 4));
  set_font (ctx, lay->value_size, FALSE);
  set_wrap (ctx, -1, 1, PANGO_ALIGN_CENTER);
  pango_layout_set_text (ctx->layout, _("no data"), -1);
  text_size (ctx, &tw, &th);
  if (!ctx->vertical)
    {
      if (th <= lay->slot)
        show_text (ctx, v1 + 3, mid - th / 2, &ctx->pal->secondary);
      set_wrap (ctx, -1, 1, PANGO_ALIGN_LEFT);
      return;
    }
  /* Over the stub: across in up to two lines where the slot is wide
   * enough, else turned upright. */
  if (tw / 2 + ctx->s <= lay->slot)
    {
      gdouble span = MAX (lay->slot - ctx->s * 0.3, c_len);

      set_wrap (ctx, span, 2, PANGO_ALIGN_CENTER);
      text_size (ctx, NULL, &th);
      show_text (ctx, mid - span / 2, v1 - th - 2, &ctx->pal->secondary);
    }
  else if (th <= lay->slot && tw <= v1 - geometry->plot_y)
    show_text_turned (ctx, mid - th / 2, v1 - 3, &ctx->pal->secondary);
  set_wrap (ctx, -1, 1, PANGO_ALIGN_LEFT);
}

/* The value label past a bar's end (v1); returns where it ends, for the flag. */
static gdouble
paint_value_label (Ctx                *ctx,
                   const Layout       *lay,
                   const CtChartPoint *pt,
                   gdouble             c0,
                   gdouble             c_len,
                   gdouble             v1)
{
  gdouble ref_pos = round (ct_chart_geometry_rate_to_position (ctx->geo, 100)) + 0.5;
  g_autofree gchar *txt = ct_format_percent (pt->rate, 1);
  gdouble tw, th, mid = c0 + c_len / 2;
  gboolean down = pt->rate < 0;

  pango_layout_set_text (ctx->layout, txt, -1);
  text_size (ctx, &tw, &th);
  /* A bar just short of 100% would put its label across the dashed line,
   * which then strikes the figure through: such a label moves past the
   * line. */
  if (!down)
    {
      gdouble room = ctx->vertical ? (lay->value_mode == LABELS_ALONG ? th : tw) + 3 : tw + 3;

      if (ctx->vertical && v1 > ref_pos && v1 - room < ref_pos + 2)
        v1 = ref_pos - 2;
      else if (!ctx->vertical && v1 < ref_pos && v1 + room > ref_pos - 2)
        v1 = ref_pos + 2;
    }
  ctx->geo->value_labels++;
  if (ctx->vertical && lay->value_mode == LABELS_ALONG)
    {
      show_text (ctx, mid - tw / 2, down ? v1 + 2 : v1 - th - 1, &ctx->pal->text);
      return down ? v1 + th + 2 : v1 - th - 1;
    }
  if (ctx->vertical)
    {
      show_text_turned (ctx, mid - th / 2, v1 - 3, &ctx->pal->text);
      return v1 - 3 - tw;
    }
  show_text (ctx, down ? v1 - tw - 3 : v1 + 3, mid - th / 2, &ctx->pal->text);
  return down ? v1 - tw - 3 : v1 + 3 + tw;
}

/* One point: its bar (or "no data" band), value label and flag. */
static void
paint_point (Ctx          *ctx,
             const Layout *lay,
             guint         si,
             guint         c)
{
  CtChartGeometry *geometry = ctx->geo;
  cairo_t *cr = ctx->cr;
  const CtChartPoint *pt = ct_chart_get_point (ctx->chart, si, c);
  const Rgb *fill = &ctx->pal->series[si % G_N_ELEMENTS (ctx->pal->series)];
  CtChartBar b = { si, c, isnan (pt->rate), 0, 0, 0, 0 };
  gdouble c0 = lay->cat_start + lay->slot * c + (lay->slot - lay->group) / 2 + lay->bar * si;
  gdouble c_len = lay->bar, v0, v1, end;

  /* A hair of space between neighbours in a group, where it can be spared. */
  if (ctx->n_ser > 1 && lay->bar > 6)
    c_len -= 1;
  /* Whole pixels across the bar too: sharp edges, and far cheaper to fill
   * than antialiased ones. */
  c0 = round (c0);
  c_len = MAX (round (c_len), 1);

  if (b.missing)
    {
      paint_missing (ctx, lay, &b, c0, c_len);
      g_array_append_val (geometry->bars, b);
      return;
    }

  /* Whole units at both ends keep bar edges crisp on screen. */
  v0 = round (ct_chart_geometry_rate_to_position (geometry, 0));
  v1 = round (ct_chart_geometry_rate_to_position (geometry, pt->rate));
  axis_rect (ctx, c0, c_len, v0, v1, &b.x, &b.y, &b.width, &b.height);
  /* A rate of exactly zero is a figure: a thin line, not nothing. */
  if (ctx->vertical && b.height < 2)
    {
      b.y = v0 - 2;
      b.height = 2;
    }
  else if (!ctx->vertical && b.width < 2)
    b.width = 2;
  cairo_rectangle (cr, b.x, b.y, b.width, b.height);
  set_color (ctx, fill);
  cairo_fill (cr);
  if ((gint) si == ctx->style->hover_series && (gint) c == ctx->style->hover_category)
    {
      cairo_rectangle (cr, b.x + 1, b.y + 1, MAX (b.width - 2, 0), MAX (b.height - 2, 0));
      cairo_set_line_width (cr, 2);
      set_color (ctx, &ctx->pal->highlight);
      cairo_stroke (cr);
    }
  g_array_append_val (geometry->bars, b);

  /* Past the bar's end: the value label, then the flag. */
  end = lay->value_mode != LABELS_NONE ? paint_value_label (ctx, lay, pt, c0, c_len, v1) : v1;
  if (pt->flags != 0)
    {
      gdouble d = MIN (lay->flag_d, MAX (c_len, ctx->s * 0.6));
      gdouble mid = c0 + c_len / 2;

      if (ctx->vertical)
        flag_marker (ctx, mid, end - d / 2 - 1, d);
      else
        flag_marker (ctx, end + d / 2 + 2, mid, d);
    }
}

/* The 100% line over the bars, so it reads through them. */
static void
paint_reference (Ctx          *ctx,
                 const Layout *lay)
{
  CtChartGeometry *geometry = ctx->geo;
  cairo_t *cr = ctx->cr;
  gdouble p = round (ct_chart_geometry_rate_to_position (geometry, 100)) + 0.5;

  cairo_save (cr);
  cairo_set_dash (cr, (const double[]) { 6, 4 }, 2, 0);
  cairo_set_line_width (cr, 2);
  set_color (ctx, &ctx->pal->reference);
  set_font (ctx, lay->label_size, TRUE);
  set_wrap (ctx, -1, 1, PANGO_ALIGN_LEFT);
  pango_layout_set_text (ctx->layout, "100%", -1);
  if (ctx->vertical)
    {
      cairo_move_to (cr, geometry->plot_x, p);
      cairo_line_to (cr, geometry->plot_x + geometry->plot_width, p);
      cairo_stroke (cr);
      show_text (ctx, geometry->plot_x + geometry->plot_width + ctx->s * 0.3, p - lay->ref_label_h / 2,
                 &ctx->pal->reference);
    }
  else
    {
      cairo_move_to (cr, p, geometry->plot_y);
      cairo_line_to (cr, p, geometry->plot_y + geometry->plot_height);
      cairo_stroke (cr);
      show_text (ctx, p - lay->ref_label_w / 2, geometry->plot_y - lay->ref_label_h - ctx->s * 0.15,
                 &ctx->pal->reference);
    }
  cairo_restore (cr);
}

/* The layout pass (sizes of text decide where the plot and its labels go),
 * then the paint passes in drawing order. */
void
ct_chart_render (const CtChart      *chart,
                 cairo_t            *cr,
                 gdouble             width,
                 gdouble             height,
                 const CtChartStyle *style,
                 CtChartGeometry    *geometry)
{
  static const CtChartStyle default_style = CT_CHART_STYLE_INIT;
  CtChartGeometry local_geo = { 0 };
  Ctx ctx = { 0 };
  Layout lay = { 0 };

  g_return_if_fail (chart != NULL);
  g_return_if_fail (cr != NULL);

  if (style == NULL)
    style = &default_style;
  if (geometry == NULL)
    geometry = &local_geo;
  memset (geometry, 0, sizeof *geometry);
  geometry->bars = g_array_new (FALSE, FALSE, sizeof (CtChartBar));
  geometry->orientation = ct_chart_get_orientation (chart);

  ctx.chart = chart;
  ctx.cr = cr;
  ctx.style = style;
  ctx.pal = palette_for (style);
  ctx.s = style->font_size > 0 ? style->font_size : DEFAULT_FONT_SIZE;
  ctx.width = width;
  ctx.height = height;
  ctx.vertical = geometry->orientation == CT_CHART_VERTICAL;
  ctx.n_cat = ct_chart_get_n_categories (chart);
  ctx.n_ser = ct_chart_get_n_series (chart);
  ctx.geo = geometry;

  cairo_save (cr);
  setup_text (&ctx);

  set_color (&ctx, &ctx.pal->bg);
  cairo_rectangle (cr, 0, 0, width, height);
  cairo_fill (cr);

  lay.pad = ctx.s * 1.2;
  lay.stride = 1;
  lay.top = draw_header (&ctx, lay.pad);
  lay.bottom = draw_footer (&ctx, lay.pad);

  if (ctx.n_cat == 0 || ctx.n_ser == 0)
    draw_empty (&ctx, lay.top, lay.bottom, lay.pad);
  else if (lay.bottom - lay.top >= ctx.s * 4 && width >= ctx.s * 10)
    {
      measure_axis (&ctx, &lay);
      if (ctx.vertical)
        layout_vertical (&ctx, &lay);
      else
        layout_horizontal (&ctx, &lay);

      paint_grid (&ctx, &lay);
      paint_categories (&ctx, &lay);
      set_font (&ctx, lay.value_size, FALSE);
      set_wrap (&ctx, -1, 1, PANGO_ALIGN_LEFT);
      for (guint si = 0; si < ctx.n_ser; si++)
        for (guint c = 0; c < ctx.n_cat; c++)
          paint_point (&ctx, &lay, si, c);
      paint_reference (&ctx, &lay);
    }

  g_clear_pointer (&ctx.hatch, cairo_pattern_destroy);
  pango_font_description_free (ctx.font);
  g_object_unref (ctx.layout);
  cairo_restore (cr);
  if (geometry == &local_geo)
    ct_chart_geometry_clear (&local_geo);
}

void
ct_chart_geometry_clear (CtChartGeometry *geometry)
{
  g_return_if_fail (geometry != NULL);
  g_clear_pointer (&geometry->bars, g_array_unref);
}

const CtChartBar *
ct_chart_geometry_hit (const CtChartGeometry *geometry,
                       gdouble                x,
                       gdouble                y)
{
  g_return_val_if_fail (geometry != NULL, NULL);

  if (geometry->bars == NULL)
    return NULL;
  for (guint i = 0; i < geometry->bars->len; i++)
    {
      const CtChartBar *b = &g_array_index (geometry->bars, CtChartBar, i);

      /* Short bars are hard to aim at: the whole slot up to the bar counts. */
      if (geometry->orientation == CT_CHART_VERTICAL)
        {
          if (x >= b->x && x < b->x + b->width && y >= geometry->plot_y && y < geometry->plot_y + geometry->plot_height)
            return b;
        }
      else if (y >= b->y && y < b->y + b->height && x >= geometry->plot_x && x < geometry->plot_x + geometry->plot_width)
        return b;
    }
  return NULL;
}
