/* ct-correction-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>
#include <math.h>

#include "ct-correction-dialog.h"
#include "ct-error.h"
#include "ct-format.h"
#include "ct-extract-number.h"

struct _CtCorrectionDialog
{
  AdwWindow            parent_instance;

  gint64               observation_id;
  CtStoredObservation *obs;          /* copy of the effective values */
  GPtrArray           *indicators;   /* CtIndicatorInfo */

  /* template children */
  GtkWidget           *sentence_label;
  GtkWidget           *value_row;
  GtkWidget           *plan_row;
  GtkWidget           *rate_row;
  GtkWidget           *unit_row;
  GtkWidget           *indicator_row;
  GtkStringList       *indicator_names;
  GtkWidget           *not_indicator_switch;
  GtkWidget           *error_label;
};

G_DEFINE_FINAL_TYPE (CtCorrectionDialog, ct_correction_dialog, ADW_TYPE_WINDOW)

enum {
  APPLY,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static gchar *
number_text (gdouble value)
{
  return isnan (value) ? g_strdup ("") : ct_format_number (value, CT_FORMAT_MAX_FRACTION_DIGITS);
}

/* Empty means "the report has no such figure" (NAN); otherwise the text
 * must read as one number, written the Vietnamese way or plainly. */
static gboolean
read_number (GtkWidget    *row,
             gdouble      *out,
             GError      **error)
{
  g_autofree gchar *text = g_strstrip (g_strdup (gtk_editable_get_text (GTK_EDITABLE (row))));
  guint flags = 0;

  if (g_str_has_suffix (text, "%"))
    text[strlen (text) - 1] = '\0';
  g_strstrip (text);
  if (*text == '\0')
    {
      *out = NAN;
      return TRUE;
    }
  if (!ct_number_parse (text, out, &flags))
    {
      gtk_widget_add_css_class (row, "error");
      g_set_error (error, CT_ERROR, CT_ERROR_INVALID_ARGUMENT,
                   _("“%s” is not a number. Write it like 2.703,5, or leave the field empty."),
                   text);
      return FALSE;
    }
  gtk_widget_remove_css_class (row, "error");
  return TRUE;
}

static gboolean
same_number (gdouble a,
             gdouble b)
{
  if (isnan (a) || isnan (b))
    return isnan (a) && isnan (b);
  return fabs (a - b) <= 1e-9 * MAX (1.0, fabs (a));
}

GPtrArray *
ct_correction_dialog_get_corrections (CtCorrectionDialog *self,
                                      guint              *clear_fields,
                                      GError            **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_correction_free);
  struct { GtkWidget *row; CtCorrectionField field; gdouble current; } numbers[] = {
    { self->value_row, CT_CORRECTION_VALUE, self->obs->obs->value },
    { self->plan_row, CT_CORRECTION_PLAN, self->obs->obs->plan },
    { self->rate_row, CT_CORRECTION_RATE, self->obs->obs->rate },
  };
  const gchar *unit;
  guint selected;
  gboolean not_indicator;

  g_return_val_if_fail (CT_IS_CORRECTION_DIALOG (self), NULL);

  *clear_fields = 0;
  for (guint i = 0; i < G_N_ELEMENTS (numbers); i++)
    {
      gdouble value;

      if (!read_number (numbers[i].row, &value, error))
        return NULL;
      if (!same_number (value, numbers[i].current))
        g_ptr_array_add (out, ct_correction_new (numbers[i].field, value, NULL));
    }

  unit = gtk_editable_get_text (GTK_EDITABLE (self->unit_row));
  if (g_strcmp0 (unit, self->obs->obs->unit != NULL ? self->obs->obs->unit : "") != 0)
    {
      if (*unit == '\0')
        *clear_fields |= CT_CORRECTION_UNIT;
      else
        g_ptr_array_add (out, ct_correction_new (CT_CORRECTION_UNIT, NAN, unit));
    }

  not_indicator = gtk_switch_get_active (GTK_SWITCH (self->not_indicator_switch));
  selected = adw_combo_row_get_selected (ADW_COMBO_ROW (self->indicator_row));
  if (not_indicator && !self->obs->not_indicator)
    g_ptr_array_add (out, ct_correction_new (CT_CORRECTION_NOT_INDICATOR, NAN, NULL));
  else if (!not_indicator && self->obs->not_indicator)
    *clear_fields |= CT_CORRECTION_NOT_INDICATOR;
  /* Item 0 keeps the indicator as it is. */
  if (!not_indicator && selected > 0 && selected <= self->indicators->len)
    {
      const CtIndicatorInfo *info = g_ptr_array_index (self->indicators, selected - 1);

      if (g_strcmp0 (info->code, self->obs->indicator_code) != 0)
        g_ptr_array_add (out, ct_correction_new (CT_CORRECTION_INDICATOR, NAN, info->code));
    }
  return g_steal_pointer (&out);
}

gboolean
ct_correction_dialog_save (CtCorrectionDialog *self)
{
  g_autoptr(GPtrArray) corrections = NULL;
  g_autoptr(GError) error = NULL;
  guint clear = 0;

  g_return_val_if_fail (CT_IS_CORRECTION_DIALOG (self), FALSE);

  corrections = ct_correction_dialog_get_corrections (self, &clear, &error);
  if (corrections == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->error_label), error->message);
      gtk_widget_set_visible (self->error_label, TRUE);
      return FALSE;
    }
  if (corrections->len > 0 || clear != 0)
    g_signal_emit (self, signals[APPLY], 0, self->observation_id, corrections, clear);
  gtk_window_destroy (GTK_WINDOW (self));
  return TRUE;
}

GtkEditable *
ct_correction_dialog_get_entry (CtCorrectionDialog *self,
                                const gchar        *name)
{
  g_return_val_if_fail (CT_IS_CORRECTION_DIALOG (self), NULL);

  if (g_strcmp0 (name, "value") == 0)
    return GTK_EDITABLE (self->value_row);
  if (g_strcmp0 (name, "plan") == 0)
    return GTK_EDITABLE (self->plan_row);
  if (g_strcmp0 (name, "rate") == 0)
    return GTK_EDITABLE (self->rate_row);
  if (g_strcmp0 (name, "unit") == 0)
    return GTK_EDITABLE (self->unit_row);
  return NULL;
}

void
ct_correction_dialog_set_indicator (CtCorrectionDialog *self,
                                    const gchar        *code)
{
  guint selected = 0;

  g_return_if_fail (CT_IS_CORRECTION_DIALOG (self));

  for (guint i = 0; code != NULL && i < self->indicators->len; i++)
    {
      const CtIndicatorInfo *info = g_ptr_array_index (self->indicators, i);

      if (g_strcmp0 (info->code, code) == 0)
        selected = i + 1;
    }
  adw_combo_row_set_selected (ADW_COMBO_ROW (self->indicator_row), selected);
}

void
ct_correction_dialog_set_not_indicator (CtCorrectionDialog *self,
                                        gboolean            not_indicator)
{
  g_return_if_fail (CT_IS_CORRECTION_DIALOG (self));
  gtk_switch_set_active (GTK_SWITCH (self->not_indicator_switch), not_indicator);
}

static void
on_save_clicked (CtCorrectionDialog *self)
{
  ct_correction_dialog_save (self);
}

static void
on_entry_activated (CtCorrectionDialog *self)
{
  ct_correction_dialog_save (self);
}

static void
ct_correction_dialog_dispose (GObject *object)
{
  gtk_widget_dispose_template (GTK_WIDGET (object), CT_TYPE_CORRECTION_DIALOG);

  G_OBJECT_CLASS (ct_correction_dialog_parent_class)->dispose (object);
}

static void
ct_correction_dialog_finalize (GObject *object)
{
  CtCorrectionDialog *self = CT_CORRECTION_DIALOG (object);

  g_clear_pointer (&self->obs, ct_stored_observation_free);
  g_clear_pointer (&self->indicators, g_ptr_array_unref);

  G_OBJECT_CLASS (ct_correction_dialog_parent_class)->finalize (object);
}

static void
ct_correction_dialog_class_init (CtCorrectionDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_correction_dialog_dispose;
  object_class->finalize = ct_correction_dialog_finalize;

  /**
   * CtCorrectionDialog::apply:
   * @observation_id: the observation corrected
   * @corrections: (element-type CtCorrection): the changed fields
   * @clear_fields: CtCorrectionField bits to set back to the extracted value
   */
  signals[APPLY] = g_signal_new ("apply", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                 0, NULL, NULL, NULL, G_TYPE_NONE, 3,
                                 G_TYPE_INT64, G_TYPE_POINTER, G_TYPE_UINT);

  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/io/github/chitieu/Chitieu/ui/ct-correction-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, CtCorrectionDialog, sentence_label);
  gtk_widget_class_bind_template_child (widget_class, CtCorrectionDialog, value_row);
  gtk_widget_class_bind_template_child (widget_class, CtCorrectionDialog, plan_row);
  gtk_widget_class_bind_template_child (widget_class, CtCorrectionDialog, rate_row);
  gtk_widget_class_bind_template_child (widget_class, CtCorrectionDialog, unit_row);
  gtk_widget_class_bind_template_child (widget_class, CtCorrectionDialog, indicator_row);
  gtk_widget_class_bind_template_child (widget_class, CtCorrectionDialog, indicator_names);
  gtk_widget_class_bind_template_child (widget_class, CtCorrectionDialog, not_indicator_switch);
  gtk_widget_class_bind_template_child (widget_class, CtCorrectionDialog, error_label);
  gtk_widget_class_bind_template_callback (widget_class, on_save_clicked);
  gtk_widget_class_bind_template_callback (widget_class, on_entry_activated);
}

static void
ct_correction_dialog_init (CtCorrectionDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

/* The dialog keeps its own copy: the caller's observation may go away
 * while the dialog is open. */
static CtStoredObservation *
copy_stored_observation (const CtStoredObservation *obs)
{
  CtStoredObservation *copy = g_new0 (CtStoredObservation, 1);

  *copy = *obs;
  copy->obs = ct_observation_copy (obs->obs);
  copy->indicator_code = g_strdup (obs->indicator_code);
  copy->indicator_name = g_strdup (obs->indicator_name);
  copy->sector = g_strdup (obs->sector);
  copy->unit_normalized = g_strdup (obs->unit_normalized);
  return copy;
}

static void
fill_indicator_names (CtCorrectionDialog *self)
{
  g_autofree gchar *keep = g_strdup_printf (_("Keep: %s"), self->obs->indicator_name != NULL
                                            ? self->obs->indicator_name : _("unclassified"));

  /* Item 0 keeps the indicator as it is; the catalogue follows. */
  gtk_string_list_append (self->indicator_names, keep);
  for (guint i = 0; i < self->indicators->len; i++)
    {
      const CtIndicatorInfo *info = g_ptr_array_index (self->indicators, i);
      g_autofree gchar *name = g_strdup_printf ("%s (%s)", info->name, info->unit != NULL ? info->unit : "");

      gtk_string_list_append (self->indicator_names, name);
    }
}

static void
set_number (GtkWidget *row,
            gdouble    value)
{
  g_autofree gchar *text = number_text (value);

  gtk_editable_set_text (GTK_EDITABLE (row), text);
}

CtCorrectionDialog *
ct_correction_dialog_new (GtkWindow                 *parent,
                          CtStore                   *store,
                          const CtStoredObservation *obs)
{
  CtCorrectionDialog *self;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (obs != NULL, NULL);

  self = g_object_new (CT_TYPE_CORRECTION_DIALOG, "transient-for", parent, NULL);
  self->observation_id = obs->id;
  self->obs = copy_stored_observation (obs);
  self->indicators = ct_store_list_indicators (store, FALSE, &error);
  if (self->indicators == NULL)
    self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_indicator_info_free);

  gtk_label_set_text (GTK_LABEL (self->sentence_label), obs->obs->label);
  set_number (self->value_row, obs->obs->value);
  set_number (self->plan_row, obs->obs->plan);
  set_number (self->rate_row, obs->obs->rate);
  gtk_editable_set_text (GTK_EDITABLE (self->unit_row), obs->obs->unit != NULL ? obs->obs->unit : "");
  fill_indicator_names (self);
  gtk_switch_set_active (GTK_SWITCH (self->not_indicator_switch), obs->not_indicator);
  gtk_widget_grab_focus (self->value_row);
  return self;
}
