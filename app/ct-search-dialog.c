/* ct-search-dialog.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-search-dialog.h"

/* As the command line's default: enough to scan, few enough to read. */
#define MAX_HITS 100

struct _CtSearchDialog
{
  AdwWindow   parent_instance;

  CtStore    *store;    /* the window's: the dialog goes with it */
  GtkWidget  *entry;
  GtkWidget  *list;
  GtkWidget  *status;
  GPtrArray  *hits;     /* CtSearchHit */
};

G_DEFINE_FINAL_TYPE (CtSearchDialog, ct_search_dialog, ADW_TYPE_WINDOW)

enum {
  HIT_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GtkWidget *
hit_row (const CtSearchHit *hit)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *where = gtk_label_new (NULL);
  GtkWidget *sentence = gtk_label_new (hit->sentence);
  g_autofree gchar *place = g_strdup_printf ("%s · %s %d", hit->locality != NULL ? hit->locality : "",
                                             hit->period != NULL ? hit->period : "", hit->year);

  gtk_label_set_text (GTK_LABEL (where), place);
  gtk_label_set_xalign (GTK_LABEL (where), 0);
  gtk_widget_add_css_class (where, "heading");
  gtk_label_set_xalign (GTK_LABEL (sentence), 0);
  gtk_label_set_wrap (GTK_LABEL (sentence), TRUE);
  gtk_label_set_lines (GTK_LABEL (sentence), 3);
  gtk_label_set_ellipsize (GTK_LABEL (sentence), PANGO_ELLIPSIZE_END);
  gtk_box_append (GTK_BOX (box), where);
  gtk_box_append (GTK_BOX (box), sentence);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 6);
  gtk_widget_set_margin_start (box, 6);
  gtk_widget_set_margin_end (box, 6);
  return box;
}

void
ct_search_dialog_set_query (CtSearchDialog *self,
                            const gchar    *query)
{
  g_autoptr(GError) error = NULL;
  g_autofree gchar *count = NULL;
  g_autofree gchar *trimmed = NULL;
  GtkWidget *child;
  g_return_if_fail (CT_IS_SEARCH_DIALOG (self));

  if (g_strcmp0 (gtk_editable_get_text (GTK_EDITABLE (self->entry)), query) != 0)
    gtk_editable_set_text (GTK_EDITABLE (self->entry), query != NULL ? query : "");
  while ((child = gtk_widget_get_first_child (self->list)) != NULL)
    gtk_list_box_remove (GTK_LIST_BOX (self->list), child);
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  trimmed = g_strstrip (g_strdup (query != NULL ? query : ""));
  if (trimmed[0] == '\0' || self->store == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->status), _("Type words of the sentence you look for."));
      return;
    }
  self->hits = ct_store_search (self->store, query, MAX_HITS, &error);
  if (self->hits == NULL)
    {
      gtk_label_set_text (GTK_LABEL (self->status), error->message);
      return;
    }
  for (guint i = 0; i < self->hits->len; i++)
    gtk_list_box_append (GTK_LIST_BOX (self->list), hit_row (g_ptr_array_index (self->hits, i)));
  count = self->hits->len == 0 ? g_strdup (_("No sentence holds these words."))
          : g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u sentence", "%u sentences", self->hits->len),
                             self->hits->len);
  gtk_label_set_text (GTK_LABEL (self->status), count);
}

guint
ct_search_dialog_get_n_hits (CtSearchDialog *self)
{
  g_return_val_if_fail (CT_IS_SEARCH_DIALOG (self), 0);
  return self->hits != NULL ? self->hits->len : 0;
}

const gchar *
ct_search_dialog_get_hit_sentence (CtSearchDialog *self,
                                   guint           i)
{
  g_return_val_if_fail (CT_IS_SEARCH_DIALOG (self), NULL);
  if (self->hits == NULL || i >= self->hits->len)
    return NULL;
  return ((CtSearchHit *) g_ptr_array_index (self->hits, i))->sentence;
}

gboolean
ct_search_dialog_activate_hit (CtSearchDialog *self,
                               guint           i)
{
  gboolean shown = FALSE;

  g_return_val_if_fail (CT_IS_SEARCH_DIALOG (self), FALSE);

  if (self->hits == NULL || i >= self->hits->len)
    return FALSE;
  g_signal_emit (self, signals[HIT_ACTIVATED], 0, g_ptr_array_index (self->hits, i), &shown);
  return shown;
}

static void
on_search_changed (GtkSearchEntry *entry,
                   gpointer        user_data)
{
  g_autofree gchar *query = g_strdup (gtk_editable_get_text (GTK_EDITABLE (entry)));

  ct_search_dialog_set_query (CT_SEARCH_DIALOG (user_data), query);
}

static void
on_row_activated (GtkListBox    *list,
                  GtkListBoxRow *row,
                  gpointer       user_data)
{
  (void) list;
  ct_search_dialog_activate_hit (CT_SEARCH_DIALOG (user_data), (guint) gtk_list_box_row_get_index (row));
}

/* Enter in the field opens the best match. */
static void
on_activate (GtkSearchEntry *entry,
             gpointer        user_data)
{
  (void) entry;
  ct_search_dialog_activate_hit (CT_SEARCH_DIALOG (user_data), 0);
}

static void
ct_search_dialog_dispose (GObject *object)
{
  CtSearchDialog *self = CT_SEARCH_DIALOG (object);

  self->store = NULL;
  g_clear_pointer (&self->hits, g_ptr_array_unref);
  G_OBJECT_CLASS (ct_search_dialog_parent_class)->dispose (object);
}

static void
ct_search_dialog_class_init (CtSearchDialogClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  G_OBJECT_CLASS (klass)->dispose = ct_search_dialog_dispose;
  /**
   * CtSearchDialog::hit-activated:
   * @hit: the CtSearchHit chosen (borrowed)
   *
   * A sentence was chosen; the handler shows it and says whether it could.
   */
  signals[HIT_ACTIVATED] = g_signal_new ("hit-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                                         0, g_signal_accumulator_first_wins, NULL, NULL,
                                         G_TYPE_BOOLEAN, 1, G_TYPE_POINTER);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
ct_search_dialog_init (CtSearchDialog *self)
{
  GtkWidget *content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *header = adw_header_bar_new ();
  GtkWidget *scroller = gtk_scrolled_window_new ();
  GtkWidget *body = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);

  gtk_window_set_title (GTK_WINDOW (self), _("Find in Reports"));
  gtk_window_set_default_size (GTK_WINDOW (self), 640, 560);
  self->entry = gtk_search_entry_new ();
  g_object_set (self->entry, "placeholder-text", _("Words of a sentence, in any report"), NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Find in Reports"), -1);
  g_signal_connect (self->entry, "search-changed", G_CALLBACK (on_search_changed), self);
  g_signal_connect (self->entry, "activate", G_CALLBACK (on_activate), self);
  self->status = gtk_label_new (_("Type words of the sentence you look for."));
  gtk_label_set_xalign (GTK_LABEL (self->status), 0);
  gtk_widget_add_css_class (self->status, "dim-label");
  self->list = gtk_list_box_new ();
  gtk_widget_add_css_class (self->list, "boxed-list");
  gtk_list_box_set_activate_on_single_click (GTK_LIST_BOX (self->list), TRUE);
  g_signal_connect (self->list, "row-activated", G_CALLBACK (on_row_activated), self);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _("Matching sentences"), -1);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), self->list);
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_box_append (GTK_BOX (body), self->entry);
  gtk_box_append (GTK_BOX (body), self->status);
  gtk_box_append (GTK_BOX (body), scroller);
  gtk_widget_set_margin_start (body, 12);
  gtk_widget_set_margin_end (body, 12);
  gtk_widget_set_margin_bottom (body, 12);
  gtk_box_append (GTK_BOX (content), header);
  gtk_box_append (GTK_BOX (content), body);
  adw_window_set_content (ADW_WINDOW (self), content);
}

CtSearchDialog *
ct_search_dialog_new (GtkWindow *parent,
                      CtStore   *store)
{
  CtSearchDialog *self = g_object_new (CT_TYPE_SEARCH_DIALOG,
                                       "transient-for", parent,
                                       "destroy-with-parent", TRUE,
                                       NULL);

  self->store = store;
  return self;
}
