/* ct-bar-chart.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-bar-chart.h"
#include "ct-chart-arrange.h"
#include "ct-chart-render.h"
#include "ct-chart-save.h"

#include <adwaita.h>
#include <glib/gi18n.h>

struct _CtBarChart
{
  GtkWidget        parent_instance;

  CtChart         *built;         /* as set, before arranging */
  CtChart         *chart;         /* as shown, printed and saved */
  CtChartArrangement arrangement;
  CtChartGeometry  geometry;      /* from the last paint, for hit tests */
  gint             hover_series;  /* -1 when no bar is highlighted */
  gint             hover_category;
  AdwStyleManager *style_manager;
  gulong           dark_handler;
  GtkWidget       *menu;          /* context menu, made on first use */
};

G_DEFINE_FINAL_TYPE (CtBarChart, ct_bar_chart, GTK_TYPE_WIDGET)

enum {
  PROP_0,
  PROP_CHART,
  PROP_HORIZONTAL,
  PROP_SORT_BY_RATE,
  PROP_HIDE_MISSING,
  N_PROPS
};

enum {
  BAR_ACTIVATED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

GtkWidget *
ct_bar_chart_new (void)
{
  return g_object_new (CT_TYPE_BAR_CHART, NULL);
}

gboolean
ct_bar_chart_get_dark (CtBarChart *self)
{
  g_return_val_if_fail (CT_IS_BAR_CHART (self), FALSE);
  return adw_style_manager_get_dark (self->style_manager);
}

static void
ct_bar_chart_snapshot (GtkWidget   *widget,
                       GtkSnapshot *snapshot)
{
  CtBarChart *self = CT_BAR_CHART (widget);
  CtChartStyle style = CT_CHART_STYLE_INIT;
  gint w = gtk_widget_get_width (widget);
  gint h = gtk_widget_get_height (widget);
  cairo_t *cr;

  ct_chart_geometry_clear (&self->geometry);
  if (w <= 0 || h <= 0)
    return;
  if (self->chart == NULL)
    {
      /* Say what would be here rather than leave a blank pane. */
      g_autoptr(PangoLayout) layout = gtk_widget_create_pango_layout (widget, _("Choose an indicator to chart its achievement rates"));
      GdkRGBA color;
      PangoRectangle ink;

      gtk_style_context_get_color (gtk_widget_get_style_context (widget), &color);
      color.alpha *= 0.55f;
      pango_layout_set_width (layout, (w - 24) * PANGO_SCALE);
      pango_layout_set_alignment (layout, PANGO_ALIGN_CENTER);
      pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
      pango_layout_get_pixel_extents (layout, NULL, &ink);
      gtk_snapshot_save (snapshot);
      gtk_snapshot_translate (snapshot, &GRAPHENE_POINT_INIT (12, (h - ink.height) / 2.0f));
      gtk_snapshot_append_layout (snapshot, layout, &color);
      gtk_snapshot_restore (snapshot);
      return;
    }

  style.dark = ct_bar_chart_get_dark (self);
  style.hover_series = self->hover_series;
  style.hover_category = self->hover_category;
  cr = gtk_snapshot_append_cairo (snapshot, &GRAPHENE_RECT_INIT (0, 0, w, h));
  ct_chart_render (self->chart, cr, w, h, &style, &self->geometry);
  cairo_destroy (cr);
}

static void
ct_bar_chart_measure (GtkWidget      *widget,
                      GtkOrientation  orientation,
                      int             for_size,
                      int            *minimum,
                      int            *natural,
                      int            *minimum_baseline,
                      int            *natural_baseline)
{
  (void) widget;
  (void) for_size;
  /* Below this the title and axis leave no room for bars. */
  *minimum = orientation == GTK_ORIENTATION_HORIZONTAL ? 320 : 240;
  *natural = orientation == GTK_ORIENTATION_HORIZONTAL ? 800 : 500;
  *minimum_baseline = *natural_baseline = -1;
}

static const CtChartBar *
bar_at (CtBarChart *self,
        gdouble     x,
        gdouble     y)
{
  if (self->chart == NULL || self->geometry.bars == NULL)
    return NULL;
  return ct_chart_geometry_hit (&self->geometry, x, y);
}

static void
set_hover (CtBarChart *self,
           gint        series,
           gint        category)
{
  if (self->hover_series == series && self->hover_category == category)
    return;
  self->hover_series = series;
  self->hover_category = category;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

gchar *
ct_bar_chart_describe_at (CtBarChart *self,
                          gdouble     x,
                          gdouble     y)
{
  const CtChartBar *bar;

  g_return_val_if_fail (CT_IS_BAR_CHART (self), NULL);
  bar = bar_at (self, x, y);
  if (bar == NULL)
    return NULL;
  return ct_chart_describe_point (self->chart, bar->series, bar->category);
}

static gboolean
activate_bar (CtBarChart *self,
              guint       series,
              guint       category)
{
  const CtChartPoint *p = ct_chart_get_point (self->chart, series, category);

  if (p == NULL || p->observation_id == 0)
    return FALSE;
  g_signal_emit (self, signals[BAR_ACTIVATED], 0, p->observation_id);
  return TRUE;
}

gboolean
ct_bar_chart_activate_at (CtBarChart *self,
                          gdouble     x,
                          gdouble     y)
{
  const CtChartBar *bar;

  g_return_val_if_fail (CT_IS_BAR_CHART (self), FALSE);
  bar = bar_at (self, x, y);
  if (bar == NULL)
    return FALSE;
  return activate_bar (self, bar->series, bar->category);
}

gboolean
ct_bar_chart_get_selected (CtBarChart *self,
                           guint      *series,
                           guint      *category)
{
  g_return_val_if_fail (CT_IS_BAR_CHART (self), FALSE);
  if (self->hover_series < 0)
    return FALSE;
  if (series != NULL)
    *series = (guint) self->hover_series;
  if (category != NULL)
    *category = (guint) self->hover_category;
  return TRUE;
}

static gboolean
ct_bar_chart_query_tooltip (GtkWidget  *widget,
                            int         x,
                            int         y,
                            gboolean    keyboard_mode,
                            GtkTooltip *tooltip)
{
  CtBarChart *self = CT_BAR_CHART (widget);
  g_autofree gchar *text = NULL;

  if (keyboard_mode && self->hover_series >= 0)
    text = ct_chart_describe_point (self->chart, self->hover_series, self->hover_category);
  else
    text = ct_bar_chart_describe_at (self, x, y);
  if (text == NULL)
    return FALSE;
  gtk_tooltip_set_text (tooltip, text);
  return TRUE;
}

static void
on_motion (GtkEventControllerMotion *controller,
           gdouble                   x,
           gdouble                   y,
           CtBarChart               *self)
{
  const CtChartBar *bar = bar_at (self, x, y);

  (void) controller;
  if (bar != NULL)
    set_hover (self, bar->series, bar->category);
  else
    set_hover (self, -1, -1);
}

static void
on_leave (GtkEventControllerMotion *controller,
          CtBarChart               *self)
{
  (void) controller;
  set_hover (self, -1, -1);
}

static void
on_click_released (GtkGestureClick *gesture,
                   gint             n_press,
                   gdouble          x,
                   gdouble          y,
                   CtBarChart      *self)
{
  (void) n_press;
  if (ct_bar_chart_activate_at (self, x, y))
    gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  gtk_widget_grab_focus (GTK_WIDGET (self));
}

/* Keyboard selection walks the bars as they stand on screen: category by
 * category, the series of each group in turn. */
static void
select_step (CtBarChart *self,
             gint        step,
             gboolean    absolute)
{
  guint n_cat, n_ser, n;
  gint index;

  if (self->chart == NULL)
    return;
  n_cat = ct_chart_get_n_categories (self->chart);
  n_ser = ct_chart_get_n_series (self->chart);
  n = n_cat * n_ser;
  if (n == 0)
    return;
  if (absolute)
    index = step < 0 ? (gint) n - 1 : 0;
  else if (self->hover_series < 0)
    index = 0;
  else
    index = CLAMP (self->hover_category * (gint) n_ser + self->hover_series + step, 0, (gint) n - 1);
  set_hover (self, index % n_ser, index / n_ser);
  gtk_widget_trigger_tooltip_query (GTK_WIDGET (self));
}

static void
action_select (GtkWidget   *widget,
               const char  *action_name,
               GVariant    *parameter)
{
  CtBarChart *self = CT_BAR_CHART (widget);

  if (g_str_equal (action_name, "bar-chart.next"))
    select_step (self, 1, FALSE);
  else if (g_str_equal (action_name, "bar-chart.previous"))
    select_step (self, -1, FALSE);
  else if (g_str_equal (action_name, "bar-chart.first"))
    select_step (self, 1, TRUE);
  else if (g_str_equal (action_name, "bar-chart.last"))
    select_step (self, -1, TRUE);
  (void) parameter;
}

static void
action_activate (GtkWidget  *widget,
                 const char *action_name,
                 GVariant   *parameter)
{
  CtBarChart *self = CT_BAR_CHART (widget);

  (void) action_name;
  (void) parameter;
  if (self->chart != NULL && self->hover_series >= 0)
    activate_bar (self, self->hover_series, self->hover_category);
}

static void
action_save (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  CtBarChart *self = CT_BAR_CHART (widget);
  GtkRoot *root = gtk_widget_get_root (widget);

  (void) action_name;
  (void) parameter;
  if (self->chart != NULL)
    ct_chart_save_dialog (GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL, self->chart);
}

/* Save and print where the chart is: a right click, the Menu key or
 * Shift+F10. Printing goes through the window's win.print, so the menu
 * item is simply insensitive in a window without one. */
static void
popup_menu_at (CtBarChart *self,
               gdouble     x,
               gdouble     y)
{
  if (self->menu == NULL)
    {
      g_autoptr(GMenu) model = g_menu_new ();

      g_autoptr(GMenu) choices = g_menu_new ();
      g_autoptr(GMenu) output = g_menu_new ();

      g_menu_append (choices, _("_Horizontal Bars"), "bar-chart.horizontal");
      g_menu_append (choices, _("S_ort by Rate"), "bar-chart.sort-by-rate");
      g_menu_append (choices, _("Hide Bars _Without Data"), "bar-chart.hide-missing");
      g_menu_append (output, _("_Save Chart As…"), "bar-chart.save");
      g_menu_append (output, _("_Print…"), "win.print");
      g_menu_append_section (model, NULL, G_MENU_MODEL (choices));
      g_menu_append_section (model, NULL, G_MENU_MODEL (output));
      self->menu = gtk_popover_menu_new_from_model (G_MENU_MODEL (model));
      gtk_widget_set_parent (self->menu, GTK_WIDGET (self));
      gtk_popover_set_has_arrow (GTK_POPOVER (self->menu), FALSE);
      gtk_widget_set_halign (self->menu, GTK_ALIGN_START);
    }
  gtk_popover_set_pointing_to (GTK_POPOVER (self->menu), &(GdkRectangle) { (int) x, (int) y, 1, 1 });
  gtk_popover_popup (GTK_POPOVER (self->menu));
}

static void
action_menu (GtkWidget  *widget,
             const char *action_name,
             GVariant   *parameter)
{
  (void) action_name;
  (void) parameter;
  popup_menu_at (CT_BAR_CHART (widget), gtk_widget_get_width (widget) / 2.0,
                 gtk_widget_get_height (widget) / 2.0);
}

static void
on_secondary_pressed (GtkGestureClick *gesture,
                      gint             n_press,
                      gdouble          x,
                      gdouble          y,
                      CtBarChart      *self)
{
  (void) n_press;
  gtk_gesture_set_state (GTK_GESTURE (gesture), GTK_EVENT_SEQUENCE_CLAIMED);
  popup_menu_at (self, x, y);
}

static void
ct_bar_chart_size_allocate (GtkWidget *widget,
                            int        width,
                            int        height,
                            int        baseline)
{
  CtBarChart *self = CT_BAR_CHART (widget);

  (void) width;
  (void) height;
  (void) baseline;
  if (self->menu != NULL)
    gtk_popover_present (GTK_POPOVER (self->menu));
}

static void
on_dark_changed (CtBarChart *self)
{
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

static void
update_accessible (CtBarChart *self)
{
  g_autofree gchar *summary = NULL;

  if (self->chart == NULL)
    {
      gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                      GTK_ACCESSIBLE_PROPERTY_LABEL, _("Chart"),
                                      GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, _("No figures to show"),
                                      -1);
      return;
    }
  summary = ct_chart_describe (self->chart);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  ct_chart_get_title (self->chart) != NULL
                                    ? ct_chart_get_title (self->chart) : _("Chart"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION, summary,
                                  -1);
}

/* Shows the chart as set, arranged as the reader chose. */
static void
rearrange (CtBarChart *self)
{
  g_clear_pointer (&self->chart, ct_chart_unref);
  /* Untouched choices show the chart as it was built. */
  if (self->built != NULL && (self->arrangement.orientation != CT_CHART_VERTICAL
                              || self->arrangement.sort_by_rate || self->arrangement.hide_missing))
    self->chart = ct_chart_arrange (self->built, &self->arrangement);
  else if (self->built != NULL)
    self->chart = ct_chart_ref (self->built);
  self->hover_series = self->hover_category = -1;
  ct_chart_geometry_clear (&self->geometry);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bar-chart.save", self->chart != NULL);
  update_accessible (self);
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

void
ct_bar_chart_set_chart (CtBarChart *self,
                        CtChart    *chart)
{
  g_return_if_fail (CT_IS_BAR_CHART (self));

  if (self->built == chart)
    return;
  g_clear_pointer (&self->built, ct_chart_unref);
  if (chart != NULL)
    self->built = ct_chart_ref (chart);
  rearrange (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHART]);
}

static void
set_choice (CtBarChart *self,
            guint       prop_id,
            gboolean    value)
{
  gboolean *field = prop_id == PROP_SORT_BY_RATE ? &self->arrangement.sort_by_rate
                  : &self->arrangement.hide_missing;

  value = !!value;
  if (prop_id == PROP_HORIZONTAL)
    {
      CtChartOrientation o = value ? CT_CHART_HORIZONTAL : CT_CHART_VERTICAL;

      if (self->arrangement.orientation == o)
        return;
      self->arrangement.orientation = o;
    }
  else if (*field == value)
    return;
  else
    *field = value;
  rearrange (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[prop_id]);
}

CtChart *
ct_bar_chart_get_chart (CtBarChart *self)
{
  g_return_val_if_fail (CT_IS_BAR_CHART (self), NULL);
  return self->chart;
}

static void
ct_bar_chart_dispose (GObject *object)
{
  CtBarChart *self = CT_BAR_CHART (object);

  g_clear_signal_handler (&self->dark_handler, self->style_manager);
  g_clear_pointer (&self->menu, gtk_widget_unparent);
  G_OBJECT_CLASS (ct_bar_chart_parent_class)->dispose (object);
}

static void
ct_bar_chart_finalize (GObject *object)
{
  CtBarChart *self = CT_BAR_CHART (object);

  g_clear_pointer (&self->chart, ct_chart_unref);
  g_clear_pointer (&self->built, ct_chart_unref);
  ct_chart_geometry_clear (&self->geometry);
  G_OBJECT_CLASS (ct_bar_chart_parent_class)->finalize (object);
}

static void
ct_bar_chart_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CtBarChart *self = CT_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_CHART:
      g_value_set_boxed (value, self->built);
      break;
    case PROP_HORIZONTAL:
      g_value_set_boolean (value, self->arrangement.orientation == CT_CHART_HORIZONTAL);
      break;
    case PROP_SORT_BY_RATE:
      g_value_set_boolean (value, self->arrangement.sort_by_rate);
      break;
    case PROP_HIDE_MISSING:
      g_value_set_boolean (value, self->arrangement.hide_missing);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_bar_chart_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CtBarChart *self = CT_BAR_CHART (object);

  switch (prop_id)
    {
    case PROP_CHART:
      ct_bar_chart_set_chart (self, g_value_get_boxed (value));
      break;
    case PROP_HORIZONTAL:
    case PROP_SORT_BY_RATE:
    case PROP_HIDE_MISSING:
      set_choice (self, prop_id, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ct_bar_chart_class_init (CtBarChartClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_bar_chart_dispose;
  object_class->finalize = ct_bar_chart_finalize;
  object_class->get_property = ct_bar_chart_get_property;
  object_class->set_property = ct_bar_chart_set_property;

  widget_class->snapshot = ct_bar_chart_snapshot;
  widget_class->measure = ct_bar_chart_measure;
  widget_class->query_tooltip = ct_bar_chart_query_tooltip;
  widget_class->size_allocate = ct_bar_chart_size_allocate;

  properties[PROP_CHART] =
    g_param_spec_boxed ("chart", NULL, NULL, CT_TYPE_CHART,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  /* The reader's choices, kept when another indicator is charted. */
  properties[PROP_HORIZONTAL] =
    g_param_spec_boolean ("horizontal", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_SORT_BY_RATE] =
    g_param_spec_boolean ("sort-by-rate", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  properties[PROP_HIDE_MISSING] =
    g_param_spec_boolean ("hide-missing", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CtBarChart::bar-activated:
   * @observation_id: the observation the bar's figure came from
   *
   * A bar with a figure was clicked or activated with the keyboard.
   */
  signals[BAR_ACTIVATED] =
    g_signal_new ("bar-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, G_TYPE_INT64);

  /* Keys as actions: the same moves are open to menus, shortcuts and tests. */
  gtk_widget_class_install_action (widget_class, "bar-chart.next", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "bar-chart.previous", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "bar-chart.first", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "bar-chart.last", NULL, action_select);
  gtk_widget_class_install_action (widget_class, "bar-chart.activate", NULL, action_activate);
  gtk_widget_class_install_action (widget_class, "bar-chart.save", NULL, action_save);
  gtk_widget_class_install_action (widget_class, "bar-chart.menu", NULL, action_menu);
  gtk_widget_class_install_property_action (widget_class, "bar-chart.horizontal", "horizontal");
  gtk_widget_class_install_property_action (widget_class, "bar-chart.sort-by-rate", "sort-by-rate");
  gtk_widget_class_install_property_action (widget_class, "bar-chart.hide-missing", "hide-missing");
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Menu, 0, "bar-chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_F10, GDK_SHIFT_MASK, "bar-chart.menu", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Right, 0, "bar-chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Down, 0, "bar-chart.next", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Left, 0, "bar-chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Up, 0, "bar-chart.previous", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Home, 0, "bar-chart.first", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_End, 0, "bar-chart.last", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Return, 0, "bar-chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_KP_Enter, 0, "bar-chart.activate", NULL);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_space, 0, "bar-chart.activate", NULL);

  gtk_widget_class_set_css_name (widget_class, "ct-bar-chart");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
ct_bar_chart_init (CtBarChart *self)
{
  GtkEventController *motion = gtk_event_controller_motion_new ();
  GtkGesture *click = gtk_gesture_click_new ();
  GtkGesture *secondary = gtk_gesture_click_new ();

  self->hover_series = self->hover_category = -1;
  gtk_widget_set_focusable (GTK_WIDGET (self), TRUE);
  gtk_widget_set_has_tooltip (GTK_WIDGET (self), TRUE);

  g_signal_connect (motion, "motion", G_CALLBACK (on_motion), self);
  g_signal_connect (motion, "leave", G_CALLBACK (on_leave), self);
  gtk_widget_add_controller (GTK_WIDGET (self), motion);

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (click), GDK_BUTTON_PRIMARY);
  g_signal_connect (click, "released", G_CALLBACK (on_click_released), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (click));

  gtk_gesture_single_set_button (GTK_GESTURE_SINGLE (secondary), GDK_BUTTON_SECONDARY);
  g_signal_connect (secondary, "pressed", G_CALLBACK (on_secondary_pressed), self);
  gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (secondary));
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "bar-chart.save", FALSE);

  /* The chart's colours are its own (a Cairo drawing, not CSS): follow
   * the light/dark choice by redrawing when it changes. */
  self->style_manager = adw_style_manager_get_default ();
  self->dark_handler = g_signal_connect_swapped (self->style_manager, "notify::dark",
                                                 G_CALLBACK (on_dark_changed), self);
  update_accessible (self);
}
