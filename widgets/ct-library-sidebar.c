/* ct-library-sidebar.c
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n.h>

#include "ct-library-item.h"
#include "ct-library-sidebar.h"

struct _CtLibrarySidebar
{
  GtkWidget          parent_instance;

  GtkWidget         *scroller;
  GtkWidget         *list_view;
  GListStore        *roots;
  GtkTreeListModel  *tree;
  GtkMultiSelection *selection;
  guint              n_reports;
  gboolean           updating;
};

G_DEFINE_FINAL_TYPE (CtLibrarySidebar, ct_library_sidebar, GTK_TYPE_WIDGET)

enum {
  SELECTION_CHANGED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static GListModel *
create_children (gpointer item,
                 gpointer user_data)
{
  GListStore *children = ct_library_item_get_children (CT_LIBRARY_ITEM (item));

  (void) user_data;
  return children != NULL ? g_object_ref (G_LIST_MODEL (children)) : NULL;
}

/* A row's tooltip is asked of its item when the pointer rests on it: a
 * locality's is written then, not for every locality when listing. */
static gboolean
on_row_query_tooltip (GtkWidget  *expander,
                      gint        x,
                      gint        y,
                      gboolean    keyboard,
                      GtkTooltip *tooltip,
                      gpointer    user_data)
{
  CtLibraryItem *item = gtk_tree_expander_get_item (GTK_TREE_EXPANDER (expander));
  const gchar *text = item != NULL ? ct_library_item_get_tooltip (item) : NULL;

  (void) x, (void) y, (void) keyboard, (void) user_data;
  if (text != NULL)
    gtk_tooltip_set_text (tooltip, text);
  g_clear_object (&item);
  return text != NULL;
}

static void
setup_row (GtkSignalListItemFactory *factory,
           GtkListItem              *list_item,
           gpointer                  user_data)
{
  GtkWidget *expander = gtk_tree_expander_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  GtkWidget *texts = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  GtkWidget *title = gtk_label_new (NULL);
  GtkWidget *subtitle = gtk_label_new (NULL);

  (void) factory;
  (void) user_data;
  gtk_label_set_xalign (GTK_LABEL (title), 0);
  gtk_label_set_ellipsize (GTK_LABEL (title), PANGO_ELLIPSIZE_END);
  gtk_label_set_xalign (GTK_LABEL (subtitle), 0);
  gtk_label_set_ellipsize (GTK_LABEL (subtitle), PANGO_ELLIPSIZE_END);
  gtk_widget_add_css_class (subtitle, "dim-label");
  gtk_widget_add_css_class (subtitle, "caption");
  gtk_widget_set_hexpand (texts, TRUE);
  gtk_box_append (GTK_BOX (texts), title);
  gtk_box_append (GTK_BOX (texts), subtitle);
  gtk_box_append (GTK_BOX (box), texts);
  gtk_tree_expander_set_child (GTK_TREE_EXPANDER (expander), box);
  g_object_set_data (G_OBJECT (expander), "ct-title", title);
  g_object_set_data (G_OBJECT (expander), "ct-subtitle", subtitle);
  /* has-tooltip alone asks the display nothing (see ct-quiet-tooltip.c). */
  g_signal_connect (expander, "query-tooltip", G_CALLBACK (on_row_query_tooltip), NULL);
  gtk_widget_set_has_tooltip (expander, TRUE);
  gtk_list_item_set_child (list_item, expander);
}

static void
bind_row (GtkSignalListItemFactory *factory,
          GtkListItem              *list_item,
          gpointer                  user_data)
{
  GtkTreeListRow *row = gtk_list_item_get_item (list_item);
  GtkWidget *expander = gtk_list_item_get_child (list_item);
  CtLibraryItem *item = gtk_tree_list_row_get_item (row);
  GtkWidget *title = g_object_get_data (G_OBJECT (expander), "ct-title");
  GtkWidget *subtitle = g_object_get_data (G_OBJECT (expander), "ct-subtitle");
  const gchar *sub = ct_library_item_get_subtitle (item);
  g_autofree gchar *label = NULL;

  (void) factory;
  (void) user_data;
  gtk_tree_expander_set_list_row (GTK_TREE_EXPANDER (expander), row);
  gtk_label_set_text (GTK_LABEL (title), ct_library_item_get_title (item));
  gtk_label_set_text (GTK_LABEL (subtitle), sub != NULL ? sub : "");
  gtk_widget_set_visible (subtitle, sub != NULL);
  if (ct_library_item_get_kind (item) == CT_LIBRARY_PROVINCE)
    gtk_widget_add_css_class (title, "heading");
  else
    gtk_widget_remove_css_class (title, "heading");
  label = sub != NULL ? g_strdup_printf ("%s, %s", ct_library_item_get_title (item), sub)
                      : g_strdup (ct_library_item_get_title (item));
  gtk_accessible_update_property (GTK_ACCESSIBLE (expander),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
  g_object_unref (item);
}

static void
on_selection_changed (GtkSelectionModel *model,
                      guint              position,
                      guint              n_items,
                      gpointer           user_data)
{
  CtLibrarySidebar *self = user_data;

  (void) model;
  (void) position;
  (void) n_items;
  if (!self->updating)
    g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

static gchar *
locality_title (const CtReportInfo *info)
{
  g_autofree gchar *level = NULL;

  if (info->level == NULL || *info->level == '\0')
    return g_strdup (info->locality);
  /* "huyện" → "Huyện Nam Đông", as the reports write it in headings. */
  level = g_strdup (info->level);
  {
    gunichar first = g_utf8_get_char (level);
    gchar buf[8] = { 0 };
    g_autofree gchar *rest = g_strdup (g_utf8_next_char (level));

    g_unichar_to_utf8 (g_unichar_totitle (first), buf);
    g_free (level);
    level = g_strconcat (buf, rest, NULL);
  }
  return g_strdup_printf ("%s %s", level, info->locality);
}

/* The province a report is filed under: the one of July 2025 it is part of
 * now, else the name it gives. */
static gchar *
province_key (const CtReportInfo *info)
{
  if (info->province_now != NULL)
    return ct_locality_full_name (info->province_now);
  return g_strdup (info->province != NULL ? info->province : _("No province"));
}

#define MAX_UNITS_LISTED 12

/* "Xã Hương Xuân (Huyện Phú Lộc)", or the unit's own name. */
static void
append_units (GString   *text,
              GPtrArray *units)
{
  for (guint i = 0; i < units->len && i < MAX_UNITS_LISTED; i++)
    {
      const CtLocality *u = g_ptr_array_index (units, i);
      g_autofree gchar *full = ct_locality_full_name (u);

      g_string_append (text, i > 0 ? ", " : " ");
      g_string_append (text, full);
      if (u->parent != NULL && u->parent->tier == CT_LOCALITY_DISTRICT)
        {
          g_autofree gchar *district = ct_locality_full_name (u->parent);

          g_string_append_printf (text, " (%s)", district);
        }
    }
  if (units->len > MAX_UNITS_LISTED)
    g_string_append (text, ", …");
}

/* What a locality's reform tooltip needs of its first report. */
typedef struct
{
  gchar *level;
  gchar *locality;
  gchar *province;
  gchar *date;     /* the report's date, else its year */
} ReformPlace;

static void
reform_place_free (gpointer data)
{
  ReformPlace *place = data;

  g_free (place->level);
  g_free (place->locality);
  g_free (place->province);
  g_free (place->date);
  g_free (place);
}

static ReformPlace *
reform_place_new (const CtReportInfo *info)
{
  ReformPlace *place = g_new0 (ReformPlace, 1);

  place->level = g_strdup (info->level);
  place->locality = g_strdup (info->locality);
  place->province = g_strdup (info->province);
  place->date = info->report_date != NULL ? g_strdup (info->report_date) : g_strdup_printf ("%d", info->year);
  return place;
}

/* A locality across the 2025 reform: the new units that cover a former
 * one, or the former units a new one was formed from. Written when the
 * pointer first rests on the row: the country's gazetteer it needs costs
 * a first paint on a province's library more than the rest of the list. */
static gchar *
reform_tooltip (gpointer data)
{
  ReformPlace *place = data;
  const CtLocality *unit = ct_gazetteer_resolve (ct_gazetteer_get (), place->level, place->locality,
                                                 place->province, place->date);
  g_autoptr(GPtrArray) units = NULL;
  GString *text;

  if (unit == NULL)
    return NULL;
  if (ct_locality_is_after_reform (unit))
    {
      units = ct_locality_predecessors (unit);
      text = g_string_new (_("Formed on 1 July 2025 from:"));
    }
  else
    {
      units = ct_locality_successors (unit);
      text = g_string_new (_("From 1 July 2025 covered by:"));
    }
  if (units->len == 0)
    {
      g_string_free (text, TRUE);
      return NULL;
    }
  append_units (text, units);
  return g_string_free (text, FALSE);
}

static gchar *
count_reports (guint n)
{
  return g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u report", "%u reports", n), n);
}

/* Group key → the former names its reports give the province ("Thừa
 * Thiên Huế trước 1/2025"), shown under the heading; no entry when none. */
static GHashTable *
province_formers (GPtrArray *reports)
{
  g_autoptr(GHashTable) names = g_hash_table_new_full (g_str_hash, g_str_equal, g_free,
                                                       (GDestroyNotify) g_ptr_array_unref);
  GHashTable *formers = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  GHashTableIter iter;
  gpointer key, value;

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      const CtReportInfo *info = g_ptr_array_index (reports, i);
      g_autofree gchar *group = NULL;
      GPtrArray *list;

      if (info->province_former == NULL)
        continue;
      group = province_key (info);
      list = g_hash_table_lookup (names, group);
      if (list == NULL)
        {
          list = g_ptr_array_new ();
          g_hash_table_insert (names, g_steal_pointer (&group), list);
        }
      if (!g_ptr_array_find_with_equal_func (list, info->province_former, g_str_equal, NULL))
        g_ptr_array_add (list, info->province_former);
    }
  g_hash_table_iter_init (&iter, names);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *list = value;

      g_ptr_array_add (list, NULL);
      g_hash_table_insert (formers, g_strdup (key), g_strjoinv (", ", (gchar **) list->pdata));
    }
  return formers;
}

/* "2 reports", or "Thừa Thiên Huế trước 1/2025 · 2 reports" under a
 * province that had another name. */
static void
set_province_subtitle (CtLibraryItem *province,
                       GHashTable    *formers,
                       guint          n_reports)
{
  g_autofree gchar *count = count_reports (n_reports);
  const gchar *former = g_hash_table_lookup (formers, ct_library_item_get_title (province));

  if (former == NULL)
    {
      ct_library_item_set_subtitle (province, count);
      return;
    }
  {
    g_autofree gchar *both = g_strdup_printf ("%s · %s", former, count);

    ct_library_item_set_subtitle (province, both);
  }
}

void
ct_library_sidebar_set_reports (CtLibrarySidebar *self,
                                GPtrArray        *reports)
{
  g_autoptr(GArray) selected = NULL;
  g_autoptr(GPtrArray) roots = NULL;
  g_autoptr(GHashTable) formers = NULL;
  CtLibraryItem *province = NULL;
  CtLibraryItem *locality = NULL;
  guint province_reports = 0, locality_reports = 0;

  g_return_if_fail (CT_IS_LIBRARY_SIDEBAR (self));

  selected = ct_library_sidebar_get_selected_reports (self);
  self->updating = TRUE;
  self->n_reports = reports != NULL ? reports->len : 0;
  /* The tree is built apart and spliced in whole, so every row is bound
   * with its final count. */
  roots = g_ptr_array_new_with_free_func (g_object_unref);
  formers = province_formers (reports);

  for (guint i = 0; reports != NULL && i < reports->len; i++)
    {
      const CtReportInfo *info = g_ptr_array_index (reports, i);
      g_autofree gchar *province_name = province_key (info);
      g_autoptr(CtLibraryItem) report = NULL;
      g_autofree gchar *title = NULL;
      g_autofree gchar *subtitle = NULL;
      g_autofree gchar *figures = NULL;

      if (province == NULL || g_strcmp0 (ct_library_item_get_title (province), province_name) != 0)
        {
          g_autoptr(CtLibraryItem) p = ct_library_item_new (CT_LIBRARY_PROVINCE, province_name, 0);

          /* Close the last locality of the province before leaving it: its
           * count was never written when the next one was a province away. */
          if (province != NULL)
            set_province_subtitle (province, formers, province_reports);
          if (locality != NULL)
            {
              g_autofree gchar *count = count_reports (locality_reports);
              ct_library_item_set_subtitle (locality, count);
            }
          g_ptr_array_add (roots, g_object_ref (p));
          province = p;
          province_reports = 0;
          locality = NULL;
        }
      if (locality == NULL || ct_library_item_get_id (locality) != info->locality_id)
        {
          g_autofree gchar *name = locality_title (info);
          g_autoptr(CtLibraryItem) l = ct_library_item_new (CT_LIBRARY_LOCALITY, name, info->locality_id);

          ct_library_item_set_tooltip_func (l, reform_tooltip, reform_place_new (info), reform_place_free);

          if (locality != NULL)
            {
              g_autofree gchar *count = count_reports (locality_reports);
              ct_library_item_set_subtitle (locality, count);
            }
          g_list_store_append (ct_library_item_get_children (province), l);
          locality = l;
          locality_reports = 0;
        }

      title = g_strdup_printf ("%s %d", info->period != NULL ? info->period : "", info->year);
      figures = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%u figure", "%u figures", info->n_observations),
                                 info->n_observations);
      if (info->n_flagged > 0)
        subtitle = g_strdup_printf (g_dngettext (GETTEXT_PACKAGE, "%s · %u flagged", "%s · %u flagged",
                                                 info->n_flagged),
                                    figures, info->n_flagged);
      else
        subtitle = g_strdup (figures);
      report = ct_library_item_new (CT_LIBRARY_REPORT, g_strstrip (title), info->id);
      ct_library_item_set_subtitle (report, subtitle);
      g_list_store_append (ct_library_item_get_children (locality), report);
      province_reports++;
      locality_reports++;
    }
  if (province != NULL)
    set_province_subtitle (province, formers, province_reports);
  if (locality != NULL)
    {
      g_autofree gchar *count = count_reports (locality_reports);
      ct_library_item_set_subtitle (locality, count);
    }

  g_list_store_splice (self->roots, 0, g_list_model_get_n_items (G_LIST_MODEL (self->roots)),
                       roots->pdata, roots->len);
  ct_library_sidebar_select_reports (self, (const gint64 *) selected->data, selected->len);
  self->updating = FALSE;
  g_signal_emit (self, signals[SELECTION_CHANGED], 0);
}

guint
ct_library_sidebar_get_n_reports (CtLibrarySidebar *self)
{
  g_return_val_if_fail (CT_IS_LIBRARY_SIDEBAR (self), 0);
  return self->n_reports;
}

GListModel *
ct_library_sidebar_get_model (CtLibrarySidebar *self)
{
  g_return_val_if_fail (CT_IS_LIBRARY_SIDEBAR (self), NULL);
  return G_LIST_MODEL (self->tree);
}

GArray *
ct_library_sidebar_get_selected_reports (CtLibrarySidebar *self)
{
  g_autoptr(GtkBitset) selected = NULL;
  g_autoptr(GHashTable) seen = g_hash_table_new (g_int64_hash, g_int64_equal);
  g_autoptr(GArray) all = g_array_new (FALSE, FALSE, sizeof (gint64));
  GArray *ids = g_array_new (FALSE, FALSE, sizeof (gint64));
  GtkBitsetIter iter;
  guint pos;

  g_return_val_if_fail (CT_IS_LIBRARY_SIDEBAR (self), ids);

  selected = gtk_selection_model_get_selection (GTK_SELECTION_MODEL (self->selection));
  for (gboolean ok = gtk_bitset_iter_init_first (&iter, selected, &pos); ok;
       ok = gtk_bitset_iter_next (&iter, &pos))
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), pos);
      g_autoptr(CtLibraryItem) item = row != NULL ? gtk_tree_list_row_get_item (row) : NULL;

      if (item != NULL)
        ct_library_item_collect_reports (item, all);
    }
  for (guint i = 0; i < all->len; i++)
    {
      gint64 *id = &g_array_index (all, gint64, i);

      if (g_hash_table_add (seen, id))
        g_array_append_val (ids, *id);
    }
  return ids;
}

void
ct_library_sidebar_select_reports (CtLibrarySidebar *self,
                                   const gint64     *ids,
                                   guint             n_ids)
{
  g_autoptr(GtkBitset) mask = NULL;
  g_autoptr(GtkBitset) chosen = gtk_bitset_new_empty ();
  g_autoptr(GHashTable) wanted = g_hash_table_new (g_int64_hash, g_int64_equal);
  guint n;

  g_return_if_fail (CT_IS_LIBRARY_SIDEBAR (self));

  for (guint i = 0; i < n_ids; i++)
    g_hash_table_add (wanted, (gpointer) &ids[i]);
  n = g_list_model_get_n_items (G_LIST_MODEL (self->tree));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GtkTreeListRow) row = g_list_model_get_item (G_LIST_MODEL (self->tree), i);
      g_autoptr(CtLibraryItem) item = gtk_tree_list_row_get_item (row);
      gint64 id = ct_library_item_get_id (item);

      if (ct_library_item_get_kind (item) == CT_LIBRARY_REPORT && g_hash_table_contains (wanted, &id))
        gtk_bitset_add (chosen, i);
    }
  mask = gtk_bitset_new_range (0, n);
  gtk_selection_model_set_selection (GTK_SELECTION_MODEL (self->selection), chosen, mask);
}

void
ct_library_sidebar_unselect_all (CtLibrarySidebar *self)
{
  g_return_if_fail (CT_IS_LIBRARY_SIDEBAR (self));
  gtk_selection_model_unselect_all (GTK_SELECTION_MODEL (self->selection));
}

static void
ct_library_sidebar_dispose (GObject *object)
{
  CtLibrarySidebar *self = CT_LIBRARY_SIDEBAR (object);

  g_clear_pointer (&self->scroller, gtk_widget_unparent);
  g_clear_object (&self->selection);
  g_clear_object (&self->roots);

  G_OBJECT_CLASS (ct_library_sidebar_parent_class)->dispose (object);
}

static void
ct_library_sidebar_class_init (CtLibrarySidebarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = ct_library_sidebar_dispose;

  signals[SELECTION_CHANGED] = g_signal_new ("selection-changed", G_TYPE_FROM_CLASS (klass),
                                             G_SIGNAL_RUN_LAST, 0, NULL, NULL, NULL,
                                             G_TYPE_NONE, 0);

  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "ct-library-sidebar");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
ct_library_sidebar_init (CtLibrarySidebar *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  self->roots = g_list_store_new (CT_TYPE_LIBRARY_ITEM);
  self->tree = gtk_tree_list_model_new (G_LIST_MODEL (g_object_ref (self->roots)), FALSE, TRUE,
                                        create_children, NULL, NULL);
  self->selection = gtk_multi_selection_new (G_LIST_MODEL (self->tree));
  g_signal_connect (self->selection, "selection-changed", G_CALLBACK (on_selection_changed), self);

  g_signal_connect (factory, "setup", G_CALLBACK (setup_row), NULL);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_row), NULL);
  self->list_view = gtk_list_view_new (GTK_SELECTION_MODEL (g_object_ref (self->selection)), factory);
  gtk_widget_add_css_class (self->list_view, "navigation-sidebar");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, _("Report library"),
                                  GTK_ACCESSIBLE_PROPERTY_DESCRIPTION,
                                  _("Choose reports, localities or provinces to compare; Control or Shift adds to the choice."),
                                  -1);

  self->scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (self->scroller), GTK_POLICY_NEVER, GTK_POLICY_AUTOMATIC);
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (self->scroller), self->list_view);
  gtk_widget_set_parent (self->scroller, GTK_WIDGET (self));
}

GtkWidget *
ct_library_sidebar_new (void)
{
  return g_object_new (CT_TYPE_LIBRARY_SIDEBAR, NULL);
}
