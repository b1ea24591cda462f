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
  GtkWidget           *value_row;
  GtkWidget           *plan_row;
  GtkWidget           *rate_row;
  GtkWidget           *unit_row;
  GtkWidget           *indicator_row;
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
on_save_clicked (GtkButton *button,
                 gpointer   user_data)
{
  (void) button;
  ct_correction_dialog_save (CT_CORRECTION_DIALOG (user_data));
}

static void
on_entry_activated (AdwEntryRow *row,
                    gpointer     user_data)
{
  (void) row;
  ct_correction_dialog_save (CT_CORRECTION_DIALOG (user_data));
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
}

static void
ct_correction_dialog_init (CtCorrectionDialog *self)
{
  (void) self;
}

static GtkWidget *
entry_row (const gchar *title,
           const gchar *text,
           gpointer     dialog)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  adw_entry_row_set_activates_default (ADW_ENTRY_ROW (row), FALSE);
  g_signal_connect (row, "entry-activated", G_CALLBACK (on_entry_activated), dialog);
  return row;
}

CtCorrectionDialog *
ct_correction_dialog_new (GtkWindow                 *parent,
                          CtStore                   *store,
                          const CtStoredObservation *obs)
{
  CtCorrectionDialog *self;
  GtkWidget *content, *header, *cancel, *save, *page, *group, *label_group, *sentence, *row;
  GtkStringList *names;
  g_autofree gchar *value = NULL;
  g_autofree gchar *plan = NULL;
  g_autofree gchar *rate = NULL;
  g_autoptr(GError) error = NULL;

  g_return_val_if_fail (store != NULL, NULL);
  g_return_val_if_fail (obs != NULL, NULL);

  self = g_object_new (CT_TYPE_CORRECTION_DIALOG,
                       "transient-for", parent,
                       "modal", TRUE,
                       "title", _("Correct Figure"),
                       "default-width", 520,
                       "default-height", 640,
                       NULL);
  self->observation_id = obs->id;
  self->obs = g_new0 (CtStoredObservation, 1);
  *self->obs = *obs;
  self->obs->obs = ct_observation_copy (obs->obs);
  self->obs->indicator_code = g_strdup (obs->indicator_code);
  self->obs->indicator_name = g_strdup (obs->indicator_name);
  self->obs->sector = g_strdup (obs->sector);
  self->obs->unit_normalized = g_strdup (obs->unit_normalized);
  self->indicators = ct_store_list_indicators (store, FALSE, &error);
  if (self->indicators == NULL)
    self->indicators = g_ptr_array_new_with_free_func ((GDestroyNotify) ct_indicator_info_free);

  content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  cancel = gtk_button_new_with_mnemonic (_("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  save = gtk_button_new_with_mnemonic (_("_Save"));
  gtk_widget_add_css_class (save, "suggested-action");
  g_signal_connect (save, "clicked", G_CALLBACK (on_save_clicked), self);
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), save);
  gtk_box_append (GTK_BOX (content), header);

  page = adw_preferences_page_new ();
  gtk_widget_set_vexpand (page, TRUE);

  label_group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (label_group), _("As written in the report"));
  sentence = gtk_label_new (obs->obs->label);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_label_set_selectable (GTK_LABEL (sentence), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (label_group), sentence);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (label_group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Figures"));
  adw_preferences_group_set_description (ADW_PREFERENCES_GROUP (group),
                                         _("Write numbers the Vietnamese way (2.703,5). Leave a field empty when the report has no such figure."));
  value = number_text (obs->obs->value);
  plan = number_text (obs->obs->plan);
  rate = number_text (obs->obs->rate);
  self->value_row = entry_row (_("_Value"), value, self);
  self->plan_row = entry_row (_("_Plan"), plan, self);
  self->rate_row = entry_row (_("_Rate against the plan (%)"), rate, self);
  self->unit_row = entry_row (_("_Unit"), obs->obs->unit, self);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->value_row), TRUE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->plan_row), TRUE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->rate_row), TRUE);
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->unit_row), TRUE);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->value_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->plan_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->rate_row);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->unit_row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  group = adw_preferences_group_new ();
  adw_preferences_group_set_title (ADW_PREFERENCES_GROUP (group), _("Indicator"));
  names = gtk_string_list_new (NULL);
  {
    g_autofree gchar *keep = g_strdup_printf (_("Keep: %s"), obs->indicator_name != NULL
                                              ? obs->indicator_name : _("unclassified"));
    gtk_string_list_append (names, keep);
  }
  for (guint i = 0; i < self->indicators->len; i++)
    {
      const CtIndicatorInfo *info = g_ptr_array_index (self->indicators, i);
      g_autofree gchar *name = g_strdup_printf ("%s (%s)", info->name, info->unit != NULL ? info->unit : "");

      gtk_string_list_append (names, name);
    }
  self->indicator_row = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (self->indicator_row), _("_Link to indicator"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (self->indicator_row), TRUE);
  adw_combo_row_set_model (ADW_COMBO_ROW (self->indicator_row), G_LIST_MODEL (names));
  g_object_unref (names);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), self->indicator_row);

  row = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _("_Not an indicator"));
  adw_preferences_row_set_use_underline (ADW_PREFERENCES_ROW (row), TRUE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), _("A date, a document number or a count that measures nothing"));
  self->not_indicator_switch = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (self->not_indicator_switch), obs->not_indicator);
  gtk_widget_set_valign (self->not_indicator_switch, GTK_ALIGN_CENTER);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), self->not_indicator_switch);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), self->not_indicator_switch);
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), row);
  adw_preferences_page_add (ADW_PREFERENCES_PAGE (page), ADW_PREFERENCES_GROUP (group));

  gtk_box_append (GTK_BOX (content), page);
  self->error_label = gtk_label_new (NULL);
  gtk_label_set_wrap (GTK_LABEL (self->error_label), TRUE);
  gtk_widget_add_css_class (self->error_label, "error");
  gtk_widget_set_margin_bottom (self->error_label, 12);
  gtk_widget_set_visible (self->error_label, FALSE);
  gtk_box_append (GTK_BOX (content), self->error_label);
  adw_window_set_content (ADW_WINDOW (self), content);
  gtk_widget_grab_focus (self->value_row);
  return self;
}
