/* ct-library-dialog.c: "Open Library…", a file or a department's server
 *
 * One line to type: a library file's path, or a PostgreSQL address
 * ("postgresql://user@server/database", "service=name"). Passwords are not
 * asked for here: libpq finds them in ~/.pgpass, so none is ever kept.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-library-dialog.h"

typedef struct
{
  CtLibraryChosenFunc chosen;
  gpointer            user_data;
} Ask;

static void
on_response (AdwMessageDialog *dialog,
             const gchar      *response,
             gpointer          user_data)
{
  Ask *ask = user_data;
  GtkEditable *entry = GTK_EDITABLE (adw_message_dialog_get_extra_child (dialog));
  g_autofree gchar *location = g_strstrip (g_strdup (gtk_editable_get_text (entry)));

  if (g_strcmp0 (response, "open") == 0 && *location != '\0')
    ask->chosen (location, ask->user_data);
}

void
ct_library_dialog_ask (GtkWindow           *parent,
                       const gchar         *current,
                       CtLibraryChosenFunc  chosen,
                       gpointer             user_data)
{
  GtkWidget *dialog;
  GtkWidget *entry = gtk_entry_new ();
  Ask *ask = g_new0 (Ask, 1);

  g_return_if_fail (chosen != NULL);

  ask->chosen = chosen;
  ask->user_data = user_data;
  dialog = adw_message_dialog_new (parent, _("Open Library"),
                                   _("The path of a library file, or the address of the "
                                     "department’s server, such as "
                                     "postgresql://user@server/chitieu. Passwords belong in "
                                     "~/.pgpass, not here."));
  if (current != NULL)
    gtk_editable_set_text (GTK_EDITABLE (entry), current);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "open",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "open");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_data (dialog, "response", G_CALLBACK (on_response), ask,
                         (GClosureNotify) (void (*) (void)) g_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}
