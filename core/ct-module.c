/* ct-module.c: the program's loadable modules, found and opened once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include "ct-module.h"

#include <gmodule.h>

typedef struct
{
  CtModuleStatus  status;
  gchar          *path;
  GModule        *module;
} Loaded;

/* Where to look, in order: the tests' and benchmarks' folder, beside the
 * running program (the build tree, a relocated install), the install. */
static GPtrArray *
module_dirs (void)
{
  GPtrArray *dirs = g_ptr_array_new_with_free_func (g_free);
  const gchar *env = g_getenv ("CHITIEU_MODULE_DIR");
  g_autofree gchar *self = g_file_read_link ("/proc/self/exe", NULL);

  if (env != NULL && env[0] != '\0')
    g_ptr_array_add (dirs, g_strdup (env));
  if (self != NULL)
    g_ptr_array_add (dirs, g_path_get_dirname (self));
  g_ptr_array_add (dirs, g_strdup (CT_MODULEDIR));
  return dirs;
}

static Loaded *
load (const gchar *name)
{
  Loaded *loaded = g_new0 (Loaded, 1);
  g_autoptr(GPtrArray) dirs = module_dirs ();

  loaded->status = CT_MODULE_MISSING;
  for (guint i = 0; i < dirs->len && loaded->path == NULL; i++)
    {
      g_autofree gchar *path = g_module_build_path (g_ptr_array_index (dirs, i), name);

      if (g_file_test (path, G_FILE_TEST_EXISTS))
        loaded->path = g_steal_pointer (&path);
    }
  if (loaded->path == NULL)
    return loaded;
  /* Never closed: what it returns is freed with its own functions. */
  loaded->module = g_module_open (loaded->path, G_MODULE_BIND_LAZY | G_MODULE_BIND_LOCAL);
  if (loaded->module == NULL)
    {
      /* The loader says which library is missing, in English: for the log. */
      g_debug ("%s: %s", loaded->path, g_module_error ());
      loaded->status = CT_MODULE_BROKEN;
      return loaded;
    }
  g_module_make_resident (loaded->module);
  loaded->status = CT_MODULE_FOUND;
  return loaded;
}

gpointer
ct_module_symbol (const gchar     *name,
                  const gchar     *symbol,
                  CtModuleStatus  *status,
                  const gchar    **path)
{
  static GMutex lock;
  static GHashTable *modules;
  Loaded *loaded;
  gpointer address = NULL;

  g_mutex_lock (&lock);
  if (modules == NULL)
    modules = g_hash_table_new (g_str_hash, g_str_equal);
  loaded = g_hash_table_lookup (modules, name);
  if (loaded == NULL)
    {
      loaded = load (name);
      g_hash_table_insert (modules, g_strdup (name), loaded);
    }
  g_mutex_unlock (&lock);

  *status = loaded->status;
  if (path != NULL)
    *path = loaded->path;
  if (loaded->status == CT_MODULE_FOUND && !g_module_symbol (loaded->module, symbol, &address))
    *status = CT_MODULE_BROKEN;
  return *status == CT_MODULE_FOUND ? address : NULL;
}
